#pragma once
// One Qt Charts chart of a ChartSpec: its series over the run, thinned to the visible
// resolution (min/max per pixel column, again after every zoom or resize), and a cursor line at
// the replay time. Zoom: drag a rubber band, or the wheel (about the pointer); pan: drag with
// the middle button or with Shift; double click: the whole run again; right click: zoom out.
// Includes Qt Charts: only chart_panel.cpp and the tests include this header.

#include <QChartView>
#include <cstdint>
#include <optional>
#include <vector>

#include "viewer/chart_specs.hpp"
#include "viewer/series.hpp"

class QLineSeries;
class QValueAxis;

namespace b24::viewer {

class ReplayChartView : public QChartView {
  Q_OBJECT

 public:
  ReplayChartView(const ChartSpec& spec, std::int64_t duration_us, QWidget* parent = nullptr);

  // `series[i]` belongs to spec.series[i]; nullptr when the run lacks it.
  void set_series(const std::vector<const Series*>& series);
  void set_cursor(std::int64_t time_us);
  // The x range in microseconds (zooming one chart zooms its neighbours the same).
  void set_x_range(std::int64_t t0_us, std::int64_t t1_us);
  // The whole run, and the y axis fitted again (Qt Charts' right-click zoom-out widens it).
  void reset_zoom();

  [[nodiscard]] const ChartSpec& spec() const noexcept { return spec_; }
  [[nodiscard]] std::int64_t cursor_us() const noexcept { return cursor_us_; }
  // The cursor line's x on the chart (hours), as Qt Charts holds it.
  [[nodiscard]] double cursor_line_hours() const;
  [[nodiscard]] std::pair<std::int64_t, std::int64_t> x_range() const;
  // Points currently handed to Qt Charts for series i (after thinning).
  [[nodiscard]] int drawn_points(std::size_t i) const;
  // The drawn point of series i nearest to `time_us` (its value, after scaling).
  [[nodiscard]] std::optional<double> drawn_value_near(std::size_t i, std::int64_t time_us) const;

 signals:
  void x_range_changed(qint64 t0_us, qint64 t1_us);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  void build_chart();
  void on_axis_range(qreal min_hours, qreal max_hours);
  void resample();
  void update_ticks();
  void fit_y();
  void update_cursor_line();

  ChartSpec spec_;
  std::int64_t duration_us_;
  std::int64_t cursor_us_ = 0;
  std::vector<const Series*> data_;
  std::vector<QLineSeries*> lines_;
  QLineSeries* cursor_line_ = nullptr;
  QValueAxis* x_axis_ = nullptr;
  QValueAxis* y_axis_ = nullptr;
  std::optional<QPointF> pan_from_;
  bool syncing_ = false;
};

}  // namespace b24::viewer
