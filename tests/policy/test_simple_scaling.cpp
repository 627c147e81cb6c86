// Simple scaling and its cooldown, after the EC2 Auto Scaling guide's "Scaling cooldowns" example:
// an alarm on CPU above 90 % adds one instance; the instance takes two to three minutes to come
// into service; with the default cooldown of 300 s the alarm, still firing, does not add another
// instance until the cooldown has expired.

#include <gtest/gtest.h>

#include "policy/simple_scaling.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp t0 = test::at(10h);

SimpleScalingObservation firing(Timestamp now, int desired, std::vector<Instance> instances,
                                std::optional<Timestamp> cooldown_started_at) {
  return SimpleScalingObservation{test::group(now, {1, 10}, desired, std::move(instances)),
                                  AlarmState::alarm, cooldown_started_at};
}

TEST(SimpleScaling, DefaultCooldownIs300Seconds) {
  EXPECT_EQ(SimpleScalingPolicy{}.cooldown, 300s);
}

TEST(SimpleScaling, CooldownBlocksASecondActionUntilItExpires) {
  const SimpleScalingPolicy add_one;  // ChangeInCapacity +1, cooldown 300 s
  const std::vector<Instance> two = test::serving_many(2, t0 - 1h);
  const ScalingDecision first = decide_simple_scaling(add_one, firing(t0, 2, two, std::nullopt));
  EXPECT_EQ(first.desired_capacity, 3);

  // The third instance launched at t0 (the cooldown starts) and is InService 150 s later.
  std::vector<Instance> three = two;
  three.push_back(test::serving(3, t0));
  three.back().in_service_at = t0 + 150s;
  const ScalingDecision blocked = decide_simple_scaling(add_one, firing(t0 + 299s, 3, three, t0));
  EXPECT_FALSE(blocked.changed());
  EXPECT_NE(blocked.reason.find("cooldown"), std::string::npos) << blocked.reason;

  const ScalingDecision second = decide_simple_scaling(add_one, firing(t0 + 300s, 3, three, t0));
  EXPECT_EQ(second.desired_capacity, 4);
}

TEST(SimpleScaling, WaitsForTheActivityInProgressEvenAfterTheCooldown) {
  std::vector<Instance> instances = test::serving_many(2, t0 - 1h);
  instances.push_back(test::pending(3, t0));
  const ScalingDecision decision =
      decide_simple_scaling(SimpleScalingPolicy{}, firing(t0 + 600s, 3, instances, t0));
  EXPECT_FALSE(decision.changed());
  EXPECT_NE(decision.reason.find("in progress"), std::string::npos) << decision.reason;
}

TEST(SimpleScaling, PolicyCooldownOverridesTheDefault) {
  SimpleScalingPolicy scale_in;
  scale_in.adjustment = {AdjustmentType::change_in_capacity, -1, std::nullopt};
  scale_in.cooldown = 180s;  // the guide's scale-in example
  const std::vector<Instance> four = test::serving_many(4, t0 - 1h);
  EXPECT_FALSE(decide_simple_scaling(scale_in, firing(t0 + 179s, 4, four, t0)).changed());
  EXPECT_EQ(decide_simple_scaling(scale_in, firing(t0 + 180s, 4, four, t0)).desired_capacity, 3);
}

TEST(SimpleScaling, ActsOnlyWhileTheAlarmIsInAlarm) {
  SimpleScalingObservation quiet = firing(t0, 2, test::serving_many(2, t0 - 1h), std::nullopt);
  quiet.alarm_state = AlarmState::ok;
  EXPECT_FALSE(decide_simple_scaling(SimpleScalingPolicy{}, quiet).changed());
  quiet.alarm_state = AlarmState::insufficient_data;
  EXPECT_FALSE(decide_simple_scaling(SimpleScalingPolicy{}, quiet).changed());
}

TEST(SimpleScaling, StaysWithinMinAndMax) {
  SimpleScalingPolicy add_five;
  add_five.adjustment = {AdjustmentType::change_in_capacity, 5, std::nullopt};
  EXPECT_EQ(
      decide_simple_scaling(add_five, firing(t0, 8, test::serving_many(8, t0 - 1h), std::nullopt))
          .desired_capacity,
      10);
  SimpleScalingPolicy remove_five;
  remove_five.adjustment = {AdjustmentType::change_in_capacity, -5, std::nullopt};
  EXPECT_EQ(decide_simple_scaling(remove_five,
                                  firing(t0, 3, test::serving_many(3, t0 - 1h), std::nullopt))
                .desired_capacity,
            1);
}

}  // namespace
}  // namespace b24::policy
