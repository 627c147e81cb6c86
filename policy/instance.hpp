#pragma once
// What the Auto Scaling policies see of one instance of the group.

#include <cstdint>
#include <optional>
#include <span>

#include "policy/time.hpp"

namespace b24::policy {

using InstanceId = std::uint64_t;

// EC2 Auto Scaling lifecycle, reduced to what the decisions need. Terminated instances are not
// part of the group and are not passed in.
enum class LifecycleState {
  pending,      // launched, not yet InService
  in_service,   // InService (possibly still warming up, possibly unhealthy)
  terminating,  // chosen for termination: draining or shutting down
};

enum class InstanceHealth { healthy, unhealthy };

struct Instance {
  InstanceId id = 0;
  LifecycleState lifecycle = LifecycleState::pending;
  InstanceHealth health = InstanceHealth::healthy;
  Timestamp launched_at{};  // the EC2 launch: billing hours count from here
  std::optional<Timestamp>
      in_service_at{};  // set once InService; warm-up and grace count from here
  // Launch template (or configuration) version; larger is newer. The Default termination
  // policy removes instances of the oldest version first.
  int launch_template_version = 1;
  bool protected_from_scale_in = false;  // instance scale-in protection
};

// Throws std::invalid_argument on duplicate ids, an InService or terminating instance without
// in_service_at, or in_service_at before launched_at.
void validate_instances(std::span<const Instance> instances);

}  // namespace b24::policy
