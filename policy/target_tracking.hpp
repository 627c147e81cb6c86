#pragma once
// Target tracking scaling policy. Source: EC2 Auto Scaling guide, "Target tracking scaling
// policies" (DOMAIN.md section 3). Auto Scaling creates and manages two CloudWatch alarms; it
// "scales out proportionally to the metric as fast as it can, but scales in more gradually", and
// rounds conservatively: "adding 1.5 instances" adds 2, "removing 1.5 instances" removes 1. It
// does not scale in on insufficient data. With several target tracking policies it scales out if
// any is ready to, and in only if all (with scale-in enabled) are ready to.
//
// The formula is not published. Ours (DOMAIN.md "TT formula", derived): with C the current
// capacity and x = C * metric / target the capacity that would bring the metric to the target,
//   scale out (AlarmHigh in ALARM): C = warmed InService instances, new capacity = ceil(x);
//   scale in  (AlarmLow in ALARM):  C = InService + terminating, remove floor(C - x) instances,
//                                   so new capacity = C - floor(C - x).
// The scale-in rounding is the one AWS states (remove 1.5 -> remove 1), not floor(x).
//
// Managed alarms (not documented; seen in consoles, DOMAIN.md): AlarmHigh = metric > target for
// 3 of 3 one-minute datapoints; AlarmLow = metric < ratio x target for 15 of 15. The ratio is
// 0.7 here, the value seen for EC2 Auto Scaling groups on CPU (target 40 -> 28, 50 -> 35), which
// is what we simulate; 0.9 was seen for an ECS service. It is a parameter.

#include <chrono>
#include <optional>
#include <span>
#include <string>

#include "policy/alarm.hpp"
#include "policy/group_observation.hpp"
#include "policy/scaling_decision.hpp"

namespace b24::policy {

struct TargetTrackingPolicy {
  double target_value = 50.0;             // e.g. average CPU utilization in percent; > 0
  double scale_in_threshold_ratio = 0.7;  // AlarmLow threshold = ratio x target; in (0, 1]
  bool disable_scale_in = false;
  std::chrono::seconds instance_warmup{300};  // resolved with resolve_instance_warmup
  std::chrono::seconds metric_period{60};     // one-minute (detailed monitoring) datapoints
  int scale_out_datapoints = 3;               // AlarmHigh: 3 of 3
  int scale_in_datapoints = 15;               // AlarmLow: 15 of 15
};

void validate(const TargetTrackingPolicy& policy);

// The managed alarms, to be evaluated by the caller with evaluate_alarm on the policy's metric.
[[nodiscard]] AlarmConfig high_alarm_config(const TargetTrackingPolicy& policy);
[[nodiscard]] AlarmConfig low_alarm_config(const TargetTrackingPolicy& policy);

struct TargetTrackingObservation {
  GroupObservation group{};
  AlarmState high_alarm = AlarmState::insufficient_data;
  AlarmState low_alarm = AlarmState::insufficient_data;
  // The latest datapoint of the metric (warmed-up instances only); nullopt when missing.
  std::optional<double> metric_value{};
};

[[nodiscard]] ScalingDecision decide_target_tracking(const TargetTrackingPolicy& policy,
                                                     const TargetTrackingObservation& observation);

// One policy's decision, for combining several target tracking policies of a group.
struct TargetTrackingVote {
  bool scale_in_enabled = true;
  ScalingDecision decision{};
};

// Scale out if any policy wants out (to the largest of their capacities); else scale in if every
// policy with scale-in enabled wants in (to the largest of their capacities, the smallest
// reduction); else keep. Every vote must start from desired_capacity.
[[nodiscard]] ScalingDecision combine_target_tracking(int desired_capacity,
                                                      std::span<const TargetTrackingVote> votes);

}  // namespace b24::policy
