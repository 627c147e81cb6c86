#pragma once
// Geography of the platform: great-circle distance between two points on the Earth and the
// one-way propagation delay of an optical fiber that covers it.
//
// Model (an explicit assumption, not a measurement):
// - The Earth is a sphere of radius 6371 km (the IUGG mean radius); distances come from the
//   haversine formula. The ellipsoid (WGS-84) differs by up to about 0.5 %, far less than the
//   uncertainty of real fiber routes, so the sphere is good enough here.
// - Light in fiber travels at about 2/3 of c (refractive index of silica about 1.47-1.5).
// - Fiber does not follow the great circle: cables run along coasts, roads and landing points.
//   The route factor (fiber length / great-circle length) is a parameter; its default 1.5 is an
//   assumption in the range practitioners quote for terrestrial plus submarine paths.
// - Only propagation is modelled: no queueing, serialization or router hops.

#include "sim/time.hpp"

namespace b24::models {

inline constexpr double earth_radius_km = 6371.0;
inline constexpr double speed_of_light_km_per_s = 299'792.458;
inline constexpr double fiber_speed_fraction = 2.0 / 3.0;
inline constexpr double default_route_factor = 1.5;

struct GeoPoint {
  double latitude_deg = 0.0;   // [-90, 90], north positive
  double longitude_deg = 0.0;  // [-180, 180], east positive
};

// Throws std::invalid_argument when a coordinate is outside its range or not finite.
void validate_geo_point(GeoPoint p);

// Great-circle distance in km (haversine on the 6371 km sphere). Throws std::invalid_argument on
// invalid coordinates.
[[nodiscard]] double great_circle_km(GeoPoint a, GeoPoint b);

// One-way fiber latency for a great-circle distance: distance x route_factor / (2/3 c), rounded
// to the nearest microsecond. Throws std::invalid_argument when the distance is negative or not
// finite, or when the route factor is below 1 (fiber cannot be shorter than the great circle) or
// not finite.
[[nodiscard]] sim::Duration fiber_latency(double distance_km,
                                          double route_factor = default_route_factor);
[[nodiscard]] sim::Duration fiber_latency(GeoPoint a, GeoPoint b,
                                          double route_factor = default_route_factor);

}  // namespace b24::models
