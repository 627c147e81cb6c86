#pragma once
// Step scaling policy. Source: EC2 Auto Scaling guide, "Step and simple scaling policies"
// (DOMAIN.md section 3). Bounds are relative to the alarm's breach threshold. Above the
// threshold a step's lower bound is inclusive and its upper bound exclusive; below it, the lower
// bound is exclusive and the upper inclusive. Ranges may not overlap or leave gaps; only the first
// step may have no lower bound (-infinity) and only the last no upper bound (+infinity), never
// both in one step; a negative lower bound needs a first step without one, a positive upper bound
// a last step without one. Unlike simple scaling, step scaling has no cooldown and keeps
// responding while activities are in progress; warm-up keeps it from over-shooting (warmup.hpp).

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "policy/adjustment.hpp"
#include "policy/alarm.hpp"
#include "policy/group_observation.hpp"
#include "policy/scaling_decision.hpp"

namespace b24::policy {

struct StepAdjustment {
  std::optional<double> lower_bound{};  // relative to the threshold; nullopt: -infinity
  std::optional<double> upper_bound{};  // relative to the threshold; nullopt: +infinity
  int scaling_adjustment = 0;           // in the policy's adjustment type
};

struct StepScalingPolicy {
  double breach_threshold = 0.0;  // the alarm's threshold, which the bounds are relative to
  AdjustmentType adjustment_type = AdjustmentType::change_in_capacity;
  std::vector<StepAdjustment> steps{};            // in ascending order of their ranges
  std::optional<int> min_adjustment_magnitude{};  // PercentChangeInCapacity only
  // EstimatedInstanceWarmup, resolved with resolve_instance_warmup.
  std::chrono::seconds instance_warmup{300};
};

struct StepScalingObservation {
  GroupObservation group{};
  AlarmState alarm_state = AlarmState::ok;
  double metric_value = 0.0;  // the aggregated value of the most recent datapoints
};

// Throws std::invalid_argument when the steps break a rule listed above.
void validate(const StepScalingPolicy& policy);

// Index of the step whose range holds metric_value, if any.
[[nodiscard]] std::optional<std::size_t> find_step(const StepScalingPolicy& policy,
                                                   double metric_value);

// Scale out: new capacity = warmed InService instances + step adjustment; the desired capacity
// only grows (a breach that falls in the same step while instances warm up adds nothing more).
// Scale in: InService + terminating instances + step adjustment, and not while a scale-out is in
// progress.
[[nodiscard]] ScalingDecision decide_step_scaling(const StepScalingPolicy& policy,
                                                  const StepScalingObservation& observation);

}  // namespace b24::policy
