#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "models/load_balancer.hpp"
#include "models/queueing_theory.hpp"
#include "models/web_node.hpp"
#include "models/workload.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

// A DC's web tier wired by hand: workload -> load balancer -> nodes.
struct Tier {
  sim::Simulator sim;
  LoadBalancer lb;
  std::vector<std::unique_ptr<WebNode>> nodes;
  Workload workload;

  Tier(std::uint64_t seed, const LoadBalancerParams& lb_params, const WorkloadParams& load,
       const WebNodeParams& node_params, std::uint32_t node_count)
      : sim(seed),
        lb(sim, lb_params, sim.stream("lb")),
        workload(sim, load, sim.stream("workload"), [this](const Request& r) { lb.arrive(r); }) {
    for (std::uint32_t i = 0; i < node_count; ++i) {
      nodes.push_back(std::make_unique<WebNode>(sim, i, node_params,
                                                sim.stream("node/" + std::to_string(i)), lb));
      nodes.back()->enter_service();
      lb.register_target(*nodes.back(), policy::HealthState::healthy);
    }
    workload.start();
  }
};

void expect_conserved(const LoadBalancer& lb) {
  const auto& c = lb.counters();
  EXPECT_EQ(c.arrived, c.served + c.failed() + lb.in_flight());
}

TEST(WebTier, RequestsAreConservedThroughOverloadAndACrash) {
  LoadBalancerParams lb_params;  // ALB, round robin
  WorkloadParams load;
  load.peak_rate_per_s = 150.0;
  WebNodeParams node{.cores = 2, .queue_limit = 4, .cpu_time_s = sim::Exponential(0.05)};
  Tier tier(3, lb_params, load, node, 4);  // capacity 160/s: near saturation, some 502s
  tier.sim.schedule_at(sim::start_instant + 30s, [&] { tier.nodes[1]->crash(); });
  for (int s = 1; s <= 120; ++s) {
    tier.sim.run_until(sim::start_instant + std::chrono::seconds{s});
    expect_conserved(tier.lb);
  }
  const auto& c = tier.lb.counters();
  // Before the crash ~150/s are served; after it a quarter of the rotation hits the dead node
  // (no health checks here) and the three others are overloaded.
  EXPECT_GT(c.served, 12'000u);
  EXPECT_GT(c.failed_502, 4'000u);
  EXPECT_EQ(tier.workload.generated(), c.arrived);
}

TEST(WebTier, ClassicSurgeQueueSpillsOverAs503) {
  LoadBalancerParams lb_params;
  lb_params.balancer = {policy::BalancerType::classic,
                        policy::RoutingAlgorithm::least_outstanding_requests};
  lb_params.surge_queue_limit = 50;
  WorkloadParams load;
  load.peak_rate_per_s = 400.0;  // four times the capacity
  WebNodeParams node{.cores = 1, .queue_limit = 0, .cpu_time_s = sim::Exponential(0.02)};
  Tier tier(4, lb_params, load, node, 2);
  tier.sim.run_until(sim::start_instant + 60s);
  expect_conserved(tier.lb);
  EXPECT_EQ(tier.lb.counters().failed_502, 0u);
  EXPECT_GT(tier.lb.counters().failed_503, 10'000u);
  EXPECT_LE(tier.lb.surge_queue_length(), 50u);
}

TEST(WebTier, CrashAbortsEverythingTheNodeHeldAs502) {
  sim::Simulator sim(1);
  LoadBalancer lb(sim, {}, sim.stream("lb"));
  WebNode node(sim, 0, {.cores = 1, .queue_limit = 3, .cpu_time_s = sim::Constant(10.0)},
               sim.stream("n"), lb);
  node.enter_service();
  lb.register_target(node, policy::HealthState::healthy);
  for (std::uint64_t i = 0; i < 4; ++i) lb.arrive(Request{i, sim.now()});
  EXPECT_EQ(node.in_flight(), 4u);
  lb.arrive(Request{9, sim.now()});  // queue full: refused
  EXPECT_EQ(lb.counters().failed_502, 1u);
  sim.run_until(sim::start_instant + 5s);
  node.crash();
  EXPECT_EQ(lb.counters().failed_502, 5u);
  EXPECT_EQ(lb.in_flight(), 0u);
  EXPECT_EQ(sim.events_pending(), 0u);  // the service event was cancelled
  EXPECT_NEAR(node.busy_core_seconds(sim.now()), 5.0, 1e-9);
}

// c single-core nodes with no admission queue behind a Classic LB with least outstanding
// requests: requests wait in the LB's surge queue for the first free node, which is exactly the
// M/M/c FIFO queue. The served latency (arrival at the LB to response) is the M/M/c response
// time. Replications and the 4-standard-error acceptance are as in test_mmc_station.cpp.
TEST(WebTier, ClassicLbOverSingleCoreNodesIsAnMmcQueue) {
  constexpr std::uint32_t c = 8;
  constexpr double mean_service_s = 0.1;
  const double rate = 0.8 * c / mean_service_s;
  LoadBalancerParams lb_params;
  lb_params.balancer = {policy::BalancerType::classic,
                        policy::RoutingAlgorithm::least_outstanding_requests};
  lb_params.surge_queue_limit = 100'000;
  WorkloadParams load;
  load.peak_rate_per_s = rate;
  std::vector<double> means;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    Tier tier(seed, lb_params, load,
              {.cores = 1, .queue_limit = 0, .cpu_time_s = sim::Exponential(mean_service_s)}, c);
    tier.sim.run_until(sim::start_instant + 1h);
    ASSERT_EQ(tier.lb.counters().failed(), 0u);
    means.push_back(tier.lb.latency().mean() * 1e-6);
  }
  double sum = 0, sq = 0;
  for (double m : means) sum += m;
  const double mean = sum / 10.0;
  for (double m : means) sq += (m - mean) * (m - mean);
  const double se = std::sqrt(sq / 9.0 / 10.0);
  const MmcTheory theory = mmc_theory(c, rate, mean_service_s);
  EXPECT_NEAR(mean, theory.mean_response_s, 4 * se);
  EXPECT_NEAR(mean / theory.mean_response_s, 1.0, 0.03);
}

TEST(Workload, ProfileInterpolatesAndWrapsAtMidnight) {
  DailyProfile p{{{6.0, 0.2}, {12.0, 1.0}, {22.0, 0.4}}};
  p.validate();
  EXPECT_DOUBLE_EQ(p.multiplier_at(12.0), 1.0);
  EXPECT_DOUBLE_EQ(p.multiplier_at(9.0), 0.6);
  EXPECT_DOUBLE_EQ(p.multiplier_at(17.0), 0.7);
  // 22:00 (0.4) to 06:00 (0.2) across midnight: 8 hours; at 02:00 half way.
  EXPECT_DOUBLE_EQ(p.multiplier_at(2.0), 0.3);
  EXPECT_DOUBLE_EQ(p.multiplier_at(23.0), 0.4 - 0.2 / 8.0);
}

// Arrivals in a window form a Poisson count with mean = integral of the rate, so the count is
// within 5 standard deviations (sqrt of the mean) of it for a correct thinning.
TEST(Workload, ThinnedArrivalsFollowTheProfile) {
  sim::Simulator sim(5);
  WorkloadParams params{.peak_rate_per_s = 50.0, .profile = {{{0.0, 0.2}, {12.0, 1.0}}}};
  std::uint64_t morning = 0, total = 0;
  Workload w(sim, params, sim.stream("w"), [&](const Request& r) {
    ++total;
    if (r.arrived < sim::start_instant + 12h) ++morning;
  });
  w.start();
  sim.run_until(sim::start_instant + 24h);
  // The profile rises linearly 0.2 -> 1 over 00-12 and falls back over 12-24: mean 0.6 each half.
  const double expected_half = 50.0 * 0.6 * 12 * 3600;
  EXPECT_NEAR(static_cast<double>(morning), expected_half, 5 * std::sqrt(expected_half));
  EXPECT_NEAR(static_cast<double>(total), 2 * expected_half, 5 * std::sqrt(2 * expected_half));
  EXPECT_EQ(w.generated(), total);
}

TEST(Workload, UtcOffsetShiftsThePeak) {
  sim::Simulator sim(1);
  WorkloadParams params{
      .peak_rate_per_s = 10.0, .profile = {{{0.0, 0.0}, {12.0, 1.0}}}, .utc_offset = 3h};
  Workload w(sim, params, sim.stream("w"), [](const Request&) {});
  EXPECT_DOUBLE_EQ(w.rate_per_s(sim::start_instant + 9h), 10.0);  // 12:00 local
  EXPECT_DOUBLE_EQ(w.rate_per_s(sim::start_instant + 21h), 0.0);  // 00:00 local
}

}  // namespace
}  // namespace b24::models
