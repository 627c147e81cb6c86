#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "models/geo.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

constexpr GeoPoint frankfurt{50.1109, 8.6821};
constexpr GeoPoint moscow{55.7558, 37.6173};
constexpr GeoPoint new_york{40.7128, -74.0060};
constexpr GeoPoint london{51.5074, -0.1278};

// Rosetta Code, "Haversine formula": Nashville BNA (36.12, -86.67) to Los Angeles LAX
// (33.94, -118.40) is 2887.2599506071106 km on a sphere of radius 6372.8 km. Distance scales
// with the radius, so on our 6371 km sphere it is 2887.2599506071106 x 6371 / 6372.8.
TEST(GeoDistance, MatchesRosettaCodeReferenceScaledToOurRadius) {
  const double expected = 2887.2599506071106 * 6371.0 / 6372.8;
  EXPECT_NEAR(great_circle_km({36.12, -86.67}, {33.94, -118.40}), expected, 1e-6);
}

// Ed Williams' Aviation Formulary worked example: LAX (33deg57'N, 118deg24'W) to JFK
// (40deg38'N, 73deg47'W) is 0.623585 rad of arc. Six decimals of radians: +-5e-7 rad, 3 m.
TEST(GeoDistance, MatchesAviationFormularyLaxJfkArc) {
  const GeoPoint lax{33.0 + 57.0 / 60.0, -(118.0 + 24.0 / 60.0)};
  const GeoPoint jfk{40.0 + 38.0 / 60.0, -(73.0 + 47.0 / 60.0)};
  EXPECT_NEAR(great_circle_km(lax, jfk), 0.623585 * 6371.0, 0.005);
}

// City-centre pairs against the distances that great-circle calculators publish (rounded to
// 10 km): Frankfurt-Moscow about 2,020 km, New York-London about 5,570 km. Tolerance 0.5 %:
// it covers the choice of city-centre coordinates and sphere vs ellipsoid, and would still
// catch a wrong radius, degrees used as radians or a swapped latitude/longitude.
TEST(GeoDistance, MatchesPublishedCityPairDistances) {
  EXPECT_NEAR(great_circle_km(frankfurt, moscow), 2020.0, 2020.0 * 0.005);
  EXPECT_NEAR(great_circle_km(new_york, london), 5570.0, 5570.0 * 0.005);
}

TEST(GeoDistance, IsSymmetricZeroOnAPointAndHalfTheCircumferenceAtTheAntipode) {
  EXPECT_DOUBLE_EQ(great_circle_km(frankfurt, moscow), great_circle_km(moscow, frankfurt));
  EXPECT_DOUBLE_EQ(great_circle_km(london, london), 0.0);
  // Antipodal points are where rounding can push the haversine past 1 (asin would give NaN).
  const double half = std::numbers::pi * earth_radius_km;
  EXPECT_NEAR(great_circle_km({90.0, 0.0}, {-90.0, 0.0}), half, 1e-6);
  EXPECT_NEAR(great_circle_km({0.0, 180.0}, {0.0, 0.0}), half, 1e-6);
  EXPECT_NEAR(great_circle_km({40.7128, -74.0060}, {-40.7128, 105.9940}), half, 1e-6);
  // One degree of latitude along a meridian: 2 pi R / 360.
  EXPECT_NEAR(great_circle_km({10.0, 20.0}, {11.0, 20.0}), 2.0 * half / 360.0, 1e-9);
}

TEST(GeoDistance, RejectsCoordinatesOutsideTheirRange) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW((void)great_circle_km({90.5, 0.0}, london), std::invalid_argument);
  EXPECT_THROW((void)great_circle_km(london, {-91.0, 0.0}), std::invalid_argument);
  EXPECT_THROW((void)great_circle_km({0.0, 180.1}, london), std::invalid_argument);
  EXPECT_THROW((void)great_circle_km({nan, 0.0}, london), std::invalid_argument);
  EXPECT_NO_THROW((void)great_circle_km({-90.0, -180.0}, {90.0, 180.0}));
}

// By hand: fiber moves at 2/3 x 299,792.458 = 199,861.6387 km/s.
// 2000 km x 1.5 / 199,861.6387 km/s = 15,010.38 us -> 15,010 us;
// 2000 km x 1.0 -> 10,006.92 us -> 10,007 us (rounds up); 1 km x 1.0 -> 5.0035 us -> 5 us.
TEST(GeoLatency, MatchesTheFormulaWorkedByHand) {
  EXPECT_EQ(fiber_latency(2000.0), 15'010us);
  EXPECT_EQ(fiber_latency(2000.0, 1.5), 15'010us);
  EXPECT_EQ(fiber_latency(2000.0, 1.0), 10'007us);
  EXPECT_EQ(fiber_latency(1.0, 1.0), 5us);
  EXPECT_EQ(fiber_latency(0.0), 0us);
  EXPECT_EQ(fiber_latency(frankfurt, moscow), fiber_latency(great_circle_km(frankfurt, moscow)));
  // Frankfurt-Moscow, 2,021 km: about 15.2 ms one way with the default route factor.
  EXPECT_NEAR(static_cast<double>(fiber_latency(frankfurt, moscow).count()), 15'170.0, 10.0);
}

TEST(GeoLatency, RejectsRouteFactorsBelowOneAndNegativeDistances) {
  EXPECT_THROW((void)fiber_latency(100.0, 0.99), std::invalid_argument);
  EXPECT_THROW((void)fiber_latency(100.0, std::numeric_limits<double>::infinity()),
               std::invalid_argument);
  EXPECT_THROW((void)fiber_latency(-1.0), std::invalid_argument);
  EXPECT_THROW((void)fiber_latency(std::numeric_limits<double>::quiet_NaN()),
               std::invalid_argument);
  EXPECT_NO_THROW((void)fiber_latency(100.0, 1.0));
}

}  // namespace
}  // namespace b24::models
