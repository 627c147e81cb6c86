// Target choice, read against the ELB guides: ALB routing algorithms, ALB fail-open when no
// target is healthy, 503 with no registered target, CLB 503 with no healthy instance.

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "policy/load_balancing.hpp"

namespace b24::policy {
namespace {

constexpr auto healthy = HealthState::healthy;
constexpr auto unhealthy = HealthState::unhealthy;

RoutingTarget target(TargetId id, HealthState health, int outstanding = 0, double weight = 1.0) {
  return RoutingTarget{id, health, false, outstanding, weight};
}

LoadBalancerConfig alb(RoutingAlgorithm algorithm) {
  return {BalancerType::application, algorithm};
}

// Successive round-robin choices starting with no previous choice.
std::vector<TargetId> rotate(const LoadBalancerConfig& config,
                             const std::vector<RoutingTarget>& targets, int count) {
  std::vector<TargetId> chosen;
  std::optional<TargetId> previous;
  for (int i = 0; i < count; ++i) {
    const RoutingDecision decision = choose_target(config, {targets, previous, 0.0});
    chosen.push_back(decision.target.value());
    previous = decision.target;
  }
  return chosen;
}

TEST(LoadBalancing, RoundRobinCyclesThroughHealthyTargetsInIdOrder) {
  const std::vector<RoutingTarget> targets{target(1, healthy), target(2, unhealthy),
                                           target(3, healthy), target(4, healthy)};
  EXPECT_EQ(rotate(alb(RoutingAlgorithm::round_robin), targets, 5),
            (std::vector<TargetId>{1, 3, 4, 1, 3}));
}

TEST(LoadBalancing, RoundRobinSkipsDrainingAndInitialTargets) {
  std::vector<RoutingTarget> targets{target(1, healthy), target(2, healthy),
                                     target(3, HealthState::initial), target(4, healthy)};
  targets[1].draining = true;
  EXPECT_EQ(rotate(alb(RoutingAlgorithm::round_robin), targets, 3),
            (std::vector<TargetId>{1, 4, 1}));
}

TEST(LoadBalancing, RoundRobinContinuesAfterThePreviousTargetLeft) {
  const std::vector<RoutingTarget> targets{target(1, healthy), target(3, healthy)};
  const RoutingDecision decision =
      choose_target(alb(RoutingAlgorithm::round_robin), {targets, TargetId{2}, 0.0});
  EXPECT_EQ(decision.target, TargetId{3});
  EXPECT_EQ(decision.outcome, RoutingOutcome::routed);
}

TEST(LoadBalancing, LeastOutstandingPicksTheFewestInFlight) {
  const std::vector<RoutingTarget> targets{target(1, healthy, 5), target(2, healthy, 2),
                                           target(3, healthy, 7)};
  EXPECT_EQ(choose_target(alb(RoutingAlgorithm::least_outstanding_requests), {targets}).target,
            TargetId{2});
}

TEST(LoadBalancing, LeastOutstandingBreaksTiesByLowestIdAndIgnoresUnhealthy) {
  const std::vector<RoutingTarget> targets{target(1, unhealthy, 0), target(4, healthy, 3),
                                           target(5, healthy, 1), target(7, healthy, 1)};
  EXPECT_EQ(choose_target(alb(RoutingAlgorithm::least_outstanding_requests), {targets}).target,
            TargetId{5});
}

// Weights 1 and 3: target 10 owns draws [0, 0.25), target 20 owns [0.25, 1).
TEST(LoadBalancing, WeightedRandomMapsTheDrawOntoTheWeights) {
  const std::vector<RoutingTarget> targets{target(10, healthy, 0, 1.0),
                                           target(20, healthy, 0, 3.0)};
  const auto pick = [&](double draw) {
    return choose_target(alb(RoutingAlgorithm::weighted_random), {targets, std::nullopt, draw})
        .target.value();
  };
  EXPECT_EQ(pick(0.0), 10u);
  EXPECT_EQ(pick(0.24), 10u);
  EXPECT_EQ(pick(0.25), 20u);
  EXPECT_EQ(pick(0.999), 20u);
}

TEST(LoadBalancing, WeightedRandomIgnoresUnhealthyTargets) {
  const std::vector<RoutingTarget> targets{target(1, unhealthy, 0, 100.0), target(2, healthy),
                                           target(3, healthy)};
  const LoadBalancerConfig config = alb(RoutingAlgorithm::weighted_random);
  EXPECT_EQ(choose_target(config, {targets, std::nullopt, 0.0}).target, TargetId{2});
  EXPECT_EQ(choose_target(config, {targets, std::nullopt, 0.5}).target, TargetId{3});
}

TEST(LoadBalancing, WeightedRandomRejectsDrawsOutsideTheUnitInterval) {
  const std::vector<RoutingTarget> targets{target(1, healthy)};
  const LoadBalancerConfig config = alb(RoutingAlgorithm::weighted_random);
  EXPECT_THROW((void)choose_target(config, {targets, std::nullopt, 1.0}), std::invalid_argument);
  EXPECT_THROW((void)choose_target(config, {targets, std::nullopt, -0.1}), std::invalid_argument);
}

TEST(LoadBalancing, AlbFailsOpenToEveryRegisteredTargetWhenNoneIsHealthy) {
  std::vector<RoutingTarget> targets{target(1, unhealthy), target(2, HealthState::initial),
                                     target(3, unhealthy), target(4, unhealthy)};
  targets[3].draining = true;
  EXPECT_EQ(rotate(alb(RoutingAlgorithm::round_robin), targets, 4),
            (std::vector<TargetId>{1, 2, 3, 1}));
  const RoutingDecision decision = choose_target(alb(RoutingAlgorithm::round_robin), {targets});
  EXPECT_EQ(decision.outcome, RoutingOutcome::routed_fail_open);
  EXPECT_EQ(decision.balancer_status_code(), 0);
  EXPECT_NE(decision.reason.find("fail-open"), std::string_view::npos);
}

TEST(LoadBalancing, AlbAnswers503WithNoRegisteredTarget) {
  const std::vector<RoutingTarget> none;
  const RoutingDecision empty = choose_target(alb(RoutingAlgorithm::round_robin), {none});
  EXPECT_EQ(empty.outcome, RoutingOutcome::no_registered_targets);
  EXPECT_FALSE(empty.target.has_value());
  EXPECT_EQ(empty.balancer_status_code(), 503);

  std::vector<RoutingTarget> draining{target(1, healthy)};
  draining[0].draining = true;
  EXPECT_EQ(choose_target(alb(RoutingAlgorithm::round_robin), {draining}).outcome,
            RoutingOutcome::no_registered_targets);
}

TEST(LoadBalancing, ClassicAnswers503WithNoHealthyInstance) {
  const LoadBalancerConfig clb{BalancerType::classic, default_algorithm(BalancerType::classic)};
  const std::vector<RoutingTarget> targets{target(1, unhealthy), target(2, unhealthy)};
  const RoutingDecision decision = choose_target(clb, {targets});
  EXPECT_EQ(decision.outcome, RoutingOutcome::no_healthy_targets);
  EXPECT_FALSE(decision.target.has_value());
  EXPECT_EQ(decision.balancer_status_code(), 503);
}

TEST(LoadBalancing, ClassicRoutesHttpByLeastOutstandingRequests) {
  const LoadBalancerConfig clb{BalancerType::classic, default_algorithm(BalancerType::classic)};
  EXPECT_EQ(clb.algorithm, RoutingAlgorithm::least_outstanding_requests);
  EXPECT_EQ(default_algorithm(BalancerType::application), RoutingAlgorithm::round_robin);
  const std::vector<RoutingTarget> targets{target(1, healthy, 4), target(2, unhealthy, 0),
                                           target(3, healthy, 2)};
  EXPECT_EQ(choose_target(clb, {targets}).target, TargetId{3});
}

}  // namespace
}  // namespace b24::policy
