#pragma once
// The map's projection: equirectangular with a standard parallel at the middle of the view
// (x = lon * cos(lat0), y = lat), which keeps Europe's shapes recognisable without a
// projection library, zoomed to the DCs' bounding box with a margin.

#include <QPointF>
#include <QRectF>
#include <vector>

#include "viewer/run_data.hpp"

namespace b24::viewer {

struct GeoBox {
  double lon_min = -180.0;
  double lon_max = 180.0;
  double lat_min = -60.0;
  double lat_max = 75.0;
};

// The DCs with coordinates, widened by a margin (20 % of the span, at least 4 degrees) and to
// at least 24 x 14 degrees, so that one DC or two close ones still show their surroundings. The
// whole world when no DC has coordinates.
[[nodiscard]] GeoBox dc_bounding_box(const std::vector<DcSite>& dcs);

class GeoProjection {
 public:
  // Fits `box` into `target`, centred, keeping the projection's aspect ratio.
  GeoProjection(const GeoBox& box, const QRectF& target);

  [[nodiscard]] QPointF to_screen(double lon_deg, double lat_deg) const;
  // The inverse: x is longitude, y latitude (unclamped; off-map points give off-map degrees).
  [[nodiscard]] QPointF to_geo(const QPointF& screen) const;
  // The box that this projection shows in the whole of `target` (wider or taller than the box
  // it was made from, when the aspect ratios differ).
  [[nodiscard]] GeoBox visible_box(const QRectF& target) const;
  // Degrees of longitude per pixel at the standard parallel's scale (to skip tiny polygon
  // segments when drawing coastlines).
  [[nodiscard]] double pixels_per_degree() const noexcept { return scale_; }
  [[nodiscard]] const QRectF& viewport() const noexcept { return viewport_; }

 private:
  double cos_lat0_ = 1.0;
  double scale_ = 1.0;  // pixels per projected degree
  double x0_ = 0.0;     // projected x of the left edge
  double y0_ = 0.0;     // latitude of the top edge
  QRectF viewport_;     // the part of the target the box covers
};

}  // namespace b24::viewer
