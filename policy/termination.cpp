#include "policy/termination.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

#include "policy/contract.hpp"

namespace b24::policy {
namespace {

// Sort key: smaller sorts first (is terminated first).
struct Key {
  std::int64_t primary = 0;
  std::int64_t secondary = 0;
  InstanceId id = 0;
  friend bool operator<(const Key& a, const Key& b) {
    return std::tie(a.primary, a.secondary, a.id) < std::tie(b.primary, b.secondary, b.id);
  }
};

Key key_for(TerminationPolicy policy, const Instance& instance, Timestamp now) {
  const std::int64_t launched_us = instance.launched_at.time_since_epoch().count();
  const std::int64_t to_hour_us = time_to_next_instance_hour(instance, now).count();
  switch (policy) {
    case TerminationPolicy::oldest_instance:
      return {launched_us, 0, instance.id};
    case TerminationPolicy::newest_instance:
      return {-launched_us, 0, instance.id};
    case TerminationPolicy::oldest_launch_template:
      return {instance.launch_template_version, 0, instance.id};
    case TerminationPolicy::closest_to_next_instance_hour:
      return {to_hour_us, 0, instance.id};
    case TerminationPolicy::default_policy:
      return {instance.launch_template_version, to_hour_us, instance.id};
  }
  return {0, 0, instance.id};
}

}  // namespace

Duration time_to_next_instance_hour(const Instance& instance, Timestamp now) {
  require(now >= instance.launched_at, "an instance was launched before now");
  const Duration hour = std::chrono::hours{1};
  const Duration into_hour = (now - instance.launched_at) % hour;
  return hour - into_hour;
}

TerminationDecision choose_instances_to_terminate(TerminationPolicy policy,
                                                  const TerminationObservation& observation) {
  validate_instances(observation.instances);
  require(observation.count >= 0, "number of instances to terminate >= 0");
  std::vector<std::pair<Key, InstanceId>> candidates;
  for (const Instance& instance : observation.instances) {
    if (instance.lifecycle == LifecycleState::terminating) continue;
    if (instance.protected_from_scale_in) continue;
    candidates.emplace_back(key_for(policy, instance, observation.now), instance.id);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  TerminationDecision decision;
  const auto chosen = std::min(candidates.size(), static_cast<std::size_t>(observation.count));
  for (std::size_t i = 0; i < chosen; ++i) decision.instance_ids.push_back(candidates[i].second);
  decision.reason = std::string(to_string(policy)) + ": " + std::to_string(chosen) + " of " +
                    std::to_string(observation.count) + " requested from " +
                    std::to_string(candidates.size()) +
                    " candidates (not terminating, not protected from scale-in)";
  if (policy == TerminationPolicy::default_policy) {
    decision.reason +=
        "; oldest launch template, then closest to the next instance hour, then "
        "lowest id (single Availability Zone)";
  }
  return decision;
}

std::string_view to_string(TerminationPolicy policy) {
  switch (policy) {
    case TerminationPolicy::default_policy:
      return "Default";
    case TerminationPolicy::oldest_instance:
      return "OldestInstance";
    case TerminationPolicy::newest_instance:
      return "NewestInstance";
    case TerminationPolicy::oldest_launch_template:
      return "OldestLaunchTemplate";
    case TerminationPolicy::closest_to_next_instance_hour:
      return "ClosestToNextInstanceHour";
  }
  return "?";
}

}  // namespace b24::policy
