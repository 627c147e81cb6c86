#include "policy/scaling_decision.hpp"

#include <algorithm>
#include <utility>

namespace b24::policy {

ScalingDecision keep_capacity(const GroupObservation& group, std::string reason) {
  return ScalingDecision{ScalingDirection::none, group.desired_capacity, group.desired_capacity,
                         std::move(reason)};
}

ScalingDecision resolve_scaling(ScalingDirection wanted, int computed_capacity,
                                const GroupObservation& group, std::string reason) {
  if (wanted == ScalingDirection::none) return keep_capacity(group, std::move(reason));
  const int desired = group.desired_capacity;
  const int clamped = clamp_desired(computed_capacity, group.limits);
  const bool out = wanted == ScalingDirection::out;
  const int next = out ? std::max(desired, clamped) : std::min(desired, clamped);
  reason += "; computed capacity " + std::to_string(computed_capacity);
  if (computed_capacity > group.limits.max_size) {
    reason += ", capped at max_size " + std::to_string(group.limits.max_size);
  } else if (computed_capacity < group.limits.min_size) {
    reason += ", held at min_size " + std::to_string(group.limits.min_size);
  }
  if (next == desired) {
    reason += "; desired capacity stays " + std::to_string(desired);
    if (clamped != desired) {
      reason += out ? " (instances on their way already cover it)"
                    : " (instances already leaving cover it)";
    }
  } else {
    reason += "; desired capacity " + std::to_string(desired) + " -> " + std::to_string(next);
  }
  return ScalingDecision{wanted, desired, next, std::move(reason)};
}

std::string_view to_string(ScalingDirection direction) {
  switch (direction) {
    case ScalingDirection::none:
      return "none";
    case ScalingDirection::out:
      return "out";
    case ScalingDirection::in:
      return "in";
  }
  return "?";
}

}  // namespace b24::policy
