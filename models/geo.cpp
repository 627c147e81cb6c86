#include "models/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "sim/assert.hpp"

namespace b24::models {
namespace {

double radians(double deg) {
  return deg * std::numbers::pi / 180.0;
}

}  // namespace

void validate_geo_point(GeoPoint p) {
  if (!std::isfinite(p.latitude_deg) || p.latitude_deg < -90.0 || p.latitude_deg > 90.0) {
    throw std::invalid_argument("latitude " + std::to_string(p.latitude_deg) +
                                " deg is outside [-90, 90]");
  }
  if (!std::isfinite(p.longitude_deg) || p.longitude_deg < -180.0 || p.longitude_deg > 180.0) {
    throw std::invalid_argument("longitude " + std::to_string(p.longitude_deg) +
                                " deg is outside [-180, 180]");
  }
}

double great_circle_km(GeoPoint a, GeoPoint b) {
  validate_geo_point(a);
  validate_geo_point(b);
  const double phi1 = radians(a.latitude_deg);
  const double phi2 = radians(b.latitude_deg);
  const double dphi = phi2 - phi1;
  const double dlambda = radians(b.longitude_deg - a.longitude_deg);
  const double s_phi = std::sin(dphi / 2.0);
  const double s_lambda = std::sin(dlambda / 2.0);
  // Haversine rather than the spherical law of cosines: it stays accurate for nearby points.
  double h = s_phi * s_phi + std::cos(phi1) * std::cos(phi2) * s_lambda * s_lambda;
  // Rounding can push h a hair past 1 for antipodal points; asin would then return NaN.
  h = std::clamp(h, 0.0, 1.0);
  const double d = 2.0 * earth_radius_km * std::asin(std::sqrt(h));
  B24_ASSERT(d >= 0.0);
  B24_ASSERT(d <= std::numbers::pi * earth_radius_km + 1e-6);
  return d;
}

sim::Duration fiber_latency(double distance_km, double route_factor) {
  if (!std::isfinite(distance_km) || distance_km < 0.0) {
    throw std::invalid_argument("distance " + std::to_string(distance_km) +
                                " km must be finite and non-negative");
  }
  if (!std::isfinite(route_factor) || route_factor < 1.0) {
    throw std::invalid_argument("route factor " + std::to_string(route_factor) +
                                " must be finite and at least 1 (fiber is never shorter than "
                                "the great circle)");
  }
  const double seconds =
      distance_km * route_factor / (fiber_speed_fraction * speed_of_light_km_per_s);
  const sim::Duration latency = sim::from_seconds(seconds);  // nearest microsecond
  B24_ASSERT(latency.count() >= 0);
  return latency;
}

sim::Duration fiber_latency(GeoPoint a, GeoPoint b, double route_factor) {
  return fiber_latency(great_circle_km(a, b), route_factor);
}

}  // namespace b24::models
