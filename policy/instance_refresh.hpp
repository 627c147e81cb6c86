#pragma once
// One step of an EC2 Auto Scaling instance refresh (a rolling deploy): which old-version
// instances to replace now. Source: EC2 Auto Scaling guide, "How an instance refresh works" and
// "Understand the default values for an instance refresh"; API RefreshPreferences:
//  - Rolling strategy (the default): terminate instances and launch new ones in batches.
//  - MinHealthyPercentage: the capacity that must stay InService and healthy during the
//    refresh, as a percentage of the desired capacity, rounded up; default 90 (0..100).
//  - MaxHealthyPercentage: default 100 (no instance maintenance policy), i.e. terminate first,
//    then launch; we model only that default.
//  - InstanceWarmup: after a new instance is InService, the refresh waits this long before
//    replacing more; default the group's DefaultInstanceWarmup, else its HealthCheckGracePeriod.
//
// Our reading where the text is silent:
//  - A batch is desired - ceil(desired x min_healthy / 100) instances, at least 1 (AWS: "100 %
//    replaces one instance at a time"), and never more than the old-version instances left.
//    When fewer instances are ready than desired (a crash, a scale-out under way), the batch
//    shrinks so that the ready ones stay at the minimum, but is still at least 1.
//  - The next batch starts only when nothing is in flight: no instance pending, warming up
//    (InService for less than the warm-up, or not yet passed its health check) or terminating,
//    whatever launched or removed it (a scale-out's launches also hold the refresh).
//  - Old-version instances are replaced unhealthy first, then lowest id (the oldest launch).
//  - The refresh is done when no live instance runs an older version and nothing is in flight,
//    i.e. the last replacement has passed its health check and warmed up.

#include <chrono>
#include <string>
#include <vector>

#include "policy/instance.hpp"
#include "policy/time.hpp"

namespace b24::policy {

struct InstanceRefreshPolicy {
  int min_healthy_percentage = 90;  // RefreshPreferences.MinHealthyPercentage default
  // RefreshPreferences.InstanceWarmup; the caller resolves the default (DefaultInstanceWarmup,
  // else HealthCheckGracePeriod: 300 s in the console, DOMAIN.md 3).
  std::chrono::seconds instance_warmup{300};
};

struct InstanceRefreshObservation {
  Timestamp now{};
  int desired_capacity = 0;
  int target_version = 1;  // the launch template version being rolled out
  // Every instance not yet terminated. `health` is healthy only once the instance has passed
  // its load balancer health check (and is not failing one).
  std::vector<Instance> instances{};
};

struct InstanceRefreshDecision {
  std::vector<InstanceId> replace{};  // to deregister, drain and terminate now
  int batch_size = 0;                 // the batch allowed by min healthy (0 while waiting)
  int old_remaining = 0;              // live instances on an older version, before this batch
  bool done = false;
  std::string reason{};
};

// min_healthy_percentage of desired, rounded up (RefreshPreferences: "rounded up to the nearest
// integer").
[[nodiscard]] int min_healthy_instances(int desired_capacity, int min_healthy_percentage);
// desired - min healthy, at least 1.
[[nodiscard]] int refresh_batch_size(int desired_capacity, int min_healthy_percentage);

// Throws std::invalid_argument when min_healthy_percentage is outside [0, 100], the warm-up is
// negative, the desired capacity negative or an instance invalid.
[[nodiscard]] InstanceRefreshDecision decide_instance_refresh(
    const InstanceRefreshPolicy& policy, const InstanceRefreshObservation& observation);

}  // namespace b24::policy
