#pragma once
// One data center's web tier assembled: workload -> load balancer (+ health checks) -> web
// nodes owned by the Auto Scaling group, with CloudWatch metrics and the target-tracking alarms
// in between. Everything the ASG and the policies know of the tier comes through CloudWatch
// datapoints and health states (the fidelity seam of ARCHITECTURE.md).
//
// Every sample step (10 s) the tier publishes a time-series row to the recorder and checks
// request conservation: arrived = served + failed + in flight.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/auto_scaling_group.hpp"
#include "models/cloudwatch.hpp"
#include "models/health_checker.hpp"
#include "models/load_balancer.hpp"
#include "models/rolling_deploy.hpp"
#include "models/web_tier_params.hpp"
#include "models/workload.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

// Figures of a whole run, for the summary.
struct WebTierTotals {
  LoadBalancerCounters requests;
  std::uint64_t in_flight_at_end = 0;
  double availability = 1.0;  // served / (served + failed)
  std::int64_t p50_us = 0, p95_us = 0, p99_us = 0, max_us = 0;
  double mean_latency_s = 0.0;
  double mean_dispatch_wait_s = 0.0;  // in the load balancer's surge queue
  std::uint64_t slo_violation_minutes = 0;
  int peak_nodes = 0;       // InService, at sample instants
  double mean_nodes = 0.0;  // time-weighted InService
  double node_hours = 0.0;  // launched to terminated
  double cost_usd = 0.0;
  std::uint64_t scaling_actions = 0;
  double littles_l = 0.0;             // time-weighted requests in flight
  double littles_lambda_w = 0.0;      // arrival rate x mean time in system of departed requests
  std::vector<DeployTotals> deploys;  // rolling deploys of this tier, in start order
};

struct SloParams {
  sim::Duration p99_latency = std::chrono::milliseconds{800};
  double max_error_rate = 0.001;  // failed / arrived within one minute
};

class WebTier {
 public:
  WebTier(sim::Simulator& sim, const WebTierParams& params, const SloParams& slo,
          sim::Recorder& recorder);
  WebTier(const WebTier&) = delete;
  WebTier& operator=(const WebTier&) = delete;

  void start();
  // An arrival from outside (a platform cohort); the tier's own workload is then unused.
  void arrive(const Request& request) { lb_.arrive(request); }
  // Per-request completions (the composite site); nullptr: none.
  void set_completion_observer(CompletionObserver* o) noexcept { lb_.set_completion_observer(o); }
  // The offered rate the platform routes here now, for the tier's `offered_rps` series.
  void set_offered_rate(double rps) { offered_rps_ = rps; }
  // Suspended: the group publishes no CloudWatch datapoint and takes no scaling action; its nodes
  // keep their state. The platform suspends a DC's group when the DC fails (its control plane is
  // down with it) and resumes it when its tenants are back (see Platform). Requests are kept
  // away from a failed DC by the platform, not here.
  void set_suspended(bool suspended) {
    suspended_ = suspended;
    deploy_.set_paused(suspended);
  }
  [[nodiscard]] bool suspended() const noexcept { return suspended_; }
  [[nodiscard]] WebTierTotals totals() const;
  [[nodiscard]] const LoadBalancer& load_balancer() const noexcept { return lb_; }
  [[nodiscard]] const AutoScalingGroup& group() const noexcept { return asg_; }
  [[nodiscard]] const std::string& entity() const noexcept { return entity_; }
  // Starts a rolling deploy of this tier's nodes now (models/rolling_deploy.hpp); `on_done`
  // (may be empty) runs when it is done.
  void start_deploy(const InstanceRefreshParams& params, std::function<void()> on_done) {
    deploy_.start(params, std::move(on_done));
  }
  [[nodiscard]] const RollingDeploy& deploy() const noexcept { return deploy_; }

 private:
  void on_period();
  void publish_period(std::optional<double> cpu, const LoadBalancerCounters& counters);
  void judge_minute();
  void add_policy_alarms();
  [[nodiscard]] ScalingSignals scaling_signals() const;
  void on_sample();
  void schedule_faults();

  sim::Simulator& sim_;
  WebTierParams params_;
  SloParams slo_;
  sim::Recorder& recorder_;
  std::string entity_;
  std::string elb_entity_;
  LoadBalancer lb_;
  HealthChecker checker_;
  CloudWatch cloudwatch_;
  AutoScalingGroup asg_;
  RollingDeploy deploy_;
  Workload workload_;
  CloudWatch::MetricId cpu_metric_ = 0;
  CloudWatch::MetricId request_count_metric_ = 0;
  CloudWatch::MetricId response_p50_metric_ = 0;
  CloudWatch::MetricId response_p99_metric_ = 0;
  CloudWatch::MetricId healthy_hosts_metric_ = 0;
  struct RuleAlarm {
    CloudWatch::AlarmId alarm;
    CloudWatch::MetricId metric;
  };
  std::vector<RuleAlarm> step_alarms_;    // parallel to auto_scaling.step_scaling
  std::vector<RuleAlarm> simple_alarms_;  // parallel to auto_scaling.simple_scaling
  CloudWatch::AlarmId high_alarm_ = 0;
  CloudWatch::AlarmId low_alarm_ = 0;
  sim::Instant period_start_;
  sim::Instant minute_start_;
  sim::LatencyHistogram step_latency_;
  sim::LatencyHistogram period_latency_;  // the CloudWatch period's TargetResponseTime
  sim::LatencyHistogram minute_latency_;  // the SLO is judged per minute
  LoadBalancerCounters at_last_sample_{};
  LoadBalancerCounters at_last_period_{};
  LoadBalancerCounters at_last_minute_{};
  std::uint64_t slo_violation_minutes_ = 0;
  int peak_nodes_ = 0;
  double offered_rps_ = 0.0;
  bool suspended_ = false;
};

}  // namespace b24::models
