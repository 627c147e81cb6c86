#pragma once
// Which instances a scale-in removes. Source: EC2 Auto Scaling guide, "Control which Auto Scaling
// instances terminate during scale in" (DOMAIN.md section 3).
//  - OldestInstance: the earliest launch first.
//  - NewestInstance: the latest launch first.
//  - OldestLaunchTemplate: instances of the oldest launch template (configuration) first.
//  - ClosestToNextInstanceHour: the one nearest to the end of its current billing hour first.
//  - Default: AWS first picks the Availability Zone with the most instances, then aligns with the
//    allocation strategy, then the oldest launch template or configuration, then the instance
//    closest to the next billing hour, then one at random. Approximation: each data center is
//    one group in a single Availability Zone with one instance type, so the first two steps
//    change nothing; the random last step becomes the lowest instance id, so runs are repeatable.
// Every policy breaks ties by the lowest instance id. Candidates are the group's instances that
// are not terminating and not protected from scale-in.

#include <string>
#include <string_view>
#include <vector>

#include "policy/instance.hpp"
#include "policy/time.hpp"

namespace b24::policy {

enum class TerminationPolicy {
  default_policy,
  oldest_instance,
  newest_instance,
  oldest_launch_template,
  closest_to_next_instance_hour,
};

struct TerminationObservation {
  Timestamp now{};
  std::vector<Instance> instances{};  // the group
  int count = 0;                      // how many to remove (>= 0)
};

struct TerminationDecision {
  std::vector<InstanceId>
      instance_ids{};  // in the order chosen; fewer than count when candidates run out
  std::string reason{};
};

// Time until the instance completes its current hour since launch; a full hour at the boundary.
[[nodiscard]] Duration time_to_next_instance_hour(const Instance& instance, Timestamp now);

[[nodiscard]] TerminationDecision choose_instances_to_terminate(
    TerminationPolicy policy, const TerminationObservation& observation);

// AWS's names: Default, OldestInstance, NewestInstance, OldestLaunchTemplate,
// ClosestToNextInstanceHour.
[[nodiscard]] std::string_view to_string(TerminationPolicy policy);

}  // namespace b24::policy
