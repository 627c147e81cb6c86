#include <gtest/gtest.h>

#include "memory_recorder.hpp"
#include "models/web_tier.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

// A load step: 20% of peak until 02:00:36, then 100% until 06:00:36, then 20% again. Nodes are
// 1 core at 0.1 s per request (10 requests/s each); the peak of 40 requests/s overloads the 2
// initial nodes. Launch delay is a constant 150 s so every instant below is exact.
WebTierParams step_load() {
  WebTierParams p;
  p.name = "step";
  p.workload.peak_rate_per_s = 40.0;
  p.workload.profile.points = {{0.0, 0.2}, {2.0, 0.2}, {2.01, 1.0}, {6.0, 1.0}, {6.01, 0.2}};
  p.node = {.cores = 1, .queue_limit = 50, .cpu_time_s = sim::Exponential(0.1)};
  p.auto_scaling.limits = {.min_size = 2, .max_size = 20};
  p.auto_scaling.initial_desired = 2;
  p.auto_scaling.launch_delay_s = sim::Constant(150.0);
  return p;
}

struct StepRun {
  testing::MemoryRecorder recorder;
  sim::Simulator sim{5};
  WebTier tier{sim, step_load(), SloParams{}, recorder};
  StepRun() {
    tier.start();
    sim.run_until(sim::start_instant + 8h);
  }
  [[nodiscard]] const testing::MemoryRecorder::Event* first(std::string_view kind,
                                                            sim::Instant after) const {
    for (const auto& e : recorder.events) {
      if (e.kind == kind && e.time > after) return &e;
    }
    return nullptr;
  }
};

// Target tracking's AlarmHigh needs 3 of 3 one-minute datapoints above the target. The step at
// 02:00:36 makes the periods starting 02:00, 02:01 and 02:02 breach; the last is published one
// minute after it ends (publication delay), at 02:04:00, and the alarm and the group act at
// that period boundary. A breach cannot be seen earlier; it is seen at the latest one period
// later (if the partial first period did not breach).
TEST(ScalingTiming, ScaleOutWaitsForTheAlarmWindowThenTheLaunchDelay) {
  const StepRun run;
  const auto* out = run.first("scaling", sim::start_instant + 2h);
  ASSERT_NE(out, nullptr);
  EXPECT_GE(out->time, sim::start_instant + 2h + 4min);
  EXPECT_LE(out->time, sim::start_instant + 2h + 5min);
  // The instances it launches come into service exactly one launch delay later.
  const auto* in_service = run.first("in_service", out->time);
  ASSERT_NE(in_service, nullptr);
  EXPECT_EQ(in_service->time, out->time + 150s);
}

// AlarmLow needs 15 of 15 datapoints below 70% of the target: after the drop at 06:00:36 the
// periods from 06:01 breach (06:00 may not), so the 15th is the period starting 06:15 (or
// 06:14 if 06:00 breached), published at 06:17:00 (06:16:00).
TEST(ScalingTiming, ScaleInFollowsTheLongerWindow) {
  const StepRun run;
  const auto* in = run.first("scale_in", sim::start_instant + 6h);
  ASSERT_NE(in, nullptr);
  EXPECT_GE(in->time, sim::start_instant + 6h + 16min);
  EXPECT_LE(in->time, sim::start_instant + 6h + 17min);
  // Nothing was scaled in while the load was high.
  const auto* early = run.first("scale_in", sim::start_instant + 2h);
  EXPECT_EQ(early, in);
}

struct PolicyRun {
  testing::MemoryRecorder recorder;
  sim::Simulator sim{5};
  WebTier tier;
  explicit PolicyRun(const WebTierParams& p) : tier(sim, p, SloParams{}, recorder) {
    tier.start();
    sim.run_until(sim::start_instant + 4h);
  }
  [[nodiscard]] std::vector<const testing::MemoryRecorder::Event*> all(
      std::string_view kind) const {
    std::vector<const testing::MemoryRecorder::Event*> out;
    for (const auto& e : recorder.events) {
      if (e.kind == kind) out.push_back(&e);
    }
    return out;
  }
};

// Step scaling instead of target tracking: an alarm at CPU >= 60% for 2 of 2 minutes, +1
// instance for a breach of [0, 20) above the threshold and +4 for 20 and more. The step at
// 02:00:36 saturates the 2 nodes (CPU 100%, 40 above the threshold): the first action adds 4.
TEST(ScalingPolicies, StepScalingAddsTheStepOfTheBreach) {
  WebTierParams p = step_load();
  p.auto_scaling.target_tracking.reset();
  StepScalingRule rule;
  rule.alarm = {.threshold = 60.0,
                .comparison = policy::ComparisonOperator::greater_than_or_equal_to_threshold,
                .evaluation_periods = 2,
                .datapoints_to_alarm = 2};
  rule.policy.breach_threshold = 60.0;
  rule.policy.steps = {{.lower_bound = 0.0, .upper_bound = 20.0, .scaling_adjustment = 1},
                       {.lower_bound = 20.0, .upper_bound = std::nullopt, .scaling_adjustment = 4}};
  p.auto_scaling.step_scaling = {rule};
  const PolicyRun run(p);
  const auto scaling = run.all("scaling");
  ASSERT_GE(scaling.size(), 2u);  // the initial capacity, then the step
  const auto* first = scaling[1];
  // Periods 02:00 and 02:01 breach; the second is published at 02:03:00.
  EXPECT_GE(first->time, sim::start_instant + 2h + 3min);
  EXPECT_LE(first->time, sim::start_instant + 2h + 4min);
  EXPECT_NE(first->reason.find("2 -> 6"), std::string::npos) << first->reason;
}

// Simple scaling: +1 instance when CPU > 60% for 1 minute, then a 300 s cooldown before the
// policy may act again, however high the CPU stays.
TEST(ScalingPolicies, SimpleScalingWaitsForItsCooldown) {
  WebTierParams p = step_load();
  p.auto_scaling.target_tracking.reset();
  SimpleScalingRule rule;
  rule.alarm = {.threshold = 60.0};
  rule.policy.adjustment = {policy::AdjustmentType::change_in_capacity, 1, std::nullopt};
  rule.policy.cooldown = std::chrono::seconds{300};
  p.auto_scaling.simple_scaling = {rule};
  const PolicyRun run(p);
  const auto scaling = run.all("scaling");
  ASSERT_GE(scaling.size(), 4u);
  for (std::size_t i = 2; i < scaling.size(); ++i) {
    EXPECT_GE(scaling[i]->time - scaling[i - 1]->time, 300s) << scaling[i]->reason;
  }
}

}  // namespace
}  // namespace b24::models
