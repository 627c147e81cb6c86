// Scenario sections of the Auto Scaling group's step and simple scaling policies
// (auto_scaling.step_scaling, auto_scaling.simple_scaling), each with the CloudWatch alarm that
// drives it. Defaults are those of models::StepScalingRule / SimpleScalingRule and the policy
// structs. Everything policy::validate, decide_step_scaling, decide_simple_scaling and the models'
// assertions would reject is reported here, at the key to change.
//
// A threshold and the step bounds are written in the unit of the rule's metric: CPUUtilization
// as a percentage ("60%"), TargetResponseTime.p50/.p99 as a duration ("800ms", the model counts
// seconds), RequestCount (requests in one period) and HealthyHostCount as plain numbers.

#include <map>
#include <string>

#include "policy/adjustment.hpp"
#include "policy/alarm.hpp"
#include "policy/simple_scaling.hpp"
#include "policy/step_scaling.hpp"
#include "scenarios/decimal.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;
using policy::AdjustmentType;
using policy::ComparisonOperator;

// Bounds that keep the capacity arithmetic of the policies far inside an int: the group's own
// size limit (auto_scaling.max_size is at most 100,000).
constexpr int max_instances = 100'000;
// Warm-up and cooldown: at most a year, which keeps the clock arithmetic in range.
constexpr DurationOptions policy_time{.max = 365 * 24h};

enum class MetricUnit { percent, seconds, count };

