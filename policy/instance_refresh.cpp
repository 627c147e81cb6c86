#include "policy/instance_refresh.hpp"

#include <algorithm>

#include "policy/contract.hpp"

namespace b24::policy {
namespace {

struct Census {
  int ready = 0;                     // InService, passed its health check, warmed up
  int in_flight = 0;                 // pending, warming up, not yet healthy, or terminating
  std::vector<const Instance*> old;  // live, older than the target version
};

Census take_census(const InstanceRefreshPolicy& policy, const InstanceRefreshObservation& o) {
  Census c;
  const Duration warmup{policy.instance_warmup};
  for (const Instance& i : o.instances) {
    if (i.lifecycle == LifecycleState::terminating) {
      ++c.in_flight;
      continue;
    }
    if (i.launch_template_version < o.target_version) c.old.push_back(&i);
    if (i.lifecycle == LifecycleState::pending) {
      ++c.in_flight;
      continue;
    }
    const bool warmed = o.now >= *i.in_service_at + warmup;
    const bool healthy = i.health == InstanceHealth::healthy;
    // An old instance failing its checks is not in flight: it is what the refresh replaces.
    if (warmed && healthy) {
      ++c.ready;
    } else if (i.launch_template_version >= o.target_version) {
      ++c.in_flight;
    }
  }
  // Unhealthy first, then the lowest id (the oldest launch).
  std::sort(c.old.begin(), c.old.end(), [](const Instance* a, const Instance* b) {
    const bool ua = a->health == InstanceHealth::unhealthy;
    const bool ub = b->health == InstanceHealth::unhealthy;
    return ua != ub ? ua : a->id < b->id;
  });
  return c;
}

}  // namespace

int min_healthy_instances(int desired_capacity, int min_healthy_percentage) {
  require(desired_capacity >= 0, "desired capacity >= 0");
  require(min_healthy_percentage >= 0 && min_healthy_percentage <= 100,
          "min healthy percentage in [0, 100]");
  return (desired_capacity * min_healthy_percentage + 99) / 100;
}

int refresh_batch_size(int desired_capacity, int min_healthy_percentage) {
  return std::max(
      1, desired_capacity - min_healthy_instances(desired_capacity, min_healthy_percentage));
}

InstanceRefreshDecision decide_instance_refresh(const InstanceRefreshPolicy& policy,
                                                const InstanceRefreshObservation& o) {
  validate_instances(o.instances);
  require(policy.instance_warmup >= std::chrono::seconds{0}, "instance warm-up >= 0");
  const int min_healthy = min_healthy_instances(o.desired_capacity, policy.min_healthy_percentage);
  const Census c = take_census(policy, o);
  InstanceRefreshDecision d;
  d.old_remaining = static_cast<int>(c.old.size());
  const std::string state = std::to_string(c.old.size()) + " instances on an older version than " +
                            std::to_string(o.target_version) + ", " + std::to_string(c.ready) +
                            " ready, " + std::to_string(c.in_flight) +
                            " pending, warming up or terminating";
  if (c.old.empty() && c.in_flight == 0) {
    d.done = true;
    d.reason = "instance refresh done: every live instance runs version " +
               std::to_string(o.target_version) + " and is healthy and warmed up";
    return d;
  }
  if (c.in_flight > 0) {
    d.reason = "waiting: " + state;
    return d;
  }
  d.batch_size = std::max(1, std::min(o.desired_capacity, c.ready) - min_healthy);
  const auto count = std::min(static_cast<std::size_t>(d.batch_size), c.old.size());
  for (std::size_t k = 0; k < count; ++k) d.replace.push_back(c.old[k]->id);
  d.reason = "replacing " + std::to_string(count) + " (batch " + std::to_string(d.batch_size) +
             " keeps min healthy " + std::to_string(policy.min_healthy_percentage) +
             "% of desired " + std::to_string(o.desired_capacity) + " = " +
             std::to_string(min_healthy) + " rounded up, at least 1 per batch): " + state;
  return d;
}

}  // namespace b24::policy
