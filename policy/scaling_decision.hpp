#pragma once
// The answer of every scaling policy: a desired capacity and why.

#include <string>
#include <string_view>

#include "policy/group_observation.hpp"

namespace b24::policy {

enum class ScalingDirection { none, out, in };

struct ScalingDecision {
  // What the policy asked for before limits and in-flight capacity were applied; a policy that
  // wants to scale out may still leave the desired capacity unchanged (already at max_size, or
  // warming instances already cover it).
  ScalingDirection wanted = ScalingDirection::none;
  int previous_desired_capacity = 0;
  int desired_capacity = 0;
  std::string reason{};

  [[nodiscard]] bool changed() const { return desired_capacity != previous_desired_capacity; }
};

// No change, with the reason.
[[nodiscard]] ScalingDecision keep_capacity(const GroupObservation& group, std::string reason);

// Applies a policy's computed capacity to the group: clamped to [min_size, max_size]; a scale out
// never lowers the desired capacity (instances already on their way count in it) and a scale in
// never raises it (instances already leaving count in it). The reason gets the outcome appended.
[[nodiscard]] ScalingDecision resolve_scaling(ScalingDirection wanted, int computed_capacity,
                                              const GroupObservation& group, std::string reason);

// none, out, in
[[nodiscard]] std::string_view to_string(ScalingDirection direction);

}  // namespace b24::policy
