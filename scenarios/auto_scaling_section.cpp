// Scenario sections of the Auto Scaling group (auto_scaling, with its target_tracking policy;
// the step and simple policies are in scaling_policies_section.cpp) and of the faults. Defaults
// are those of models::AutoScalingParams and the policy structs; names follow the AWS API
// (MinSize -> min_size, HealthCheckGracePeriod -> health_check_grace_period, ...).

#include <cmath>
#include <string>

#include "policy/target_tracking.hpp"
#include "policy/termination.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;

constexpr IntRange group_size{.min = 0, .max = 100'000};

// A share above 0% and up to 100%; 0% is reported and `out` kept.
bool read_positive_fraction(const NodeView& map, std::string_view key, double& out) {
  double share = out;
  if (!read_fraction(map, key, share)) return false;
  if (share > 0.0) {
    out = share;
    return true;
  }
  map.error(key, "expected more than 0%, found " + quote(map.value(key).text()));
  return false;
}

void read_capacity(const NodeView& group, models::AutoScalingParams& out) {
  policy::CapacityLimits& limits = out.limits;
  const bool min_ok = read_int(group, "min_size", limits.min_size, group_size);
  const bool max_ok = read_int(group, "max_size", limits.max_size, group_size);
  const bool limits_ok = min_ok && max_ok && limits.min_size <= limits.max_size;
  if (min_ok && max_ok && !limits_ok) {
    group.error("max_size", "max_size (" + std::to_string(limits.max_size) +
                                ") is less than min_size (" + std::to_string(limits.min_size) +
                                ")");
  }
  // AWS: the desired capacity defaults to the minimum (DOMAIN.md 3).
  if (min_ok && group.has("min_size")) out.initial_desired = limits.min_size;
  const bool desired_ok = read_int(group, "desired_capacity", out.initial_desired, group_size);
  if (limits_ok && desired_ok &&
      (out.initial_desired < limits.min_size || out.initial_desired > limits.max_size)) {
    group.error("desired_capacity", "desired_capacity (" + std::to_string(out.initial_desired) +
                                        ") must lie within min_size and max_size (" +
                                        std::to_string(limits.min_size) + " to " +
                                        std::to_string(limits.max_size) + ")");
  }
}

// `replacement_batch`: the share of the desired capacity replaced at a time, a whole percent.
void read_replacement_batch(const NodeView& group, policy::ReplacementPolicy& out) {
  const NodeView value = group.value("replacement_batch");
  if (value.records_default()) {
    value.note_default(integer_text(out.max_replacement_percent) + "%");
  }
  const std::optional<double> share = value.as_fraction();
  if (!share) return;
  const double percent = *share * 100.0;
  const double whole = std::round(percent);
  if (whole < 1.0 || std::abs(percent - whole) > 1e-9) {
    value.error("expected a whole percentage from 1% to 100%, found " + quote(value.text()));
    return;
  }
  out.max_replacement_percent = static_cast<int>(whole);
}

void read_target_tracking_values(const NodeView& m, const CheckedValues& checked,
                                 policy::TargetTrackingPolicy& tt) {
  (void)m.get_enum("metric", {"cpu"}, "cpu");  // the group's average CPUUtilization
  double target = tt.target_value / 100.0;     // the policy counts CPU in percent
  if (read_positive_fraction(m, "target", target)) tt.target_value = target * 100.0;
  read_positive_fraction(m, "scale_in_ratio", tt.scale_in_threshold_ratio);
  read_bool(m, "disable_scale_in", tt.disable_scale_in);
  const bool out_ok =
      read_int(m, "scale_out_datapoints", tt.scale_out_datapoints, {.min = 1, .max = 8640});
  const bool in_ok =
      read_int(m, "scale_in_datapoints", tt.scale_in_datapoints, {.min = 1, .max = 8640});
  if (!checked.cloudwatch_period) return;
  // The managed alarms watch the metric at CloudWatch's period.
  tt.metric_period = std::chrono::duration_cast<std::chrono::seconds>(*checked.cloudwatch_period);
  if (out_ok)
    check_alarm_span(m, "scale_out_datapoints", tt.scale_out_datapoints, tt.metric_period);
  if (in_ok) check_alarm_span(m, "scale_in_datapoints", tt.scale_in_datapoints, tt.metric_period);
}

// `target_tracking: none` removes the policy; absent or empty keeps the defaults.
void read_target_tracking(const NodeView& group, const CheckedValues& checked,
                          std::optional<std::chrono::seconds> default_warmup,
                          std::optional<policy::TargetTrackingPolicy>& out) {
  const NodeView value = group.value("target_tracking");
  if (value.is_scalar() && value.text() == "none") {
    out.reset();
    return;
  }
  if (value.is_scalar() || value.is_sequence()) {
    value.error(
        "expected a mapping of target tracking settings, or none (no scaling policy), "
        "found " +
        (value.is_scalar() ? quote(value.text()) : std::string("a sequence")));
    return;
  }
  policy::TargetTrackingPolicy tt = out.value_or(policy::TargetTrackingPolicy{});
  const NodeView m = group.child("target_tracking");
  read_target_tracking_values(m, checked, tt);
  // EstimatedInstanceWarmup, else the group's DefaultInstanceWarmup, else the default (the
  // DefaultCooldown, 300 s): DOMAIN.md 3.
  std::chrono::seconds warmup{};
  if (m.has("estimated_instance_warmup")) {
    if (read_seconds(m, "estimated_instance_warmup", warmup)) tt.instance_warmup = warmup;
  } else if (default_warmup) {
    tt.instance_warmup = *default_warmup;
  }
  out = tt;
}

// Which time a fault's `at` names: a duration since the start ("13h") or the first time the
// clock shows a time of day ("14:00" UTC, "14:00 local" in the DC's zone).
std::optional<sim::Duration> read_fault_time(const NodeView& at, sim::Duration utc_offset) {
  if (!at.present()) return std::nullopt;
  if (at.text().find(':') == std::string_view::npos) return at.as_duration();
  const std::optional<TimeOfDay> time = at.as_time_of_day();
  if (!time) return std::nullopt;
  constexpr sim::Duration day = 24h;
  const sim::Duration utc = time->since_midnight - (time->local ? utc_offset : sim::Duration{});
  return ((utc % day) + day) % day;
}

}  // namespace

