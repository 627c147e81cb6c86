#pragma once
// The land outlines behind the map: the same Natural Earth 1:110m rings as the HTML report
// (reports/land_outline.hpp, compiled into b24_reports), when this build has them; an empty list
// otherwise (the map then draws a graticule only). One switch in viewer/CMakeLists.txt.

#include <vector>

namespace b24::viewer {

struct LonLat {
  double lon_deg = 0.0;
  double lat_deg = 0.0;
};

using LandPolygon = std::vector<LonLat>;

// Parsed once, on first use; empty when the build has no coastlines.
[[nodiscard]] const std::vector<LandPolygon>& land_polygons();

}  // namespace b24::viewer
