#include "policy/capacity_limits.hpp"

#include <algorithm>

#include "policy/contract.hpp"

namespace b24::policy {

void validate(const CapacityLimits& limits) {
  require(limits.min_size >= 0, "min_size >= 0");
  require(limits.min_size <= limits.max_size, "min_size <= max_size");
}

int clamp_desired(int desired_capacity, const CapacityLimits& limits) {
  validate(limits);
  return std::clamp(desired_capacity, limits.min_size, limits.max_size);
}

}  // namespace b24::policy
