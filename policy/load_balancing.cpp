#include "policy/load_balancing.hpp"

#include <cmath>

#include "policy/contract.hpp"

namespace b24::policy {
namespace {

struct Census {
  int registered = 0;  // not draining
  int healthy = 0;     // not draining and healthy
};

Census take_census(std::span<const RoutingTarget> targets) {
  Census census;
  const RoutingTarget* previous = nullptr;
  for (const RoutingTarget& target : targets) {
    require(previous == nullptr || previous->id < target.id,
            "routing targets are in strictly ascending id order");
    require(target.outstanding_requests >= 0, "outstanding requests >= 0");
    require(target.weight > 0.0 && std::isfinite(target.weight), "target weight > 0 and finite");
    previous = &target;
    if (target.draining) continue;
    ++census.registered;
    if (target.health == HealthState::healthy) ++census.healthy;
  }
  return census;
}

// The first eligible target after `previous`, else the first eligible one (wrap around).
template <typename Eligible>
TargetId pick_round_robin(std::span<const RoutingTarget> targets, std::optional<TargetId> previous,
                          Eligible eligible) {
  const RoutingTarget* first = nullptr;
  for (const RoutingTarget& target : targets) {
    if (!eligible(target)) continue;
    if (!previous || target.id > *previous) return target.id;
    if (first == nullptr) first = &target;
  }
  return first->id;
}

// Fewest requests in flight; strict comparison in ascending id order keeps the lowest id on a tie.
template <typename Eligible>
TargetId pick_least_outstanding(std::span<const RoutingTarget> targets, Eligible eligible) {
  const RoutingTarget* best = nullptr;
  for (const RoutingTarget& target : targets) {
    if (!eligible(target)) continue;
    if (best == nullptr || target.outstanding_requests < best->outstanding_requests) best = &target;
  }
  return best->id;
}

// Each target owns a share of [0, total weight) in id order; the draw scaled by the total picks
// one. Rounding at the very end of the range falls back to the last eligible target.
template <typename Eligible>
TargetId pick_weighted_random(std::span<const RoutingTarget> targets, double draw,
                              Eligible eligible) {
  require(draw >= 0.0 && draw < 1.0, "weighted random draw is in [0, 1)");
  double total = 0.0;
  for (const RoutingTarget& target : targets) {
    if (eligible(target)) total += target.weight;
  }
  const double point = draw * total;
  double cumulative = 0.0;
  const RoutingTarget* last = nullptr;
  for (const RoutingTarget& target : targets) {
    if (!eligible(target)) continue;
    cumulative += target.weight;
    last = &target;
    if (point < cumulative) return target.id;
  }
  return last->id;
}

std::string_view routed_reason(RoutingAlgorithm algorithm, bool fail_open) {
  switch (algorithm) {
    case RoutingAlgorithm::round_robin:
      return fail_open
                 ? "ALB fail-open (no healthy target): round robin over all registered targets"
                 : "round robin: next healthy target after the previous choice";
    case RoutingAlgorithm::least_outstanding_requests:
      return fail_open ? "ALB fail-open (no healthy target): least outstanding requests over all "
                         "registered targets, lowest id on a tie"
                       : "least outstanding requests among healthy targets, lowest id on a tie";
    case RoutingAlgorithm::weighted_random:
      return fail_open ? "ALB fail-open (no healthy target): weighted random over all registered "
                         "targets"
                       : "weighted random among healthy targets, by the caller's uniform draw";
  }
  return "?";
}

}  // namespace

RoutingAlgorithm default_algorithm(BalancerType type) {
  return type == BalancerType::application ? RoutingAlgorithm::round_robin
                                           : RoutingAlgorithm::least_outstanding_requests;
}

RoutingDecision choose_target(const LoadBalancerConfig& config,
                              const RoutingObservation& observation) {
  const Census census = take_census(observation.targets);
  if (census.registered == 0) {
    return {RoutingOutcome::no_registered_targets, std::nullopt,
            "no registered target (draining ones take no new requests): the balancer answers 503"};
  }
  const bool fail_open = census.healthy == 0;
  if (fail_open && config.type == BalancerType::classic) {
    return {RoutingOutcome::no_healthy_targets, std::nullopt,
            "CLB with no healthy instance: the balancer answers 503"};
  }
  const auto eligible = [fail_open](const RoutingTarget& target) {
    return !target.draining && (fail_open || target.health == HealthState::healthy);
  };
  TargetId chosen = 0;
  switch (config.algorithm) {
    case RoutingAlgorithm::round_robin:
      chosen = pick_round_robin(observation.targets, observation.previous_target, eligible);
      break;
    case RoutingAlgorithm::least_outstanding_requests:
      chosen = pick_least_outstanding(observation.targets, eligible);
      break;
    case RoutingAlgorithm::weighted_random:
      chosen = pick_weighted_random(observation.targets, observation.uniform_draw, eligible);
      break;
  }
  return {fail_open ? RoutingOutcome::routed_fail_open : RoutingOutcome::routed, chosen,
          routed_reason(config.algorithm, fail_open)};
}

}  // namespace b24::policy
