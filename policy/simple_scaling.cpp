#include "policy/simple_scaling.hpp"

#include "policy/contract.hpp"
#include "policy/format.hpp"
#include "policy/warmup.hpp"

namespace b24::policy {

ScalingDecision decide_simple_scaling(const SimpleScalingPolicy& policy,
                                      const SimpleScalingObservation& observation) {
  const GroupObservation& group = observation.group;
  validate(group);
  validate(policy.adjustment);
  require(policy.cooldown >= std::chrono::seconds{0}, "cooldown >= 0");
  if (observation.alarm_state != AlarmState::alarm) {
    return keep_capacity(
        group, "simple scaling: alarm is " + std::string(to_string(observation.alarm_state)));
  }
  const CapacityCounts counts = count_capacity(group.instances, group.now, Duration::zero());
  if (counts.pending > 0 || counts.terminating > 0) {
    return keep_capacity(group, "simple scaling: waiting for the scaling activity in progress (" +
                                    std::to_string(counts.pending) + " pending, " +
                                    std::to_string(counts.terminating) + " terminating)");
  }
  if (observation.cooldown_started_at) {
    const Timestamp cooldown_ends = *observation.cooldown_started_at + Duration{policy.cooldown};
    if (group.now < cooldown_ends) {
      return keep_capacity(group, "simple scaling: cooldown of " +
                                      format_duration(policy.cooldown) + " runs until " +
                                      format_timestamp(cooldown_ends));
    }
  }
  const int current = counts.scale_in_capacity();  // every InService instance
  const int change = capacity_change(policy.adjustment, current);
  const ScalingDirection wanted = change > 0   ? ScalingDirection::out
                                  : change < 0 ? ScalingDirection::in
                                               : ScalingDirection::none;
  return resolve_scaling(
      wanted, current + change, group,
      "simple scaling: alarm in ALARM, " + std::string(to_string(policy.adjustment.type)) + " " +
          std::to_string(policy.adjustment.scaling_adjustment) + " on " + std::to_string(current) +
          " InService instances = change " + std::to_string(change));
}

}  // namespace b24::policy
