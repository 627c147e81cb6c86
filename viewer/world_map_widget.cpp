#include "viewer/world_map_widget.hpp"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "viewer/map_painter.hpp"
#include "viewer/map_style.hpp"

namespace b24::viewer {
namespace {

// Distance from `point` to a curve, sampled (precise enough for a click).
double distance_to(const QPainterPath& curve, const QPointF& point) {
  double best = 1e9;
  for (int i = 0; i <= 32; ++i) {
    const QPointF q = curve.pointAtPercent(i / 32.0);
    best = std::min(best, std::hypot(q.x() - point.x(), q.y() - point.y()));
  }
  return best;
}

}  // namespace

WorldMapWidget::WorldMapWidget(QWidget* parent) : QWidget(parent) {
  setMinimumSize(320, 200);
  setMouseTracking(false);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void WorldMapWidget::set_run(std::shared_ptr<const RunData> run) {
  run_ = std::move(run);
  focus_on({});
  set_time(time_us_);
}

void WorldMapWidget::focus_on(const QStringList& dcs) {
  if (!run_) return;
  std::vector<DcSite> chosen;
  for (const DcSite& dc : run_->dcs) {
    if (dcs.isEmpty() || dcs.contains(QString::fromStdString(dc.name))) chosen.push_back(dc);
  }
  view_box_ = dc_bounding_box(chosen.empty() ? run_->dcs : chosen);
  update();
}

void WorldMapWidget::set_time(qint64 time_us) {
  time_us_ = time_us;
  snapshot_ = run_ ? make_map_snapshot(*run_, time_us_) : MapSnapshot{};
  update();
}

void WorldMapWidget::set_selected(const QString& entity) {
  selected_ = entity.toStdString();
  update();
}

QRectF WorldMapWidget::map_area() const {
  return QRectF(rect());
}

GeoProjection WorldMapWidget::projection() const {
  return make_map_frame(MapSnapshot{}, view_box_, map_area()).projection;
}

const QPainterPath& WorldMapWidget::cached_land(const GeoProjection& projection) {
  const QString key = QString("%1 %2 %3 %4 %5x%6")
                          .arg(view_box_.lon_min)
                          .arg(view_box_.lon_max)
                          .arg(view_box_.lat_min)
                          .arg(view_box_.lat_max)
                          .arg(width())
                          .arg(height());
  if (key != land_key_) {
    land_ = land_path(projection);
    land_key_ = key;
  }
  return land_;
}

void WorldMapWidget::paintEvent(QPaintEvent* /*event*/) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const MapFrame frame = make_map_frame(snapshot_, view_box_, map_area());
  paint_background(p, frame, cached_land(frame.projection));
  if (!run_) {
    p.setPen(QColor(0x49, 0x50, 0x57));
    p.drawText(rect(), Qt::AlignCenter, tr("No run open"));
    return;
  }
  paint_links(p, snapshot_, frame);
  paint_replication(p, snapshot_, frame, selected_);
  const QRectF legend = legend_box(frame.area);
  paint_dcs(p, snapshot_, frame, selected_, legend);
  paint_legend(p, legend);
}

QString WorldMapWidget::entity_at(const QPointF& point) const {
  const MapFrame frame = make_map_frame(snapshot_, view_box_, map_area());
  for (const DcMarker& dc : snapshot_.dcs) {
    const QPointF at = frame.positions.at(dc.name);
    if (std::hypot(at.x() - point.x(), at.y() - point.y()) <= marker_radius(dc) + 3.0) {
      return QString::fromStdString("dc/" + dc.name);
    }
  }
  for (const ReplArrow& edge : snapshot_.replication) {
    const auto a = frame.positions.find(edge.source);
    const auto b = frame.positions.find(edge.replica);
    if (a == frame.positions.end() || b == frame.positions.end()) continue;
    if (distance_to(replication_curve(a->second, b->second), point) <= 5.0) {
      return QString::fromStdString("repl/" + edge.source + "->" + edge.replica);
    }
  }
  return {};
}

void WorldMapWidget::wheelEvent(QWheelEvent* event) {
  const double factor = std::pow(1.0015, event->angleDelta().y());
  const GeoProjection proj = projection();
  const QPointF anchor = proj.to_geo(event->position());
  // Scale the box about the pointer's geographic position, so the point under it stays put.
  auto scale = [&](double v, double a) { return a + (v - a) / factor; };
  GeoBox box{scale(view_box_.lon_min, anchor.x()), scale(view_box_.lon_max, anchor.x()),
             scale(view_box_.lat_min, anchor.y()), scale(view_box_.lat_max, anchor.y())};
  if (box.lon_max - box.lon_min < 2.0 || box.lon_max - box.lon_min > 400.0) return;
  view_box_ = box;
  update();
  event->accept();
}

void WorldMapWidget::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  drag_from_ = event->position();
  dragged_ = false;
}

void WorldMapWidget::mouseMoveEvent(QMouseEvent* event) {
  if (!drag_from_) return;
  const QPointF delta = event->position() - *drag_from_;
  if (!dragged_ && std::hypot(delta.x(), delta.y()) < 4.0) return;
  dragged_ = true;
  const GeoProjection proj = projection();
  const QPointF from = proj.to_geo(*drag_from_);
  const QPointF to = proj.to_geo(event->position());
  const double dlon = from.x() - to.x();
  const double dlat = from.y() - to.y();
  view_box_ = GeoBox{view_box_.lon_min + dlon, view_box_.lon_max + dlon, view_box_.lat_min + dlat,
                     view_box_.lat_max + dlat};
  drag_from_ = event->position();
  update();
}

void WorldMapWidget::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !drag_from_) return;
  drag_from_.reset();
  if (dragged_) return;
  const QString entity = entity_at(event->position());
  if (!entity.isEmpty()) emit entity_clicked(entity);
}

void WorldMapWidget::mouseDoubleClickEvent(QMouseEvent* /*event*/) {
  focus_on({});
}

}  // namespace b24::viewer
