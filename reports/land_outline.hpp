#pragma once
// Coastlines for maps of the DCs: Natural Earth's 1:110m land polygons (public domain), kept in
// reports/assets/land-110m.txt (format in reports/assets/README.md) and compiled into the
// library, so neither the HTML report nor the viewer needs a data file at run time.

#include <string_view>
#include <vector>

namespace b24::reports {

struct GeoPoint {
  double lon_deg = 0.0;  // [-180, 180], east positive
  double lat_deg = 0.0;  // [-90, 90], north positive
};

// One closed ring (the last point joins the first). Outer boundaries and holes (the Caspian
// Sea) are not told apart: fill the rings together with the even-odd rule.
using LandRing = std::vector<GeoPoint>;

// Parses the land-110m.txt format: one ring per line, "lon,lat" pairs separated by spaces;
// '#' lines and blank lines are skipped. Throws ReportError naming the line on malformed text
// (a pair without a comma, a number out of range, a ring of fewer than three points).
[[nodiscard]] std::vector<LandRing> parse_land_outline(std::string_view text);

// The text of reports/assets/land-110m.txt as it was at build time.
[[nodiscard]] std::string_view land_110m_text() noexcept;

// parse_land_outline(land_110m_text()), parsed once.
[[nodiscard]] const std::vector<LandRing>& land_110m();

}  // namespace b24::reports
