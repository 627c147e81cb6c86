#include "viewer/geo_projection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace b24::viewer {
namespace {

void widen(double& low, double& high, double min_span, double limit_low, double limit_high) {
  const double span = high - low;
  const double margin = std::max(0.2 * span, 4.0);
  low -= margin;
  high += margin;
  if (high - low < min_span) {
    const double mid = (low + high) / 2.0;
    low = mid - min_span / 2.0;
    high = mid + min_span / 2.0;
  }
  low = std::max(low, limit_low);
  high = std::min(high, limit_high);
}

}  // namespace

GeoBox dc_bounding_box(const std::vector<DcSite>& dcs) {
  GeoBox box{180.0, -180.0, 90.0, -90.0};
  bool any = false;
  for (const DcSite& dc : dcs) {
    if (!dc.latitude_deg || !dc.longitude_deg) continue;
    any = true;
    box.lon_min = std::min(box.lon_min, *dc.longitude_deg);
    box.lon_max = std::max(box.lon_max, *dc.longitude_deg);
    box.lat_min = std::min(box.lat_min, *dc.latitude_deg);
    box.lat_max = std::max(box.lat_max, *dc.latitude_deg);
  }
  if (!any) return GeoBox{};
  widen(box.lon_min, box.lon_max, 24.0, -180.0, 180.0);
  widen(box.lat_min, box.lat_max, 14.0, -80.0, 84.0);
  return box;
}

GeoProjection::GeoProjection(const GeoBox& box, const QRectF& target) {
  const double lat0 = std::clamp((box.lat_min + box.lat_max) / 2.0, -60.0, 60.0);
  cos_lat0_ = std::cos(lat0 * std::numbers::pi / 180.0);
  const double width_deg = std::max((box.lon_max - box.lon_min) * cos_lat0_, 1e-6);
  const double height_deg = std::max(box.lat_max - box.lat_min, 1e-6);
  scale_ = std::min(target.width() / width_deg, target.height() / height_deg);
  const double w = width_deg * scale_;
  const double h = height_deg * scale_;
  viewport_ = QRectF(target.center().x() - w / 2.0, target.center().y() - h / 2.0, w, h);
  x0_ = box.lon_min * cos_lat0_;
  y0_ = box.lat_max;
}

QPointF GeoProjection::to_screen(double lon_deg, double lat_deg) const {
  return {viewport_.left() + (lon_deg * cos_lat0_ - x0_) * scale_,
          viewport_.top() + (y0_ - lat_deg) * scale_};
}

QPointF GeoProjection::to_geo(const QPointF& screen) const {
  return {((screen.x() - viewport_.left()) / scale_ + x0_) / cos_lat0_,
          y0_ - (screen.y() - viewport_.top()) / scale_};
}

GeoBox GeoProjection::visible_box(const QRectF& target) const {
  const QPointF top_left = to_geo(target.topLeft());
  const QPointF bottom_right = to_geo(target.bottomRight());
  return GeoBox{top_left.x(), bottom_right.x(), bottom_right.y(), top_left.y()};
}

}  // namespace b24::viewer
