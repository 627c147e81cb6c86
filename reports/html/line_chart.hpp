#pragma once
// A line chart over simulated time as inline SVG: several series, a time axis in simulated
// hours (days, years for long runs), value ticks, a legend, a title and a unit. The SVG scales
// to its container (viewBox, width 100%), so one chart reads on a phone and on paper.
//
// Every chart carries what a headless test needs to tell that it has data:
// <svg class="chart" data-series="N" data-points="M"> and per series
// <path class="series sK" data-points="P" d="M...">.

#include <optional>
#include <string>
#include <vector>

#include "reports/html/chart_point.hpp"

namespace b24::reports::html {

struct ChartSeries {
  std::string name;                // legend text
  std::vector<ChartPoint> points;  // in time order; already downsampled
  bool step = false;               // hold each value until the next point (counts of nodes)
  bool dashed = false;             // a reference (desired, offered) rather than a measurement
  int colour = -1;                 // palette index; -1: the series' position in the chart
};

// A shaded interval of the time axis, e.g. while the DC was down.
struct ChartBand {
  double from_hours = 0.0;
  double to_hours = 0.0;
  std::string label;
};

struct LineChart {
  std::string id;  // unique in the document: the <figure>'s id
  std::string title;
  std::string unit;         // of the values: "requests/s", "%", "ms"
  double span_hours = 0.0;  // the time axis runs from 0 to here (the run's length)
  std::vector<ChartSeries> series;
  std::vector<ChartBand> bands;
  // A dashed horizontal line, e.g. the SLO's p99 latency; it widens the value axis only when it
  // is within twice the data's maximum (otherwise the legend says it is above the chart).
  std::optional<double> threshold;
  std::string threshold_label;
  std::string note;             // shown after the legend, e.g. which series were left out
  bool y_from_zero = true;      // most series here are counts, rates or percentages
  double y_max_at_least = 0.0;  // e.g. 100 for a percentage of CPU
};

// The number of palette colours (CSS classes s0 ... s<n-1>); later series reuse them.
inline constexpr int chart_palette_size = 8;

// <figure class="chart-box"> with the SVG and its legend. Series with no points are left out
// of the drawing (and of data-series).
[[nodiscard]] std::string render_line_chart(const LineChart& chart);

}  // namespace b24::reports::html
