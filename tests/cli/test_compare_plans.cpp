// Issue 7, "Done when": b24sim compare of runs with different group sizes shows the difference
// in cost and p99 with confidence intervals, and the figures match a direct SQL query over the
// run databases. The fast version: single-dc-day's web tier for half an hour of its night (no
// crash: that comes at 14:00), with the load raised so that a group held at 6 nodes (A: the
// scenario's desired 6, capped there) runs at 97 % CPU, against a group of 12 (B), three seeds
// each. The long version runs capacity-plan-eu (test_compare_capacity_plan.cpp).

#include <gtest/gtest.h>

#include "../reports/sqlite_dump.hpp"
#include "compare_plans_support.hpp"

namespace b24::cli {
namespace {

TEST(ComparePlans, GroupSizesDifferInCostAndP99AndMatchSql) {
  reports::testing::ScratchDirectory scratch;
  testing::PlanComparison plans;
  plans.scenario = std::filesystem::path(B24_SOURCE_DIR) / "scenarios" / "single-dc-day.yaml";
  // 01:00 local is 18.75 % of the peak: 1,162 requests/s of 40 ms CPU, 46.5 busy cores. On
  // 6 nodes of 8 cores that is 97 % CPU (queueing: p99 about 235 ms); on 12 nodes 48 %, where
  // p99 is the CPU time's own (about 150 ms) and target tracking neither scales out nor in.
  // Measured (seeds 1-3): p99 B - A = -85 ms ± 12, cost 1.02 USD more (± 0: the node-hours of a
  // group that does not scale do not depend on the seed).
  plans.common_overrides = {"duration=30min", "faults=[]", "workload.peak_rate=6200/s"};
  plans.plan_a = {"auto_scaling.max_size=6"};
  plans.plan_b = {"auto_scaling.min_size=12", "auto_scaling.desired_capacity=12"};
  plans.seeds = {1, 2, 3};
  testing::check_plan_comparison(plans, scratch.path());
}

}  // namespace
}  // namespace b24::cli
