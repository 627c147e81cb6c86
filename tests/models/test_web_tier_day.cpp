#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "memory_recorder.hpp"
#include "models/web_tier.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

// A small diurnal day: 1-core nodes at 0.1 s of CPU per request (10 requests/s each), a peak of
// 40 requests/s at 13:00 and 10% of it at night, target tracking at 50% CPU, one crash at 14:00.
WebTierParams small_day() {
  WebTierParams p;
  p.name = "test";
  p.workload.peak_rate_per_s = 40.0;
  p.workload.profile.points = {{1.0, 0.1}, {7.0, 0.1}, {13.0, 1.0}, {19.0, 0.4}};
  p.node = {.cores = 1, .queue_limit = 50, .cpu_time_s = sim::Exponential(0.1)};
  p.auto_scaling.limits = {.min_size = 2, .max_size = 20};
  p.auto_scaling.initial_desired = 2;
  p.crashes = {{.at = 14h, .nodes = 1}};
  return p;
}

// Each 1-core node at ~50% CPU is close to an M/M/1 queue at rho 0.5, whose response time is
// exponential with rate mu (1 - rho) = 5/s: p99 = ln(100) / 5 = 0.92 s. The day's SLO is set
// above that, at 1.5 s: met while target tracking holds CPU near 50%, broken if it did not.
constexpr SloParams small_day_slo{.p99_latency = std::chrono::milliseconds{1500},
                                  .max_error_rate = 0.001};

struct DayRun {
  testing::MemoryRecorder recorder;
  sim::Simulator sim{11};
  WebTier tier;
  explicit DayRun(const WebTierParams& p) : tier(sim, p, small_day_slo, recorder) {
    tier.start();
    sim.run_until(sim::start_instant + 24h);
  }
  [[nodiscard]] double metric_at(std::string_view metric, sim::Instant t) const {
    for (const auto& s : recorder.samples) {
      if (s.metric == metric && s.time >= t) return s.value;
    }
    return NAN;
  }
};

TEST(WebTierDay, DesiredCapacityFollowsTheDiurnalCurve) {
  const DayRun run(small_day());
  const double night = run.metric_at("desired_capacity", sim::start_instant + 6h);
  const double peak = run.metric_at("desired_capacity", sim::start_instant + 13h + 30min);
  const double evening = run.metric_at("desired_capacity", sim::start_instant + 23h);
  // 40 requests/s x 0.1 s = 4 busy cores at peak; at 50% CPU that is about 8 nodes.
  EXPECT_EQ(night, 2.0);
  EXPECT_GE(peak, 7.0);
  EXPECT_LE(peak, 11.0);
  EXPECT_LT(evening, peak);
  const auto totals = run.tier.totals();
  EXPECT_GT(totals.scaling_actions, 4u);
  EXPECT_GT(totals.requests.served, 1'000'000u);
}

TEST(WebTierDay, ACrashIsDetectedAndReplaced) {
  const DayRun run(small_day());
  const auto crash = sim::start_instant + 14h;
  sim::Instant unhealthy_at = sim::end_of_time, replaced_at = sim::end_of_time;
  for (const auto& e : run.recorder.events) {
    if (e.time < crash) continue;
    if (e.kind == "health" && e.reason.find("nhealthy") != std::string::npos &&
        unhealthy_at == sim::end_of_time) {
      unhealthy_at = e.time;
    }
    if (e.kind == "replacement" && replaced_at == sim::end_of_time) replaced_at = e.time;
  }
  // ALB defaults: unhealthy within interval x unhealthy threshold + one timeout = 65 s.
  ASSERT_NE(unhealthy_at, sim::end_of_time);
  EXPECT_LE(unhealthy_at - crash, 65s);
  // The group acts on the ELB's verdict at its next evaluation (every minute), well before the
  // EC2 status check (3 minutes) would.
  ASSERT_NE(replaced_at, sim::end_of_time);
  EXPECT_GE(replaced_at, unhealthy_at);
  EXPECT_LE(replaced_at - unhealthy_at, 60s);
  // Capacity is back within launch delay + a few evaluation periods.
  const double in_service = run.metric_at("nodes_in_service", crash + 10min);
  const double desired = run.metric_at("desired_capacity", crash + 10min);
  EXPECT_GE(in_service, desired);
}

// Little's law on the whole day: L (time-average requests in flight, measured at every change)
// against lambda W (arrival rate x mean time in system of departed requests). They differ only
// by edge effects of the requests in flight at the end, a few out of millions; 1% is the
// issue's bound and leaves a wide margin.
TEST(WebTierDay, LittlesLawHolds) {
  const DayRun run(small_day());
  const auto t = run.tier.totals();
  ASSERT_GT(t.littles_l, 0.0);
  EXPECT_NEAR(t.littles_l / t.littles_lambda_w, 1.0, 0.01);
}

// The SLO is judged per minute (p99 of the minute's requests, and its error rate): outside the
// crash transient no minute violates it. The crash fails the requests the dead node held and
// those sent to it until the health checks notice (about a minute), so its minutes may.
TEST(WebTierDay, SloHoldsOutsideTheCrashTransient) {
  const DayRun run(small_day());
  const auto t = run.tier.totals();
  EXPECT_LE(t.slo_violation_minutes, 2u);
  EXPECT_GT(t.requests.failed(), 0u);  // the crash did fail requests
  // The 10 s windows hold a few hundred requests each, so their p99 is noisier than a
  // minute's; still, all but a handful stay under the SLO.
  int windows = 0, over = 0;
  for (const auto& s : run.recorder.samples) {
    if (s.metric != "p99_latency_ms") continue;
    ++windows;
    if (s.value >= 1500.0) ++over;
  }
  EXPECT_GT(windows, 8000);
  EXPECT_LT(over, windows / 500);
}

TEST(WebTierDay, SameSeedSameRecords) {
  const DayRun a(small_day());
  const DayRun b(small_day());
  EXPECT_EQ(a.sim.trace().hash(), b.sim.trace().hash());
  ASSERT_EQ(a.recorder.samples.size(), b.recorder.samples.size());
  for (std::size_t i = 0; i < a.recorder.samples.size(); ++i) {
    ASSERT_EQ(a.recorder.samples[i].value, b.recorder.samples[i].value) << i;
  }
}

}  // namespace
}  // namespace b24::models
