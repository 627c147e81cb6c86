#pragma once
// Replacing unhealthy instances and restoring the desired capacity. Source: EC2 Auto Scaling
// guide, "Health checks for Auto Scaling instances" and "Scaling cooldowns" (DOMAIN.md section 3):
// an unhealthy instance is terminated and a replacement launched; the group replaces at most 10 %
// of the desired capacity at a time (one at a time when 10 % is less than one), waiting for the
// replacements to be healthy and warmed up; health checks start after the grace period; the
// cooldown does not apply to replacements.
//
// Our reading where the text is silent: the batch is floor(10 % of desired), at least 1; every
// instance still pending or warming up (for any reason) counts against the batch, so a
// replacement also waits for a scale-out to settle; unhealthy instances go in ascending id order.
// Launches also make up any shortfall of live instances below the desired capacity (an instance
// that vanished), which is not rate-limited: that is the group keeping its desired capacity.

#include <chrono>
#include <string>
#include <vector>

#include "policy/group_observation.hpp"

namespace b24::policy {

struct ReplacementPolicy {
  // HealthCheckGracePeriod: 300 s in the console, 0 s through the CLI/SDK; we take the console's.
  std::chrono::seconds health_check_grace_period{300};
  std::chrono::seconds instance_warmup{0};  // a replacement is done once warmed up
  int max_replacement_percent = 10;         // of the desired capacity, per batch
};

struct ReplacementDecision {
  std::vector<InstanceId> terminate{};  // unhealthy instances to terminate now
  int launch_count = 0;                 // instances to launch now
  std::string reason{};
};

[[nodiscard]] ReplacementDecision decide_replacement(const ReplacementPolicy& policy,
                                                     const GroupObservation& group);

}  // namespace b24::policy
