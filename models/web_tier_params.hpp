#pragma once
// Everything that configures one data center's web tier: workload, web nodes, load balancer,
// health checks, CloudWatch and the Auto Scaling group. Plain data, filled in by the scenario
// loader; defaults are the sourced ones of shared/DOMAIN.md.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/load_balancer.hpp"
#include "models/web_node.hpp"
#include "models/workload.hpp"
#include "policy/capacity_limits.hpp"
#include "policy/replacement.hpp"
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
  policy::TerminationPolicy termination = policy::TerminationPolicy::default_policy;
};

// A fault: `nodes` in-service web nodes crash at `at` (the lowest ids first: deterministic).
struct NodeCrash {
  sim::Duration at{};
  std::uint32_t nodes = 1;
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
};

}  // namespace b24::models
