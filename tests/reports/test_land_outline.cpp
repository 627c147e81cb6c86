// The coastline file's parser (reports/land_outline.hpp) and the compiled-in Natural Earth
// 1:110m land (reports/assets/land-110m.txt), which the report's maps and the viewer draw.

#include <gtest/gtest.h>

#include <cmath>

#include "reports/land_outline.hpp"
#include "reports/report_error.hpp"

namespace b24::reports {
namespace {

TEST(LandOutline, ParsesRingsAndSkipsCommentsAndBlankLines) {
  const std::vector<LandRing> rings = parse_land_outline(
      "# a comment\n"
      "\n"
      "-10.5,20 0,21.25 5,-3\n"
      "170,-80 180.0,-90 -180,-90 -170.1,-80\r\n");
  ASSERT_EQ(rings.size(), 2u);
  ASSERT_EQ(rings[0].size(), 3u);
  EXPECT_DOUBLE_EQ(rings[0][0].lon_deg, -10.5);
  EXPECT_DOUBLE_EQ(rings[0][0].lat_deg, 20.0);
  EXPECT_DOUBLE_EQ(rings[0][1].lat_deg, 21.25);
  ASSERT_EQ(rings[1].size(), 4u);
  EXPECT_DOUBLE_EQ(rings[1][3].lon_deg, -170.1);
  EXPECT_DOUBLE_EQ(rings[1][3].lat_deg, -80.0);
}

TEST(LandOutline, EmptyTextHasNoRings) {
  EXPECT_TRUE(parse_land_outline("# only\n").empty());
}

void expect_error(std::string_view text, const std::string& fragment) {
  try {
    (void)parse_land_outline(text);
    FAIL() << "no error for: " << text;
  } catch (const ReportError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(LandOutline, MalformedLinesAreErrorsNamingTheLine) {
  expect_error("# x\n0,0 1,1 2;2\n", "line 2: '2;2' is not a lon,lat pair");
  expect_error("0,0 1,1 2,x\n", "line 1: 'x' is not a number");
  expect_error("0,0 1,1 181,0\n", "'181' is outside [-180, 180]");
  expect_error("0,0 1,1 0,-90.5\n", "'-90.5' is outside [-90, 90]");
  expect_error("0,0 1,1\n", "line 1: a ring needs at least three points");
  expect_error("0,0 1,1 2,2 3\n", "'3' is not a lon,lat pair");
}

// The shipped data: every continent's outline, in range, and no ring jumping across the map
// between neighbouring points except along the edges (make_land.js cuts rings at +-180).
TEST(LandOutline, CompiledInNaturalEarthLand) {
  const std::vector<LandRing>& land = land_110m();
  ASSERT_GT(land.size(), 100u);
  std::size_t points = 0;
  for (const LandRing& ring : land) {
    points += ring.size();
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const GeoPoint& a = ring[i];
      const GeoPoint& b = ring[(i + 1) % ring.size()];
      ASSERT_LE(std::abs(a.lon_deg), 180.0);
      ASSERT_LE(std::abs(a.lat_deg), 90.0);
      const bool along_edge = std::abs(a.lat_deg) == 90.0 && std::abs(b.lat_deg) == 90.0;
      EXPECT_TRUE(along_edge || std::abs(a.lon_deg - b.lon_deg) <= 180.0)
          << a.lon_deg << "," << a.lat_deg << " -> " << b.lon_deg << "," << b.lat_deg;
    }
  }
  EXPECT_GT(points, 4000u);
  // A point inside Europe's ring is on land: Frankfurt lies within the bounding box of some
  // ring that spans from the Atlantic to the Pacific (Eurasia).
  bool eurasia = false;
  for (const LandRing& ring : land) {
    double west = 180, east = -180;
    for (const GeoPoint& p : ring) {
      west = std::min(west, p.lon_deg);
      east = std::max(east, p.lon_deg);
    }
    eurasia = eurasia || (west < -5.0 && east > 170.0 && ring.size() > 1000);
  }
  EXPECT_TRUE(eurasia);
  EXPECT_EQ(&land_110m(), &land);  // parsed once
}

}  // namespace
}  // namespace b24::reports
