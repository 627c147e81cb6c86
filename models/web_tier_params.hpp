#pragma once
// Everything that configures one data center's web tier: workload, web nodes, load balancer,
// health checks, CloudWatch and the Auto Scaling group. Plain data, filled in by the scenario
// loader; defaults are the sourced ones of shared/DOMAIN.md.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/load_balancer.hpp"
#include "models/web_node.hpp"
#include "models/workload.hpp"
#include "policy/capacity_limits.hpp"
#include "policy/replacement.hpp"
#include "policy/simple_scaling.hpp"
#include "policy/step_scaling.hpp"
#include "policy/target_health.hpp"
#include "policy/target_tracking.hpp"
#include "policy/termination.hpp"
#include "sim/distributions.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct CloudWatchParams {
  // Detailed monitoring: one-minute datapoints (DOMAIN.md 2; basic monitoring is 300 s).
  sim::Duration period = std::chrono::seconds{60};
  // Not documented as a number; practitioners read ALB data at least 2 min behind (DOMAIN.md 2).
  // Assumption: a datapoint is visible one minute after its period ends.
  sim::Duration publication_delay = std::chrono::seconds{60};
};

// The CloudWatch metrics a web tier publishes every period, which scaling alarms can watch.
inline constexpr std::array<std::string_view, 5> web_tier_metric_names = {
    "CPUUtilization", "RequestCount", "TargetResponseTime.p50", "TargetResponseTime.p99",
    "HealthyHostCount"};

// A step or simple scaling policy with the CloudWatch alarm that drives it. The alarm watches
// one of the tier's metrics: CPUUtilization (%), RequestCount (per period),
// TargetResponseTime.p50 / .p99 (s) or HealthyHostCount.
struct StepScalingRule {
  std::string name = "step";
  std::string metric = "CPUUtilization";
  policy::AlarmConfig alarm{};
  policy::StepScalingPolicy policy{};
};
struct SimpleScalingRule {
  std::string name = "simple";
  std::string metric = "CPUUtilization";
  policy::AlarmConfig alarm{};
  policy::SimpleScalingPolicy policy{};
};

struct AutoScalingParams {
  policy::CapacityLimits limits{.min_size = 2, .max_size = 20};
  int initial_desired = 2;  // desired capacity at the start (defaults to min in AWS)
  // Pending -> InService: "around two or three minutes" (ASG guide, Cooldown.md); measured EC2
  // Linux boots average 97 s (Mao & Humphrey 2012). Assumption: lognormal, mean 150 s, sd 30 s.
  sim::Distribution launch_delay_s = sim::LogNormal::from_mean_stddev(150.0, 30.0);
  // Health check type ELB: an instance the load balancer reports unhealthy is replaced, after
  // the grace period. EC2 status checks (a crashed instance is not running) always apply.
  bool elb_health_checks = true;
  // A crashed node's EC2 instance is still running; its status check reports it impaired, which
  // Auto Scaling tolerates "a few minutes" (DOMAIN.md 3). Assumption: 3 minutes.
  sim::Duration ec2_status_check_delay = std::chrono::minutes{3};
  policy::ReplacementPolicy replacement{};
  std::optional<policy::TargetTrackingPolicy> target_tracking = policy::TargetTrackingPolicy{};
  // More policies may act on the same group; when several want to act at once, the one giving
  // the largest capacity wins (EC2 Auto Scaling guide, multiple dynamic scaling policies).
  std::vector<StepScalingRule> step_scaling{};
  std::vector<SimpleScalingRule> simple_scaling{};
  policy::TerminationPolicy termination = policy::TerminationPolicy::default_policy;
};

// A fault: `nodes` in-service web nodes crash at `at` (the lowest ids first: deterministic).
struct NodeCrash {
  sim::Duration at{};
  std::uint32_t nodes = 1;
};

// A rolling deploy of the tier's web nodes: an EC2 Auto Scaling instance refresh (Rolling
// strategy) to a new launch template version; policy/instance_refresh.hpp decides the batches.
struct InstanceRefreshParams {
  // RefreshPreferences.MinHealthyPercentage: default 90 (EC2 Auto Scaling guide, "Understand
  // the default values for an instance refresh").
  int min_healthy_percentage = 90;
  // RefreshPreferences.InstanceWarmup: by default the group's DefaultInstanceWarmup, else its
  // HealthCheckGracePeriod (same page). nullopt: auto_scaling.default_instance_warmup when it
  // was set (non-zero), else auto_scaling.health_check_grace_period.
  std::optional<std::chrono::seconds> instance_warmup;
  // How often the refresh looks at the group and finishes drains. AWS publishes no figure.
  // Assumption: 5 s.
  sim::Duration check_interval = std::chrono::seconds{5};
};

// A single-DC scenario's `deploy:` (a platform's is PlatformDeployParams).
struct DeployParams {
  sim::Duration at{};  // from the start of the run
  InstanceRefreshParams refresh{};
};

struct WebTierParams {
  std::string name = "dc";  // entity prefix in records: "dc/<name>"
  WorkloadParams workload{};
  WebNodeParams node{};
  LoadBalancerParams load_balancer{};
  policy::HealthCheckConfig health_check = policy::alb_health_check_defaults();
  // ALB deregistration delay: 300 s by default, completes early once in-flight requests end.
  sim::Duration deregistration_delay = std::chrono::seconds{300};
  CloudWatchParams cloudwatch{};
  AutoScalingParams auto_scaling{};
  double instance_price_usd_per_hour = 0.10;  // Assumption: scenario sets its instance price
  sim::Duration sample_step = std::chrono::seconds{10};
  std::vector<NodeCrash> crashes{};
  // A deploy at a fixed time (single-DC scenarios). A platform starts its DCs' deploys itself
  // and sets `deploy_planned` so the tier keeps the hour of latency a deploy is compared with.
  std::optional<DeployParams> deploy{};
  bool deploy_planned = false;
  // In a platform run the cohorts generate the arrivals (WebTier::arrive) and `workload` is
  // unused.
  bool external_arrivals = false;
};

}  // namespace b24::models
