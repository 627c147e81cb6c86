#pragma once
// Scaling adjustment types of simple and step policies. Source: EC2 Auto Scaling guide, "Step and
// simple scaling policies", Scaling adjustment types (DOMAIN.md section 3):
//  - ChangeInCapacity: add the adjustment to the current capacity (3 and +5 -> 8);
//  - ExactCapacity: the adjustment is the new capacity (3 and 5 -> 5);
//  - PercentChangeInCapacity: add that percentage of the current capacity (10 and 10 % -> 11),
//    rounded as AWS rounds (round_percent_change), and at least MinAdjustmentMagnitude instances.

#include <optional>
#include <string_view>

namespace b24::policy {

enum class AdjustmentType { change_in_capacity, exact_capacity, percent_change_in_capacity };

struct Adjustment {
  AdjustmentType type = AdjustmentType::change_in_capacity;
  // Instances for ChangeInCapacity, the capacity for ExactCapacity (>= 0), a whole percentage
  // for PercentChangeInCapacity (AWS's ScalingAdjustment is an integer).
  int scaling_adjustment = 0;
  // PercentChangeInCapacity only (AWS rejects it with the other types): the smallest number of
  // instances a non-zero percentage changes the capacity by.
  std::optional<int> min_adjustment_magnitude{};
};

// Throws std::invalid_argument on a negative ExactCapacity, or a MinAdjustmentMagnitude that is
// not >= 1 or is given with another type than PercentChangeInCapacity.
void validate(const Adjustment& adjustment);

// AWS's rounding of a fractional change in instances: values greater than 1 are rounded down
// (12.7 -> 12), values between 0 and 1 to 1 (0.67 -> 1), values between 0 and -1 to -1
// (-0.58 -> -1), values less than -1 are rounded up (-6.67 -> -6). Whole values are unchanged.
[[nodiscard]] int round_percent_change(double instances);

// The change in instances that `adjustment` asks for from `current_capacity` (for
// ExactCapacity: the adjustment minus the current capacity).
[[nodiscard]] int capacity_change(const Adjustment& adjustment, int current_capacity);

// ChangeInCapacity, ExactCapacity, PercentChangeInCapacity.
[[nodiscard]] std::string_view to_string(AdjustmentType type);

}  // namespace b24::policy
