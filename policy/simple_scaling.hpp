#pragma once
// Simple scaling policy. Source: EC2 Auto Scaling guide, "Step and simple scaling policies" and
// "Scaling cooldowns" (DOMAIN.md section 3): after a scaling activity starts, a simple policy
// waits for the activity (or a health-check replacement) to complete and for the cooldown to
// expire before it responds to its alarm again. DefaultCooldown is 300 s; a policy may override
// it; with several instances launched the cooldown starts when the last one launches.
// Simple policies have no warm-up: every InService instance is current capacity.

#include <chrono>
#include <optional>

#include "policy/adjustment.hpp"
#include "policy/alarm.hpp"
#include "policy/group_observation.hpp"
#include "policy/scaling_decision.hpp"

namespace b24::policy {

struct SimpleScalingPolicy {
  Adjustment adjustment{AdjustmentType::change_in_capacity, 1, std::nullopt};
  // The policy's cooldown, else the group's DefaultCooldown (300 s): resolve before the call.
  std::chrono::seconds cooldown{300};
};

struct SimpleScalingObservation {
  GroupObservation group{};
  AlarmState alarm_state = AlarmState::ok;  // the policy's alarm at this evaluation
  // When the cooldown of the previous simple-scaling activity started: the instant its last
  // instance launched (or was told to terminate). nullopt: no activity yet.
  std::optional<Timestamp> cooldown_started_at{};
};

// Acts only when the alarm is in ALARM (AWS re-invokes the action every period while it stays
// there), no instance is pending or terminating, and the cooldown has expired.
[[nodiscard]] ScalingDecision decide_simple_scaling(const SimpleScalingPolicy& policy,
                                                    const SimpleScalingObservation& observation);

}  // namespace b24::policy
