// Adjustment types and AWS's percent rounding, with the examples of the EC2 Auto Scaling guide
// ("Step and simple scaling policies", Scaling adjustment types).

#include <gtest/gtest.h>

#include <stdexcept>

#include "policy/adjustment.hpp"

namespace b24::policy {
namespace {

Adjustment percent(int value, std::optional<int> min_magnitude = std::nullopt) {
  return Adjustment{AdjustmentType::percent_change_in_capacity, value, min_magnitude};
}

TEST(Adjustment, PercentRoundingFollowsTheGuidesExamples) {
  EXPECT_EQ(round_percent_change(12.7), 12);   // greater than 1: down
  EXPECT_EQ(round_percent_change(0.67), 1);    // between 0 and 1: 1
  EXPECT_EQ(round_percent_change(-0.58), -1);  // between 0 and -1: -1
  EXPECT_EQ(round_percent_change(-6.67), -6);  // less than -1: up
}

TEST(Adjustment, PercentRoundingKeepsWholeValues) {
  EXPECT_EQ(round_percent_change(0.0), 0);
  EXPECT_EQ(round_percent_change(1.0), 1);
  EXPECT_EQ(round_percent_change(-1.0), -1);
  EXPECT_EQ(round_percent_change(3.0), 3);
  EXPECT_EQ(round_percent_change(-3.0), -3);
}

TEST(Adjustment, ChangeInCapacityAddsTheAdjustment) {
  // "current capacity 3 and adjustment 5: a total of 8"
  EXPECT_EQ(3 + capacity_change({AdjustmentType::change_in_capacity, 5, std::nullopt}, 3), 8);
  EXPECT_EQ(3 + capacity_change({AdjustmentType::change_in_capacity, -2, std::nullopt}, 3), 1);
}

TEST(Adjustment, ExactCapacityIsTheNewCapacity) {
  // "current capacity 3 and adjustment 5: capacity 5"
  EXPECT_EQ(3 + capacity_change({AdjustmentType::exact_capacity, 5, std::nullopt}, 3), 5);
}

TEST(Adjustment, PercentChangeOfTheCurrentCapacity) {
  EXPECT_EQ(capacity_change(percent(10), 10), 1);    // "10 and 10 percent: 11"
  EXPECT_EQ(capacity_change(percent(30), 11), 3);    // 3.3 -> 3
  EXPECT_EQ(capacity_change(percent(-10), 14), -1);  // -1.4 -> -1
  EXPECT_EQ(capacity_change(percent(-30), 13), -3);  // -3.9 -> -3
  EXPECT_EQ(capacity_change(percent(10), 4), 1);     // 0.4 -> 1
  EXPECT_EQ(capacity_change(percent(-10), 4), -1);   // -0.4 -> -1
}

TEST(Adjustment, MinAdjustmentMagnitudeRaisesASmallPercentChange) {
  // "adds 25 percent, minimum increment of 2 instances, 4 instances: 25 % of 4 is 1, but 2 added"
  EXPECT_EQ(capacity_change(percent(25, 2), 4), 2);
  EXPECT_EQ(capacity_change(percent(-25, 2), 4), -2);
  EXPECT_EQ(capacity_change(percent(25, 2), 20), 5);  // already larger: unchanged
}

TEST(Adjustment, RejectsWhatTheApiRejects) {
  EXPECT_THROW(validate(Adjustment{AdjustmentType::change_in_capacity, 1, 2}),
               std::invalid_argument);
  EXPECT_THROW(validate(Adjustment{AdjustmentType::exact_capacity, -1, std::nullopt}),
               std::invalid_argument);
  EXPECT_THROW(validate(percent(10, 0)), std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy
