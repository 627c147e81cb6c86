#include "policy/step_scaling.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "policy/contract.hpp"
#include "policy/format.hpp"
#include "policy/warmup.hpp"

namespace b24::policy {
namespace {

// Inclusive at the end nearer the threshold: [lower, upper) above it, (lower, upper] below it;
// the threshold itself belongs to a step with 0 at either end.
bool contains(const StepAdjustment& step, double difference) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  const double lower = step.lower_bound.value_or(-infinity);
  const double upper = step.upper_bound.value_or(infinity);
  if (difference > 0.0) return lower <= difference && difference < upper;
  if (difference < 0.0) return lower < difference && difference <= upper;
  return lower <= 0.0 && 0.0 <= upper;
}

std::string bound_text(const std::optional<double>& bound, const char* infinity) {
  return bound ? format_number(*bound) : std::string(infinity);
}

std::string step_text(const StepAdjustment& step) {
  return "step " + bound_text(step.lower_bound, "-inf") + ".." +
         bound_text(step.upper_bound, "+inf");
}

}  // namespace

void validate(const StepScalingPolicy& policy) {
  require(!policy.steps.empty(), "a step scaling policy has at least one step");
  require(std::isfinite(policy.breach_threshold), "breach threshold is finite");
  require(policy.instance_warmup >= std::chrono::seconds{0}, "instance warm-up >= 0");
  validate(Adjustment{policy.adjustment_type, 0, policy.min_adjustment_magnitude});
  const std::size_t last = policy.steps.size() - 1;
  for (std::size_t i = 0; i <= last; ++i) {
    const StepAdjustment& step = policy.steps[i];
    require(step.lower_bound || step.upper_bound, "a step has at least one bound");
    require(step.lower_bound || i == 0, "only the first step has no lower bound");
    require(step.upper_bound || i == last, "only the last step has no upper bound");
    if (step.lower_bound && step.upper_bound) {
      require(*step.lower_bound < *step.upper_bound, "a step's lower bound < its upper bound");
    }
    if (i < last) {
      require(step.upper_bound && policy.steps[i + 1].lower_bound &&
                  *step.upper_bound == *policy.steps[i + 1].lower_bound,
              "step ranges neither overlap nor leave a gap");
    }
    if (policy.adjustment_type == AdjustmentType::exact_capacity) {
      require(step.scaling_adjustment >= 0, "ExactCapacity adjustment >= 0");
    }
  }
  const StepAdjustment& first = policy.steps.front();
  const StepAdjustment& final = policy.steps.back();
  require(!first.lower_bound || *first.lower_bound >= 0.0,
          "a negative lower bound needs a step without lower bound");
  require(!final.upper_bound || *final.upper_bound <= 0.0,
          "a positive upper bound needs a step without upper bound");
}

std::optional<std::size_t> find_step(const StepScalingPolicy& policy, double metric_value) {
  validate(policy);
  require(std::isfinite(metric_value), "metric value is finite");
  const double difference = metric_value - policy.breach_threshold;
  for (std::size_t i = 0; i < policy.steps.size(); ++i) {
    if (contains(policy.steps[i], difference)) return i;
  }
  return std::nullopt;
}

ScalingDecision decide_step_scaling(const StepScalingPolicy& policy,
                                    const StepScalingObservation& observation) {
  const GroupObservation& group = observation.group;
  validate(group);
  const std::optional<std::size_t> index = find_step(policy, observation.metric_value);
  const std::string metric = "metric " + format_number(observation.metric_value) +
                             " vs threshold " + format_number(policy.breach_threshold);
  if (observation.alarm_state != AlarmState::alarm) {
    return keep_capacity(
        group, "step scaling: alarm is " + std::string(to_string(observation.alarm_state)));
  }
  if (!index) return keep_capacity(group, "step scaling: " + metric + " is in no step's range");
  const StepAdjustment& step = policy.steps[*index];
  const Adjustment adjustment{policy.adjustment_type, step.scaling_adjustment,
                              policy.min_adjustment_magnitude};
  const CapacityCounts counts = count_capacity(group.instances, group.now, policy.instance_warmup);
  const std::string head = "step scaling: " + metric + " -> " + step_text(step) + ": " +
                           std::string(to_string(policy.adjustment_type)) + " " +
                           std::to_string(step.scaling_adjustment);
  const bool exact = policy.adjustment_type == AdjustmentType::exact_capacity;
  const bool out =
      exact ? step.scaling_adjustment > group.desired_capacity : step.scaling_adjustment > 0;
  const bool in =
      exact ? step.scaling_adjustment < group.desired_capacity : step.scaling_adjustment < 0;
  if (out) {
    const int base = counts.scale_out_capacity();
    const int change = capacity_change(adjustment, base);
    return resolve_scaling(ScalingDirection::out, base + change, group,
                           head + " on " + std::to_string(base) +
                               " warmed-up InService instances = change " + std::to_string(change));
  }
  if (in) {
    if (counts.scale_out_in_progress()) {
      return keep_capacity(group, head + "; scale-in waits: a scale-out is in progress (" +
                                      std::to_string(counts.pending + counts.warming) +
                                      " instances pending or warming up)");
    }
    const int base = counts.scale_in_capacity();
    const int change = capacity_change(adjustment, base);
    return resolve_scaling(ScalingDirection::in, base + change, group,
                           head + " on " + std::to_string(base) +
                               " InService and terminating instances = change " +
                               std::to_string(change));
  }
  return keep_capacity(group, head + ": capacity unchanged");
}

}  // namespace b24::policy
