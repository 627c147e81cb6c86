#include "policy/target_health.hpp"

#include <utility>

#include "policy/contract.hpp"

namespace b24::policy {

HealthCheckConfig alb_health_check_defaults() {
  return HealthCheckConfig{};
}

HealthCheckConfig clb_health_check_defaults() {
  HealthCheckConfig config;
  config.healthy_threshold = 10;
  return config;
}

void validate(const HealthCheckConfig& config) {
  require(config.timeout > std::chrono::seconds{0}, "health check timeout > 0");
  require(config.interval > config.timeout, "health check interval > timeout");
  require(config.healthy_threshold >= 1, "healthy threshold >= 1");
  require(config.unhealthy_threshold >= 1, "unhealthy threshold >= 1");
  require(config.initial_successes_to_healthy >= 1, "initial successes to healthy >= 1");
}

CheckResult classify_check(std::optional<Duration> response_time, bool status_matched,
                           const HealthCheckConfig& config) {
  if (!response_time || *response_time >= config.timeout) return CheckResult::timeout;
  require(*response_time >= Duration::zero(), "health check response time >= 0");
  return status_matched ? CheckResult::success : CheckResult::failure;
}

TargetHealth::TargetHealth(HealthCheckConfig config, Timestamp registered_at)
    : config_(config), last_check_at_(registered_at), next_check_at_(registered_at) {
  validate(config_);
}

std::string TargetHealth::failure_text(CheckResult last) const {
  // ALB reason codes: Target.Timeout for no response in time, Target.ResponseCodeMismatch for a
  // response whose status is not in the success codes.
  const char* code =
      last == CheckResult::timeout ? "Target.Timeout: " : "Target.ResponseCodeMismatch: ";
  return code + std::to_string(consecutive_failures_) +
         " consecutive failed checks (unhealthy threshold " +
         std::to_string(config_.unhealthy_threshold) + ")";
}

HealthDecision TargetHealth::record(const HealthCheckObservation& check) {
  require(check.at >= last_check_at_, "health check results arrive in time order");
  last_check_at_ = check.at;
  next_check_at_ = check.at + Duration{config_.interval};
  const bool passed = check.result == CheckResult::success;
  consecutive_successes_ = passed ? consecutive_successes_ + 1 : 0;
  consecutive_failures_ = passed ? 0 : consecutive_failures_ + 1;

  const HealthState before = state_;
  std::string reason;
  const bool too_many_failures = consecutive_failures_ >= config_.unhealthy_threshold;
  switch (state_) {
    case HealthState::initial:
      if (consecutive_successes_ >= config_.initial_successes_to_healthy) {
        state_ = HealthState::healthy;
        reason = "passed " + std::to_string(consecutive_successes_) + " initial health check(s)";
      } else if (too_many_failures) {
        state_ = HealthState::unhealthy;
        reason = failure_text(check.result) + " while initial";
      } else {
        reason = "Elb.InitialHealthChecking: " + std::to_string(consecutive_successes_) + " of " +
                 std::to_string(config_.initial_successes_to_healthy) + " checks passed, " +
                 std::to_string(consecutive_failures_) + " failed";
      }
      break;
    case HealthState::healthy:
      if (too_many_failures) {
        state_ = HealthState::unhealthy;
        reason = failure_text(check.result);
      } else {
        reason = "healthy: " + std::to_string(consecutive_failures_) + " of " +
                 std::to_string(config_.unhealthy_threshold) + " failures to become unhealthy";
      }
      break;
    case HealthState::unhealthy:
      if (consecutive_successes_ >= config_.healthy_threshold) {
        state_ = HealthState::healthy;
        reason = std::to_string(consecutive_successes_) +
                 " consecutive successful checks (healthy threshold " +
                 std::to_string(config_.healthy_threshold) + ")";
      } else if (passed) {
        reason = "unhealthy: " + std::to_string(consecutive_successes_) + " of " +
                 std::to_string(config_.healthy_threshold) + " successes to become healthy";
      } else {
        reason = failure_text(check.result);
      }
      break;
  }
  return HealthDecision{state_, state_ != before, next_check_at_, std::move(reason)};
}

std::string_view to_string(HealthState state) {
  switch (state) {
    case HealthState::initial:
      return "initial";
    case HealthState::healthy:
      return "healthy";
    case HealthState::unhealthy:
      return "unhealthy";
  }
  return "?";
}

std::string_view to_string(CheckResult result) {
  switch (result) {
    case CheckResult::success:
      return "success";
    case CheckResult::failure:
      return "failure";
    case CheckResult::timeout:
      return "timeout";
  }
  return "?";
}

}  // namespace b24::policy
