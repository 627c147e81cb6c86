// Target tracking, after the EC2 Auto Scaling guide ("Target tracking scaling policies"):
// proportional scale-out rounded up ("adding 1.5 instances" adds 2), gradual scale-in rounded
// down ("removing 1.5 instances" removes 1), warm-up, no scale-in on insufficient data, and
// several policies (out if any, in only if all).

#include <gtest/gtest.h>

#include <stdexcept>

#include "policy/target_tracking.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp now = test::at(13h);

TargetTrackingPolicy cpu50() {
  TargetTrackingPolicy policy;
  policy.target_value = 50.0;
  policy.instance_warmup = 300s;
  return policy;
}

std::vector<Instance> fleet(int warmed, int warming = 0) {
  std::vector<Instance> instances = test::serving_many(warmed, now - 1h);
  for (int i = 0; i < warming; ++i) {
    instances.push_back(test::serving(100 + static_cast<InstanceId>(i), now - 2min));
  }
  return instances;
}

TargetTrackingObservation high(double metric, int desired, std::vector<Instance> instances,
                               CapacityLimits limits = {1, 40}) {
  return {test::group(now, limits, desired, std::move(instances)), AlarmState::alarm,
          AlarmState::ok, metric};
}

TargetTrackingObservation low(std::optional<double> metric, int desired,
                              std::vector<Instance> instances, CapacityLimits limits = {1, 40}) {
  return {test::group(now, limits, desired, std::move(instances)), AlarmState::ok,
          AlarmState::alarm, metric};
}

TEST(TargetTracking, ScalesOutInProportionToTheMetric) {
  // 10 instances at 75 % CPU against a target of 50 %: 10 x 75 / 50 = 15.
  const ScalingDecision decision = decide_target_tracking(cpu50(), high(75, 10, fleet(10)));
  EXPECT_EQ(decision.desired_capacity, 15);
  EXPECT_EQ(decision.wanted, ScalingDirection::out);
}

TEST(TargetTracking, ScaleOutRoundsUp) {
  // 3 x 75 / 50 = 4.5: "adding 1.5 instances" adds 2.
  EXPECT_EQ(decide_target_tracking(cpu50(), high(75, 3, fleet(3))).desired_capacity, 5);
}

TEST(TargetTracking, ScaleInRemovesTheRoundedDownNumber) {
  // 6 x 37.5 / 50 = 4.5: "removing 1.5 instances" removes just 1.
  EXPECT_EQ(decide_target_tracking(cpu50(), low(37.5, 6, fleet(6))).desired_capacity, 5);
  // 10 x 30 / 50 = 6: remove exactly 4.
  EXPECT_EQ(decide_target_tracking(cpu50(), low(30, 10, fleet(10))).desired_capacity, 6);
}

TEST(TargetTracking, WarmingInstancesAreNotCurrentCapacityOnScaleOut) {
  // 10 warmed + 2 warming (desired 12) at 75 %: 10 x 75 / 50 = 15, not 12 x 75 / 50 = 18.
  EXPECT_EQ(decide_target_tracking(cpu50(), high(75, 12, fleet(10, 2))).desired_capacity, 15);
  // With 5 warming the capacity on its way already covers the 15.
  const ScalingDecision covered = decide_target_tracking(cpu50(), high(75, 15, fleet(10, 5)));
  EXPECT_EQ(covered.wanted, ScalingDirection::out);
  EXPECT_FALSE(covered.changed());
}

TEST(TargetTracking, TerminatingInstancesAreCurrentCapacityOnScaleIn) {
  // 6 InService + 4 terminating at 40 %: 10 x 40 / 50 = 8 -> remove 2 -> 8, above desired 6:
  // nothing more is removed. (Counting only the 6 would remove 1 more.)
  std::vector<Instance> instances = fleet(6);
  for (InstanceId id = 50; id < 54; ++id) instances.push_back(test::terminating(id, now - 1h));
  EXPECT_FALSE(decide_target_tracking(cpu50(), low(40, 6, instances)).changed());
}

TEST(TargetTracking, NoScaleInWhileInstancesWarmUp) {
  const ScalingDecision decision = decide_target_tracking(cpu50(), low(20, 12, fleet(10, 2)));
  EXPECT_FALSE(decision.changed());
  EXPECT_NE(decision.reason.find("warming"), std::string::npos) << decision.reason;
}

TEST(TargetTracking, NoScaleInOnInsufficientData) {
  TargetTrackingObservation insufficient = low(20, 10, fleet(10));
  insufficient.low_alarm = AlarmState::insufficient_data;
  EXPECT_FALSE(decide_target_tracking(cpu50(), insufficient).changed());
  EXPECT_FALSE(decide_target_tracking(cpu50(), low(std::nullopt, 10, fleet(10))).changed());
}

TEST(TargetTracking, ScaleInCanBeDisabled) {
  TargetTrackingPolicy out_only = cpu50();
  out_only.disable_scale_in = true;
  EXPECT_FALSE(decide_target_tracking(out_only, low(20, 10, fleet(10))).changed());
}

