#include "policy/adjustment.hpp"

#include <cmath>
#include <cstdlib>

#include "policy/contract.hpp"

namespace b24::policy {

void validate(const Adjustment& adjustment) {
  if (adjustment.type == AdjustmentType::exact_capacity) {
    require(adjustment.scaling_adjustment >= 0, "ExactCapacity adjustment >= 0");
  }
  if (adjustment.min_adjustment_magnitude) {
    require(adjustment.type == AdjustmentType::percent_change_in_capacity,
            "MinAdjustmentMagnitude goes with PercentChangeInCapacity only");
    require(*adjustment.min_adjustment_magnitude >= 1, "MinAdjustmentMagnitude >= 1");
  }
}

int round_percent_change(double instances) {
  require(std::isfinite(instances), "a percent change is finite");
  if (instances > 1.0) return static_cast<int>(std::floor(instances));
  if (instances > 0.0) return 1;
  if (instances == 0.0) return 0;
  if (instances >= -1.0) return -1;
  return static_cast<int>(std::ceil(instances));
}

int capacity_change(const Adjustment& adjustment, int current_capacity) {
  validate(adjustment);
  require(current_capacity >= 0, "current capacity >= 0");
  switch (adjustment.type) {
    case AdjustmentType::change_in_capacity:
      return adjustment.scaling_adjustment;
    case AdjustmentType::exact_capacity:
      return adjustment.scaling_adjustment - current_capacity;
    case AdjustmentType::percent_change_in_capacity: {
      if (adjustment.scaling_adjustment == 0) return 0;
      // current x percent / 100 is exact in a double for any group size we meet, and a
      // non-integer quotient lies at least 0.01 from an integer, so the rounding rule sees
      // the true value.
      int change = round_percent_change(static_cast<double>(current_capacity) *
                                        adjustment.scaling_adjustment / 100.0);
      if (adjustment.min_adjustment_magnitude &&
          std::abs(change) < *adjustment.min_adjustment_magnitude) {
        const int magnitude = *adjustment.min_adjustment_magnitude;
        change = adjustment.scaling_adjustment > 0 ? magnitude : -magnitude;
      }
      return change;
    }
  }
  return 0;
}

std::string_view to_string(AdjustmentType type) {
  switch (type) {
    case AdjustmentType::change_in_capacity:
      return "ChangeInCapacity";
    case AdjustmentType::exact_capacity:
      return "ExactCapacity";
    case AdjustmentType::percent_change_in_capacity:
      return "PercentChangeInCapacity";
  }
  return "?";
}

}  // namespace b24::policy
