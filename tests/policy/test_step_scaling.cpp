// Step scaling, after the EC2 Auto Scaling guide ("Step and simple scaling policies"): a group
// with current and desired capacity 10, an alarm threshold of 50, PercentChangeInCapacity steps
//   scale out: [0, 10) 0, [10, 20) +10 %, [20, +inf) +30 %   (metric 50..60, 60..70, 70+)
//   scale in:  (-10, 0] 0, (-20, -10] -10 %, (-inf, -20] -30 % (metric 40..50, 30..40, ..30)
// and the guide's walk-through of what happens at 60, 70, 40 and 30, with and without warm-up.

#include <gtest/gtest.h>

#include <stdexcept>

#include "policy/step_scaling.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp now = test::at(11h);

StepScalingPolicy scale_out_policy() {
  StepScalingPolicy policy;
  policy.breach_threshold = 50.0;
  policy.adjustment_type = AdjustmentType::percent_change_in_capacity;
  policy.steps = {{0.0, 10.0, 0}, {10.0, 20.0, 10}, {20.0, std::nullopt, 30}};
  policy.instance_warmup = 300s;
  return policy;
}

StepScalingPolicy scale_in_policy() {
  StepScalingPolicy policy = scale_out_policy();
  policy.steps = {{std::nullopt, -20.0, -30}, {-20.0, -10.0, -10}, {-10.0, 0.0, 0}};
  return policy;
}

StepScalingObservation breach(double metric, int desired, std::vector<Instance> instances) {
  return StepScalingObservation{test::group(now, {1, 30}, desired, std::move(instances)),
                                AlarmState::alarm, metric};
}

// `warmed` instances InService for an hour, then `warming` that came into service a minute ago.
std::vector<Instance> fleet(int warmed, int warming) {
  std::vector<Instance> instances = test::serving_many(warmed, now - 1h);
  for (int i = 0; i < warming; ++i) {
    instances.push_back(test::serving(100 + static_cast<InstanceId>(i), now - 1min));
  }
  return instances;
}

TEST(StepScaling, CapacityIsKeptBetween40And60) {
  for (const double metric : {50.0, 55.0, 59.9}) {
    EXPECT_FALSE(
        decide_step_scaling(scale_out_policy(), breach(metric, 10, fleet(10, 0))).changed())
        << metric;
  }
  for (const double metric : {40.1, 45.0, 50.0}) {
    EXPECT_FALSE(decide_step_scaling(scale_in_policy(), breach(metric, 10, fleet(10, 0))).changed())
        << metric;
  }
}

TEST(StepScaling, At60AddsTenPercentOfTen) {
  EXPECT_EQ(decide_step_scaling(scale_out_policy(), breach(60, 10, fleet(10, 0))).desired_capacity,
            11);
}

TEST(StepScaling, At70AfterWarmUpAddsThirtyPercentOfEleven) {
  // 3.3 instances rounded down to 3: 14.
  EXPECT_EQ(decide_step_scaling(scale_out_policy(), breach(70, 11, fleet(11, 0))).desired_capacity,
            14);
}

TEST(StepScaling, At40RemovesTenPercentOfFourteen) {
  // 1.4 instances rounded down to 1: 13.
  EXPECT_EQ(decide_step_scaling(scale_in_policy(), breach(40, 14, fleet(14, 0))).desired_capacity,
            13);
}

TEST(StepScaling, At30RemovesThirtyPercentOfThirteen) {
  // 3.9 instances rounded down to 3: 10.
  EXPECT_EQ(decide_step_scaling(scale_in_policy(), breach(30, 13, fleet(13, 0))).desired_capacity,
            10);
}

// "the metric gets to 60, and then it gets to 62 while the new instance is still warming up. The
// current capacity is still 10 instances, so 1 instance is added (10 percent of 10 instances).
// However, the desired capacity of the group is already 11 instances".
TEST(StepScaling, SameStepWhileWarmingAddsNothing) {
  const ScalingDecision decision =
      decide_step_scaling(scale_out_policy(), breach(62, 11, fleet(10, 1)));
  EXPECT_EQ(decision.wanted, ScalingDirection::out);
  EXPECT_EQ(decision.desired_capacity, 11);
}

// "If the metric gets to 70 while the new instance is still warming up, we should add 3
// instances (30 percent of 10 instances). However, the desired capacity of the group is already
// 11, so we add only 2 instances, for a new desired capacity of 13 instances."
TEST(StepScaling, HigherStepWhileWarmingAddsOnlyTheDifference) {
  EXPECT_EQ(decide_step_scaling(scale_out_policy(), breach(70, 11, fleet(10, 1))).desired_capacity,
            13);
}

