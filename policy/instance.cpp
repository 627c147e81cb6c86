#include "policy/instance.hpp"

#include <algorithm>
#include <vector>

#include "policy/contract.hpp"

namespace b24::policy {

void validate_instances(std::span<const Instance> instances) {
  std::vector<InstanceId> ids;
  ids.reserve(instances.size());
  for (const Instance& instance : instances) {
    ids.push_back(instance.id);
    if (instance.lifecycle != LifecycleState::pending) {
      require(instance.in_service_at.has_value(),
              "an InService or terminating instance has in_service_at");
    }
    if (instance.in_service_at) {
      require(*instance.in_service_at >= instance.launched_at,
              "an instance enters service after its launch");
    }
  }
  std::sort(ids.begin(), ids.end());
  require(std::adjacent_find(ids.begin(), ids.end()) == ids.end(), "instance ids are unique");
}

}  // namespace b24::policy
