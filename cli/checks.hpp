#pragma once
// Evaluating a scenario's `checks:` (scenarios/check.hpp) against the run's summary
// (reports::Summary as built by scenario_run.cpp, platform_summary.cpp and storage_summary.cpp):
// each check's measured value and verdict, the `checks` block of summary.json and run.sqlite,
// and the lines `b24sim run` prints. Exit status 3 when any fails (run_command.cpp).

#include <cstdio>
#include <vector>

#include "reports/summary.hpp"
#include "scenarios/check.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {

// Exit status of `b24sim run` when a check fails (issue 6), so a capacity plan can gate CI.
inline constexpr int failed_check_exit_status = 3;

struct CheckResult {
  scenarios::Check check;
  // In the check's unit. +infinity when the figure never settled (a failover never served,
  // a deploy never finished, nothing lost in a durability run); NaN when the summary lacks it.
  double measured = 0.0;
  bool passed = false;
};

// The figure a check names, read from the run's summary (see scenarios/README.md "checks").
[[nodiscard]] double measure(const scenarios::Check& check, const reports::Summary& summary);

[[nodiscard]] std::vector<CheckResult> evaluate_checks(const std::vector<scenarios::Check>& checks,
                                                       const reports::Summary& summary);
[[nodiscard]] bool all_passed(const std::vector<CheckResult>& results);

// The `checks` block: passed and failed counts, then {"1": {expression, measured, unit,
// threshold, verdict}, "2": ...} in the scenario's order.
[[nodiscard]] reports::Summary checks_summary(const std::vector<CheckResult>& results);

// "  check availability >= 99.95%: measured 99.9912 % -> pass", one line per check.
void print_checks(const std::vector<CheckResult>& results, std::FILE* out);

}  // namespace b24::cli
