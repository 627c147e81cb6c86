#include "models/cloudwatch.hpp"

#include <algorithm>

#include "models/policy_time.hpp"

namespace b24::models {

CloudWatch::CloudWatch(sim::Simulator& sim, const CloudWatchParams& params, sim::Recorder& recorder,
                       std::string entity)
    : sim_(sim), params_(params), recorder_(recorder), entity_(std::move(entity)) {
  B24_ASSERT_MSG(params.period.count() > 0, "CloudWatch period must be positive");
  B24_ASSERT_MSG(params.publication_delay.count() >= 0, "publication delay must not be negative");
}

CloudWatch::MetricId CloudWatch::add_metric(std::string name) {
  metrics_.push_back(Metric{std::move(name), {}});
  return static_cast<MetricId>(metrics_.size() - 1);
}

std::optional<CloudWatch::MetricId> CloudWatch::find_metric(std::string_view name) const {
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    if (metrics_[i].name == name) return static_cast<MetricId>(i);
  }
  return std::nullopt;
}

void CloudWatch::put(MetricId metric, sim::Instant period_start, double value) {
  B24_ASSERT(metric < metrics_.size());
  const sim::Instant visible = period_start + params_.period + params_.publication_delay;
  sim_.schedule_at(std::max(visible, sim_.now()),
                   [this, metric, period_start, value] { publish(metric, period_start, value); });
}

void CloudWatch::publish(MetricId metric, sim::Instant period_start, double value) {
  auto& points = metrics_[metric].published;
  const policy::Timestamp stamp = to_policy_time(period_start);
  B24_ASSERT_MSG(points.empty() || points.back().period_start < stamp,
                 "datapoints are published in period order");
  points.push_back(policy::Datapoint{stamp, value});
  if (points.size() > history_limit_) points.pop_front();
}

std::optional<double> CloudWatch::latest(MetricId metric) const {
  B24_ASSERT(metric < metrics_.size());
  const auto& points = metrics_[metric].published;
  if (points.empty()) return std::nullopt;
  return points.back().value;
}

CloudWatch::AlarmId CloudWatch::add_alarm(std::string name, MetricId metric,
                                          const policy::AlarmConfig& config) {
  B24_ASSERT(metric < metrics_.size());
  policy::validate(config);
  B24_ASSERT_MSG(sim::Duration{config.period} == params_.period,
                 "an alarm's period must be the metric's period");
  history_limit_ = std::max<std::size_t>(
      history_limit_,
      static_cast<std::size_t>(config.evaluation_periods + config.extra_range_periods));
  alarms_.push_back(Alarm{std::move(name), metric, config});
  return static_cast<AlarmId>(alarms_.size() - 1);
}

void CloudWatch::evaluate_alarms() {
  for (Alarm& alarm : alarms_) {
    const auto& points = metrics_[alarm.metric].published;
    const policy::AlarmObservation observation{.now = to_policy_time(sim_.now()),
                                               .current_state = alarm.state,
                                               .datapoints = {points.begin(), points.end()}};
    const policy::AlarmDecision decision = policy::evaluate_alarm(alarm.config, observation);
    if (!decision.changed) continue;
    alarm.state = decision.state;
    recorder_.event(sim_.now(), "alarm", entity_ + "/alarm/" + alarm.name, decision.reason);
    sim_.emit("alarm", alarm.name, {{"state", policy::to_string(decision.state)}});
  }
}

policy::AlarmState CloudWatch::state(AlarmId alarm) const {
  B24_ASSERT(alarm < alarms_.size());
  return alarms_[alarm].state;
}

}  // namespace b24::models
