#pragma once
// Shared fixtures for the policy tests: fixed instants and instance builders.

#include <chrono>
#include <vector>

#include "policy/group_observation.hpp"
#include "policy/instance.hpp"
#include "policy/time.hpp"

namespace b24::policy::test {

using namespace std::chrono_literals;

// Monday 2024-01-15, 00:00:00 UTC.
inline Timestamp day_start() {
  return std::chrono::sys_days{std::chrono::year{2024} / std::chrono::January / 15};
}

// An instant on that day.
inline Timestamp at(std::chrono::hours h, std::chrono::minutes m = 0min,
                    std::chrono::seconds s = 0s) {
  return day_start() + h + m + s;
}

// InService (and launched) since `since`.
inline Instance serving(InstanceId id, Timestamp since) {
  Instance instance;
  instance.id = id;
  instance.lifecycle = LifecycleState::in_service;
  instance.launched_at = since;
  instance.in_service_at = since;
  return instance;
}

inline Instance pending(InstanceId id, Timestamp launched) {
  Instance instance;
  instance.id = id;
  instance.lifecycle = LifecycleState::pending;
  instance.launched_at = launched;
  return instance;
}

inline Instance terminating(InstanceId id, Timestamp since) {
  Instance instance = serving(id, since);
  instance.lifecycle = LifecycleState::terminating;
  return instance;
}

// `count` instances with ids first_id, first_id + 1, ..., all InService since `since`.
inline std::vector<Instance> serving_many(int count, Timestamp since, InstanceId first_id = 1) {
  std::vector<Instance> instances;
  instances.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    instances.push_back(serving(first_id + static_cast<InstanceId>(i), since));
  }
  return instances;
}

inline GroupObservation group(Timestamp now, CapacityLimits limits, int desired,
                              std::vector<Instance> instances) {
  return GroupObservation{now, limits, desired, std::move(instances)};
}

}  // namespace b24::policy::test
