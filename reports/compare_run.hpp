#pragma once
// One run as `b24sim compare` sees it: what was run (scenario, hash, overrides, seed) and its
// numeric summary figures, read from run.sqlite's `run_meta` and `summary` tables.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace b24::reports {

struct CompareRun {
  std::filesystem::path directory;
  std::string scenario;       // the scenario's name
  std::string scenario_hash;  // of the scenario file, its includes and topology
  std::string overrides;      // the --set overrides as typed again: "--set 'a=1' --set 'b=2'"
  std::string seed;
  // Every INTEGER or REAL summary value, flattened key and value, in the summary's order.
  // NULL (a NaN the run could not compute) and text values are left out.
  std::vector<std::pair<std::string, double>> figures;

  [[nodiscard]] std::optional<double> figure(std::string_view key) const;
};

// Throws ReportError naming the path when it is not a readable run.
[[nodiscard]] CompareRun load_compare_run(const std::filesystem::path& run);

// The overrides without those that set the seed: two replications of one plan differ only
// there ("--set 'a=1' --set 'seed=2'" -> "--set 'a=1'").
[[nodiscard]] std::string overrides_without_seed(std::string_view overrides);

// Why `runs` are not replications of one scenario (different scenario hash, different
// overrides other than the seed, a seed used twice), one message each; empty when they are.
[[nodiscard]] std::vector<std::string> replication_problems(const std::vector<CompareRun>& runs);

}  // namespace b24::reports
