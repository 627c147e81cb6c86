#pragma once
// A rolling deploy of one DC's web tier: an EC2 Auto Scaling instance refresh (Rolling strategy)
// to the next launch template version. Every check interval it asks
// policy::decide_instance_refresh which old-version nodes to replace; the group deregisters and
// drains each (deregistration delay, early when the node is empty), terminates it and launches a
// node of the new version; the next batch waits until the new nodes have passed their health
// check and warmed up. The deploy is done when every live node runs the new version.
//
// Meanwhile the group keeps scaling: launches (scale-out, unhealthy replacement) run the new
// version; a scale-in removes old-version nodes first under the Default and OldestLaunchTemplate
// termination policies, which shortens the deploy (they are not counted as replaced); an old
// node that crashes is replaced by the group with a new one. While the group is suspended (its
// DC failed), the deploy makes no decision.
//
// What a deploy costs users is measured on the tier's own counters over the deploy window
// (start to done): requests that arrived and failed, and the p99 latency of served requests,
// compared with the 60 whole minutes before the start (kept only when a deploy is planned, in a
// ring of per-minute histograms: nothing per request).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/auto_scaling_group.hpp"
#include "models/load_balancer.hpp"
#include "models/web_tier_params.hpp"
#include "policy/instance_refresh.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

struct DeployTotals {
  std::string dc;
  int target_version = 2;
  int min_healthy_percentage = 90;
  std::int64_t instance_warmup_s = 0;
  sim::Instant started_at{};
  std::optional<sim::Instant> finished_at;  // nullopt: still running at the end of the run
  int nodes_replaced = 0;                   // old-version nodes the refresh drained
  int batches = 0;
  std::uint64_t requests_arrived = 0;   // at the tier's load balancer during the deploy
  std::uint64_t requests_failed = 0;    // 502 + 503 + 504 during the deploy
  std::int64_t p99_us = 0;              // served during the deploy (sample-step granularity)
  std::int64_t p99_hour_before_us = 0;  // served in the 60 whole minutes before the start
  std::uint64_t served_hour_before = 0;
};

class RollingDeploy {
 public:
  // `entity` names the deploy in records ("dc/<name>/deploy"). With `keep_baseline` the last
  // hour of latency is kept for the comparison.
  RollingDeploy(sim::Simulator& sim, AutoScalingGroup& group, const LoadBalancer& lb,
                sim::Recorder& recorder, std::string dc, bool keep_baseline);
  RollingDeploy(const RollingDeploy&) = delete;
  RollingDeploy& operator=(const RollingDeploy&) = delete;

  // Starts a refresh to the group's next launch version; `on_done` (may be empty) runs when it
  // is done. A deploy already running is an error (the platform runs DCs in sequence).
  void start(const InstanceRefreshParams& params, std::function<void()> on_done);
  // The tier's sample step ended; `step` holds the latency of requests served in it.
  void on_sample(const sim::LatencyHistogram& step);
  // The tier's minute ended; `minute` holds the latency of requests served in it.
  void on_minute(const sim::LatencyHistogram& minute);
  void set_paused(bool paused) noexcept { paused_ = paused; }

  [[nodiscard]] bool active() const noexcept { return current_.has_value(); }
  // Every deploy, finished or not (the running one measured up to now).
  [[nodiscard]] std::vector<DeployTotals> totals() const;

 private:
  void tick();
  void finish(const std::string& reason);
  void record_versions();
  [[nodiscard]] std::chrono::seconds resolve_warmup(const InstanceRefreshParams& params) const;

  sim::Simulator& sim_;
  AutoScalingGroup& group_;
  const LoadBalancer& lb_;
  sim::Recorder& recorder_;
  std::string dc_;
  std::string entity_;
  InstanceRefreshParams params_{};
  policy::InstanceRefreshPolicy policy_{};
  std::function<void()> on_done_;
  std::optional<DeployTotals> current_;
  std::vector<DeployTotals> done_;
  LoadBalancerCounters at_start_{};
  sim::LatencyHistogram during_;
  std::vector<sim::LatencyHistogram> hour_;  // ring of minutes; empty without a baseline
  std::size_t hour_next_ = 0;
  bool paused_ = false;
};

}  // namespace b24::models
