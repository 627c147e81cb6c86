#pragma once
// The load balancer's health checks of its targets. Each target is checked every interval; the
// verdict comes from policy::TargetHealth (the production state machine: thresholds, initial
// state), and every state change is passed to the load balancer and recorded with its reason.
//
// A check succeeds when the node is alive (in service or draining): it answers within the
// timeout. A crashed or terminated node does not answer, so the check fails by timeout, one
// timeout after it was sent. Overload does not fail checks in this model (assumption: the
// health check path is cheap and served ahead of user requests).

#include <cstdint>
#include <memory>
#include <vector>

#include "models/load_balancer.hpp"
#include "models/policy_time.hpp"
#include "models/web_node.hpp"
#include "policy/target_health.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

class HealthChecker {
 public:
  // `entity` names this balancer in recorded events (e.g. "dc/fra/elb"); it must outlive this.
  HealthChecker(sim::Simulator& sim, LoadBalancer& lb, const policy::HealthCheckConfig& config,
                sim::Recorder& recorder, std::string_view entity);
  HealthChecker(const HealthChecker&) = delete;
  HealthChecker& operator=(const HealthChecker&) = delete;

  // Starts checking `node` (first check at once, as the ELB does on registration).
  void watch(WebNode& node);
  // Stops checking (deregistered). Pending checks of it are cancelled.
  void forget(std::uint32_t node_id);

  [[nodiscard]] policy::HealthState state_of(std::uint32_t node_id) const;

 private:
  struct Watched {
    WebNode* node;
    policy::TargetHealth health;
    sim::EventHandle next;     // the next check
    sim::EventHandle timeout;  // a check in flight to a dead node
  };
  void check(std::uint32_t node_id);
  void conclude(std::uint32_t node_id, policy::CheckResult result);
  [[nodiscard]] Watched* find(std::uint32_t node_id);
  [[nodiscard]] const Watched* find(std::uint32_t node_id) const;

  sim::Simulator& sim_;
  LoadBalancer& lb_;
  policy::HealthCheckConfig config_;
  sim::Recorder& recorder_;
  std::string_view entity_;
  std::vector<std::unique_ptr<Watched>> watched_;  // ascending node id
};

}  // namespace b24::models
