#pragma once
// Running one scenario end to end: build the platform, simulate, and write the run directory
// (run.sqlite, summary.json) atomically. Shared by `b24sim run`, the benchmarks and the tests.

#include <cstdint>
#include <filesystem>
#include <optional>

#include "cli/checks.hpp"
#include "models/object_store.hpp"
#include "models/platform_totals.hpp"
#include "models/web_tier.hpp"
#include "reports/summary.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {

struct RunOptions {
  std::filesystem::path out;  // the run directory to create (replacing an earlier run)
  bool progress = false;      // draw a progress bar on stderr
};

struct RunOutcome {
  std::filesystem::path directory;
  models::WebTierTotals totals;                    // a single-DC run
  std::optional<models::PlatformTotals> platform;  // a platform run (then `totals` is empty)
  std::optional<models::StorageTotals> storage;    // a storage run (then `totals` is empty)
  reports::Summary summary;                        // with a `checks` block when there are any
  std::vector<CheckResult> checks;                 // the scenario's checks, in order
  std::uint64_t trace_hash = 0;
  std::uint64_t events = 0;
  double wall_s = 0.0;
};

// Throws reports::ReportError when the run directory cannot be written; nothing is left then.
RunOutcome run_scenario(const scenarios::Scenario& scenario, const RunOptions& options);

// The headline figures of a run, in the order summary.json lists them.
[[nodiscard]] reports::Summary make_summary(const scenarios::Scenario& scenario,
                                            const models::WebTierTotals& totals,
                                            std::uint64_t trace_hash, std::uint64_t events);

// The block every summary starts with: what was run and what reproduces it.
[[nodiscard]] reports::Summary make_run_block(const scenarios::Scenario& scenario,
                                              std::uint64_t trace_hash, std::uint64_t events);

// The run's --set overrides as they would be typed again ("--set 'a.b=1' --set 'c=2'").
[[nodiscard]] std::string join_overrides(const scenarios::Scenario& scenario);

// FNV-1a of the scenario text, printed as 16 hex digits: identifies what was run.
[[nodiscard]] std::string scenario_hash(const scenarios::Scenario& scenario);

}  // namespace b24::cli
