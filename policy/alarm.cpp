#include "policy/alarm.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "policy/contract.hpp"
#include "policy/format.hpp"

namespace b24::policy {
namespace {

std::int64_t floor_div(std::int64_t numerator, std::int64_t denominator) {
  std::int64_t quotient = numerator / denominator;
  if (numerator % denominator != 0 && (numerator < 0) != (denominator < 0)) --quotient;
  return quotient;
}

// The real datapoints of the evaluation range, newest first, and the range's size.
struct EvaluationRange {
  std::vector<double> real_newest_first;
  int size = 0;
};

EvaluationRange collect_range(const AlarmConfig& config, const AlarmObservation& observation) {
  const std::int64_t period_us = Duration{config.period}.count();
  const std::int64_t now_us = observation.now.time_since_epoch().count();
  // The newest slot is the last period that has ended at `now`.
  const std::int64_t newest_start_us = (floor_div(now_us, period_us) - 1) * period_us;
  const int size = config.evaluation_periods + config.extra_range_periods;
  std::vector<std::optional<double>> slots(static_cast<std::size_t>(size));  // [0] = newest
  for (const Datapoint& point : observation.datapoints) {
    const std::int64_t start_us = point.period_start.time_since_epoch().count();
    require(start_us % period_us == 0, "datapoint timestamps are aligned to the alarm period");
    require(std::isfinite(point.value), "datapoint values are finite");
    if (start_us > newest_start_us) continue;  // its period has not ended yet
    const std::int64_t age = (newest_start_us - start_us) / period_us;
    if (age >= size) continue;  // older than the evaluation range
    std::optional<double>& slot = slots[static_cast<std::size_t>(age)];
    require(!slot.has_value(), "at most one datapoint per alarm period");
    slot = point.value;
  }
  EvaluationRange range;
  range.size = size;
  for (const std::optional<double>& slot : slots) {
    if (slot) range.real_newest_first.push_back(*slot);
  }
  return range;
}

std::string threshold_text(const AlarmConfig& config) {
  std::string text = "(";
  text += to_string(config.comparison);
  text += ' ';  // appending piecewise sidesteps a GCC 12 -Wrestrict false positive on "x" + str
  text += format_number(config.threshold);
  text += ')';
  return text;
}

std::string values_text(const std::vector<double>& values, std::size_t count) {
  std::string text = "[";
  for (std::size_t i = 0; i < count && i < values.size(); ++i) {
    if (i > 0) text += ", ";
    text += format_number(values[i]);
  }
  return text + "] newest first";
}

// Enough real datapoints: the treatment of missing data is not needed (AWS rule 2).
AlarmDecision evaluate_full(const AlarmConfig& config, const EvaluationRange& range) {
  AlarmDecision decision;
  decision.real_datapoints = config.evaluation_periods;
  for (int i = 0; i < config.evaluation_periods; ++i) {
    if (is_breaching(config, range.real_newest_first[static_cast<std::size_t>(i)])) {
      ++decision.breaching_datapoints;
    }
  }
  const bool alarm = decision.breaching_datapoints >= config.datapoints_to_alarm;
  decision.state = alarm ? AlarmState::alarm : AlarmState::ok;
  decision.reason =
      std::string(alarm ? "Threshold Crossed: " : "Threshold not crossed: ") +
      std::to_string(decision.breaching_datapoints) + " of the last " +
      std::to_string(config.evaluation_periods) + " datapoints " +
      values_text(range.real_newest_first, static_cast<std::size_t>(config.evaluation_periods)) +
      " breach " + threshold_text(config) + "; " + std::to_string(config.datapoints_to_alarm) +
      " needed for ALARM";
  return decision;
}

// No real datapoint in the whole range.
AlarmDecision evaluate_all_missing(const AlarmConfig& config, const EvaluationRange& range,
                                   AlarmState current_state) {
  AlarmDecision decision;
  const std::string head = "all " + std::to_string(range.size) +
                           " datapoints of the evaluation range are missing; treat missing data: " +
                           std::string(to_string(config.missing_data));
  switch (config.missing_data) {
    case MissingDataTreatment::missing:
      decision.state = AlarmState::insufficient_data;
      decision.reason = "Insufficient Data: " + head;
      break;
    case MissingDataTreatment::ignore:
      decision.state = current_state;
      decision.reason = "State kept (" + std::string(to_string(current_state)) + "): " + head;
      break;
    case MissingDataTreatment::breaching:
    case MissingDataTreatment::not_breaching: {
      const bool breaching = config.missing_data == MissingDataTreatment::breaching;
      decision.filled_datapoints = config.evaluation_periods;
      decision.breaching_datapoints = breaching ? config.evaluation_periods : 0;
      decision.state = breaching ? AlarmState::alarm : AlarmState::ok;
      decision.reason = std::string(breaching ? "Threshold Crossed: " : "Threshold not crossed: ") +
                        head + ", so " + std::to_string(config.evaluation_periods) +
                        " filled datapoints are evaluated " + threshold_text(config);
      break;
    }
  }
  return decision;
}

// Some real datapoints, fewer than N: fill the rest as few times as possible (AWS rule 3).
AlarmDecision evaluate_partial(const AlarmConfig& config, const EvaluationRange& range,
                               AlarmState current_state) {
  AlarmDecision decision;
  const int real = static_cast<int>(range.real_newest_first.size());
  int breaching_real = 0;
  for (const double value : range.real_newest_first) {
    if (is_breaching(config, value)) ++breaching_real;
  }
  decision.real_datapoints = real;
  decision.filled_datapoints = config.evaluation_periods - real;
  decision.breaching_datapoints = breaching_real;
  if (config.missing_data == MissingDataTreatment::breaching) {
    decision.breaching_datapoints += decision.filled_datapoints;
  }
  const bool unknown_fill = config.missing_data == MissingDataTreatment::missing ||
                            config.missing_data == MissingDataTreatment::ignore;
  const int needed = config.datapoints_to_alarm;
  std::string verdict;
  if (decision.breaching_datapoints >= needed) {
    decision.state = AlarmState::alarm;
    verdict = "Threshold Crossed: ";
  } else if (!unknown_fill || breaching_real < real) {
    decision.state = AlarmState::ok;
    verdict = "Threshold not crossed: ";
  } else {
    // Every real point breaches, too few to alarm, and the filled ones are unknown.
    const bool keep = config.missing_data == MissingDataTreatment::ignore;
    decision.state = keep ? current_state : AlarmState::insufficient_data;
    verdict = keep ? "State kept (" + std::string(to_string(current_state)) + "): "
                   : std::string("Insufficient Data: ");
  }
  decision.reason = verdict + std::to_string(real) + " real datapoints " +
                    values_text(range.real_newest_first, range.real_newest_first.size()) + " + " +
                    std::to_string(decision.filled_datapoints) + " missing filled as " +
                    std::string(to_string(config.missing_data)) + ": " +
                    std::to_string(decision.breaching_datapoints) + " of " +
                    std::to_string(config.evaluation_periods) + " breach " +
                    threshold_text(config) + "; " + std::to_string(needed) + " needed for ALARM";
  return decision;
}

}  // namespace

void validate(const AlarmConfig& config) {
  using std::chrono::seconds;
  const bool high_resolution = config.period == seconds{10} || config.period == seconds{30};
  require(
      high_resolution || (config.period > seconds{0} && config.period % seconds{60} == seconds{0}),
      "alarm period is 10 s, 30 s or a multiple of 60 s");
  require(config.evaluation_periods >= 1, "alarm evaluation_periods >= 1");
  require(
      config.datapoints_to_alarm >= 1 && config.datapoints_to_alarm <= config.evaluation_periods,
      "alarm 1 <= datapoints_to_alarm <= evaluation_periods");
  require(config.period * config.evaluation_periods <= std::chrono::hours{24},
          "alarm evaluation_periods x period <= 1 day");
  require(config.extra_range_periods >= 0, "alarm extra_range_periods >= 0");
  require(std::isfinite(config.threshold), "alarm threshold is finite");
}

bool is_breaching(const AlarmConfig& config, double value) {
  switch (config.comparison) {
    case ComparisonOperator::greater_than_or_equal_to_threshold:
      return value >= config.threshold;
    case ComparisonOperator::greater_than_threshold:
      return value > config.threshold;
    case ComparisonOperator::less_than_threshold:
      return value < config.threshold;
    case ComparisonOperator::less_than_or_equal_to_threshold:
      return value <= config.threshold;
  }
  return false;
}

AlarmDecision evaluate_alarm(const AlarmConfig& config, const AlarmObservation& observation) {
  validate(config);
  const EvaluationRange range = collect_range(config, observation);
  const int real = static_cast<int>(range.real_newest_first.size());
  AlarmDecision decision;
  if (real >= config.evaluation_periods) {
    decision = evaluate_full(config, range);
  } else if (real == 0) {
    decision = evaluate_all_missing(config, range, observation.current_state);
  } else {
    decision = evaluate_partial(config, range, observation.current_state);
  }
  decision.changed = decision.state != observation.current_state;
  return decision;
}

std::string_view to_string(AlarmState state) {
  switch (state) {
    case AlarmState::ok:
      return "OK";
    case AlarmState::alarm:
      return "ALARM";
    case AlarmState::insufficient_data:
      return "INSUFFICIENT_DATA";
  }
  return "?";
}

std::string_view to_string(MissingDataTreatment treatment) {
  switch (treatment) {
    case MissingDataTreatment::missing:
      return "missing";
    case MissingDataTreatment::not_breaching:
      return "notBreaching";
    case MissingDataTreatment::breaching:
      return "breaching";
    case MissingDataTreatment::ignore:
      return "ignore";
  }
  return "?";
}

std::string_view to_string(ComparisonOperator comparison) {
  switch (comparison) {
    case ComparisonOperator::greater_than_or_equal_to_threshold:
      return ">=";
    case ComparisonOperator::greater_than_threshold:
      return ">";
    case ComparisonOperator::less_than_threshold:
      return "<";
    case ComparisonOperator::less_than_or_equal_to_threshold:
      return "<=";
  }
  return "?";
}

}  // namespace b24::policy
