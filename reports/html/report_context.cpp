#include "reports/html/report_context.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "reports/html/downsample.hpp"

namespace b24::reports::html {
namespace {

RunKind kind_of(const RunData& run, const std::vector<std::string>& entities) {
  if (!entities.empty() && entities.front().starts_with("storage/")) return RunKind::storage;
  if (run.has_meta("topology_text") || entities.size() > 1) return RunKind::platform;
  return RunKind::single_dc;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    if (comma > pos) parts.push_back(text.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return parts;
}

std::optional<double> meta_double(const RunData& run, std::string_view key) {
  const std::string text = run.meta(key);
  if (text.empty()) return std::nullopt;
  try {
    return std::stod(text);
  } catch (const std::exception&) {
    return std::nullopt;  // a hand-edited database: leave the SLO colours out
  }
}

}  // namespace

double hours(std::int64_t time_us) {
  return static_cast<double>(time_us) / 3.6e9;
}

ReportContext::ReportContext(const RunData& data) : run(data) {
  const std::vector<std::string> entities = split_commas(run.meta("dc_entities"));
  kind = kind_of(run, entities);
  for (const std::string& e : entities) {
    const std::size_t slash = e.find('/');
    dc_names.push_back(slash == std::string::npos ? e : e.substr(slash + 1));
  }
  span_hours = hours(run.duration_us());
  if (const auto step = run.meta_integer("sample_step_us"))
    step_s = static_cast<double>(*step) / 1e6;
  slo_p99_ms = meta_double(run, meta_slo_p99_latency_ms);
  slo_max_error_rate = meta_double(run, meta_slo_max_error_rate);
  if (auto s = parse_dc_sites(run.meta(meta_dc_sites))) sites = std::move(*s);
  if (auto l = parse_dc_links(run.meta(meta_dc_links))) links = std::move(*l);
}

std::vector<ChartPoint> ReportContext::points(std::string_view entity, std::string_view metric,
                                              double scale) const {
  std::vector<ChartPoint> out;
  for (const Sample& s : run.series(entity, metric)) {
    out.push_back(ChartPoint{hours(s.time_us), s.value * scale});
  }
  return out;
}

std::vector<ChartPoint> ReportContext::rate_of_cumulative(std::string_view entity,
                                                          std::string_view metric) const {
  const std::vector<Sample> samples = run.series(entity, metric);
  std::vector<ChartPoint> out;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    const double dt = static_cast<double>(samples[i].time_us - samples[i - 1].time_us) / 1e6;
    if (dt <= 0.0) continue;
    out.push_back(
        ChartPoint{hours(samples[i].time_us), (samples[i].value - samples[i - 1].value) / dt});
  }
  return out;
}

std::vector<ChartBand> ReportContext::bands_where(std::string_view entity, std::string_view metric,
                                                  double value, const std::string& label) const {
  std::vector<ChartBand> bands;
  std::optional<double> from;
  const std::vector<Sample> samples = run.series(entity, metric);
  for (const Sample& s : samples) {
    if (s.value == value && !from) from = hours(s.time_us);
    if (s.value != value && from) {
      bands.push_back(ChartBand{*from, hours(s.time_us), label});
      from.reset();
    }
  }
  if (from) bands.push_back(ChartBand{*from, span_hours, label});
  return bands;
}

double ReportContext::peak(std::string_view entity, std::string_view metric, double scale) const {
  double best = std::numeric_limits<double>::quiet_NaN();
  for (const Sample& s : run.series(entity, metric)) {
    if (!std::isnan(s.value) && !(s.value * scale <= best)) best = s.value * scale;
  }
  return best;
}

std::vector<ChartPoint> thin(std::vector<ChartPoint> points, bool step) {
  if (step && points.size() > 2) {
    // A step line only needs the points where the value changes, and the last one.
    std::vector<ChartPoint> changes{points.front()};
    for (std::size_t i = 1; i + 1 < points.size(); ++i) {
      const double prev = changes.back().y;
      if (!(points[i].y == prev) && !(std::isnan(points[i].y) && std::isnan(prev))) {
        changes.push_back(points[i]);
      }
    }
    changes.push_back(points.back());
    points = std::move(changes);
  }
  return downsample_min_max(points, max_chart_points);
}

bool all_zero(const std::vector<ChartPoint>& points) {
  for (const ChartPoint& p : points) {
    if (!std::isnan(p.y) && p.y != 0.0) return false;
  }
  return true;
}

LineChart new_chart(const ReportContext& ctx, std::string id, std::string title, std::string unit) {
  LineChart c;
  c.id = std::move(id);
  c.title = std::move(title);
  c.unit = std::move(unit);
  c.span_hours = ctx.span_hours;
  return c;
}

void add_series(LineChart& chart, std::string name, std::vector<ChartPoint> points, bool step,
                int colour, bool dashed) {
  if (points.size() < 2) return;
  chart.series.push_back(
      ChartSeries{std::move(name), thin(std::move(points), step), step, dashed, colour});
}

void keep_highest(LineChart& chart, std::size_t n) {
  if (chart.series.size() <= n) return;
  const auto peak_of = [](const ChartSeries& s) {
    double best = -std::numeric_limits<double>::infinity();
    for (const ChartPoint& p : s.points) {
      if (!std::isnan(p.y)) best = std::max(best, p.y);
    }
    return best;
  };
  // Stable: equal peaks keep the topology's order, so the choice is deterministic.
  std::stable_sort(
      chart.series.begin(), chart.series.end(),
      [&](const ChartSeries& a, const ChartSeries& b) { return peak_of(a) > peak_of(b); });
  const std::size_t dropped = chart.series.size() - n;
  chart.series.resize(n);
  chart.note = "and " + std::to_string(dropped) + " more with lower peaks";
}

bool has_data(const LineChart& chart) {
  for (const ChartSeries& s : chart.series) {
    if (s.points.size() >= 2) return true;
  }
  return false;
}

std::string id_of(std::string_view name) {
  std::string id;
  for (const char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  return id;
}

}  // namespace b24::reports::html
