#include "policy/group_observation.hpp"

#include "policy/contract.hpp"

namespace b24::policy {

void validate(const GroupObservation& group) {
  validate(group.limits);
  require(group.desired_capacity >= group.limits.min_size &&
              group.desired_capacity <= group.limits.max_size,
          "desired capacity lies within [min_size, max_size]");
  validate_instances(group.instances);
  for (const Instance& instance : group.instances) {
    require(instance.launched_at <= group.now, "instances were launched before now");
    require(!instance.in_service_at || *instance.in_service_at <= group.now,
            "instances entered service before now");
  }
}

}  // namespace b24::policy
