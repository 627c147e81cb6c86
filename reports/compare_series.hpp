#pragma once
// The time series a comparison overlays, and THE HOOK where overlaid charts go.
//
// compare.html has a place for charts that overlay the runs' series (plan A's p99 over the day
// on top of plan B's). Drawing them belongs to the HTML report's SVG chart module, which is
// written separately (issue 7); until it is wired in here, compare_charts_html() returns an
// empty string and compare.html shows only the table. To add the charts, implement
// compare_charts_html() with that module: it receives every series already loaded and
// labelled by group and run, and returns an HTML fragment (inline SVG, no script, no remote
// URL) that compare_html() places below the table.

#include <cstddef>
#include <string>
#include <vector>

#include "reports/compare_result.hpp"

namespace b24::reports {

struct CompareSeries {
  std::size_t group = 0;  // index into CompareResult::groups
  std::size_t run = 0;    // index into that group's runs
  std::string entity;     // "dc/fra"
  std::string metric;     // "p99_latency_ms"
  std::vector<double> time_s;
  std::vector<double> values;  // NaN where the run recorded NULL
};

// The series worth overlaying, per run: every DC entity's (run_meta `dc_entities`) offered
// load, InService nodes, CPU and p99 latency, in group, run, entity, metric order.
[[nodiscard]] std::vector<CompareSeries> load_compare_series(const CompareResult& result);

// The hook: the overlaid charts as an HTML fragment, "" while no chart module is wired in.
[[nodiscard]] std::string compare_charts_html(const CompareResult& result,
                                              const std::vector<CompareSeries>& series);

}  // namespace b24::reports
