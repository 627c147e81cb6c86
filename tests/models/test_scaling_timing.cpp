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

}  // namespace
}  // namespace b24::models