// The unit each of the tier's metrics is published in (models/web_tier_params.hpp).
MetricUnit unit_of(std::string_view metric) {
  static_assert(models::web_tier_metric_names.size() == 5,
                "a new metric needs its unit here, and a line in scenarios/README.md");
  if (metric == "CPUUtilization") return MetricUnit::percent;
  if (metric.starts_with("TargetResponseTime")) return MetricUnit::seconds;
  return MetricUnit::count;  // RequestCount, HealthyHostCount
}

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A metric value: the threshold (at least 0) or a step bound (`relative` to the threshold, of
// either sign). "7%" is exactly 7.0 (not 0.07 x 100); "0.07" is a fraction, 7 percent.
std::optional<double> read_quantity(const NodeView& value, MetricUnit unit, bool relative) {
  switch (unit) {
    case MetricUnit::percent: {
      const std::optional<double> share =
          value.as_fraction({.min = relative ? -1.0 : 0.0, .max = 1.0});
      if (!share) return std::nullopt;
      const std::string_view text = trim_blanks(value.text());
      if (text.ends_with('%')) {
        const std::string_view number = trim_blanks(text.substr(0, text.size() - 1));
        if (const std::optional<double> percent = decimal_to_double(number, 0)) return *percent;
      }
      return *share * 100.0;
    }
    case MetricUnit::seconds: {
      const std::optional<sim::Duration> d =
          value.as_duration({.min = relative ? -24h : sim::Duration::zero(), .max = 24h});
      if (!d) return std::nullopt;
      return static_cast<double>(d->count()) / 1e6;  // "800ms": the double nearest 0.8
    }
    case MetricUnit::count:
      return value.as_double(relative ? RealRange{} : RealRange{.min = 0.0});
  }
  return std::nullopt;
}

// What the rules of one group share while they are read: their names are the alarms' names.
struct RuleContext {
  const CheckedValues& checked;
  std::optional<std::chrono::seconds> default_warmup;
  std::map<std::string, std::string, std::less<>> names;  // name -> path of the rule using it
};

std::string read_rule_name(const NodeView& rule, RuleContext& context) {
  const NodeView value = rule.require_value("name");
  const std::optional<std::string> name = value.as_string();
  if (!name) return {};
  if (!is_entity_name(*name) || name->size() > 255) {
    value.error(
        "expected a name of letters, digits, '-' and '_', at most 255 characters (it names the "
        "rule's CloudWatch alarm and its records), found " +
        quote(*name));
  } else if (name->starts_with("TargetTracking-")) {
    value.error(
        "names starting with 'TargetTracking-' are kept for the alarms of "
        "target_tracking, found " +
        quote(*name));
  } else if (const auto used = context.names.find(*name); used != context.names.end()) {
    value.error("the name " + quote(*name) + " is already used by " + used->second +
                ": each rule names its CloudWatch alarm, so names are unique");
  } else {
    context.names.emplace(*name, rule.path());
  }
  return *name;
}

// The metric's unit, or nullopt when the metric is written but unknown.
std::optional<MetricUnit> read_metric(const NodeView& rule, std::string& out) {
  const NodeView value = rule.value("metric");
  if (value.present()) {
    const std::optional<std::size_t> index = value.as_choice(models::web_tier_metric_names);
    if (!index) return std::nullopt;
    out = std::string(models::web_tier_metric_names[*index]);
  }
  return unit_of(out);
}

void read_datapoints(const NodeView& alarm, const CheckedValues& checked,
                     policy::AlarmConfig& out) {
  const bool n_ok =
      read_int(alarm, "evaluation_periods", out.evaluation_periods, {.min = 1, .max = 8640});
  // Without DatapointsToAlarm an alarm needs every one of its N datapoints to breach.
  if (n_ok) out.datapoints_to_alarm = out.evaluation_periods;
  const bool m_ok =
      read_int(alarm, "datapoints_to_alarm", out.datapoints_to_alarm, {.min = 1, .max = 8640});
  if (n_ok && m_ok && out.datapoints_to_alarm > out.evaluation_periods) {
    alarm.error("datapoints_to_alarm", "datapoints_to_alarm (" +
                                           std::to_string(out.datapoints_to_alarm) +
                                           ") must not exceed evaluation_periods (" +
                                           std::to_string(out.evaluation_periods) + ")");
  }
  if (n_ok && checked.cloudwatch_period) {
    check_alarm_span(alarm, "evaluation_periods", out.evaluation_periods, out.period);
  }
}

// The alarm's period is CloudWatch's: the tier publishes each metric once per cloudwatch.period.
void read_alarm_period(const NodeView& alarm, const CheckedValues& checked,
                       policy::AlarmConfig& out) {
  if (checked.cloudwatch_period) {
    out.period = std::chrono::duration_cast<std::chrono::seconds>(*checked.cloudwatch_period);
  }
  if (!alarm.has("period")) return;
  sim::Duration period{};
  if (!read_duration(alarm, "period", period, {.min = 1s, .max = 24h})) return;
  if (checked.cloudwatch_period && period != *checked.cloudwatch_period) {
    alarm.error("period", "an alarm's period is cloudwatch.period (" +
                              format_duration_short(*checked.cloudwatch_period) +
                              "), the period the tier publishes its metrics at; found " +
                              quote(alarm.value("period").text()) + " (leave it out)");
  }
}

// ComparisonOperator: a symbol or AWS's name. Unquoted, `>` starts a YAML block scalar (empty
// here) and `>=` does not parse: the README says to quote them.
bool read_comparison(const NodeView& alarm, ComparisonOperator& out) {
  const NodeView value = alarm.require_value("comparison");
  if (!value.present()) return false;
  if (value.is_scalar() && value.text().empty()) {
    value.error(
        "expected a comparison, found nothing: a bare > or >= starts a YAML block scalar, so "
        "quote it (\">\", \">=\") or write GreaterThanThreshold, GreaterThanOrEqualToThreshold");
    return false;
  }
  return read_enum(
      alarm, "comparison", out,
      {{">=", ComparisonOperator::greater_than_or_equal_to_threshold},
       {">", ComparisonOperator::greater_than_threshold},
       {"<", ComparisonOperator::less_than_threshold},
       {"<=", ComparisonOperator::less_than_or_equal_to_threshold},
       {"GreaterThanOrEqualToThreshold", ComparisonOperator::greater_than_or_equal_to_threshold},
       {"GreaterThanThreshold", ComparisonOperator::greater_than_threshold},
       {"LessThanThreshold", ComparisonOperator::less_than_threshold},
       {"LessThanOrEqualToThreshold", ComparisonOperator::less_than_or_equal_to_threshold}});
}

// The alarm; returns its comparison when written and valid (the steps are checked against it).
std::optional<ComparisonOperator> read_alarm(const NodeView& rule, std::optional<MetricUnit> unit,
                                             const CheckedValues& checked,
                                             policy::AlarmConfig& out) {
  const NodeView alarm = rule.require_child("alarm");
  const NodeView threshold = alarm.require_value("threshold");
  if (unit && threshold.present()) {
    out.threshold = read_quantity(threshold, *unit, false).value_or(out.threshold);
  }
  const bool comparison_ok = read_comparison(alarm, out.comparison);
  read_alarm_period(alarm, checked, out);
  read_datapoints(alarm, checked, out);
  using policy::MissingDataTreatment;
  read_enum(alarm, "missing_data", out.missing_data,
            {{"missing", MissingDataTreatment::missing},
             {"not_breaching", MissingDataTreatment::not_breaching},
             {"breaching", MissingDataTreatment::breaching},
             {"ignore", MissingDataTreatment::ignore}});
  return comparison_ok ? std::optional(out.comparison) : std::nullopt;
}

// adjustment_type and min_adjustment_magnitude; returns the type when written validly or absent.
std::optional<AdjustmentType> read_adjustment_kind(const NodeView& rule, AdjustmentType& type,
                                                   std::optional<int>& min_magnitude) {
  const bool type_ok =
      read_enum(rule, "adjustment_type", type,
                {{"change_in_capacity", AdjustmentType::change_in_capacity},
                 {"exact_capacity", AdjustmentType::exact_capacity},
                 {"percent_change_in_capacity", AdjustmentType::percent_change_in_capacity}});
  int magnitude = 1;
  if (rule.has("min_adjustment_magnitude") &&
      read_int(rule, "min_adjustment_magnitude", magnitude, {.min = 1, .max = max_instances})) {
    min_magnitude = magnitude;
    if (type_ok && type != AdjustmentType::percent_change_in_capacity) {
      rule.error("min_adjustment_magnitude",
                 "min_adjustment_magnitude goes with adjustment_type: "
                 "percent_change_in_capacity only");
    }
  }
  return type_ok ? std::optional(type) : std::nullopt;
}

// An adjustment: instances (change), a capacity (exact, >= 0) or a whole percentage (percent,
// from -100%: a group cannot lose more than all of it).
IntRange adjustment_range(std::optional<AdjustmentType> type) {
  if (type == AdjustmentType::exact_capacity) return {.min = 0, .max = max_instances};
  if (type == AdjustmentType::percent_change_in_capacity) {
    return {.min = -100, .max = max_instances};
  }
  return {.min = -max_instances, .max = max_instances};
}

// --- Steps ---------------------------------------------------------------------------------------

struct StepRead {
  NodeView item;
  policy::StepAdjustment step;
  bool bounds_ok = true;
};

std::optional<double> read_bound(const NodeView& item, std::string_view key,
                                 std::optional<MetricUnit> unit, bool& ok) {
  const NodeView value = item.value(key);
  if (!value.present()) return std::nullopt;
  const std::optional<double> bound = unit ? read_quantity(value, *unit, true) : std::nullopt;
  ok = ok && bound.has_value();
  return bound;
}

std::string bound_text(const NodeView& item, std::string_view key) {
  return quote(item.value(key).text());
}

// Ascending, contiguous ranges (DOMAIN.md 3, as-scaling-simple-step): reported at the step's
// bound that breaks the rule. False when one is reported.
bool check_step_ranges(const std::vector<StepRead>& steps) {
  const std::size_t last = steps.size() - 1;
  bool ok = true;
  const auto report = [&ok](const NodeView& item, std::string_view key, std::string message) {
    item.error(key, std::move(message));
    ok = false;
  };
  for (std::size_t i = 0; i <= last; ++i) {
    const NodeView& item = steps[i].item;
    const policy::StepAdjustment& step = steps[i].step;
    if (!step.lower_bound && !step.upper_bound) {
      item.error("a step needs a lower or an upper bound (or both)");
      ok = false;
      continue;
    }
    if (!step.lower_bound && i > 0) {
      report(item, "lower", "only the first step may leave out its lower bound");
    }
    if (!step.upper_bound && i < last) {
      report(item, "upper", "only the last step may leave out its upper bound");
    }
    if (step.lower_bound && step.upper_bound && *step.lower_bound >= *step.upper_bound) {
      report(item, "upper",
             "the upper bound must be above the lower bound (" + bound_text(item, "lower") + ")");
    }
    const policy::StepAdjustment* previous = i > 0 ? &steps[i - 1].step : nullptr;
    if (previous && previous->upper_bound && step.lower_bound &&
        *step.lower_bound != *previous->upper_bound) {
      const bool overlap = *step.lower_bound < *previous->upper_bound;
      report(item, "lower",
             std::string(overlap ? "overlaps" : "leaves a gap after") +
                 " the previous step, which ends at " + bound_text(steps[i - 1].item, "upper") +
                 ": steps come in ascending order, each starting where the previous one ends");
    }
  }
  return ok;
}

// The open ends: a negative lower bound needs a step below it with none, a positive upper bound
// a step above it with none (AWS); and the steps must reach the side the alarm breaches on, or
// the policy could never act.
void check_step_ends(const std::vector<StepRead>& steps,
                     std::optional<ComparisonOperator> comparison) {
  const StepRead& first = steps.front();
  const StepRead& final = steps.back();
  const bool above = comparison == ComparisonOperator::greater_than_threshold ||
                     comparison == ComparisonOperator::greater_than_or_equal_to_threshold;
  const bool below = comparison && !above;
  const std::string side =
      comparison ? " (comparison " + std::string(policy::to_string(*comparison)) + ")" : "";
  if (const auto lower = first.step.lower_bound) {
    if (*lower < 0.0) {
      first.item.error("lower",
                       "a negative lower bound needs a step below it without one: leave out the "
                       "first step's lower bound");
    } else if (below) {
      first.item.error("lower", "the alarm breaches below the threshold" + side +
                                    ", so the first step must leave out its lower bound, or the "
                                    "policy could never act");
    }
  }
  if (const auto upper = final.step.upper_bound) {
    if (*upper > 0.0) {
      final.item.error("upper",
                       "a positive upper bound needs a step above it without one: leave out the "
                       "last step's upper bound");
    } else if (above) {
      final.item.error("upper", "the alarm breaches above the threshold" + side +
                                    ", so the last step must leave out its upper bound, or the "
                                    "policy could never act");
    }
  }
}

void read_steps(const NodeView& rule, std::optional<MetricUnit> unit,
                std::optional<AdjustmentType> type, std::optional<ComparisonOperator> comparison,
                std::vector<policy::StepAdjustment>& out) {
  const NodeView list = rule.require_value("steps");
  const std::vector<NodeView> items = rule.items("steps");
  if (items.empty()) {
    if (list.is_sequence() || list.is_null()) list.error("a step scaling policy needs a step");
    return;
  }
  std::vector<StepRead> steps;
  bool all_ok = true;
  for (const NodeView& item : items) {
    StepRead read{.item = item, .step = {}};
    read.step.lower_bound = read_bound(item, "lower", unit, read.bounds_ok);
    read.step.upper_bound = read_bound(item, "upper", unit, read.bounds_ok);
    read.step.scaling_adjustment =
        item.require_value("adjustment").as_int(adjustment_range(type)).value_or(0);
    all_ok = all_ok && read.bounds_ok && item.is_mapping();
    out.push_back(read.step);
    steps.push_back(std::move(read));
  }
  if (!all_ok) return;  // ranges of values already reported are not checked again
  if (check_step_ranges(steps)) check_step_ends(steps, comparison);
}

void read_warmup(const NodeView& rule, std::optional<std::chrono::seconds> default_warmup,
                 std::chrono::seconds& out) {
  // EstimatedInstanceWarmup, else the group's DefaultInstanceWarmup, else the default (the
  // DefaultCooldown, 300 s): DOMAIN.md 3.
  if (!rule.has("estimated_instance_warmup")) {
    if (default_warmup) out = *default_warmup;
    return;
  }
  read_seconds(rule, "estimated_instance_warmup", out, policy_time);
}

void read_step_rule(const NodeView& rule, RuleContext& context, models::StepScalingRule& out) {
  out.name = read_rule_name(rule, context);
  const std::optional<MetricUnit> unit = read_metric(rule, out.metric);
  const std::optional<ComparisonOperator> comparison =
      read_alarm(rule, unit, context.checked, out.alarm);
  policy::StepScalingPolicy& policy = out.policy;
  policy.breach_threshold = out.alarm.threshold;  // the bounds are relative to it
  const std::optional<AdjustmentType> type =
      read_adjustment_kind(rule, policy.adjustment_type, policy.min_adjustment_magnitude);
  read_steps(rule, unit, type, comparison, policy.steps);
  read_warmup(rule, context.default_warmup, policy.instance_warmup);
}

void read_simple_rule(const NodeView& rule, RuleContext& context, models::SimpleScalingRule& out) {
  out.name = read_rule_name(rule, context);
  const std::optional<MetricUnit> unit = read_metric(rule, out.metric);
  (void)read_alarm(rule, unit, context.checked, out.alarm);
  policy::Adjustment& adjustment = out.policy.adjustment;
  const std::optional<AdjustmentType> type =
      read_adjustment_kind(rule, adjustment.type, adjustment.min_adjustment_magnitude);
  adjustment.scaling_adjustment = rule.require_value("adjustment")
                                      .as_int(adjustment_range(type))
                                      .value_or(adjustment.scaling_adjustment);
  // The policy's Cooldown, else the group's DefaultCooldown: 300 s (DOMAIN.md 3).
  read_seconds(rule, "cooldown", out.policy.cooldown, policy_time);
}

}  // namespace

void read_scaling_policies(const NodeView& group, const CheckedValues& checked,
                           std::optional<std::chrono::seconds> default_warmup,
                           models::AutoScalingParams& out) {
  RuleContext context{.checked = checked, .default_warmup = default_warmup, .names = {}};
  for (const NodeView& item : group.items("step_scaling")) {
    read_step_rule(item, context, out.step_scaling.emplace_back());
  }
  for (const NodeView& item : group.items("simple_scaling")) {
    read_simple_rule(item, context, out.simple_scaling.emplace_back());
  }
}

}  // namespace b24::scenarios::detail
