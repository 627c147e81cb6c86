#pragma once
// Load-balancer health checks: one target's health state machine. Sources (DOMAIN.md section 1):
// ALB guide "Health checks for your target groups" (interval 30 s, timeout 5 s, healthy threshold
// 5, unhealthy threshold 2; a newly registered target must pass one check to leave `initial`);
// CLB guide "Configure health checks" (same but healthy threshold 10).
//
// Input: the result of each check (success, failure, timeout); output: the state and a reason.
// Each LB node checks every target on its own; this class is one node's view of one target.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "policy/time.hpp"

namespace b24::policy {

// ALB's target states that come from health checks. `draining` and `unused` come from
// registration, not from checks, and are kept by the caller (see load_balancing.hpp).
enum class HealthState { initial, healthy, unhealthy };

enum class CheckResult { success, failure, timeout };

struct HealthCheckConfig {
  std::chrono::seconds interval{30};  // between checks of one target by one LB node
  std::chrono::seconds timeout{5};    // no response within this is a failed check
  int healthy_threshold = 5;          // consecutive successes: unhealthy -> healthy
  int unhealthy_threshold = 2;        // consecutive failures: initial/healthy -> unhealthy
  // Consecutive successes for a newly registered target: initial -> healthy. ALB: one check.
  int initial_successes_to_healthy = 1;
};

// ALB defaults (instance and ip targets): 30 s, 5 s, healthy 5, unhealthy 2, one initial check.
[[nodiscard]] HealthCheckConfig alb_health_check_defaults();
// CLB defaults from the CLB guide's table: 30 s, 5 s, healthy 10, unhealthy 2. The guide does
// not describe a new instance's first checks; assumption: one check, as on the ALB.
[[nodiscard]] HealthCheckConfig clb_health_check_defaults();

// Throws std::invalid_argument unless interval > timeout > 0 (both ELB types require the timeout
// to be shorter than the interval) and every threshold is at least 1.
void validate(const HealthCheckConfig& config);

// A response counts only if it came back before the timeout (strictly) with a matching status
// (ALB success codes: 200 by default). No response at all is a timeout.
[[nodiscard]] CheckResult classify_check(std::optional<Duration> response_time, bool status_matched,
                                         const HealthCheckConfig& config);

struct HealthCheckObservation {
  Timestamp at{};  // when the check's result was known; never earlier than the previous one
  CheckResult result = CheckResult::success;
};

struct HealthDecision {
  HealthState state = HealthState::initial;
  bool changed = false;
  Timestamp next_check_at{};  // at + interval
  std::string reason{};       // starts with the ALB reason code where one applies
};

// Invariant: the consecutive-success and failure counts never both exceed zero, and the state
// is the one those counts and the thresholds imply; check times never go backwards.
class TargetHealth {
 public:
  // The first check is due at registration.
  TargetHealth(HealthCheckConfig config, Timestamp registered_at);

  HealthDecision record(const HealthCheckObservation& check);

  [[nodiscard]] HealthState state() const { return state_; }
  [[nodiscard]] int consecutive_successes() const { return consecutive_successes_; }
  [[nodiscard]] int consecutive_failures() const { return consecutive_failures_; }
  [[nodiscard]] Timestamp next_check_at() const { return next_check_at_; }
  [[nodiscard]] const HealthCheckConfig& config() const { return config_; }

 private:
  std::string failure_text(CheckResult last) const;

  HealthCheckConfig config_{};
  HealthState state_ = HealthState::initial;
  int consecutive_successes_ = 0;
  int consecutive_failures_ = 0;
  Timestamp last_check_at_{};
  Timestamp next_check_at_{};
};

// initial, healthy, unhealthy (ALB's spelling).
[[nodiscard]] std::string_view to_string(HealthState state);
[[nodiscard]] std::string_view to_string(CheckResult result);

}  // namespace b24::policy
