#include "policy/target_tracking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "policy/contract.hpp"
#include "policy/format.hpp"
#include "policy/warmup.hpp"

namespace b24::policy {
namespace {

// ceil and floor that ignore floating-point noise: 10 x 75 / 50 must give 15, not 16.
double snap(double value) {
  const double nearest = std::round(value);
  return std::abs(value - nearest) <= 1e-9 * std::max(1.0, std::abs(value)) ? nearest : value;
}
// Saturates instead of overflowing when a wild metric value asks for billions of instances;
// the limits clamp the result to max_size afterwards anyway.
int to_int_saturated(double value) {
  constexpr double limit = std::numeric_limits<int>::max();
  return static_cast<int>(std::clamp(value, -limit, limit));
}
int ceil_snapped(double value) {
  return to_int_saturated(std::ceil(snap(value)));
}
int floor_snapped(double value) {
  return to_int_saturated(std::floor(snap(value)));
}

ScalingDecision scale_out(const TargetTrackingPolicy& policy, const GroupObservation& group,
                          double metric) {
  const CapacityCounts counts = count_capacity(group.instances, group.now, policy.instance_warmup);
  const int current = counts.scale_out_capacity();
  const double exact = current * metric / policy.target_value;
  const int capacity = ceil_snapped(exact);
  return resolve_scaling(ScalingDirection::out, capacity, group,
                         "target tracking: AlarmHigh in ALARM; " + std::to_string(current) +
                             " warmed-up instances x " + format_number(metric) + " / target " +
                             format_number(policy.target_value) + " = " + format_number(exact) +
                             ", rounded up to " + std::to_string(capacity));
}

ScalingDecision scale_in(const TargetTrackingPolicy& policy, const GroupObservation& group,
                         double metric) {
  const CapacityCounts counts = count_capacity(group.instances, group.now, policy.instance_warmup);
  if (counts.scale_out_in_progress()) {
    return keep_capacity(group, "target tracking: AlarmLow in ALARM, but scale-in waits while " +
                                    std::to_string(counts.pending + counts.warming) +
                                    " instances are pending or warming up");
  }
  const int current = counts.scale_in_capacity();
  const double exact = current * metric / policy.target_value;
  const int removed = std::max(0, floor_snapped(current - exact));
  return resolve_scaling(ScalingDirection::in, current - removed, group,
                         "target tracking: AlarmLow in ALARM; " + std::to_string(current) +
                             " InService and terminating instances x " + format_number(metric) +
                             " / target " + format_number(policy.target_value) + " = " +
                             format_number(exact) + ", remove " + format_number(current - exact) +
                             " rounded down to " + std::to_string(removed));
}

}  // namespace

void validate(const TargetTrackingPolicy& policy) {
  require(policy.target_value > 0.0 && std::isfinite(policy.target_value), "target value > 0");
  require(policy.scale_in_threshold_ratio > 0.0 && policy.scale_in_threshold_ratio <= 1.0,
          "scale-in threshold ratio in (0, 1]");
  require(policy.instance_warmup >= std::chrono::seconds{0}, "instance warm-up >= 0");
  require(policy.scale_out_datapoints >= 1 && policy.scale_in_datapoints >= 1,
          "managed alarms need at least one datapoint");
  validate(high_alarm_config(policy));
  validate(low_alarm_config(policy));
}

AlarmConfig high_alarm_config(const TargetTrackingPolicy& policy) {
  AlarmConfig config;
  config.threshold = policy.target_value;
  config.comparison = ComparisonOperator::greater_than_threshold;
  config.period = policy.metric_period;
  config.evaluation_periods = policy.scale_out_datapoints;
  config.datapoints_to_alarm = policy.scale_out_datapoints;
  return config;
}

AlarmConfig low_alarm_config(const TargetTrackingPolicy& policy) {
  AlarmConfig config;
  config.threshold = policy.target_value * policy.scale_in_threshold_ratio;
  config.comparison = ComparisonOperator::less_than_threshold;
  config.period = policy.metric_period;
  config.evaluation_periods = policy.scale_in_datapoints;
  config.datapoints_to_alarm = policy.scale_in_datapoints;
  return config;
}

ScalingDecision decide_target_tracking(const TargetTrackingPolicy& policy,
                                       const TargetTrackingObservation& observation) {
  validate(policy);
  const GroupObservation& group = observation.group;
  validate(group);
  if (observation.metric_value) {
    require(std::isfinite(*observation.metric_value) && *observation.metric_value >= 0.0,
            "target tracking metric is finite and >= 0");
  }
  if (observation.high_alarm == AlarmState::alarm) {
    if (!observation.metric_value) {
      return keep_capacity(group, "target tracking: AlarmHigh in ALARM but no datapoint");
    }
    return scale_out(policy, group, *observation.metric_value);
  }
  if (observation.low_alarm == AlarmState::alarm) {
    if (policy.disable_scale_in) {
      return keep_capacity(group, "target tracking: AlarmLow in ALARM, scale-in disabled");
    }
    if (!observation.metric_value) {
      return keep_capacity(group, "target tracking: no scale-in on insufficient data");
    }
    return scale_in(policy, group, *observation.metric_value);
  }
  return keep_capacity(group, "target tracking: AlarmHigh " +
                                  std::string(to_string(observation.high_alarm)) + ", AlarmLow " +
                                  std::string(to_string(observation.low_alarm)));
}

ScalingDecision combine_target_tracking(int desired_capacity,
                                        std::span<const TargetTrackingVote> votes) {
  ScalingDecision out{ScalingDirection::none, desired_capacity, desired_capacity, ""};
  ScalingDecision in = out;
  int enabled = 0;
  int enabled_in = 0;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    const ScalingDecision& decision = votes[i].decision;
    require(decision.previous_desired_capacity == desired_capacity,
            "every target tracking vote starts from the same desired capacity");
    const std::string line = "policy " + std::to_string(i + 1) + ": " + decision.reason;
    if (decision.wanted == ScalingDirection::out) {
      out.wanted = ScalingDirection::out;
      out.desired_capacity = std::max(out.desired_capacity, decision.desired_capacity);
      out.reason += (out.reason.empty() ? "" : " | ") + line;
    }
    if (!votes[i].scale_in_enabled) continue;
    ++enabled;
    if (decision.wanted != ScalingDirection::in) continue;
    in.desired_capacity = enabled_in++ == 0
                              ? decision.desired_capacity
                              : std::max(in.desired_capacity, decision.desired_capacity);
    in.reason += (in.reason.empty() ? "" : " | ") + line;
  }
  if (out.wanted == ScalingDirection::out) {
    out.reason = "scale out (any policy may): " + out.reason;
    return out;
  }
  if (enabled > 0 && enabled_in == enabled) {
    in.wanted = ScalingDirection::in;
    in.reason = "scale in (every policy with scale-in enabled agrees): " + in.reason;
    return in;
  }
  out.reason = "no change: " + std::to_string(enabled_in) + " of " + std::to_string(enabled) +
               " policies with scale-in enabled want to scale in, none wants out";
  return out;
}

}  // namespace b24::policy
