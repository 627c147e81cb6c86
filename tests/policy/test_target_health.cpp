// Health checks, read against the ALB guide (interval 30 s, timeout 5 s, healthy 5, unhealthy 2,
// a new target passes one check to leave `initial`) and the CLB guide (healthy threshold 10).

#include <gtest/gtest.h>

#include <stdexcept>

#include "policy/target_health.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

HealthDecision check(TargetHealth& target, Timestamp at, CheckResult result) {
  return target.record(HealthCheckObservation{at, result});
}

// A target that has passed its initial check at `t`.
TargetHealth healthy_target(Timestamp t, HealthCheckConfig config = alb_health_check_defaults()) {
  TargetHealth target(config, t);
  check(target, t, CheckResult::success);
  return target;
}

TEST(TargetHealth, AlbDefaultsAreTheGuideDefaults) {
  const HealthCheckConfig alb = alb_health_check_defaults();
  EXPECT_EQ(alb.interval, 30s);
  EXPECT_EQ(alb.timeout, 5s);
  EXPECT_EQ(alb.healthy_threshold, 5);
  EXPECT_EQ(alb.unhealthy_threshold, 2);
  EXPECT_EQ(alb.initial_successes_to_healthy, 1);
}

TEST(TargetHealth, ClbDefaultsHaveHealthyThresholdTen) {
  const HealthCheckConfig clb = clb_health_check_defaults();
  EXPECT_EQ(clb.interval, 30s);
  EXPECT_EQ(clb.timeout, 5s);
  EXPECT_EQ(clb.healthy_threshold, 10);
  EXPECT_EQ(clb.unhealthy_threshold, 2);
}

TEST(TargetHealth, NewTargetIsHealthyAfterOnePassedCheck) {
  const Timestamp t = test::at(12h);
  TargetHealth target(alb_health_check_defaults(), t);
  EXPECT_EQ(target.state(), HealthState::initial);
  const HealthDecision decision = check(target, t, CheckResult::success);
  EXPECT_EQ(decision.state, HealthState::healthy);
  EXPECT_TRUE(decision.changed);
}

TEST(TargetHealth, InitialChecksAreConfigurable) {
  HealthCheckConfig config = alb_health_check_defaults();
  config.initial_successes_to_healthy = 3;
  const Timestamp t = test::at(12h);
  TargetHealth target(config, t);
  EXPECT_EQ(check(target, t, CheckResult::success).state, HealthState::initial);
  EXPECT_EQ(check(target, t + 30s, CheckResult::success).state, HealthState::initial);
  EXPECT_EQ(check(target, t + 60s, CheckResult::success).state, HealthState::healthy);
}

TEST(TargetHealth, NewTargetThatKeepsFailingBecomesUnhealthy) {
  const Timestamp t = test::at(12h);
  TargetHealth target(alb_health_check_defaults(), t);
  const HealthDecision first = check(target, t, CheckResult::failure);
  EXPECT_EQ(first.state, HealthState::initial);
  EXPECT_NE(first.reason.find("Elb.InitialHealthChecking"), std::string::npos) << first.reason;
  EXPECT_EQ(check(target, t + 30s, CheckResult::failure).state, HealthState::unhealthy);
}

TEST(TargetHealth, HealthyTargetNeedsTwoConsecutiveFailures) {
  const Timestamp t = test::at(12h);
  TargetHealth target = healthy_target(t);
  EXPECT_EQ(check(target, t + 30s, CheckResult::failure).state, HealthState::healthy);
  EXPECT_EQ(check(target, t + 60s, CheckResult::success).state, HealthState::healthy);  // resets
  EXPECT_EQ(check(target, t + 90s, CheckResult::failure).state, HealthState::healthy);
  const HealthDecision second = check(target, t + 120s, CheckResult::failure);
  EXPECT_EQ(second.state, HealthState::unhealthy);
  EXPECT_TRUE(second.changed);
  EXPECT_NE(second.reason.find("Target.ResponseCodeMismatch"), std::string::npos) << second.reason;
}

