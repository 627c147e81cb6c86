#include "policy/replacement.hpp"

#include <algorithm>

#include "policy/contract.hpp"
#include "policy/warmup.hpp"

namespace b24::policy {
namespace {

// InService, unhealthy and past the grace period, in ascending id order.
std::vector<InstanceId> replaceable(const ReplacementPolicy& policy,
                                    const GroupObservation& group) {
  std::vector<InstanceId> ids;
  for (const Instance& instance : group.instances) {
    if (instance.lifecycle != LifecycleState::in_service) continue;
    if (instance.health != InstanceHealth::unhealthy) continue;
    if (group.now < *instance.in_service_at + Duration{policy.health_check_grace_period}) continue;
    ids.push_back(instance.id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

ReplacementDecision decide_replacement(const ReplacementPolicy& policy,
                                       const GroupObservation& group) {
  validate(group);
  require(policy.health_check_grace_period >= std::chrono::seconds{0}, "grace period >= 0");
  require(policy.max_replacement_percent >= 1 && policy.max_replacement_percent <= 100,
          "replacement batch percent in [1, 100]");
  const CapacityCounts counts = count_capacity(group.instances, group.now, policy.instance_warmup);
  const std::vector<InstanceId> unhealthy = replaceable(policy, group);
  const int batch = std::max(1, group.desired_capacity * policy.max_replacement_percent / 100);
  const int in_flight = counts.pending + counts.warming;
  const int budget = std::max(0, batch - in_flight);
  const auto replace_now = std::min(static_cast<std::size_t>(budget), unhealthy.size());

  ReplacementDecision decision;
  decision.terminate.assign(unhealthy.begin(),
                            unhealthy.begin() + static_cast<std::ptrdiff_t>(replace_now));
  const int live_after = counts.live() - static_cast<int>(replace_now);
  decision.launch_count = std::max(0, group.desired_capacity - live_after);
  decision.reason =
      std::to_string(unhealthy.size()) + " unhealthy instances past the grace period; " +
      "replacing " + std::to_string(replace_now) + " now (batch " + std::to_string(batch) + " = " +
      std::to_string(policy.max_replacement_percent) + "% of desired " +
      std::to_string(group.desired_capacity) + ", at least 1; " + std::to_string(in_flight) +
      " instances pending or warming up); launching " + std::to_string(decision.launch_count) +
      " to keep " + std::to_string(group.desired_capacity) + " live instances";
  return decision;
}

}  // namespace b24::policy
