// Instance refresh batches (EC2 Auto Scaling guide, "How an instance refresh works"; API
// RefreshPreferences): MinHealthyPercentage of the desired capacity, rounded up, must stay
// InService and healthy; the rest of the group is replaced per batch, at least one instance.

#include <gtest/gtest.h>

#include "policy/instance_refresh.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp now = test::at(12h);

// `count` instances of version 1, InService and healthy for two hours (warmed up).
InstanceRefreshObservation old_fleet(int count, int desired) {
  return {.now = now,
          .desired_capacity = desired,
          .target_version = 2,
          .instances = test::serving_many(count, now - 2h, 0)};
}

InstanceRefreshDecision decide(int min_healthy_percentage, const InstanceRefreshObservation& o) {
  return decide_instance_refresh({.min_healthy_percentage = min_healthy_percentage}, o);
}

TEST(InstanceRefresh, BatchSizesOfTheAwsExamples) {
  EXPECT_EQ(refresh_batch_size(10, 90), 1);   // 9 must stay
  EXPECT_EQ(refresh_batch_size(10, 50), 5);   // 5 must stay
  EXPECT_EQ(refresh_batch_size(10, 0), 10);   // all at once
  EXPECT_EQ(refresh_batch_size(10, 100), 1);  // "100 % replaces one instance at a time"
}

TEST(InstanceRefresh, MinHealthyIsRoundedUp) {
  EXPECT_EQ(min_healthy_instances(5, 90), 5);   // 4.5 -> 5
  EXPECT_EQ(refresh_batch_size(5, 90), 1);      // 0 left, at least 1
  EXPECT_EQ(min_healthy_instances(10, 75), 8);  // 7.5 -> 8
  EXPECT_EQ(refresh_batch_size(10, 75), 2);
  EXPECT_EQ(min_healthy_instances(7, 50), 4);  // 3.5 -> 4
  EXPECT_EQ(refresh_batch_size(7, 50), 3);
  EXPECT_EQ(min_healthy_instances(20, 90), 18);  // exact: no rounding
  EXPECT_EQ(refresh_batch_size(20, 90), 2);
}

TEST(InstanceRefresh, FirstBatchTakesTheLowestIds) {
  const InstanceRefreshDecision d = decide(50, old_fleet(10, 10));
  EXPECT_EQ(d.replace, (std::vector<InstanceId>{0, 1, 2, 3, 4}));
  EXPECT_EQ(d.batch_size, 5);
  EXPECT_EQ(d.old_remaining, 10);
  EXPECT_FALSE(d.done);
  EXPECT_NE(d.reason.find("50% of desired 10 = 5"), std::string::npos) << d.reason;
}

TEST(InstanceRefresh, ZeroPercentReplacesEveryInstance) {
  EXPECT_EQ(decide(0, old_fleet(10, 10)).replace.size(), 10U);
}

TEST(InstanceRefresh, UnhealthyOldInstancesGoFirst) {
  InstanceRefreshObservation o = old_fleet(10, 10);
  o.instances[7].health = InstanceHealth::unhealthy;
  // 9 ready, 9 must stay: still one per batch, and it is the unhealthy one.
  const InstanceRefreshDecision d = decide(90, o);
  EXPECT_EQ(d.replace, (std::vector<InstanceId>{7}));
}

TEST(InstanceRefresh, FewerReadyThanDesiredShrinksTheBatch) {
  InstanceRefreshObservation o = old_fleet(8, 10);  // two instances lost, not yet replaced
  o.instances.push_back(test::pending(8, now - 1min));
  o.instances.back().launch_template_version = 2;
  // Something is in flight: wait.
  EXPECT_TRUE(decide(50, o).replace.empty());
  o.instances.pop_back();
  // 8 ready, 5 must stay: 3, not 5.
  EXPECT_EQ(decide(50, o).replace.size(), 3U);
}

TEST(InstanceRefresh, WaitsForWarmUpAndHealthCheckOfTheNewInstances) {
  InstanceRefreshObservation o = old_fleet(9, 10);
  Instance fresh = test::serving(9, now - 100s);  // InService 100 s ago, warm-up 300 s
  fresh.launch_template_version = 2;
  o.instances.push_back(fresh);
  InstanceRefreshDecision d = decide(90, o);
  EXPECT_TRUE(d.replace.empty());
  EXPECT_FALSE(d.done);
  EXPECT_NE(d.reason.find("waiting"), std::string::npos);
  // Warmed up but not yet through its health check: still waiting.
  o.now = now + 300s;
  o.instances.back().health = InstanceHealth::unhealthy;
  EXPECT_TRUE(decide(90, o).replace.empty());
  o.instances.back().health = InstanceHealth::healthy;
  EXPECT_EQ(decide(90, o).replace, (std::vector<InstanceId>{0}));
}

TEST(InstanceRefresh, WaitsWhileAnInstanceIsTerminating) {
  InstanceRefreshObservation o = old_fleet(10, 10);
  o.instances[0].lifecycle = LifecycleState::terminating;
  EXPECT_TRUE(decide(50, o).replace.empty());
}

TEST(InstanceRefresh, DoneWhenEveryLiveInstanceIsNewAndReady) {
  InstanceRefreshObservation o = old_fleet(4, 4);
  for (Instance& i : o.instances) i.launch_template_version = 2;
  const InstanceRefreshDecision d = decide(90, o);
  EXPECT_TRUE(d.done);
  EXPECT_TRUE(d.replace.empty());
  EXPECT_EQ(d.old_remaining, 0);
}

TEST(InstanceRefresh, NeverMoreThanTheOldInstancesLeft) {
  InstanceRefreshObservation o = old_fleet(10, 10);
  for (std::size_t i = 0; i < 8; ++i) o.instances[i].launch_template_version = 2;
  EXPECT_EQ(decide(0, o).replace, (std::vector<InstanceId>{8, 9}));
}

TEST(InstanceRefresh, InvalidPercentageIsRejected) {
  EXPECT_THROW((void)decide(101, old_fleet(2, 2)), std::invalid_argument);
  EXPECT_THROW((void)decide(-1, old_fleet(2, 2)), std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy
