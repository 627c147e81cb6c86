// The reference scenario, whole: one simulated day of scenarios/single-dc-day.yaml through
// `b24sim run`'s pipeline, then the behaviours issue 3 asks of it, read back from run.sqlite.
// About a minute in a release build, so it is registered only in the non-sanitizer builds (the
// same code paths run under the sanitizers in the shortened scenario tests).

#include <gtest/gtest.h>

#include <string>

#include "../reports/sqlite_dump.hpp"
#include "cli/scenario_run.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {
namespace {

using reports::testing::query;

class SingleDcDay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenarios::Diagnostics diagnostics;
    scenario_ = new scenarios::Scenario(scenarios::load_scenario(
        std::string(B24_SOURCE_DIR) + "/scenarios/single-dc-day.yaml", diagnostics));
    ASSERT_TRUE(diagnostics.empty());
    scratch_ = new reports::testing::ScratchDirectory();
    outcome_ = new RunOutcome(run_scenario(*scenario_, {.out = scratch_->path() / "day"}));
  }
  static void TearDownTestSuite() {
    delete outcome_;
    delete scratch_;
    delete scenario_;
  }
  static double sample_at(const std::string& metric, std::int64_t seconds) {
    const auto rows =
        query(db(), "SELECT value FROM samples_v WHERE entity = 'dc/fra' AND metric = '" + metric +
                        "' AND time_us = " + std::to_string(seconds * 1'000'000));
    return rows.empty() ? -1.0 : std::stod(rows[0][0]);
  }
  static std::filesystem::path db() { return outcome_->directory / "run.sqlite"; }
  static std::int64_t crash_s() {
    return std::chrono::duration_cast<std::chrono::seconds>(scenario_->web.crashes.at(0).at)
        .count();
  }

  static inline scenarios::Scenario* scenario_ = nullptr;
  static inline reports::testing::ScratchDirectory* scratch_ = nullptr;
  static inline RunOutcome* outcome_ = nullptr;
};

TEST_F(SingleDcDay, DesiredCapacityFollowsTheDiurnalCurve) {
  // Frankfurt is UTC+1: 03:00 local is the night trough, 13:00 local the peak.
  const double night = sample_at("desired_capacity", 2 * 3600);
  const double peak = sample_at("desired_capacity", 12 * 3600);
  const double evening = sample_at("desired_capacity", 21 * 3600);
  EXPECT_GE(peak, 2.5 * night);
  EXPECT_LT(evening, peak);
  EXPECT_GT(evening, night);
}

TEST_F(SingleDcDay, TheCrashIsDetectedAndCapacityRestored) {
  const std::int64_t crash = crash_s() * 1'000'000;
  const auto unhealthy = query(db(),
                               "SELECT min(time_us) FROM events WHERE kind = 'health' AND "
                               "reason LIKE '%unhealthy%' AND time_us >= " +
                                   std::to_string(crash));
  ASSERT_FALSE(unhealthy.empty());
  ASSERT_NE(unhealthy[0][0], "NULL");
  // Interval x unhealthy threshold (30 s x 2) plus one timeout (5 s).
  EXPECT_LE(std::stoll(unhealthy[0][0]) - crash, 65'000'000);
  const auto replaced = query(db(),
                              "SELECT min(time_us) FROM events WHERE kind = 'replacement' "
                              "AND time_us >= " +
                                  std::to_string(crash));
  ASSERT_NE(replaced[0][0], "NULL");
  EXPECT_LE(std::stoll(replaced[0][0]) - std::stoll(unhealthy[0][0]), 60'000'000);
  const std::int64_t later = crash_s() + 10 * 60;
  EXPECT_GE(sample_at("nodes_in_service", later), sample_at("desired_capacity", later));
}

TEST_F(SingleDcDay, P99StaysUnderTheSloOutsideTheCrashTransient) {
  const double slo_ms =
      std::chrono::duration<double, std::milli>(scenario_->slo.p99_latency).count();
  const std::int64_t crash = crash_s() * 1'000'000;
  const auto over =
      query(db(),
            "SELECT count(*) FROM samples_v WHERE entity = 'dc/fra' AND metric "
            "= 'p99_latency_ms' AND value >= " +
                std::to_string(slo_ms) + " AND NOT (time_us BETWEEN " + std::to_string(crash) +
                " AND " + std::to_string(crash + 300'000'000) + ")");
  EXPECT_EQ(over[0][0], "0");
  EXPECT_LE(outcome_->totals.slo_violation_minutes, 2u);
}

TEST_F(SingleDcDay, SummaryReportsNodeHoursCostAndSloMinutes) {
  const std::string json = reports::testing::read_file(outcome_->directory / "summary.json");
  for (const char* key : {"\"node_hours\"", "\"cost_usd\"", "\"slo_violation_minutes\"",
                          "\"availability_pct\"", "\"scaling_actions\"", "\"p99_ms\""}) {
    EXPECT_NE(json.find(key), std::string::npos) << key;
  }
  const auto& t = outcome_->totals;
  EXPECT_NEAR(t.cost_usd, t.node_hours * scenario_->web.instance_price_usd_per_hour, 1e-9);
  EXPECT_GT(t.node_hours, t.mean_nodes * 24.0 * 0.99);      // pending time is billed too
  EXPECT_GE(t.requests.arrived, 2000.0 * 3600 * 24 * 0.3);  // at least 2,000/s at the peak
}

}  // namespace
}  // namespace b24::cli
