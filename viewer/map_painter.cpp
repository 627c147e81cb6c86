#include "viewer/map_painter.hpp"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <vector>

#include "viewer/coastlines.hpp"
#include "viewer/map_style.hpp"

namespace b24::viewer {
namespace {

QPointF unit(const QPointF& v) {
  const double length = std::hypot(v.x(), v.y());
  return length > 0 ? v / length : QPointF(0, 0);
}

void paint_arrow_head(QPainter& p, const QPointF& tip, const QPointF& direction,
                      const QColor& colour) {
  const QPointF d = unit(direction);
  const QPointF n(-d.y(), d.x());
  const QPointF base = tip - d * 9.0;
  QPolygonF head;
  head << tip << base + n * 4.5 << base - n * 4.5;
  p.setPen(Qt::NoPen);
  p.setBrush(colour);
  p.drawPolygon(head);
}

void paint_graticule(QPainter& p, const MapFrame& frame) {
  const GeoBox visible = frame.projection.visible_box(frame.area);
  const double span = visible.lon_max - visible.lon_min;
  const double step = span > 120 ? 30.0 : (span > 40 ? 10.0 : 5.0);
  p.setPen(QPen(QColor(0xc6, 0xd4, 0xdf), 0.8));
  for (double lon = std::ceil(visible.lon_min / step) * step; lon <= visible.lon_max; lon += step) {
    p.drawLine(frame.projection.to_screen(lon, visible.lat_max),
               frame.projection.to_screen(lon, visible.lat_min));
  }
  for (double lat = std::ceil(visible.lat_min / step) * step; lat <= visible.lat_max; lat += step) {
    p.drawLine(frame.projection.to_screen(visible.lon_min, lat),
               frame.projection.to_screen(visible.lon_max, lat));
  }
}

}  // namespace

MapFrame make_map_frame(const MapSnapshot& snapshot, const GeoBox& box, const QRectF& area) {
  MapFrame frame{area, GeoProjection(box, area.adjusted(10, 10, -10, -10)), {}};
  int unplaced = 0;
  for (const DcMarker& dc : snapshot.dcs) unplaced += dc.latitude_deg ? 0 : 1;
  int index = 0;
  for (const DcMarker& dc : snapshot.dcs) {
    if (dc.latitude_deg && dc.longitude_deg) {
      frame.positions[dc.name] = frame.projection.to_screen(*dc.longitude_deg, *dc.latitude_deg);
    } else {
      const double x = area.left() + area.width() * (index + 1) / (unplaced + 1);
      frame.positions[dc.name] = QPointF(x, area.center().y());
      ++index;
    }
  }
  return frame;
}

QPainterPath land_path(const GeoProjection& projection) {
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  for (const LandPolygon& ring : land_polygons()) {
    if (ring.empty()) continue;
    // Rings that cross the antimeridian (Chukotka, Fiji) jump from -180 to 180: unwrap them
    // into one continuous ring, then draw it again one turn east or west wherever that copy
    // reaches the map, instead of drawing a line across the whole world.
    std::vector<QPointF> points;
    points.reserve(ring.size());
    double offset = 0.0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
      if (i > 0) {
        const double jump = ring[i].lon_deg - ring[i - 1].lon_deg;
        if (jump > 180.0) offset -= 360.0;
        if (jump < -180.0) offset += 360.0;
      }
      points.emplace_back(ring[i].lon_deg + offset, ring[i].lat_deg);
    }
    const auto [low, high] = std::minmax_element(points.begin(), points.end(),
                                                 [](auto& a, auto& b) { return a.x() < b.x(); });
    for (const double turn : {-360.0, 0.0, 360.0}) {
      if (high->x() + turn < -180.0 || low->x() + turn > 180.0) continue;
      path.moveTo(projection.to_screen(points.front().x() + turn, points.front().y()));
      for (std::size_t i = 1; i < points.size(); ++i) {
        path.lineTo(projection.to_screen(points[i].x() + turn, points[i].y()));
      }
      path.closeSubpath();
    }
  }
  return path;
}

QPainterPath replication_curve(const QPointF& from, const QPointF& to) {
  const QPointF d = to - from;
  const QPointF normal(d.y(), -d.x());  // the left of the direction, on screen (y down)
  const QPointF control = (from + to) / 2.0 + normal * 0.18;
  QPainterPath path(from);
  path.quadTo(control, to);
  return path;
}

void paint_background(QPainter& p, const MapFrame& frame, const QPainterPath& land) {
  p.fillRect(frame.area, ocean_colour);
  paint_graticule(p, frame);
  p.setPen(QPen(coast_colour, 0.8));
  p.setBrush(land_colour);
  p.drawPath(land);
}

void paint_links(QPainter& p, const MapSnapshot& snapshot, const MapFrame& frame) {
  for (const LinkLine& link : snapshot.links) {
    const auto a = frame.positions.find(link.a);
    const auto b = frame.positions.find(link.b);
    if (a == frame.positions.end() || b == frame.positions.end()) continue;
    const bool cut = link.state == LinkState::cut;
    QPen pen(cut ? cut_colour : link_colour, cut ? 2.0 : 1.2, cut ? Qt::DashLine : Qt::SolidLine);
    p.setPen(pen);
    p.drawLine(a->second, b->second);
    if (cut) {
      const QPointF mid = (a->second + b->second) / 2.0;
      p.setFont(QFont(p.font().family(), 8, QFont::Bold));
      p.drawText(QRectF(mid.x() - 30, mid.y() - 16, 60, 14), Qt::AlignCenter, "cut");
    }
  }
}

void paint_replication(QPainter& p, const MapSnapshot& snapshot, const MapFrame& frame,
                       const std::string& selected) {
  for (const ReplArrow& edge : snapshot.replication) {
    const auto a = frame.positions.find(edge.source);
    const auto b = frame.positions.find(edge.replica);
    if (a == frame.positions.end() || b == frame.positions.end()) continue;
    const QColor colour = repl_colour(edge);
    const bool highlighted = selected == "repl/" + edge.source + "->" + edge.replica;
    const QPainterPath curve = replication_curve(a->second, b->second);
    // Stop the arrow at the replica's marker edge rather than its centre.
    const double end = std::max(0.5, 1.0 - 14.0 / std::max(curve.length(), 1.0));
    const QPointF tip = curve.pointAtPercent(end);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(colour, highlighted ? 4.0 : 2.4, repl_dashed(edge) ? Qt::DashLine : Qt::SolidLine,
                  Qt::RoundCap));
    QPainterPath trimmed(curve.pointAtPercent(0.0));
    for (int i = 1; i <= 24; ++i) trimmed.lineTo(curve.pointAtPercent(end * i / 24.0));
    p.drawPath(trimmed);
    paint_arrow_head(p, tip, tip - curve.pointAtPercent(end - 0.04), colour);
    if (edge.lag_s >= 1.0) {
      const QPointF mid = curve.pointAtPercent(0.5);
      p.setFont(QFont(p.font().family(), 8, QFont::Bold));
      p.setPen(colour.darker(130));
      p.drawText(QRectF(mid.x() - 40, mid.y() - 7, 80, 14), Qt::AlignCenter,
                 "lag " + lag_text(edge.lag_s));
    }
  }
}

}  // namespace b24::viewer
