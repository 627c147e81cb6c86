#pragma once
// The issue 7 check of `b24sim compare`, shared by the short test (single-dc-day, shortened)
// and the long one (capacity-plan-eu): run two plans (two group sizes) over the same seeds,
// compare them through the real `b24sim compare` command, and check compare.json's means,
// differences and intervals of cost and p99 against numbers computed here from direct SQL
// queries over the run databases, with this file's own arithmetic and Boost's t quantiles.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace b24::cli::testing {

struct PlanComparison {
  std::filesystem::path scenario;
  std::vector<std::string> common_overrides;  // e.g. a shorter duration
  std::vector<std::string> plan_a;            // the --set overrides of plan A (its group size)
  std::vector<std::string> plan_b;
  std::vector<std::uint64_t> seeds;
  bool b_costs_more = true;  // B is the bigger plan: dearer and faster
  // Whether each interval of the difference must exclude 0. Otherwise only the directions are
  // checked: cost strictly, p99 not the wrong way (a tie allowed: a day's p99 is a histogram
  // bucket that a plan may not move).
  bool require_significance = true;
};

// Runs everything under `scratch` and checks (with gtest assertions) that compare.json holds,
// for nodes.cost_usd and latency.p99_ms, the per-run values SQL returns, their means and 95 %
// intervals, and the paired differences B - A with their intervals; that the cost of B differs
// from A's in the direction `b_costs_more` and p99 in the opposite one (with intervals that
// exclude 0 when `require_significance`); and that the text table names both figures.
void check_plan_comparison(const PlanComparison& plans, const std::filesystem::path& scratch);

}  // namespace b24::cli::testing
