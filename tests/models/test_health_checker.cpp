#include <gtest/gtest.h>

#include <memory>

#include "memory_recorder.hpp"
#include "models/health_checker.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

struct Fixture {
  sim::Simulator sim{1};
  testing::MemoryRecorder recorder;
  LoadBalancer lb{sim, {}, sim.stream("lb")};  // ALB, round robin
  HealthChecker checker{sim, lb, policy::alb_health_check_defaults(), recorder, "dc/x/elb"};
  std::vector<std::unique_ptr<WebNode>> nodes;

  void add_nodes(std::uint32_t n) {
    for (std::uint32_t i = 0; i < n; ++i) {
      nodes.push_back(std::make_unique<WebNode>(
          sim, i, WebNodeParams{.cores = 1, .queue_limit = 100, .cpu_time_s = sim::Constant(0.001)},
          sim.stream(std::string("node/").append(std::to_string(i))), lb));
      nodes.back()->enter_service();
      lb.register_target(*nodes.back(), policy::HealthState::initial);
      checker.watch(*nodes.back());
    }
  }
};

TEST(HealthChecker, NewTargetsBecomeHealthyAfterOneCheck) {
  Fixture f;
  f.add_nodes(2);
  f.sim.run_until(sim::start_instant + 1s);
  EXPECT_EQ(f.checker.state_of(0), policy::HealthState::healthy);
  EXPECT_EQ(f.checker.state_of(1), policy::HealthState::healthy);
  ASSERT_EQ(f.recorder.events.size(), 2u);
  EXPECT_EQ(f.recorder.events[0].time, sim::start_instant);
}

// ALB defaults: checks every 30 s from registration (t = 0, 30, ..., 120, 150), 5 s timeout,
// unhealthy after 2 failures. A crash at t = 100 s fails the checks sent at 120 and 150, which
// time out at 125 and 155: the target turns unhealthy at 155 s, 55 s after the crash, within
// interval x threshold + timeout = 65 s.
TEST(HealthChecker, ACrashedTargetTurnsUnhealthyAfterTwoTimedOutChecks) {
  Fixture f;
  f.add_nodes(3);
  f.sim.schedule_at(sim::start_instant + 100s, [&] { f.nodes[1]->crash(); });
  f.sim.run_until(sim::start_instant + 154s);
  EXPECT_EQ(f.checker.state_of(1), policy::HealthState::healthy);
  f.sim.run_until(sim::start_instant + 155s);
  EXPECT_EQ(f.checker.state_of(1), policy::HealthState::unhealthy);
  EXPECT_EQ(f.checker.state_of(0), policy::HealthState::healthy);
  const auto& last = f.recorder.events.back();
  EXPECT_EQ(last.time, sim::start_instant + 155s);
  EXPECT_EQ(last.kind, "health");
  EXPECT_FALSE(last.reason.empty());
}

TEST(HealthChecker, TheBalancerStopsSendingToAnUnhealthyTarget) {
  Fixture f;
  f.add_nodes(3);
  f.sim.schedule_at(sim::start_instant + 100s, [&] { f.nodes[1]->crash(); });
  std::uint64_t id = 0;
  auto send_burst = [&] {
    for (int i = 0; i < 30; ++i) f.lb.arrive(Request{id++, f.sim.now()});
  };
  f.sim.run_until(sim::start_instant + 120s);
  send_burst();  // before detection: a third of the rotation hits the dead node
  const auto failed_before = f.lb.counters().failed_502;
  EXPECT_EQ(failed_before, 10u);
  f.sim.run_until(sim::start_instant + 160s);
  send_burst();  // after detection: none
  EXPECT_EQ(f.lb.counters().failed_502, failed_before);
  f.sim.run_until(sim::start_instant + 170s);
  EXPECT_EQ(f.lb.counters().served, 50u);
}

TEST(HealthChecker, ForgetStopsTheChecks) {
  Fixture f;
  f.add_nodes(1);
  f.sim.run_until(sim::start_instant + 1s);
  f.checker.forget(0);
  EXPECT_EQ(f.sim.events_pending(), 0u);
}

}  // namespace
}  // namespace b24::models
