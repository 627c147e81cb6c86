#pragma once
// What every section of the HTML report needs: the run's data, what kind of run it was, its
// SLO and topology (from run_meta, when recorded), and the helpers that turn a stored series
// into a chart series. Internal to reports/html.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/html/line_chart.hpp"
#include "reports/html/run_data.hpp"
#include "reports/report_meta.hpp"

namespace b24::reports::html {

enum class RunKind { single_dc, platform, storage };

// Chart series are thinned to this many points: the plot is 424 viewBox units wide, so more
// points than about one per unit are invisible, and a day of 17 DCs stays well under 3 MB.
inline constexpr std::size_t max_chart_points = 500;

struct ReportContext {
  explicit ReportContext(const RunData& data);

  const RunData& run;
  RunKind kind = RunKind::single_dc;
  double span_hours = 0.0;            // the run's simulated length
  double step_s = 0.0;                // sample_step in seconds (0 when unknown)
  std::vector<std::string> dc_names;  // "fra" for entity dc/fra, in topology order
  std::optional<double> slo_p99_ms;
  std::optional<double> slo_max_error_rate;
  std::vector<DcSite> sites;  // empty when the run did not record them
  std::vector<DcLink> links;

  // A stored series in hours, multiplied by `scale` (e.g. 1/step for a count per step),
  // thinned for drawing. Empty when the entity has no such series.
  [[nodiscard]] std::vector<ChartPoint> points(std::string_view entity, std::string_view metric,
                                               double scale = 1.0) const;
  // The per-second rate of a cumulative counter (differences between samples).
  [[nodiscard]] std::vector<ChartPoint> rate_of_cumulative(std::string_view entity,
                                                           std::string_view metric) const;
  // Intervals where `metric` of `entity` equalled `value` (dc_up 0: the DC was down), as
  // shaded bands; each holds until the next sample with another value.
  [[nodiscard]] std::vector<ChartBand> bands_where(std::string_view entity, std::string_view metric,
                                                   double value, const std::string& label) const;
  // The largest value of a series (NaN when empty).
  [[nodiscard]] double peak(std::string_view entity, std::string_view metric,
                            double scale = 1.0) const;
};

// Hours since the start of the run.
[[nodiscard]] double hours(std::int64_t time_us);

// Thins a full-resolution series for a chart (step series drop unchanged values first).
[[nodiscard]] std::vector<ChartPoint> thin(std::vector<ChartPoint> points, bool step);

// True when every value is 0 or NaN: such a series is left out of a chart.
[[nodiscard]] bool all_zero(const std::vector<ChartPoint>& points);

// An empty chart over the run's time axis.
[[nodiscard]] LineChart new_chart(const ReportContext& ctx, std::string id, std::string title,
                                  std::string unit);

// Adds a series when it has at least two points (a line needs two).
void add_series(LineChart& chart, std::string name, std::vector<ChartPoint> points,
                bool step = false, int colour = -1, bool dashed = false);

// Keeps the `n` series with the highest peaks (palette colours stay distinct) and says in the
// chart's note how many were left out.
void keep_highest(LineChart& chart, std::size_t n);

// A chart is drawn when at least one series has data.
[[nodiscard]] bool has_data(const LineChart& chart);

// A safe id fragment for element ids: "dc/fra" -> "dc-fra", "repl/a->b" -> "repl-a-b".
[[nodiscard]] std::string id_of(std::string_view name);

}  // namespace b24::reports::html
