#include "viewer/coastlines.hpp"

#if B24_VIEWER_HAS_LAND_OUTLINE
#include "reports/land_outline.hpp"
#endif

namespace b24::viewer {

const std::vector<LandPolygon>& land_polygons() {
  static const std::vector<LandPolygon> polygons = [] {
    std::vector<LandPolygon> out;
#if B24_VIEWER_HAS_LAND_OUTLINE
    for (const reports::LandRing& ring : reports::land_110m()) {
      LandPolygon& polygon = out.emplace_back();
      polygon.reserve(ring.size());
      for (const reports::GeoPoint& p : ring) polygon.push_back({p.lon_deg, p.lat_deg});
    }
#endif
    return out;
  }();
  return polygons;
}

}  // namespace b24::viewer