TEST(StepScaling, WarmUpEndsAfterItsDuration) {
  // The same breach once the eleventh instance has been InService for the 300 s warm-up.
  std::vector<Instance> instances = fleet(10, 0);
  instances.push_back(test::serving(100, now - 300s));
  EXPECT_EQ(decide_step_scaling(scale_out_policy(), breach(70, 11, instances)).desired_capacity,
            14);
}

TEST(StepScaling, ScaleInWaitsWhileAScaleOutIsInProgress) {
  const ScalingDecision decision =
      decide_step_scaling(scale_in_policy(), breach(40, 14, fleet(13, 1)));
  EXPECT_FALSE(decision.changed());
  EXPECT_NE(decision.reason.find("scale-out is in progress"), std::string::npos) << decision.reason;
}

// "While scaling in, we consider instances that are terminating as part of the current capacity
// of the group": after 14 -> 13 at metric 40, a repeated alarm at 40 (one instance still
// terminating) computes from 14 again and removes nothing more.
TEST(StepScaling, TerminatingInstancesCountOnScaleIn) {
  std::vector<Instance> instances = fleet(13, 0);
  instances.push_back(test::terminating(99, now - 1h));
  EXPECT_FALSE(decide_step_scaling(scale_in_policy(), breach(40, 13, instances)).changed());
}

TEST(StepScaling, BoundsAreInclusiveAtTheEndNearerTheThreshold) {
  EXPECT_EQ(find_step(scale_out_policy(), 60.0), 1u);  // [10, 20): lower inclusive above
  EXPECT_EQ(find_step(scale_out_policy(), 70.0), 2u);
  EXPECT_EQ(find_step(scale_out_policy(), 50.0), 0u);
  EXPECT_EQ(find_step(scale_in_policy(), 40.0), 1u);  // (-20, -10]: upper inclusive below
  EXPECT_EQ(find_step(scale_in_policy(), 30.0), 0u);
  EXPECT_EQ(find_step(scale_in_policy(), 50.0), 2u);
  EXPECT_EQ(find_step(scale_out_policy(), 49.0), std::nullopt);  // below the scale-out range
}

TEST(StepScaling, ChangeInCapacityAndExactCapacitySteps) {
  StepScalingPolicy add;
  add.breach_threshold = 80.0;
  add.adjustment_type = AdjustmentType::change_in_capacity;
  add.steps = {{0.0, std::nullopt, 5}};
  EXPECT_EQ(decide_step_scaling(add, breach(85, 3, fleet(3, 0))).desired_capacity, 8);
  StepScalingPolicy exact = add;
  exact.adjustment_type = AdjustmentType::exact_capacity;
  EXPECT_EQ(decide_step_scaling(exact, breach(85, 3, fleet(3, 0))).desired_capacity, 5);
}

TEST(StepScaling, NoActionUnlessTheAlarmIsInAlarm) {
  StepScalingObservation observation = breach(70, 10, fleet(10, 0));
  observation.alarm_state = AlarmState::ok;
  EXPECT_FALSE(decide_step_scaling(scale_out_policy(), observation).changed());
}

TEST(StepScaling, RejectsGapsOverlapsAndMissingInfiniteBounds) {
  StepScalingPolicy gap = scale_out_policy();
  gap.steps[1].lower_bound = 11.0;
  EXPECT_THROW(validate(gap), std::invalid_argument);
  StepScalingPolicy overlap = scale_out_policy();
  overlap.steps[1].lower_bound = 9.0;
  EXPECT_THROW(validate(overlap), std::invalid_argument);
  StepScalingPolicy bounded_above = scale_out_policy();
  bounded_above.steps[2].upper_bound = 40.0;  // positive upper bound without a +inf step
  EXPECT_THROW(validate(bounded_above), std::invalid_argument);
  StepScalingPolicy bounded_below = scale_in_policy();
  bounded_below.steps[0].lower_bound = -40.0;  // negative lower bound without a -inf step
  EXPECT_THROW(validate(bounded_below), std::invalid_argument);
  EXPECT_NO_THROW(validate(scale_out_policy()));
  EXPECT_NO_THROW(validate(scale_in_policy()));
}

}  // namespace
}  // namespace b24::policy
