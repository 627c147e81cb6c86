#pragma once
// CloudWatch for one DC: metric datapoints (one per period, stamped with the period's start)
// that become visible only after a publication delay, and alarms evaluated every period by
// policy::evaluate_alarm (the production rule: M of N, missing-data treatment). What an alarm
// sees is what CloudWatch has published, so a late datapoint is a missing one, as in AWS.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "models/web_tier_params.hpp"
#include "policy/alarm.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

class CloudWatch {
 public:
  using MetricId = std::uint32_t;
  using AlarmId = std::uint32_t;

  CloudWatch(sim::Simulator& sim, const CloudWatchParams& params, sim::Recorder& recorder,
             std::string entity);
  CloudWatch(const CloudWatch&) = delete;
  CloudWatch& operator=(const CloudWatch&) = delete;

  MetricId add_metric(std::string name);
  [[nodiscard]] std::optional<MetricId> find_metric(std::string_view name) const;
  // The datapoint of the period starting at `period_start`, published after the delay.
  void put(MetricId metric, sim::Instant period_start, double value);
  // The latest published datapoint, if any.
  [[nodiscard]] std::optional<double> latest(MetricId metric) const;

  AlarmId add_alarm(std::string name, MetricId metric, const policy::AlarmConfig& config);
  // Evaluates every alarm at the current instant; state changes are recorded with the reason.
  void evaluate_alarms();
  [[nodiscard]] policy::AlarmState state(AlarmId alarm) const;

  [[nodiscard]] sim::Duration period() const noexcept { return params_.period; }

 private:
  struct Metric {
    std::string name;
    std::deque<policy::Datapoint> published;  // ascending period start, bounded
  };
  struct Alarm {
    std::string name;
    MetricId metric;
    policy::AlarmConfig config;
    policy::AlarmState state = policy::AlarmState::insufficient_data;
  };
  void publish(MetricId metric, sim::Instant period_start, double value);

  sim::Simulator& sim_;
  CloudWatchParams params_;
  sim::Recorder& recorder_;
  std::string entity_;
  std::vector<Metric> metrics_;
  std::vector<Alarm> alarms_;
  std::size_t history_limit_ = 32;  // datapoints kept per metric: the longest alarm range
};

}  // namespace b24::models