void read_auto_scaling(const NodeView& group, const CheckedValues& checked,
                       models::AutoScalingParams& out) {
  read_capacity(group, out);
  read_time_distribution(group, "launch_delay", out.launch_delay_s);
  read_enum(group, "health_check_type", out.elb_health_checks, {{"elb", true}, {"ec2", false}});
  read_seconds(group, "health_check_grace_period", out.replacement.health_check_grace_period);
  read_duration(group, "ec2_status_check_delay", out.ec2_status_check_delay);
  read_replacement_batch(group, out.replacement);
  // DefaultInstanceWarmup: none by default; a replacement then counts as done once healthy.
  std::optional<std::chrono::seconds> default_warmup;
  std::chrono::seconds warmup{};
  if (group.has("default_instance_warmup") &&
      read_seconds(group, "default_instance_warmup", warmup)) {
    default_warmup = warmup;
    out.replacement.instance_warmup = warmup;
  }
  using policy::TerminationPolicy;
  read_enum(group, "termination_policy", out.termination,
            {{"default", TerminationPolicy::default_policy},
             {"oldest_instance", TerminationPolicy::oldest_instance},
             {"newest_instance", TerminationPolicy::newest_instance},
             {"oldest_launch_template", TerminationPolicy::oldest_launch_template},
             {"closest_to_next_instance_hour", TerminationPolicy::closest_to_next_instance_hour}});
  read_target_tracking(group, checked, default_warmup, out.target_tracking);
  read_scaling_policies(group, checked, default_warmup, out);
}

void check_alarm_span(const NodeView& map, std::string_view key, int datapoints,
                      std::chrono::seconds period) {
  if (period * datapoints <= std::chrono::hours{24}) return;
  map.error(key, std::to_string(datapoints) + " datapoints of " + format_duration_short(period) +
                     " (cloudwatch.period) span more than a day, CloudWatch's limit for an "
                     "alarm");
}

void read_faults(const NodeView& root, const CheckedValues& checked,
                 const models::WorkloadParams& workload, std::vector<models::NodeCrash>& out) {
  for (const NodeView& item : root.items("faults")) {
    const std::optional<sim::Duration> at =
        read_fault_time(item.require_value("at"), workload.utc_offset);
    const std::optional<std::int64_t> nodes =
        item.require_value("crash_nodes").as_int64({.min = 1, .max = group_size.max});
    if (at && checked.duration && *at >= *checked.duration) {
      item.error("at", "the fault would come at " + format_duration_short(*at) +
                           " after the start, not before the end of the run (duration: " +
                           format_duration_short(*checked.duration) + ")");
      continue;
    }
    if (!at || !nodes) continue;
    out.push_back(models::NodeCrash{.at = *at, .nodes = static_cast<std::uint32_t>(*nodes)});
  }
}

}  // namespace b24::scenarios::detail
