// Replacing unhealthy instances (EC2 Auto Scaling guide, health checks): terminate and launch a
// replacement, at most 10 % of the desired capacity at a time (one when 10 % is less than one),
// waiting for replacements in flight, after the health-check grace period.

#include <gtest/gtest.h>

#include "policy/replacement.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp now = test::at(14h, 2min);

std::vector<Instance> fleet_with_unhealthy(int size, const std::vector<InstanceId>& unhealthy) {
  std::vector<Instance> instances = test::serving_many(size, now - 2h);
  for (Instance& instance : instances) {
    for (const InstanceId id : unhealthy) {
      if (instance.id == id) instance.health = InstanceHealth::unhealthy;
    }
  }
  return instances;
}

TEST(Replacement, OneUnhealthyInstanceIsTerminatedAndReplaced) {
  const ReplacementDecision decision = decide_replacement(
      ReplacementPolicy{}, test::group(now, {2, 20}, 10, fleet_with_unhealthy(10, {4})));
  EXPECT_EQ(decision.terminate, (std::vector<InstanceId>{4}));
  EXPECT_EQ(decision.launch_count, 1);
}

TEST(Replacement, AtMostTenPercentOfDesiredAtATime) {
  // Desired 20: batches of 2, lowest ids first.
  const ReplacementDecision decision = decide_replacement(
      ReplacementPolicy{},
      test::group(now, {2, 30}, 20, fleet_with_unhealthy(20, {17, 3, 9, 12, 5})));
  EXPECT_EQ(decision.terminate, (std::vector<InstanceId>{3, 5}));
  EXPECT_EQ(decision.launch_count, 2);
}

TEST(Replacement, OneAtATimeWhenTenPercentIsLessThanOne) {
  const ReplacementDecision decision = decide_replacement(
      ReplacementPolicy{}, test::group(now, {1, 10}, 4, fleet_with_unhealthy(4, {2, 3})));
  EXPECT_EQ(decision.terminate, (std::vector<InstanceId>{2}));
}

TEST(Replacement, WaitsForTheReplacementInFlight) {
  // Instance 10 was already replaced by pending instance 11; instance 3 waits for it.
  std::vector<Instance> instances = fleet_with_unhealthy(9, {3});
  instances.push_back(test::pending(11, now - 1min));
  const ReplacementDecision decision =
      decide_replacement(ReplacementPolicy{}, test::group(now, {1, 20}, 10, instances));
  EXPECT_TRUE(decision.terminate.empty());
  EXPECT_EQ(decision.launch_count, 0);
}

TEST(Replacement, NoActionDuringTheHealthCheckGracePeriod) {
  std::vector<Instance> instances = test::serving_many(3, now - 2h);
  instances.push_back(test::serving(4, now - 299s));
  instances.back().health = InstanceHealth::unhealthy;
  const ReplacementPolicy grace_300s;
  EXPECT_TRUE(
      decide_replacement(grace_300s, test::group(now, {1, 10}, 4, instances)).terminate.empty());
  const ReplacementDecision later =
      decide_replacement(grace_300s, test::group(now + 1s, {1, 10}, 4, instances));
  EXPECT_EQ(later.terminate, (std::vector<InstanceId>{4}));
}

TEST(Replacement, LaunchesToRestoreTheDesiredCapacity) {
  // Two instances vanished (their terminations are done): desired 5, 3 left.
  const ReplacementDecision decision = decide_replacement(
      ReplacementPolicy{}, test::group(now, {5, 10}, 5, test::serving_many(3, now - 1h)));
  EXPECT_TRUE(decision.terminate.empty());
  EXPECT_EQ(decision.launch_count, 2);
}

}  // namespace
}  // namespace b24::policy
