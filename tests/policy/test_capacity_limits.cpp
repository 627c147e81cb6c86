// Min, max and desired capacity: every change stays within [min, max] (EC2 Auto Scaling guide,
// "Set capacity limits on your Auto Scaling group").

#include <gtest/gtest.h>

#include <stdexcept>

#include "policy/capacity_limits.hpp"
#include "policy/scaling_decision.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

TEST(CapacityLimits, DesiredIsClampedIntoMinMax) {
  const CapacityLimits limits{2, 10};
  EXPECT_EQ(clamp_desired(15, limits), 10);
  EXPECT_EQ(clamp_desired(1, limits), 2);
  EXPECT_EQ(clamp_desired(6, limits), 6);
}

TEST(CapacityLimits, RejectsMinAboveMaxAndNegativeMin) {
  EXPECT_THROW(validate(CapacityLimits{5, 4}), std::invalid_argument);
  EXPECT_THROW(validate(CapacityLimits{-1, 4}), std::invalid_argument);
  EXPECT_NO_THROW(validate(CapacityLimits{0, 0}));
}

TEST(CapacityLimits, ScaleOutIsCappedAtMaxSize) {
  const GroupObservation g =
      test::group(test::at(9h), {2, 10}, 8, test::serving_many(8, test::at(8h)));
  const ScalingDecision decision = resolve_scaling(ScalingDirection::out, 15, g, "test");
  EXPECT_EQ(decision.desired_capacity, 10);
  EXPECT_EQ(decision.previous_desired_capacity, 8);
  EXPECT_NE(decision.reason.find("capped at max_size 10"), std::string::npos) << decision.reason;
}

TEST(CapacityLimits, ScaleInIsHeldAtMinSize) {
  const GroupObservation g =
      test::group(test::at(9h), {2, 10}, 4, test::serving_many(4, test::at(8h)));
  const ScalingDecision decision = resolve_scaling(ScalingDirection::in, 0, g, "test");
  EXPECT_EQ(decision.desired_capacity, 2);
  EXPECT_NE(decision.reason.find("held at min_size 2"), std::string::npos) << decision.reason;
}

TEST(CapacityLimits, ScaleOutNeverLowersAndScaleInNeverRaisesDesired) {
  const GroupObservation g =
      test::group(test::at(9h), {0, 20}, 12, test::serving_many(10, test::at(8h)));
  EXPECT_EQ(resolve_scaling(ScalingDirection::out, 11, g, "test").desired_capacity, 12);
  EXPECT_EQ(resolve_scaling(ScalingDirection::in, 14, g, "test").desired_capacity, 12);
}

TEST(CapacityLimits, GroupWithDesiredOutsideItsLimitsIsRejected) {
  const GroupObservation g = test::group(test::at(9h), {2, 10}, 11, {});
  EXPECT_THROW(validate(g), std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy
