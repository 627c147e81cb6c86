// Evaluating `checks:` (cli/checks.hpp): each figure read from the summary the run pipeline
// builds, the verdicts in summary.json, and `b24sim run`'s exit status 3 when one fails (also
// checked on the real binary: cli.run_failing_check_exits_3 in CMakeLists.txt).

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/platform_summary.hpp"
#include "cli/scenario_run.hpp"
#include "cli/storage_summary.hpp"
#include "scenarios/check.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {
namespace {

using namespace std::chrono_literals;

scenarios::Check check(std::string_view text) {
  const scenarios::CheckParse p = scenarios::parse_check(text);
  EXPECT_TRUE(p.check) << text << ": " << p.error;
  return p.check.value_or(scenarios::Check{});
}

std::filesystem::path small_scenario() {
  return std::filesystem::path(B24_SOURCE_DIR) / "tests/cli/data/checks-small.yaml";
}

scenarios::Scenario load(std::vector<std::string> overrides = {}) {
  scenarios::Diagnostics diagnostics;
  scenarios::Scenario s = scenarios::load_scenario(small_scenario(), overrides, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return s;
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A platform summary from hand-made totals: the figures land where cli/checks.cpp reads them.
TEST(Checks, PlatformFiguresAreReadFromTheSummaryBuilder) {
  models::PlatformTotals t;
  t.availability = 0.995;
  t.requests_failed = 12;
  t.cost_usd = 100.0;
  t.residency_violations = 1;
  t.writes.lost = 3.0;
  models::DcTotals fra;
  fra.name = "fra";
  fra.web.requests.arrived = 1000;
  fra.web.requests.failed_503 = 10;
  fra.web.p99_us = 300'000;
  fra.web.cost_usd = 40.0;
  t.dcs.push_back(fra);
  models::FailoverTotals once;
  once.dc = "fra";
  once.failed_at = sim::start_instant + 1h;
  once.served_elsewhere_at = sim::start_instant + 1h + 120s;
  t.failovers.push_back(once);
  scenarios::Scenario s;
  s.duration = 12h;
  const reports::Summary summary = make_platform_summary(make_run_block(s, 0, 0), t);

  EXPECT_DOUBLE_EQ(measure(check("availability >= 99%"), summary), 99.5);
  EXPECT_DOUBLE_EQ(measure(check("availability(dc: fra) >= 99%"), summary), 99.0);  // 1 - 10/1000
  EXPECT_DOUBLE_EQ(measure(check("requests_failed == 0"), summary), 12.0);
  EXPECT_DOUBLE_EQ(measure(check("p99_latency(dc: fra) < 1s"), summary), 300.0);
  EXPECT_DOUBLE_EQ(measure(check("cost(dc: fra) < 1 USD"), summary), 40.0);
  // 100 USD over 12 h is 200 USD a day, 6,000 USD over 30 days.
  EXPECT_DOUBLE_EQ(measure(check("cost_per_month < 1 USD"), summary), 6000.0);
  EXPECT_DOUBLE_EQ(measure(check("residency_violations == 0"), summary), 1.0);
  EXPECT_DOUBLE_EQ(measure(check("writes_lost == 0"), summary), 3.0);
  EXPECT_DOUBLE_EQ(measure(check("failover_time(dc: fra) < 1s"), summary), 120.0);

  // A second failure of fra that was never served elsewhere: the longest is infinite.
  models::FailoverTotals never = once;
  never.served_elsewhere_at.reset();
  t.failovers.push_back(never);
  const reports::Summary twice = make_platform_summary(make_run_block(s, 0, 0), t);
  EXPECT_TRUE(std::isinf(measure(check("failover_time < 1s"), twice)));
  // No calls in this run: the figure is missing, and a missing figure fails.
  const std::vector<CheckResult> r = evaluate_checks({check("calls_failed == 0")}, twice);
  EXPECT_TRUE(std::isnan(r[0].measured));
  EXPECT_FALSE(r[0].passed);
}

// The cost attribution's figures (models/platform_cost.cpp) as the summary builder writes them:
// per plan and per cohort, and no per-tenant figure where no tenants are counted.
TEST(Checks, CostPerTenantMonthIsReadPerPlanAndPerCohort) {
  models::PlatformTotals t;
  models::CohortCostTotals free;
  free.name = "eu-free";
  free.plan = "free";
  free.tenants = 1000;
  free.cost_usd = 10.0;
  free.cost_per_tenant_month_usd = 0.3;
  models::CohortCostTotals paid;
  paid.name = "eu";
  paid.plan = "paid";
  paid.cost_usd = 30.0;  // tenants 0: no per-tenant figure
  t.cohorts = {free, paid};
  models::PlanCostTotals free_plan;
  free_plan.plan = "free";
  free_plan.cohorts = 1;
  free_plan.tenants = 1000;
  free_plan.cost_usd = 10.0;
  free_plan.cost_per_tenant_month_usd = 0.3;
  models::PlanCostTotals paid_plan;
  paid_plan.plan = "paid";
  paid_plan.cohorts = 1;
  paid_plan.cost_usd = 30.0;
  t.plans = {free_plan, paid_plan};
  scenarios::Scenario s;
  s.duration = 24h;
  const reports::Summary summary = make_platform_summary(make_run_block(s, 0, 0), t);

  EXPECT_DOUBLE_EQ(measure(check("cost_per_tenant_month(plan: free) < 1 USD"), summary), 0.3);
  EXPECT_DOUBLE_EQ(measure(check("cost_per_tenant_month(cohort: eu-free) < 1 USD"), summary), 0.3);
  // Not counted, or not there at all: missing, and a missing figure fails.
  for (const char* text :
       {"cost_per_tenant_month(plan: paid) < 1 USD", "cost_per_tenant_month(cohort: eu) < 1 USD",
        "cost_per_tenant_month(plan: gold) < 1 USD"}) {
    const std::vector<CheckResult> r = evaluate_checks({check(text)}, summary);
    EXPECT_TRUE(std::isnan(r[0].measured)) << text;
    EXPECT_FALSE(r[0].passed) << text;
  }
}

TEST(Checks, StorageFiguresAreReadFromTheSummaryBuilder) {
  models::StorageTotals t;
  t.objects_lost = 2;
  t.ack_p99_us = 25'000;
  t.empirical_annual_loss_rate = 1e-9;  // measured, since objects were lost: 9 nines
  const reports::Summary summary =
      make_storage_summary(reports::Summary{}, models::ObjectStoreParams{}, t);
  EXPECT_DOUBLE_EQ(measure(check("objects_lost == 0"), summary), 2.0);
  EXPECT_DOUBLE_EQ(measure(check("upload_p99_latency < 1s"), summary), 25.0);
  EXPECT_NEAR(measure(check("durability_nines >= 11"), summary), 9.0, 1e-9);
}

TEST(Checks, VerdictsFollowTheOperators) {
  reports::Summary summary;
  summary.add("availability_pct", 99.95);
  const std::vector<CheckResult> r =
      evaluate_checks({check("availability >= 99.95%"), check("availability > 99.95%"),
                       check("availability != 99.95%")},
                      summary);
  ASSERT_EQ(r.size(), 3U);
  EXPECT_TRUE(r[0].passed);
  EXPECT_FALSE(r[1].passed);
  EXPECT_FALSE(r[2].passed);
  EXPECT_FALSE(all_passed(r));
  EXPECT_TRUE(all_passed({r[0]}));
}

// The real pipeline: the verdicts agree with the run's own totals and go into summary.json.
TEST(Checks, RunWritesVerdictsMeasuredOnTheRun) {
  scenarios::Scenario s = load();
  s.checks.push_back(check("p99_latency < 10s"));
  s.checks.push_back(check("cost_per_month < 1 USD"));
  const std::filesystem::path out = std::filesystem::temp_directory_path() / "b24-checks-run";
  const RunOutcome o = run_scenario(s, RunOptions{.out = out});
  ASSERT_EQ(o.checks.size(), 3U);
  EXPECT_DOUBLE_EQ(o.checks[0].measured, static_cast<double>(o.totals.requests.failed()));
  EXPECT_TRUE(o.checks[0].passed);  // utilization 0.25, no spill: nothing fails
  EXPECT_DOUBLE_EQ(o.checks[1].measured, static_cast<double>(o.totals.p99_us) / 1000.0);
  EXPECT_TRUE(o.checks[1].passed);
  // 10 minutes scaled to 30 days: 4,320 times the run's cost, which is not zero.
  EXPECT_NEAR(o.checks[2].measured, o.totals.cost_usd * 4320.0, 1e-6 * o.checks[2].measured);
  EXPECT_FALSE(o.checks[2].passed);
  const std::string json = read_text(o.directory / "summary.json");
  EXPECT_NE(json.find("\"checks\""), std::string::npos);
  EXPECT_NE(json.find("\"expression\": \"requests_failed == 0\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"verdict\": \"fail\""), std::string::npos);
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace b24::cli
