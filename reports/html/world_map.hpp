#pragma once
// Maps of the DCs as inline SVG over Natural Earth coastlines, in the equirectangular
// projection (x = longitude, y = -latitude, in degrees, so the SVG's own coordinates are
// degrees). A world map, plus a detail map for each cluster of DCs too close together to label
// on the world map (Europe's DCs are a few degrees apart). The coastline path is written once
// and reused by the detail maps through <use href="#...">.

#include <string>
#include <vector>

#include "reports/land_outline.hpp"

namespace b24::reports::html {

struct MapMarker {
  std::string name;     // "fra"
  std::string label;    // "Frankfurt am Main"
  std::string tooltip;  // details shown on hover and to screen readers
  double latitude_deg = 0.0;
  double longitude_deg = 0.0;
  double weight = 0.0;  // in [0, 1]: the marker's area grows with it (e.g. peak load / max)
  enum class State { quiet, incident, failed } state = State::quiet;
};

struct MapLine {
  std::string a;  // marker names
  std::string b;
  bool cut = false;  // partitioned during the run
};

// The world map and detail maps, each an <svg class="map" data-markers="N">, in a <div>.
[[nodiscard]] std::string render_dc_maps(const std::vector<MapMarker>& markers,
                                         const std::vector<MapLine>& lines,
                                         const std::vector<LandRing>& land);

// The coastline rings as one SVG path (degrees, one decimal), the rings between
// lat_min and lat_max only.
[[nodiscard]] std::string land_path(const std::vector<LandRing>& land, double lat_min,
                                    double lat_max);

}  // namespace b24::reports::html
