#pragma once
// The EC2 Auto Scaling group of one DC's web nodes. It owns the nodes, launches them (pending
// for a launch delay, then InService and registered with the load balancer), drains and
// terminates them, and asks policy/ for every decision: target tracking for the desired
// capacity, replacement of unhealthy instances (which also launches up to the desired
// capacity), and the termination policy for which instances a scale-in removes. Each decision
// is recorded as an event with the policy's reason.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/health_checker.hpp"
#include "models/load_balancer.hpp"
#include "models/web_node.hpp"
#include "models/web_tier_params.hpp"
#include "policy/alarm.hpp"
#include "policy/group_observation.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"
#include "sim/time_weighted_gauge.hpp"

namespace b24::models {

struct NodeCounts {
  int pending = 0;
  int in_service = 0;  // InService and not known unhealthy
  int unhealthy = 0;   // InService but crashed or failing health checks
  int draining = 0;    // chosen for termination, finishing its requests
};

// What CloudWatch tells the group at an evaluation: the target-tracking metric and its managed
// alarms, and the alarm (and latest datapoint of its metric) of each step and simple policy,
// in the order of AutoScalingParams.
struct ScalingSignals {
  struct Alarmed {
    policy::AlarmState state = policy::AlarmState::insufficient_data;
    std::optional<double> metric;
  };
  std::optional<double> tracking_metric;
  policy::AlarmState tracking_high = policy::AlarmState::insufficient_data;
  policy::AlarmState tracking_low = policy::AlarmState::insufficient_data;
  std::vector<Alarmed> step;
  std::vector<Alarmed> simple;
};

class AutoScalingGroup {
 public:
  AutoScalingGroup(sim::Simulator& sim, const WebTierParams& params, LoadBalancer& lb,
                   HealthChecker& checker, sim::Recorder& recorder, std::string entity);
  AutoScalingGroup(const AutoScalingGroup&) = delete;
  AutoScalingGroup& operator=(const AutoScalingGroup&) = delete;

  // The initial instances are InService at the start: a run begins on a warm platform.
  void start();
  // Once per CloudWatch period, after the alarms: scaling, replacement, scale-in.
  void evaluate(const ScalingSignals& signals);
  // Average CPU % of warmed InService instances over the period ending now (nullopt: none).
  std::optional<double> close_cpu_period(sim::Duration period);
  // CPU % of every InService node together over the sample step ending now (0 with none).
  double close_cpu_step(sim::Duration step);
  // Finishes drains whose node is empty or whose deregistration delay is over.
  void poll_draining();
  // Crashes `count` InService nodes, lowest ids first.
  void crash(std::uint32_t count);

  // Rolling deploys (models/rolling_deploy.hpp). Every launch from now on runs `version`.
  void set_launch_version(int version) noexcept { launch_version_ = version; }
  [[nodiscard]] int launch_version() const noexcept { return launch_version_; }
  // An instance refresh replaces `id`: it is deregistered and drained like a scale-in, and when
  // it terminates a new instance (the launch version) is launched in its place, unless the group
  // already has its desired capacity live (it scaled in meanwhile). Meanwhile the replacement
  // policy does not launch for it: terminate first, then launch (MaxHealthyPercentage 100).
  void refresh_replace(policy::InstanceId id);
  // What an instance refresh sees: every live instance with its version; healthy only once it
  // passed its load balancer health check and its EC2 status check is fine.
  [[nodiscard]] std::vector<policy::Instance> refresh_view() const;
  // InService instances (draining excluded) on a version older than `version`, and the others.
  struct VersionCounts {
    int old_version = 0;
    int new_version = 0;
  };
  [[nodiscard]] VersionCounts in_service_by_version(int version) const;
  [[nodiscard]] const WebTierParams& params() const noexcept { return params_; }

  [[nodiscard]] NodeCounts counts() const;
  [[nodiscard]] int desired() const noexcept { return desired_; }
  [[nodiscard]] std::uint64_t scaling_actions() const noexcept { return scaling_actions_; }
  // Instance-seconds from launch to termination (what EC2 bills).
  [[nodiscard]] double instance_seconds(sim::Instant now) const { return live_.integral(now); }
  [[nodiscard]] const sim::TimeWeightedGauge& in_service_gauge() const { return in_service_; }

 private:
  struct Member {
    policy::Instance instance;
    std::unique_ptr<WebNode> node;
    sim::EventHandle launch;
    double busy_mark_s = 0.0;  // node busy core-seconds at the start of the CPU period
    double step_mark_s = 0.0;  // the same at the start of the sample step
    sim::Instant drain_deadline{};
    bool refresh = false;  // drained by an instance refresh: a replacement launches at the end
  };
  [[nodiscard]] policy::GroupObservation observation() const;
  [[nodiscard]] Member* find(policy::InstanceId id);
  void launch(sim::Instant in_service_at);
  void launch_after_delay();
  [[nodiscard]] int refresh_launches_owed() const;
  void enter_service(policy::InstanceId id);
  void refresh_health();
  void scale(const ScalingSignals& signals);
  void replace();
  void scale_in();
  void begin_drain(Member& m);
  void finalize(policy::InstanceId id, std::string_view why);
  void update_gauges();
  void record(std::string_view kind, std::string_view reason);

  sim::Simulator& sim_;
  const WebTierParams& params_;
  LoadBalancer& lb_;
  HealthChecker& checker_;
  sim::Recorder& recorder_;
  std::string entity_;
  sim::Rng launch_rng_;
  std::vector<Member> members_;  // ascending instance id
  policy::InstanceId next_id_ = 0;
  int desired_;
  int launch_version_ = 1;
  std::uint64_t scaling_actions_ = 0;
  std::vector<std::optional<policy::Timestamp>> simple_cooldown_started_;  // per simple policy
  sim::TimeWeightedGauge live_;        // launched and not yet terminated
  sim::TimeWeightedGauge in_service_;  // InService (healthy or not, draining excluded)
};

}  // namespace b24::models
