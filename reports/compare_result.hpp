#pragma once
// A comparison of groups of runs, figure by figure: `b24sim compare`'s numbers before any
// formatting (compare_text, compare_json and compare_html print them). The first group is the
// baseline A; every other group is compared with it (B - A, C - A, ...).
//
// A group of two or more runs is a set of replications (same scenario and overrides, different
// seeds): each figure gets its mean and 95 % Student-t interval. A difference of means gets an
// interval when both groups have at least two runs: paired by seed when both groups hold the
// same seeds (common random numbers: the model's named RNG streams give both plans the same
// arrivals and faults, so the per-seed differences vary far less than either plan), otherwise
// Welch's t.

#include <optional>
#include <string>
#include <vector>

#include "reports/compare_run.hpp"
#include "reports/compare_statistics.hpp"

namespace b24::reports {

struct CompareGroup {
  std::string label;  // "A", "B", ... unless given
  std::vector<CompareRun> runs;
  std::vector<std::string> problems;  // replication_problems(runs): shown as warnings
};

struct GroupFigure {
  std::vector<double> values;  // one per run, in the group's run order
  SampleEstimate estimate;
};

struct CompareFigure {
  std::string key;
  std::string label;
  bool headline = false;
  // Per group; nullopt where some run of the group lacks the figure.
  std::vector<std::optional<GroupFigure>> groups;
  // Per group, against group 0 (so differences[0] is always nullopt); nullopt where either
  // group lacks the figure.
  std::vector<std::optional<DifferenceEstimate>> differences;

  // 100 (mean_g - mean_0) / |mean_0|; NaN when either is missing or mean_0 is 0.
  [[nodiscard]] double percent_difference(std::size_t group) const;
};

struct CompareOptions {
  bool unpaired = false;  // use Welch even when the seeds match
  double confidence = compare_confidence;
};

struct CompareResult {
  std::vector<CompareGroup> groups;
  // Per group, how it is compared with group 0 (methods[0] is none).
  std::vector<DifferenceMethod> methods;
  // Headline figures first (in headline_figures() order), then every other comparable figure
  // in the order the first run holding it lists it.
  std::vector<CompareFigure> figures;
  double confidence = compare_confidence;
};

// Needs at least one group, each with at least one run.
[[nodiscard]] CompareResult compare_groups(std::vector<CompareGroup> groups,
                                           const CompareOptions& options = {});

}  // namespace b24::reports
