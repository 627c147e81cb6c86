#include "reports/html/line_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "reports/html/axis_ticks.hpp"
#include "reports/html/html_text.hpp"

namespace b24::reports::html {
namespace {

// The drawing area inside the viewBox; the margins hold the tick labels. Text in the SVG is
// sized in viewBox units by CSS, so 480 wide keeps labels legible when a phone shrinks it.
constexpr double width = 480.0;
constexpr double height = 220.0;
constexpr double left = 52.0;
constexpr double right = 10.0;
constexpr double top = 10.0;
constexpr double bottom = 26.0;
constexpr int value_tick_target = 5;
constexpr int time_tick_target = 7;

struct Frame {
  Ticks x;
  Ticks y;
  [[nodiscard]] double px(double hours) const {
    return left + (width - left - right) * (hours - x.low) / (x.high - x.low);
  }
  [[nodiscard]] double py(double value) const {
    return height - bottom - (height - top - bottom) * (value - y.low) / (y.high - y.low);
  }
};

struct Extent {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
};

Extent value_extent(const LineChart& chart) {
  Extent e;
  for (const ChartSeries& s : chart.series) {
    for (const ChartPoint& p : s.points) {
      if (!std::isfinite(p.y)) continue;
      e.min = std::min(e.min, p.y);
      e.max = std::max(e.max, p.y);
    }
  }
  if (e.min > e.max) e = {0.0, 1.0};
  return e;
}

bool threshold_shown(const LineChart& chart, const Extent& data) {
  return chart.threshold && *chart.threshold <= 2.0 * std::max(data.max, chart.y_max_at_least);
}

Frame make_frame(const LineChart& chart) {
  Extent e = value_extent(chart);
  if (chart.y_from_zero) e.min = std::min(e.min, 0.0);
  e.max = std::max(e.max, chart.y_max_at_least);
  if (threshold_shown(chart, value_extent(chart))) e.max = std::max(e.max, *chart.threshold);
  return Frame{time_ticks(chart.span_hours, time_tick_target),
               value_ticks(e.min, e.max, value_tick_target)};
}

std::string coord(double v) {
  return compact(v, 1);
}

std::string series_path(const ChartSeries& s, const Frame& f) {
  std::string d;
  bool pen_down = false;
  for (const ChartPoint& p : s.points) {
    if (!std::isfinite(p.y)) {
      pen_down = false;  // a gap: the next value starts a new subpath
      continue;
    }
    const std::string x = coord(f.px(p.x));
    const std::string y = coord(f.py(p.y));
    if (!pen_down) {
      d += "M" + x + " " + y;
    } else if (s.step) {
      d += "H" + x + "V" + y;
    } else {
      d += "L" + x + " " + y;
    }
    pen_down = true;
  }
  return d;
}

std::string axes(const Frame& f, const std::string& time_unit) {
  std::string out = "<g class=\"grid\">";
  for (std::size_t i = 0; i < f.y.values.size(); ++i) {
    const std::string y = coord(f.py(f.y.values[i]));
    out += "<line x1=\"" + coord(left) + "\" x2=\"" + coord(width - right) + "\" y1=\"" + y +
           "\" y2=\"" + y + "\"/>";
  }
  out += "</g><g class=\"axis y\">";
  for (std::size_t i = 0; i < f.y.values.size(); ++i) {
    out += "<text x=\"" + coord(left - 4) + "\" y=\"" + coord(f.py(f.y.values[i]) + 4) + "\">" +
           f.y.labels[i] + "</text>";
  }
  out += "</g><g class=\"axis x\">";
  for (std::size_t i = 0; i < f.x.values.size(); ++i) {
    const std::string x = coord(f.px(f.x.values[i]));
    out += "<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + coord(height - bottom) + "\" y2=\"" +
           coord(height - bottom + 4) + "\"/><text x=\"" + x + "\" y=\"" + coord(height - 5) +
           "\">" + f.x.labels[i] + time_unit + "</text>";
  }
  return out + "</g>";
}

std::string bands(const LineChart& chart, const Frame& f) {
  std::string out;
  for (const ChartBand& b : chart.bands) {
    const double x0 = f.px(std::max(b.from_hours, f.x.low));
    const double x1 = f.px(std::min(b.to_hours, f.x.high));
    out += "<rect class=\"band\" x=\"" + coord(x0) + "\" y=\"" + coord(top) + "\" width=\"" +
           coord(std::max(x1 - x0, 0.5)) + "\" height=\"" + coord(height - top - bottom) +
           "\"><title>" + escape(b.label) + "</title></rect>";
  }
  return out;
}

int colour_of(const ChartSeries& s, std::size_t index) {
  return (s.colour >= 0 ? s.colour : static_cast<int>(index)) % chart_palette_size;
}

std::string legend(const LineChart& chart, const Extent& data) {
  std::string out = "<ul class=\"legend\">";
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const ChartSeries& s = chart.series[i];
    if (s.points.empty()) continue;
    out += "<li><span class=\"sw s" + std::to_string(colour_of(s, i)) +
           (s.dashed ? " dashed" : "") + "\"></span>" + escape(s.name) + "</li>";
  }
  if (chart.threshold) {
    out += "<li><span class=\"sw threshold\"></span>" + escape(chart.threshold_label) +
           (threshold_shown(chart, data) ? "" : " (above the chart)") + "</li>";
  }
  for (const ChartBand& b : chart.bands) {
    out += "<li><span class=\"sw band\"></span>" + escape(b.label) + "</li>";
    break;  // one entry explains the shading; each band's own label is its tooltip
  }
  if (!chart.note.empty()) out += "<li class=\"muted\">" + escape(chart.note) + "</li>";
  return out + "</ul>";
}

}  // namespace

std::string render_line_chart(const LineChart& chart) {
  const Frame f = make_frame(chart);
  std::string paths;
  std::size_t drawn = 0;
  std::size_t points = 0;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const ChartSeries& s = chart.series[i];
    if (s.points.empty()) continue;
    ++drawn;
    points += s.points.size();
    paths += "<path class=\"series s" + std::to_string(colour_of(s, i)) +
             (s.dashed ? " dashed" : "") + "\" data-points=\"" + std::to_string(s.points.size()) +
             "\" d=\"" + series_path(s, f) + "\"><title>" + escape(s.name) + "</title></path>";
  }
  std::string threshold;
  if (threshold_shown(chart, value_extent(chart))) {
    const std::string y = coord(f.py(*chart.threshold));
    threshold = "<line class=\"threshold\" x1=\"" + coord(left) + "\" x2=\"" +
                coord(width - right) + "\" y1=\"" + y + "\" y2=\"" + y + "\"/>";
  }
  const TimeUnit unit = time_unit_for(chart.span_hours);
  return "<figure class=\"chart-box\" id=\"" + escape(chart.id) + "\"><figcaption>" +
         escape(chart.title) + " <span class=\"unit\">" + escape(chart.unit) +
         "</span></figcaption><svg class=\"chart\" viewBox=\"0 0 " + coord(width) + " " +
         coord(height) + "\" width=\"100%\" role=\"img\" aria-label=\"" + escape(chart.title) +
         "\" data-series=\"" + std::to_string(drawn) + "\" data-points=\"" +
         std::to_string(points) + "\">" + bands(chart, f) + axes(f, unit.short_name) + threshold +
         paths + "</svg>" + legend(chart, value_extent(chart)) + "</figure>\n";
}

}  // namespace b24::reports::html
