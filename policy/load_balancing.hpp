#pragma once
// Load-balancer target choice. Sources (DOMAIN.md section 1): ELB user guide, "Routing algorithm"
// (ALB: round_robin by default, least_outstanding_requests, weighted_random; CLB: round robin for
// TCP listeners, least outstanding requests for HTTP/HTTPS); ALB guide, target group health
// checks ("if a target group contains only unhealthy registered targets, the load balancer routes
// requests to all those targets": fail open) and troubleshooting (ALB 503 only when the target
// group has no registered targets); CLB guide, "HTTP 503": no healthy instances.
//
// This runs once per request, so it allocates nothing: the targets are a view of the caller's
// array and the reason is static text.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "policy/target_health.hpp"

namespace b24::policy {

using TargetId = std::uint64_t;

enum class BalancerType { application, classic };

enum class RoutingAlgorithm { round_robin, least_outstanding_requests, weighted_random };

struct LoadBalancerConfig {
  BalancerType type = BalancerType::application;
  RoutingAlgorithm algorithm = RoutingAlgorithm::round_robin;
};

// ALB: round_robin; CLB with HTTP listeners (our web tier): least_outstanding_requests.
[[nodiscard]] RoutingAlgorithm default_algorithm(BalancerType type);

struct RoutingTarget {
  TargetId id = 0;
  HealthState health = HealthState::initial;
  bool draining = false;         // deregistering: takes no new requests, healthy or not
  int outstanding_requests = 0;  // this LB's requests in flight to the target
  double weight = 1.0;           // weighted_random only; > 0
};

struct RoutingObservation {
  // Registered targets in strictly ascending id order (checked). A view: the caller's array
  // must outlive the call.
  std::span<const RoutingTarget> targets{};
  // Round robin's position: the target this balancer chose last, if any. The next choice is the
  // first eligible target with a larger id, wrapping around; keeping an id rather than an index
  // keeps the rotation fair when targets register or leave.
  std::optional<TargetId> previous_target{};
  // weighted_random only: the caller's uniform draw in [0, 1) (from its own deterministic stream).
  double uniform_draw = 0.0;
};

enum class RoutingOutcome {
  routed,                 // to a healthy target
  routed_fail_open,       // ALB, no healthy target: to any registered target regardless of health
  no_registered_targets,  // 503 (ALB and CLB)
  no_healthy_targets,     // CLB: 503
};

struct RoutingDecision {
  RoutingOutcome outcome = RoutingOutcome::no_registered_targets;
  std::optional<TargetId> target{};  // set when routed
  std::string_view reason{};         // static text

  // 0 when routed, else the status the balancer answers with itself (503).
  [[nodiscard]] int balancer_status_code() const { return target ? 0 : 503; }
};

// Chooses among healthy, non-draining targets with the configured algorithm; ties go to the
// lowest id. With no healthy target an ALB fails open (same algorithm over every registered,
// non-draining target, in state initial or unhealthy alike) and a CLB answers 503.
// Throws std::invalid_argument on unsorted or duplicate ids, negative outstanding counts,
// non-positive weights, or (weighted_random) a draw outside [0, 1).
[[nodiscard]] RoutingDecision choose_target(const LoadBalancerConfig& config,
                                            const RoutingObservation& observation);

}  // namespace b24::policy
