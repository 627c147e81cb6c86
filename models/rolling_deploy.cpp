#include "models/rolling_deploy.hpp"

#include <utility>

#include "models/policy_time.hpp"

namespace b24::models {

RollingDeploy::RollingDeploy(sim::Simulator& sim, AutoScalingGroup& group, const LoadBalancer& lb,
                             sim::Recorder& recorder, std::string dc, bool keep_baseline)
    : sim_(sim),
      group_(group),
      lb_(lb),
      recorder_(recorder),
      dc_(std::move(dc)),
      entity_("dc/" + dc_ + "/deploy") {
  if (keep_baseline) hour_.resize(60);
}

std::chrono::seconds RollingDeploy::resolve_warmup(const InstanceRefreshParams& params) const {
  if (params.instance_warmup) return *params.instance_warmup;
  const policy::ReplacementPolicy& r = group_.params().auto_scaling.replacement;
  // DefaultInstanceWarmup when the scenario set one, else HealthCheckGracePeriod.
  return r.instance_warmup.count() > 0 ? r.instance_warmup : r.health_check_grace_period;
}

void RollingDeploy::start(const InstanceRefreshParams& params, std::function<void()> on_done) {
  B24_ASSERT_MSG(!current_, "a deploy is already running on this DC");
  B24_ASSERT(params.check_interval.count() > 0);
  params_ = params;
  policy_ = {.min_healthy_percentage = params.min_healthy_percentage,
             .instance_warmup = resolve_warmup(params)};
  on_done_ = std::move(on_done);
  const int version = group_.launch_version() + 1;
  group_.set_launch_version(version);
  DeployTotals t;
  t.dc = dc_;
  t.target_version = version;
  t.min_healthy_percentage = params.min_healthy_percentage;
  t.instance_warmup_s = policy_.instance_warmup.count();
  t.started_at = sim_.now();
  sim::LatencyHistogram before;
  for (const sim::LatencyHistogram& minute : hour_) before.merge(minute);
  t.p99_hour_before_us = before.percentile(99);
  t.served_hour_before = before.count();
  current_ = std::move(t);
  at_start_ = lb_.counters();
  during_.clear();
  recorder_.event(sim_.now(), "deploy_start", entity_,
                  "instance refresh to version " + std::to_string(version) + ": min healthy " +
                      std::to_string(params.min_healthy_percentage) + "% of desired, warm-up " +
                      std::to_string(policy_.instance_warmup.count()) + "s");
  sim_.emit("deploy_start", entity_, {{"version", version}});
  record_versions();
  tick();
}

void RollingDeploy::tick() {
  if (!current_) return;
  group_.poll_draining();
  if (!paused_) {
    const policy::InstanceRefreshDecision d =
        policy::decide_instance_refresh(policy_, {.now = to_policy_time(sim_.now()),
                                                  .desired_capacity = group_.desired(),
                                                  .target_version = current_->target_version,
                                                  .instances = group_.refresh_view()});
    if (d.done) {
      finish(d.reason);
      return;
    }
    if (!d.replace.empty()) {
      ++current_->batches;
      current_->nodes_replaced += static_cast<int>(d.replace.size());
      recorder_.event(sim_.now(), "deploy_batch", entity_, d.reason);
      sim_.emit("deploy_batch", entity_, {{"replace", d.replace.size()}, {"old", d.old_remaining}});
      for (const policy::InstanceId id : d.replace) group_.refresh_replace(id);
    }
  }
  sim_.schedule_in(params_.check_interval, [this] { tick(); });
}

void RollingDeploy::finish(const std::string& reason) {
  DeployTotals t = std::move(*current_);
  current_.reset();
  t.finished_at = sim_.now();
  const LoadBalancerCounters& c = lb_.counters();
  t.requests_arrived = c.arrived - at_start_.arrived;
  t.requests_failed = c.failed() - at_start_.failed();
  t.p99_us = during_.percentile(99);
  recorder_.event(sim_.now(), "deploy_done", entity_,
                  reason + "; " + std::to_string(t.nodes_replaced) + " nodes replaced in " +
                      std::to_string(t.batches) + " batches, " + std::to_string(t.requests_failed) +
                      " requests failed");
  sim_.emit("deploy_done", entity_,
            {{"replaced", t.nodes_replaced}, {"failed", t.requests_failed}});
  done_.push_back(std::move(t));
  record_versions();
  if (on_done_) {
    // Moved out first: the callback may start another deploy (a platform's next DC).
    std::function<void()> next = std::move(on_done_);
    on_done_ = nullptr;
    next();
  }
}

void RollingDeploy::record_versions() {
  const int version = current_ ? current_->target_version : group_.launch_version();
  const AutoScalingGroup::VersionCounts v = group_.in_service_by_version(version);
  recorder_.sample(sim_.now(), entity_,
                   {{"nodes_old_version", static_cast<double>(v.old_version)},
                    {"nodes_new_version", static_cast<double>(v.new_version)}});
}

void RollingDeploy::on_sample(const sim::LatencyHistogram& step) {
  if (!current_) return;
  during_.merge(step);
  record_versions();
}

void RollingDeploy::on_minute(const sim::LatencyHistogram& minute) {
  if (hour_.empty()) return;
  hour_[hour_next_].clear();
  hour_[hour_next_].merge(minute);
  hour_next_ = (hour_next_ + 1) % hour_.size();
}

std::vector<DeployTotals> RollingDeploy::totals() const {
  std::vector<DeployTotals> out = done_;
  if (current_) {
    DeployTotals t = *current_;
    const LoadBalancerCounters& c = lb_.counters();
    t.requests_arrived = c.arrived - at_start_.arrived;
    t.requests_failed = c.failed() - at_start_.failed();
    t.p99_us = during_.percentile(99);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace b24::models
