#pragma once
// The world map of one run at the replay time: DCs, links and replication edges over the
// coastlines (map_painter.hpp paints; this widget holds the view: the run, the instant, the
// selection, zoom and pan). Clicking a DC or a replication arrow selects it for the charts.
// Wheel zooms about the pointer, dragging pans, a double click fits the DCs again.

#include <QPainterPath>
#include <QWidget>
#include <memory>
#include <optional>
#include <string>

#include "viewer/geo_projection.hpp"
#include "viewer/map_snapshot.hpp"

namespace b24::viewer {

class WorldMapWidget : public QWidget {
  Q_OBJECT

 public:
  explicit WorldMapWidget(QWidget* parent = nullptr);

  void set_run(std::shared_ptr<const RunData> run);
  // Fits the view to these DCs (all when empty).
  void focus_on(const QStringList& dcs);
  [[nodiscard]] const MapSnapshot& snapshot() const noexcept { return snapshot_; }
  [[nodiscard]] const GeoBox& view_box() const noexcept { return view_box_; }
  // The entity drawn at `point` ("dc/fra", "repl/fra->par"), or empty.
  [[nodiscard]] QString entity_at(const QPointF& point) const;
  [[nodiscard]] QSize sizeHint() const override { return {720, 420}; }

 public slots:
  void set_time(qint64 time_us);
  void set_selected(const QString& entity);

 signals:
  void entity_clicked(const QString& entity);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  [[nodiscard]] QRectF map_area() const;
  [[nodiscard]] GeoProjection projection() const;
  const QPainterPath& cached_land(const GeoProjection& projection);

  std::shared_ptr<const RunData> run_;
  MapSnapshot snapshot_;
  std::int64_t time_us_ = 0;
  std::string selected_;
  GeoBox view_box_;
  std::optional<QPointF> drag_from_;
  bool dragged_ = false;
  QPainterPath land_;
  QString land_key_;  // the view the cached land path was projected for
};

}  // namespace b24::viewer
