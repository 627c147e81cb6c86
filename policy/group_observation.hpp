#pragma once
// What every scaling decision observes of the Auto Scaling group.

#include <vector>

#include "policy/capacity_limits.hpp"
#include "policy/instance.hpp"
#include "policy/time.hpp"

namespace b24::policy {

struct GroupObservation {
  Timestamp now{};
  CapacityLimits limits{};
  int desired_capacity = 0;           // within limits
  std::vector<Instance> instances{};  // every instance not yet terminated
};

// Throws std::invalid_argument on invalid limits, desired capacity outside them, invalid
// instances (see validate_instances) or an instance that entered service after `now`.
void validate(const GroupObservation& group);

}  // namespace b24::policy