TEST(TargetTracking, StaysWithinMinAndMax) {
  // 10 x 90 / 50 = 18, max 12; 10 x 5 / 50 = 1, min 2.
  EXPECT_EQ(decide_target_tracking(cpu50(), high(90, 10, fleet(10), {2, 12})).desired_capacity, 12);
  EXPECT_EQ(decide_target_tracking(cpu50(), low(5, 10, fleet(10), {2, 12})).desired_capacity, 2);
}

TEST(TargetTracking, ManagedAlarmsAreThreeOfThreeHighAndFifteenOfFifteenLow) {
  const AlarmConfig high_alarm = high_alarm_config(cpu50());
  EXPECT_EQ(high_alarm.threshold, 50.0);
  EXPECT_EQ(high_alarm.comparison, ComparisonOperator::greater_than_threshold);
  EXPECT_EQ(high_alarm.period, 60s);
  EXPECT_EQ(high_alarm.evaluation_periods, 3);
  EXPECT_EQ(high_alarm.datapoints_to_alarm, 3);
  const AlarmConfig low_alarm = low_alarm_config(cpu50());
  EXPECT_DOUBLE_EQ(low_alarm.threshold, 35.0);  // 0.7 x 50, as seen for EC2 groups on CPU
  EXPECT_EQ(low_alarm.comparison, ComparisonOperator::less_than_threshold);
  EXPECT_EQ(low_alarm.evaluation_periods, 15);
  EXPECT_EQ(low_alarm.datapoints_to_alarm, 15);
  TargetTrackingPolicy ecs_like = cpu50();
  ecs_like.scale_in_threshold_ratio = 0.9;
  EXPECT_DOUBLE_EQ(low_alarm_config(ecs_like).threshold, 45.0);
}

// End to end: after two quiet minutes, three one-minute datapoints above the target put AlarmHigh
// in ALARM once the third minute has ended, and the policy then scales 10 instances at 75 % to 15.
TEST(TargetTracking, ThreeBreachingMinutesThenProportionalScaleOut) {
  const TargetTrackingPolicy policy = cpu50();
  const std::vector<Datapoint> minutes{{now - 5min, 40.0},
                                       {now - 4min, 45.0},
                                       {now - 3min, 74.0},
                                       {now - 2min, 76.0},
                                       {now - 1min, 75.0}};
  const AlarmDecision two_minutes =
      evaluate_alarm(high_alarm_config(policy), {now - 1min, AlarmState::ok, minutes});
  EXPECT_EQ(two_minutes.state, AlarmState::ok);  // the third minute has not ended yet
  const AlarmDecision alarm =
      evaluate_alarm(high_alarm_config(policy), {now, AlarmState::ok, minutes});
  ASSERT_EQ(alarm.state, AlarmState::alarm) << alarm.reason;
  TargetTrackingObservation observation = high(75, 10, fleet(10));
  observation.high_alarm = alarm.state;
  EXPECT_EQ(decide_target_tracking(policy, observation).desired_capacity, 15);
}

ScalingDecision wish(ScalingDirection wanted, int from, int to) {
  return ScalingDecision{wanted, from, to, "test"};
}

TEST(TargetTracking, SeveralPoliciesScaleOutIfAnyWantsTo) {
  const std::vector<TargetTrackingVote> votes{{true, wish(ScalingDirection::in, 10, 8)},
                                              {true, wish(ScalingDirection::out, 10, 12)},
                                              {true, wish(ScalingDirection::out, 10, 14)}};
  const ScalingDecision decision = combine_target_tracking(10, votes);
  EXPECT_EQ(decision.wanted, ScalingDirection::out);
  EXPECT_EQ(decision.desired_capacity, 14);
}

TEST(TargetTracking, SeveralPoliciesScaleInOnlyIfAllWantTo) {
  const std::vector<TargetTrackingVote> one_holds{{true, wish(ScalingDirection::in, 10, 7)},
                                                  {true, wish(ScalingDirection::none, 10, 10)}};
  EXPECT_FALSE(combine_target_tracking(10, one_holds).changed());
  const std::vector<TargetTrackingVote> all_in{{true, wish(ScalingDirection::in, 10, 7)},
                                               {true, wish(ScalingDirection::in, 10, 8)}};
  EXPECT_EQ(combine_target_tracking(10, all_in).desired_capacity, 8);  // the smaller reduction
  // A policy with scale-in disabled has no say in scale-in.
  const std::vector<TargetTrackingVote> one_disabled{{true, wish(ScalingDirection::in, 10, 7)},
                                                     {false, wish(ScalingDirection::none, 10, 10)}};
  EXPECT_EQ(combine_target_tracking(10, one_disabled).desired_capacity, 7);
}

TEST(TargetTracking, RejectsANonPositiveTarget) {
  TargetTrackingPolicy zero = cpu50();
  zero.target_value = 0.0;
  EXPECT_THROW(validate(zero), std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy
