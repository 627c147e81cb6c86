#include "models/web_tier.hpp"

#include <algorithm>

namespace b24::models {

WebTier::WebTier(sim::Simulator& sim, const WebTierParams& params, const SloParams& slo,
                 sim::Recorder& recorder)
    : sim_(sim),
      params_(params),
      slo_(slo),
      recorder_(recorder),
      entity_("dc/" + params.name),
      elb_entity_(entity_ + "/elb"),
      lb_(sim, params_.load_balancer, sim.stream(entity_ + "/elb")),
      checker_(sim, lb_, params_.health_check, recorder, elb_entity_),
      cloudwatch_(sim, params_.cloudwatch, recorder, entity_),
      asg_(sim, params_, lb_, checker_, recorder, entity_ + "/asg"),
      deploy_(sim, asg_, lb_, recorder, params_.name,
              params_.deploy_planned || params_.deploy.has_value()),
      workload_(sim, params_.workload, sim.stream(entity_ + "/workload"),
                [this](const Request& r) { lb_.arrive(r); }),
      period_start_(sim.now()),
      minute_start_(sim.now()) {
  B24_ASSERT_MSG(params.sample_step.count() > 0, "sample step must be positive");
  B24_ASSERT_MSG(params.cloudwatch.period % params.sample_step == sim::Duration{0},
                 "the CloudWatch period must be a whole number of sample steps");
  // The metrics CloudWatch has for an Auto Scaling group behind a load balancer.
  cpu_metric_ = cloudwatch_.add_metric("CPUUtilization");
  request_count_metric_ = cloudwatch_.add_metric("RequestCount");
  response_p50_metric_ = cloudwatch_.add_metric("TargetResponseTime.p50");
  response_p99_metric_ = cloudwatch_.add_metric("TargetResponseTime.p99");
  healthy_hosts_metric_ = cloudwatch_.add_metric("HealthyHostCount");
  add_policy_alarms();
}

void WebTier::add_policy_alarms() {
  const auto& as = params_.auto_scaling;
  if (as.target_tracking) {
    high_alarm_ = cloudwatch_.add_alarm("TargetTracking-AlarmHigh", cpu_metric_,
                                        policy::high_alarm_config(*as.target_tracking));
    low_alarm_ = cloudwatch_.add_alarm("TargetTracking-AlarmLow", cpu_metric_,
                                       policy::low_alarm_config(*as.target_tracking));
  }
  const auto add = [this](const std::string& name, const std::string& metric,
                          const policy::AlarmConfig& alarm) {
    const std::optional<CloudWatch::MetricId> id = cloudwatch_.find_metric(metric);
    B24_ASSERT_MSG(id.has_value(), "a scaling alarm watches a metric the tier does not publish");
    return RuleAlarm{cloudwatch_.add_alarm(name, *id, alarm), *id};
  };
  for (const StepScalingRule& r : as.step_scaling) {
    step_alarms_.push_back(add(r.name, r.metric, r.alarm));
  }
  for (const SimpleScalingRule& r : as.simple_scaling) {
    simple_alarms_.push_back(add(r.name, r.metric, r.alarm));
  }
}

ScalingSignals WebTier::scaling_signals() const {
  ScalingSignals s;
  if (params_.auto_scaling.target_tracking) {
    s.tracking_metric = cloudwatch_.latest(cpu_metric_);
    s.tracking_high = cloudwatch_.state(high_alarm_);
    s.tracking_low = cloudwatch_.state(low_alarm_);
  }
  for (const RuleAlarm& a : step_alarms_) {
    s.step.push_back({cloudwatch_.state(a.alarm), cloudwatch_.latest(a.metric)});
  }
  for (const RuleAlarm& a : simple_alarms_) {
    s.simple.push_back({cloudwatch_.state(a.alarm), cloudwatch_.latest(a.metric)});
  }
  return s;
}

void WebTier::start() {
  asg_.start();
  if (!params_.external_arrivals) workload_.start();
  schedule_faults();
  if (params_.deploy) {
    sim_.schedule_at(sim::start_instant + params_.deploy->at,
                     [this] { deploy_.start(params_.deploy->refresh, {}); });
  }
  struct Sampler {
    WebTier* tier;
    void operator()() const {
      tier->on_sample();
      tier->sim_.schedule_in(tier->params_.sample_step, *this);
    }
  };
  sim_.schedule_in(params_.sample_step, Sampler{this});
}

void WebTier::schedule_faults() {
  for (const NodeCrash& crash : params_.crashes) {
    const std::uint32_t nodes = crash.nodes;
    sim_.schedule_at(sim::start_instant + crash.at, [this, nodes] { asg_.crash(nodes); });
  }
}

void WebTier::on_sample() {
  const sim::Instant now = sim_.now();
  const LoadBalancerCounters& c = lb_.counters();
  // Conservation: every request that arrived is served, failed, or still in flight.
  B24_ASSERT_MSG(c.arrived == c.served + c.failed() + lb_.in_flight(),
                 "request conservation broken");
  asg_.poll_draining();
  step_latency_.clear();
  lb_.take_window_latency(step_latency_);
  minute_latency_.merge(step_latency_);
  deploy_.on_sample(step_latency_);
  period_latency_.merge(step_latency_);
  const NodeCounts n = asg_.counts();
  peak_nodes_ = std::max(peak_nodes_, n.in_service);
  const auto ms = [](std::int64_t us) { return static_cast<double>(us) / 1000.0; };
  const auto count = [](auto v) { return static_cast<double>(v); };
  recorder_.sample(
      now, entity_,
      {{"arrivals", static_cast<double>(c.arrived - at_last_sample_.arrived)},
       {"served", static_cast<double>(c.served - at_last_sample_.served)},
       {"failed", static_cast<double>(c.failed() - at_last_sample_.failed())},
       {"in_flight", static_cast<double>(lb_.in_flight())},
       {"p50_latency_ms", ms(step_latency_.percentile(50))},
       {"p95_latency_ms", ms(step_latency_.percentile(95))},
       {"p99_latency_ms", ms(step_latency_.percentile(99))},
       {"nodes_pending", count(n.pending)},
       {"nodes_in_service", count(n.in_service)},
       {"nodes_unhealthy", count(n.unhealthy)},
       {"nodes_draining", count(n.draining)},
       {"desired_capacity", count(asg_.desired())},
       {"cpu_pct", asg_.close_cpu_step(params_.sample_step)},
       {"offered_rps", params_.external_arrivals ? offered_rps_ : workload_.rate_per_s(now)}});
  // The trace fingerprints the trajectory, not only the rare decisions: one record per step.
  sim_.emit("sample", entity_,
            {{"arrived", c.arrived},
             {"served", c.served},
             {"failed", c.failed()},
             {"in_flight", lb_.in_flight()}});
  at_last_sample_ = c;
  if (now - minute_start_ >= std::chrono::minutes{1}) judge_minute();
  if (now - period_start_ >= params_.cloudwatch.period) on_period();
}

// A CloudWatch period has ended: publish its datapoints, evaluate the alarms on what is
// published so far, and let the group act.
void WebTier::on_period() {
  const sim::Instant now = sim_.now();
  const std::optional<double> cpu = asg_.close_cpu_period(now - period_start_);
  const LoadBalancerCounters& c = lb_.counters();
  // A suspended group publishes nothing: its alarms see missing data, so an outage's idle hours
  // do not make it scale in just before its tenants return.
  if (!suspended_) publish_period(cpu, c);
  if (cpu && !suspended_) recorder_.sample(now, entity_, {{"cloudwatch_cpu_pct", *cpu}});
  period_latency_.clear();
  at_last_period_ = c;

  cloudwatch_.evaluate_alarms();
  if (!suspended_) asg_.evaluate(scaling_signals());
  period_start_ = now;
}

void WebTier::publish_period(std::optional<double> cpu, const LoadBalancerCounters& c) {
  if (cpu) cloudwatch_.put(cpu_metric_, period_start_, *cpu);
  cloudwatch_.put(request_count_metric_, period_start_,
                  static_cast<double>(c.arrived - at_last_period_.arrived));
  // ELB metrics exist only while requests flow (DOMAIN.md 1): no requests, no datapoint.
  if (period_latency_.count() > 0) {
    const double p50_s = static_cast<double>(period_latency_.percentile(50)) * 1e-6;
    const double p99_s = static_cast<double>(period_latency_.percentile(99)) * 1e-6;
    cloudwatch_.put(response_p50_metric_, period_start_, p50_s);
    cloudwatch_.put(response_p99_metric_, period_start_, p99_s);
  }
  cloudwatch_.put(healthy_hosts_metric_, period_start_, asg_.counts().in_service);
}

// An SLO-violation minute: the minute's p99 latency is over the SLO, or its error rate is.
void WebTier::judge_minute() {
  const LoadBalancerCounters& c = lb_.counters();
  const auto arrived = c.arrived - at_last_minute_.arrived;
  const auto failed = c.failed() - at_last_minute_.failed();
  const bool slow =
      minute_latency_.count() > 0 && minute_latency_.percentile(99) > slo_.p99_latency.count();
  const bool failing = arrived > 0 && static_cast<double>(failed) >
                                          slo_.max_error_rate * static_cast<double>(arrived);
  if (slow || failing) ++slo_violation_minutes_;
  deploy_.on_minute(minute_latency_);
  minute_latency_.clear();
  at_last_minute_ = c;
  minute_start_ = sim_.now();
}

WebTierTotals WebTier::totals() const {
  const sim::Instant now = sim_.now();
  WebTierTotals t;
  t.requests = lb_.counters();
  t.in_flight_at_end = lb_.in_flight();
  const auto answered = t.requests.served + t.requests.failed();
  t.availability =
      answered == 0 ? 1.0 : static_cast<double>(t.requests.served) / static_cast<double>(answered);
  const sim::LatencyHistogram& h = lb_.latency();
  t.p50_us = h.percentile(50);
  t.p95_us = h.percentile(95);
  t.p99_us = h.percentile(99);
  t.max_us = h.max();
  t.mean_latency_s = h.mean() * 1e-6;
  t.mean_dispatch_wait_s = lb_.dispatch_wait_s().mean();
  t.slo_violation_minutes = slo_violation_minutes_;
  t.peak_nodes = peak_nodes_;
  t.mean_nodes = asg_.in_service_gauge().mean(now);
  t.node_hours = asg_.instance_seconds(now) / 3600.0;
  t.cost_usd = t.node_hours * params_.instance_price_usd_per_hour;
  t.scaling_actions = asg_.scaling_actions();
  t.deploys = deploy_.totals();
  const double elapsed_s = sim::to_seconds(now - sim::start_instant);
  t.littles_l = lb_.in_flight_gauge().mean(now);
  const auto departed = lb_.departed();
  if (departed > 0 && elapsed_s > 0) {
    t.littles_lambda_w = static_cast<double>(t.requests.arrived) / elapsed_s *
                         (lb_.time_in_system_s() / static_cast<double>(departed));
  }
  return t;
}

}  // namespace b24::models