// A node crashes just after a passed check: the next two checks time out, so the target is
// unhealthy 60 s later (interval x unhealthy threshold = 30 s x 2, DOMAIN.md's derived figure).
TEST(TargetHealth, CrashedTargetIsUnhealthyAfterIntervalTimesThreshold) {
  const Timestamp t = test::at(14h);
  TargetHealth target = healthy_target(t);
  const HealthDecision first = check(target, t + 30s, CheckResult::timeout);
  EXPECT_EQ(first.state, HealthState::healthy);
  const HealthDecision second = check(target, first.next_check_at, CheckResult::timeout);
  EXPECT_EQ(second.state, HealthState::unhealthy);
  EXPECT_EQ(first.next_check_at - t, 60s);
  EXPECT_NE(second.reason.find("Target.Timeout"), std::string::npos) << second.reason;
}

TEST(TargetHealth, UnhealthyTargetNeedsFiveConsecutiveSuccessesOnAlb) {
  const Timestamp t = test::at(14h);
  TargetHealth target = healthy_target(t);
  check(target, t + 30s, CheckResult::failure);
  check(target, t + 60s, CheckResult::failure);
  ASSERT_EQ(target.state(), HealthState::unhealthy);
  Timestamp when = t + 60s;
  for (int i = 1; i <= 4; ++i) {
    when += 30s;
    EXPECT_EQ(check(target, when, CheckResult::success).state, HealthState::unhealthy) << i;
  }
  EXPECT_EQ(check(target, when + 30s, CheckResult::failure).state, HealthState::unhealthy);
  when += 30s;
  for (int i = 1; i <= 4; ++i) {
    when += 30s;
    check(target, when, CheckResult::success);
  }
  EXPECT_EQ(target.state(), HealthState::unhealthy);  // the failure restarted the count
  EXPECT_EQ(check(target, when + 30s, CheckResult::success).state, HealthState::healthy);
}

TEST(TargetHealth, ClbNeedsTenConsecutiveSuccesses) {
  const Timestamp t = test::at(14h);
  TargetHealth target = healthy_target(t, clb_health_check_defaults());
  check(target, t + 30s, CheckResult::timeout);
  check(target, t + 60s, CheckResult::timeout);
  ASSERT_EQ(target.state(), HealthState::unhealthy);
  for (int i = 1; i <= 9; ++i) check(target, t + 60s + 30s * i, CheckResult::success);
  EXPECT_EQ(target.state(), HealthState::unhealthy);
  check(target, t + 60s + 30s * 10, CheckResult::success);
  EXPECT_EQ(target.state(), HealthState::healthy);
}

TEST(TargetHealth, ResponseAfterTheTimeoutIsATimeout) {
  const HealthCheckConfig config = alb_health_check_defaults();
  EXPECT_EQ(classify_check(std::nullopt, false, config), CheckResult::timeout);
  EXPECT_EQ(classify_check(Duration{6s}, true, config), CheckResult::timeout);
  EXPECT_EQ(classify_check(Duration{5s}, true, config), CheckResult::timeout);
  EXPECT_EQ(classify_check(Duration{4999ms}, true, config), CheckResult::success);
  EXPECT_EQ(classify_check(Duration{100ms}, false, config), CheckResult::failure);
}

TEST(TargetHealth, RejectsTimeoutNotShorterThanIntervalAndChecksOutOfOrder) {
  HealthCheckConfig config = alb_health_check_defaults();
  config.timeout = 30s;
  EXPECT_THROW(TargetHealth(config, test::at(1h)), std::invalid_argument);
  TargetHealth target(alb_health_check_defaults(), test::at(1h));
  check(target, test::at(1h, 1min), CheckResult::success);
  EXPECT_THROW(check(target, test::at(1h), CheckResult::success), std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy
