#include "viewer/replay_chart_view.hpp"

#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "viewer/downsample.hpp"

namespace b24::viewer {
namespace {

constexpr double us_per_hour = 3.6e9;

double hours(std::int64_t us) {
  return static_cast<double>(us) / us_per_hour;
}
std::int64_t micros(double h) {
  return static_cast<std::int64_t>(std::llround(h * us_per_hour));
}

// Colours that stay apart on white, in the order the series are listed.
QColor series_colour(std::size_t i) {
  static const QColor colours[] = {{0x1c, 0x7e, 0xd6}, {0x2f, 0x9e, 0x44}, {0xe0, 0x31, 0x31},
                                   {0xf0, 0x8c, 0x00}, {0x70, 0x48, 0xe8}, {0x0c, 0x85, 0x99},
                                   {0xd6, 0x33, 0x6c}, {0x86, 0x8e, 0x96}};
  return colours[i % std::size(colours)];
}

// Hours between x ticks: a round number giving at most about `max_ticks` ticks.
double tick_interval_hours(double span_hours, int max_ticks) {
  static constexpr double steps[] = {1.0 / 60, 5.0 / 60, 0.25, 0.5, 1,   2,   3,
                                     6,        12,       24,   48,  168, 720, 8766};
  for (const double step : steps) {
    if (span_hours / step <= max_ticks) return step;
  }
  return span_hours / max_ticks;
}

}  // namespace

ReplayChartView::ReplayChartView(const ChartSpec& spec, std::int64_t duration_us, QWidget* parent)
    : QChartView(parent), spec_(spec), duration_us_(std::max<std::int64_t>(duration_us, 1)) {
  setRenderHint(QPainter::Antialiasing);
  setRubberBand(QChartView::HorizontalRubberBand);
  setMinimumHeight(170);
  build_chart();
}

void ReplayChartView::build_chart() {
  auto* chart = new QChart();
  chart->setTitle(QString::fromStdString(spec_.title));
  QFont title_font = chart->titleFont();
  title_font.setPointSizeF(9.0);
  title_font.setBold(true);
  chart->setTitleFont(title_font);
  chart->setMargins(QMargins(4, 2, 4, 2));
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->setAlignment(Qt::AlignTop);
  QFont small = chart->legend()->font();
  small.setPointSizeF(7.5);
  chart->legend()->setFont(small);
  x_axis_ = new QValueAxis;
  x_axis_->setTitleText("simulated hours");
  x_axis_->setLabelFormat("%.1f");
  x_axis_->setLabelsFont(small);
  x_axis_->setTitleFont(small);
  y_axis_ = new QValueAxis;
  y_axis_->setTitleText(QString::fromStdString(spec_.unit));
  y_axis_->setLabelsFont(small);
  y_axis_->setTitleFont(small);
  y_axis_->setLabelFormat("%.4g");
  chart->addAxis(x_axis_, Qt::AlignBottom);
  chart->addAxis(y_axis_, Qt::AlignLeft);
  for (std::size_t i = 0; i < spec_.series.size(); ++i) {
    auto* line = new QLineSeries;
    line->setName(QString::fromStdString(spec_.series[i].label));
    line->setPen(
        QPen(series_colour(i), 1.6, spec_.series[i].dashed ? Qt::DashLine : Qt::SolidLine));
    chart->addSeries(line);
    line->attachAxis(x_axis_);
    line->attachAxis(y_axis_);
    lines_.push_back(line);
  }
  cursor_line_ = new QLineSeries;
  cursor_line_->setPen(QPen(QColor(0xc9, 0x2a, 0x2a), 1.4, Qt::DashLine));
  chart->addSeries(cursor_line_);
  cursor_line_->attachAxis(x_axis_);
  cursor_line_->attachAxis(y_axis_);
  for (QLegendMarker* marker : chart->legend()->markers(cursor_line_)) marker->setVisible(false);
  x_axis_->setRange(0.0, hours(duration_us_));
  connect(x_axis_, &QValueAxis::rangeChanged, this, &ReplayChartView::on_axis_range);
  // QChartView's constructor made a chart of its own; setChart releases it without deleting it.
  QChart* const made_by_view = this->chart();
  setChart(chart);
  delete made_by_view;
}

void ReplayChartView::set_series(const std::vector<const Series*>& series) {
  data_ = series;
  data_.resize(spec_.series.size(), nullptr);
  fit_y();
  resample();
}

void ReplayChartView::fit_y() {
  double low = 0.0;
  double high = 0.0;
  for (std::size_t i = 0; i < data_.size(); ++i) {
    if (data_[i] == nullptr) continue;
    for (const double v : data_[i]->values()) {
      if (!std::isfinite(v)) continue;
      low = std::min(low, v * spec_.series[i].scale);
      high = std::max(high, v * spec_.series[i].scale);
    }
  }
  if (high <= low) high = low + 1.0;
  y_axis_->setRange(low, high + 0.05 * (high - low));
  y_axis_->setTickCount(5);
  y_axis_->applyNiceNumbers();
  update_cursor_line();
}

void ReplayChartView::update_ticks() {
  const double span = x_axis_->max() - x_axis_->min();
  const int max_ticks = std::max(2, static_cast<int>(chart()->plotArea().width() / 55.0));
  const double interval = tick_interval_hours(span, max_ticks);
  x_axis_->setTickType(QValueAxis::TicksDynamic);
  x_axis_->setTickAnchor(0.0);
  x_axis_->setTickInterval(interval);
  x_axis_->setLabelFormat(interval >= 1.0 ? "%.0f" : (interval >= 0.25 ? "%.2f" : "%.3f"));
}

void ReplayChartView::resample() {
  update_ticks();
  const auto [t0, t1] = x_range();
  const int columns = std::max(100, static_cast<int>(chart()->plotArea().width()));
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    QList<QPointF> points;
    if (data_.size() > i && data_[i] != nullptr) {
      const double scale = spec_.series[i].scale;
      for (const SeriesPoint& p : downsample_min_max(*data_[i], t0, t1, columns)) {
        // Qt Charts cannot draw NaN: a gap is bridged (the map shows outages anyway).
        if (std::isfinite(p.value)) points.append(QPointF(hours(p.time_us), p.value * scale));
      }
    }
    lines_[i]->replace(points);
  }
}

void ReplayChartView::set_cursor(std::int64_t time_us) {
  cursor_us_ = time_us;
  update_cursor_line();
}

void ReplayChartView::update_cursor_line() {
  const double x = hours(cursor_us_);
  cursor_line_->replace(QList<QPointF>{{x, y_axis_->min()}, {x, y_axis_->max()}});
}

double ReplayChartView::cursor_line_hours() const {
  return cursor_line_->count() > 0 ? cursor_line_->at(0).x() : std::nan("");
}

std::pair<std::int64_t, std::int64_t> ReplayChartView::x_range() const {
  return {micros(x_axis_->min()), micros(x_axis_->max())};
}

int ReplayChartView::drawn_points(std::size_t i) const {
  return i < lines_.size() ? static_cast<int>(lines_[i]->count()) : 0;
}

std::optional<double> ReplayChartView::drawn_value_near(std::size_t i, std::int64_t time_us) const {
  if (i >= lines_.size() || lines_[i]->count() == 0) return std::nullopt;
  const double x = hours(time_us);
  const QList<QPointF> points = lines_[i]->points();
  const auto it =
      std::min_element(points.begin(), points.end(), [x](const QPointF& a, const QPointF& b) {
        return std::abs(a.x() - x) < std::abs(b.x() - x);
      });
  return it->y();
}

void ReplayChartView::set_x_range(std::int64_t t0_us, std::int64_t t1_us) {
  t0_us = std::clamp<std::int64_t>(t0_us, 0, duration_us_);
  t1_us = std::clamp<std::int64_t>(t1_us, 0, duration_us_);
  if (t1_us - t0_us < 60'000'000) return;  // closer than a minute shows nothing more
  syncing_ = true;
  x_axis_->setRange(hours(t0_us), hours(t1_us));
  syncing_ = false;
  resample();
}

void ReplayChartView::reset_zoom() {
  set_x_range(0, duration_us_);
  fit_y();
}

void ReplayChartView::on_axis_range(qreal min_hours, qreal max_hours) {
  if (syncing_) return;
  // A rubber band or zoomOut() from Qt Charts: keep it inside the run, then tell the panel.
  const std::int64_t t0 = std::max<std::int64_t>(micros(min_hours), 0);
  const std::int64_t t1 = std::min<std::int64_t>(micros(max_hours), duration_us_);
  if (t0 != micros(min_hours) || t1 != micros(max_hours)) {
    set_x_range(t0, std::max(t1, t0 + 60'000'000));
  } else {
    resample();
  }
  emit x_range_changed(x_range().first, x_range().second);
}

void ReplayChartView::resizeEvent(QResizeEvent* event) {
  QChartView::resizeEvent(event);
  resample();  // more or fewer pixel columns
}

void ReplayChartView::wheelEvent(QWheelEvent* event) {
  const double factor = std::pow(1.0015, -event->angleDelta().y());
  const auto [t0, t1] = x_range();
  const double at = chart()->mapToValue(event->position(), cursor_line_).x() * us_per_hour;
  const auto scale = [&](std::int64_t t) {
    return static_cast<std::int64_t>(at + (static_cast<double>(t) - at) * factor);
  };
  set_x_range(scale(t0), scale(t1));
  emit x_range_changed(x_range().first, x_range().second);
  event->accept();
}

void ReplayChartView::mousePressEvent(QMouseEvent* event) {
  const bool pan = event->button() == Qt::MiddleButton ||
                   (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
  if (!pan) return QChartView::mousePressEvent(event);
  pan_from_ = event->position();
  event->accept();
}

void ReplayChartView::mouseMoveEvent(QMouseEvent* event) {
  if (!pan_from_) return QChartView::mouseMoveEvent(event);
  const double dx_px = event->position().x() - pan_from_->x();
  pan_from_ = event->position();
  const auto [t0, t1] = x_range();
  const double us_per_px =
      static_cast<double>(t1 - t0) / std::max(1.0, chart()->plotArea().width());
  auto shift = static_cast<std::int64_t>(-dx_px * us_per_px);
  shift = std::clamp(shift, -t0, duration_us_ - t1);
  set_x_range(t0 + shift, t1 + shift);
  emit x_range_changed(x_range().first, x_range().second);
}

void ReplayChartView::mouseReleaseEvent(QMouseEvent* event) {
  if (!pan_from_) return QChartView::mouseReleaseEvent(event);
  pan_from_.reset();
  event->accept();
}

void ReplayChartView::mouseDoubleClickEvent(QMouseEvent* event) {
  reset_zoom();
  emit x_range_changed(x_range().first, x_range().second);
  event->accept();
}

}  // namespace b24::viewer
