#include "models/auto_scaling_group.hpp"

#include <algorithm>
#include <string>

#include "models/policy_time.hpp"
#include "policy/replacement.hpp"
#include "policy/target_tracking.hpp"
#include "policy/termination.hpp"
#include "policy/warmup.hpp"

namespace b24::models {

AutoScalingGroup::AutoScalingGroup(sim::Simulator& sim, const WebTierParams& params,
                                   LoadBalancer& lb, HealthChecker& checker,
                                   sim::Recorder& recorder, std::string entity)
    : sim_(sim),
      params_(params),
      lb_(lb),
      checker_(checker),
      recorder_(recorder),
      entity_(std::move(entity)),
      launch_rng_(sim.stream(entity_ + "/launch")),
      desired_(params.auto_scaling.initial_desired),
      live_(sim.now(), 0.0),
      in_service_(sim.now(), 0.0) {
  policy::validate(policy::GroupObservation{
      .limits = params.auto_scaling.limits, .desired_capacity = desired_, .instances = {}});
}

void AutoScalingGroup::record(std::string_view kind, std::string_view reason) {
  recorder_.event(sim_.now(), kind, entity_, reason);
  sim_.emit(kind, entity_, {{"desired", desired_}});
}

AutoScalingGroup::Member* AutoScalingGroup::find(policy::InstanceId id) {
  const auto it =
      std::lower_bound(members_.begin(), members_.end(), id,
                       [](const Member& m, policy::InstanceId v) { return m.instance.id < v; });
  return it != members_.end() && it->instance.id == id ? &*it : nullptr;
}

void AutoScalingGroup::start() {
  for (int i = 0; i < desired_; ++i) launch(sim_.now());
  record("scaling", "initial capacity " + std::to_string(desired_) + " InService at the start");
}

void AutoScalingGroup::launch(sim::Instant in_service_at) {
  const policy::InstanceId id = next_id_++;
  const auto node_id = static_cast<std::uint32_t>(id);
  Member m{
      .instance = {.id = id,
                   .launched_at = to_policy_time(sim_.now()),
                   .launch_template_version = launch_version_},
      .node = std::make_unique<WebNode>(sim_, node_id, params_.node,
                                        sim_.stream(entity_ + "/node/" + std::to_string(id)), lb_),
      .launch = {}};
  members_.push_back(std::move(m));
  live_.add(sim_.now(), 1.0);
  members_.back().launch = sim_.schedule_at(in_service_at, [this, id] { enter_service(id); });
}

void AutoScalingGroup::enter_service(policy::InstanceId id) {
  Member* m = find(id);
  B24_ASSERT(m != nullptr && m->instance.lifecycle == policy::LifecycleState::pending);
  m->instance.lifecycle = policy::LifecycleState::in_service;
  m->instance.in_service_at = to_policy_time(sim_.now());
  m->node->enter_service();
  m->busy_mark_s = m->node->busy_core_seconds(sim_.now());
  m->step_mark_s = m->busy_mark_s;
  lb_.register_target(*m->node, policy::HealthState::initial);
  checker_.watch(*m->node);
  update_gauges();
  recorder_.event(
      sim_.now(), "in_service", entity_,
      "instance " + std::to_string(id) + " InService, registered with the load balancer");
}

// EC2 status checks see a crashed node as impaired after a delay; with ELB health checks, a
// target the balancer reports unhealthy is unhealthy at once (the replacement policy applies
// the grace period).
void AutoScalingGroup::refresh_health() {
  for (Member& m : members_) {
    if (m.instance.lifecycle != policy::LifecycleState::in_service) continue;
    const NodeState s = m.node->state();
    const bool dead =
        (s == NodeState::crashed || s == NodeState::terminated) &&
        sim_.now() - m.node->stopped_at() >= params_.auto_scaling.ec2_status_check_delay;
    const bool elb_unhealthy = params_.auto_scaling.elb_health_checks &&
                               checker_.state_of(m.node->id()) == policy::HealthState::unhealthy;
    m.instance.health =
        dead || elb_unhealthy ? policy::InstanceHealth::unhealthy : policy::InstanceHealth::healthy;
  }
}

policy::GroupObservation AutoScalingGroup::observation() const {
  policy::GroupObservation g{.now = to_policy_time(sim_.now()),
                             .limits = params_.auto_scaling.limits,
                             .desired_capacity = desired_};
  g.instances.reserve(members_.size());
  for (const Member& m : members_) g.instances.push_back(m.instance);
  return g;
}

void AutoScalingGroup::evaluate(const ScalingSignals& signals) {
  refresh_health();
  scale(signals);
  replace();
  scale_in();
  update_gauges();
}

// Every configured policy decides; when several want to act at once the one giving the largest
// capacity wins, for scale-out and scale-in alike (EC2 Auto Scaling guide, "Multiple dynamic
// scaling policies").
void AutoScalingGroup::scale(const ScalingSignals& signals) {
  const auto& as = params_.auto_scaling;
  B24_ASSERT(signals.step.size() == as.step_scaling.size());
  B24_ASSERT(signals.simple.size() == as.simple_scaling.size());
  const policy::GroupObservation group = observation();
  std::optional<policy::ScalingDecision> best;
  std::optional<std::size_t> best_simple;
  const auto consider = [&](policy::ScalingDecision d, std::optional<std::size_t> simple) {
    if (d.changed() && (!best || d.desired_capacity > best->desired_capacity)) {
      best = std::move(d);
      best_simple = simple;
    }
  };
  if (as.target_tracking) {
    consider(policy::decide_target_tracking(*as.target_tracking,
                                            {.group = group,
                                             .high_alarm = signals.tracking_high,
                                             .low_alarm = signals.tracking_low,
                                             .metric_value = signals.tracking_metric}),
             std::nullopt);
  }
  for (std::size_t i = 0; i < as.step_scaling.size(); ++i) {
    if (!signals.step[i].metric) continue;
    consider(policy::decide_step_scaling(as.step_scaling[i].policy,
                                         {.group = group,
                                          .alarm_state = signals.step[i].state,
                                          .metric_value = *signals.step[i].metric}),
             std::nullopt);
  }
  simple_cooldown_started_.resize(as.simple_scaling.size());
  for (std::size_t i = 0; i < as.simple_scaling.size(); ++i) {
    consider(policy::decide_simple_scaling(as.simple_scaling[i].policy,
                                           {.group = group,
                                            .alarm_state = signals.simple[i].state,
                                            .cooldown_started_at = simple_cooldown_started_[i]}),
             i);
  }
  if (!best) return;
  // The instances launch (or are told to terminate) now: the simple policy's cooldown starts.
  if (best_simple) simple_cooldown_started_[*best_simple] = group.now;
  desired_ = best->desired_capacity;
  ++scaling_actions_;
  record("scaling", best->reason);
}

void AutoScalingGroup::replace() {
  const policy::ReplacementDecision d =
      policy::decide_replacement(params_.auto_scaling.replacement, observation());
  // Instances an instance refresh is draining are replaced when they terminate (by finalize),
  // not here: the refresh terminates first, then launches.
  const int owed = refresh_launches_owed();
  const int launches = std::max(0, d.launch_count - owed);
  if (d.terminate.empty() && launches == 0) return;
  record("replacement", owed == 0 ? d.reason
                                  : d.reason + "; " + std::to_string(owed) +
                                        " of them launch as the instance refresh's draining "
                                        "instances terminate");
  for (const policy::InstanceId id : d.terminate) finalize(id, "replaced: unhealthy");
  for (int i = 0; i < launches; ++i) launch_after_delay();
}

void AutoScalingGroup::launch_after_delay() {
  const double delay_s = sim::sample(params_.auto_scaling.launch_delay_s, launch_rng_);
  launch(sim_.now() + sim::from_seconds(std::max(0.0, delay_s)));
}

int AutoScalingGroup::refresh_launches_owed() const {
  int owed = 0;
  for (const Member& m : members_) {
    if (m.refresh && m.instance.lifecycle == policy::LifecycleState::terminating) ++owed;
  }
  return owed;
}

void AutoScalingGroup::refresh_replace(policy::InstanceId id) {
  Member* m = find(id);
  B24_ASSERT(m != nullptr && m->instance.lifecycle == policy::LifecycleState::in_service);
  m->refresh = true;
  begin_drain(*m);
  recorder_.event(sim_.now(), "refresh_drain", entity_,
                  "instance " + std::to_string(id) + " (version " +
                      std::to_string(m->instance.launch_template_version) +
                      ") deregistered and draining for the instance refresh");
  update_gauges();
}

std::vector<policy::Instance> AutoScalingGroup::refresh_view() const {
  std::vector<policy::Instance> out;
  out.reserve(members_.size());
  for (const Member& m : members_) {
    policy::Instance i = m.instance;
    if (i.lifecycle == policy::LifecycleState::in_service &&
        (m.node->state() != NodeState::in_service ||
         checker_.state_of(m.node->id()) != policy::HealthState::healthy)) {
      i.health = policy::InstanceHealth::unhealthy;
    }
    out.push_back(i);
  }
  return out;
}

AutoScalingGroup::VersionCounts AutoScalingGroup::in_service_by_version(int version) const {
  VersionCounts c;
  for (const Member& m : members_) {
    if (m.instance.lifecycle != policy::LifecycleState::in_service) continue;
    ++(m.instance.launch_template_version < version ? c.old_version : c.new_version);
  }
  return c;
}

void AutoScalingGroup::scale_in() {
  const policy::GroupObservation g = observation();
  const auto counts = policy::count_capacity(g.instances, g.now, policy::Duration{0});
  const int excess = counts.live() - desired_;
  if (excess <= 0) return;
  const policy::TerminationDecision d = policy::choose_instances_to_terminate(
      params_.auto_scaling.termination, {.now = g.now, .instances = g.instances, .count = excess});
  record("scale_in", d.reason);
  for (const policy::InstanceId id : d.instance_ids) {
    Member* m = find(id);
    B24_ASSERT(m != nullptr);
    if (m->instance.lifecycle == policy::LifecycleState::pending) {
      finalize(id, "scale-in of a pending instance");
      continue;
    }
    begin_drain(*m);
  }
}

void AutoScalingGroup::begin_drain(Member& m) {
  m.instance.lifecycle = policy::LifecycleState::terminating;
  m.node->start_draining();
  lb_.set_draining(m.node->id());
  m.drain_deadline = sim_.now() + params_.deregistration_delay;
}

void AutoScalingGroup::poll_draining() {
  std::vector<policy::InstanceId> done;
  for (const Member& m : members_) {
    if (m.instance.lifecycle != policy::LifecycleState::terminating) continue;
    if (m.node->in_flight() == 0 || sim_.now() >= m.drain_deadline) done.push_back(m.instance.id);
  }
  for (const auto id : done) finalize(id, "drained");
  if (!done.empty()) update_gauges();
}

void AutoScalingGroup::finalize(policy::InstanceId id, std::string_view why) {
  Member* m = find(id);
  B24_ASSERT(m != nullptr);
  sim_.cancel(m->launch);
  const bool registered = m->instance.lifecycle != policy::LifecycleState::pending;
  m->node->terminate();  // anything still inside is aborted (502)
  if (registered) {
    lb_.deregister(m->node->id());
    checker_.forget(m->node->id());
  }
  recorder_.event(sim_.now(), "terminate", entity_,
                  "instance " + std::to_string(id) + " terminated: " + std::string(why));
  const bool refreshed = m->refresh;
  members_.erase(members_.begin() + (m - members_.data()));
  live_.add(sim_.now(), -1.0);
  // The refresh's replacement, unless the group scaled in meanwhile and has enough live.
  if (refreshed) {
    const auto live = std::count_if(members_.begin(), members_.end(), [](const Member& x) {
      return x.instance.lifecycle != policy::LifecycleState::terminating;
    });
    if (live < desired_) launch_after_delay();
  }
}

void AutoScalingGroup::crash(std::uint32_t count) {
  for (Member& m : members_) {
    if (count == 0) break;
    if (m.instance.lifecycle != policy::LifecycleState::in_service) continue;
    if (m.node->state() != NodeState::in_service) continue;
    m.node->crash();
    recorder_.event(sim_.now(), "crash", entity_,
                    "fault: instance " + std::to_string(m.instance.id) + " crashed");
    --count;
  }
}

std::optional<double> AutoScalingGroup::close_cpu_period(sim::Duration period) {
  std::vector<policy::InstanceSample> samples;
  std::vector<policy::Instance> instances;
  for (Member& m : members_) {
    const double busy = m.node->busy_core_seconds(sim_.now());
    if (m.instance.lifecycle == policy::LifecycleState::in_service) {
      const double capacity = m.node->cores() * sim::to_seconds(period);
      samples.push_back({m.instance.id, 100.0 * (busy - m.busy_mark_s) / capacity});
    }
    m.busy_mark_s = busy;
    instances.push_back(m.instance);
  }
  const auto& tt = params_.auto_scaling.target_tracking;
  const auto warmup = tt ? policy::Duration{tt->instance_warmup} : policy::Duration{0};
  return policy::average_over_warmed_instances(instances, samples, to_policy_time(sim_.now()),
                                               warmup);
}

double AutoScalingGroup::close_cpu_step(sim::Duration step) {
  double busy_s = 0.0;
  double capacity_s = 0.0;
  for (Member& m : members_) {
    const double busy = m.node->busy_core_seconds(sim_.now());
    if (m.instance.lifecycle == policy::LifecycleState::in_service) {
      busy_s += busy - m.step_mark_s;
      capacity_s += m.node->cores() * sim::to_seconds(step);
    }
    m.step_mark_s = busy;
  }
  return capacity_s > 0.0 ? 100.0 * busy_s / capacity_s : 0.0;
}

NodeCounts AutoScalingGroup::counts() const {
  NodeCounts c;
  for (const Member& m : members_) {
    switch (m.instance.lifecycle) {
      case policy::LifecycleState::pending:
        ++c.pending;
        break;
      case policy::LifecycleState::terminating:
        ++c.draining;
        break;
      case policy::LifecycleState::in_service:
        if (m.node->state() == NodeState::in_service &&
            checker_.state_of(m.node->id()) != policy::HealthState::unhealthy) {
          ++c.in_service;
        } else {
          ++c.unhealthy;
        }
        break;
    }
  }
  return c;
}

void AutoScalingGroup::update_gauges() {
  const NodeCounts c = counts();
  in_service_.set(sim_.now(), c.in_service + c.unhealthy);
}

}  // namespace b24::models
