#include "models/health_checker.hpp"

#include <algorithm>
#include <string>

namespace b24::models {

HealthChecker::HealthChecker(sim::Simulator& sim, LoadBalancer& lb,
                             const policy::HealthCheckConfig& config, sim::Recorder& recorder,
                             std::string_view entity)
    : sim_(sim), lb_(lb), config_(config), recorder_(recorder), entity_(entity) {
  policy::validate(config_);
}

HealthChecker::Watched* HealthChecker::find(std::uint32_t node_id) {
  const auto it = std::lower_bound(
      watched_.begin(), watched_.end(), node_id,
      [](const std::unique_ptr<Watched>& w, std::uint32_t id) { return w->node->id() < id; });
  return it != watched_.end() && (*it)->node->id() == node_id ? it->get() : nullptr;
}

const HealthChecker::Watched* HealthChecker::find(std::uint32_t node_id) const {
  return const_cast<HealthChecker*>(this)->find(node_id);
}

void HealthChecker::watch(WebNode& node) {
  const std::uint32_t id = node.id();
  const auto it = std::lower_bound(
      watched_.begin(), watched_.end(), id,
      [](const std::unique_ptr<Watched>& w, std::uint32_t v) { return w->node->id() < v; });
  B24_ASSERT_MSG(it == watched_.end() || (*it)->node->id() != id, "target watched twice");
  const auto inserted = watched_.insert(
      it, std::make_unique<Watched>(
              Watched{&node, policy::TargetHealth(config_, to_policy_time(sim_.now())), {}, {}}));
  (*inserted)->next = sim_.schedule_in(sim::Duration{0}, [this, id] { check(id); });
}

void HealthChecker::forget(std::uint32_t node_id) {
  Watched* w = find(node_id);
  B24_ASSERT_MSG(w != nullptr, "forgetting a target that is not watched");
  sim_.cancel(w->next);
  sim_.cancel(w->timeout);
  std::erase_if(watched_, [node_id](const auto& p) { return p->node->id() == node_id; });
}

policy::HealthState HealthChecker::state_of(std::uint32_t node_id) const {
  const Watched* w = find(node_id);
  B24_ASSERT_MSG(w != nullptr, "not a watched target");
  return w->health.state();
}

// Checks are sent every interval from registration, whatever the previous one's fate (the ELB
// does not wait for a timeout to send the next), so a dead target is marked unhealthy within
// interval x unhealthy threshold + one timeout of its death.
void HealthChecker::check(std::uint32_t node_id) {
  Watched* w = find(node_id);
  B24_ASSERT(w != nullptr);
  w->next = sim_.schedule_in(sim::Duration{config_.interval}, [this, node_id] { check(node_id); });
  const NodeState s = w->node->state();
  if (s == NodeState::in_service || s == NodeState::draining) {
    conclude(node_id, policy::CheckResult::success);
    return;
  }
  w->timeout = sim_.schedule_in(sim::Duration{config_.timeout}, [this, node_id] {
    conclude(node_id, policy::CheckResult::timeout);
  });
}

void HealthChecker::conclude(std::uint32_t node_id, policy::CheckResult result) {
  Watched* w = find(node_id);
  B24_ASSERT(w != nullptr);
  const policy::HealthDecision d =
      w->health.record({.at = to_policy_time(sim_.now()), .result = result});
  if (!d.changed) return;
  lb_.set_health(node_id, d.state);
  recorder_.event(sim_.now(), "health", entity_,
                  "node " + std::to_string(node_id) + " " +
                      std::string(policy::to_string(d.state)) + ": " + d.reason);
  sim_.emit("health", entity_, {{"node", node_id}, {"state", policy::to_string(d.state)}});
}

}  // namespace b24::models
