// Platform: the sample step (write rates, series) and the run's totals.

#include <algorithm>
#include <string>

#include "models/call_service.hpp"
#include "models/platform.hpp"
#include "sim/assert.hpp"
#include "sim/latency_histogram.hpp"

namespace b24::models {

void Platform::on_sample() {
  const sim::Instant now = sim_->now();
  update_writes(sim::to_seconds(params_.sample_step));
  std::vector<double> offered(topology_.dc_count(), 0.0);
  std::vector<std::uint64_t> cohorts_on(topology_.dc_count(), 0);
  for (const auto& cohort : cohorts_) {
    const double rate = cohort->rate_per_s(now);
    offered[cohort->assigned().index] += rate;
    ++cohorts_on[cohort->assigned().index];
    recorder_->sample(
        now, cohort->entity(),
        {{"dc", static_cast<double>(cohort->assigned().index)},
         {"offered_rps", rate},
         {"failed_unreachable", static_cast<double>(cohort->counters().failed_unreachable)}});
  }
  for (std::uint32_t i = 0; i < topology_.dc_count(); ++i) {
    DcRuntime& d = dc_[i];
    tiers_[i]->set_offered_rate(offered[i]);
    d.peak_cohorts = std::max(d.peak_cohorts, cohorts_on[i]);
    recorder_->sample(now, tiers_[i]->entity(),
                      {{"dc_up", topology_.dc_up(DcId{i}) ? 1.0 : 0.0},
                       {"declared_healthy", health_->healthy(DcId{i}) ? 1.0 : 0.0},
                       {"cohorts", static_cast<double>(cohorts_on[i])},
                       {"write_tps", d.write_tps},
                       {"failed_unreachable", static_cast<double>(d.failed_unreachable)}});
    dbs_[i]->sample();
  }
  replication_->sample();
  if (composite_) composite_->sample(now);
  if (calls_) calls_->sample();
  check_conservation();
}

// Every request a cohort sent reached a DC's load balancer or failed as unreachable.
void Platform::check_conservation() const {
  std::uint64_t sent = 0;
  for (const auto& cohort : cohorts_) sent += cohort->counters().arrived;
  // A composite page that reached its DC became its parts: those delivered to a load balancer
  // and the dynamic ones that found the DC down (a cache hit sends none of its own).
  if (composite_) {
    sent = sent - composite_->pages_started() + composite_->parts_delivered() +
           composite_->parts_unreachable();
  }
  std::uint64_t received = 0;
  for (std::uint32_t i = 0; i < topology_.dc_count(); ++i) {
    received += tiers_[i]->load_balancer().counters().arrived + dc_[i].failed_unreachable;
  }
  B24_ASSERT_MSG(sent == received, "platform request conservation broken");
}

// Each DC's write rate for the next step: the requests it served in the last step times the
// write fraction of the cohorts that sent them. A step of delay at a 60 s step is far below
// the minutes-to-hours dynamics of replication that these rates drive.
void Platform::update_writes(double step_s) {
  for (std::uint32_t i = 0; i < topology_.dc_count(); ++i) {
    DcRuntime& d = dc_[i];
    const std::uint64_t served = tiers_[i]->load_balancer().counters().served;
    const double fraction = d.routed == 0 ? 0.0 : d.write_weight / static_cast<double>(d.routed);
    double rate = static_cast<double>(served - d.served_at_sample) * fraction / step_s;
    d.served_at_sample = served;
    d.routed = 0;
    d.write_weight = 0.0;
    if (!topology_.dc_up(DcId{i})) rate = 0.0;
    // The DB pair integrates committed and refused writes exactly as its servers come and go;
    // replication carries only what a server accepted.
    dbs_[i]->set_write_rate(rate);
    const double accepted = dbs_[i]->available() ? rate : 0.0;
    d.write_tps = accepted;
    if (d.has_replica) replication_->set_write_rate(DcId{i}, accepted);
  }
}

PlatformTotals Platform::totals() {
  B24_ASSERT_MSG(!finished_, "totals() closes the run: call it once");
  finished_ = true;
  PlatformTotals t;
  sim::LatencyHistogram latency;
  for (std::uint32_t i = 0; i < topology_.dc_count(); ++i) {
    DcTotals d;
    d.name = topology_.dc(DcId{i}).name;
    d.web = tiers_[i]->totals();
    d.failed_unreachable = dc_[i].failed_unreachable;
    d.peak_cohorts = dc_[i].peak_cohorts;
    d.writes_committed = dbs_[i]->writes_committed();
    d.db_switchovers = dbs_[i]->switchovers();
    latency.merge(tiers_[i]->load_balancer().latency());
    t.requests_served += d.web.requests.served;
    t.requests_failed += d.web.requests.failed() + d.failed_unreachable;
    t.requests_in_flight += d.web.in_flight_at_end;
    t.slo_violation_minutes += d.web.slo_violation_minutes;
    t.node_hours += d.web.node_hours;
    t.cost_usd += d.web.cost_usd;
    t.peak_nodes += d.web.peak_nodes;
    t.writes.committed += d.writes_committed;
    dbs_[i]->finish();
    t.writes.at_risk += dbs_[i]->writes_at_risk_total();
    t.writes.lost += dbs_[i]->writes_lost();
    t.writes.failed += dbs_[i]->writes_failed();
    t.dcs.push_back(std::move(d));
  }
  for (const auto& cohort : cohorts_) {
    const CohortCounters& c = cohort->counters();
    t.requests_arrived += c.arrived;
    t.cohort_moves += c.moves;
    t.failbacks += c.failbacks;
    t.residency_violations += c.residency_violations;
  }
  const std::uint64_t answered = t.requests_served + t.requests_failed;
  t.availability =
      answered == 0 ? 1.0 : static_cast<double>(t.requests_served) / static_cast<double>(answered);
  t.p50_us = latency.percentile(50);
  t.p95_us = latency.percentile(95);
  t.p99_us = latency.percentile(99);
  t.max_us = latency.max();
  for (FailoverTotals f : failovers_) {
    t.writes.at_risk += f.writes_at_risk;
    if (!f.recovered_at) {
      f.writes_lost = true;
      t.writes.lost += f.writes_at_risk;
    }
    t.failovers.push_back(std::move(f));
  }
  t.writes.conflicting = writes_.conflicting;
  for (const ReplicationNetwork::EdgeTotals& e : replication_->totals()) {
    ReplicationEdgeTotals r;
    r.name = e.name.substr(e.name.find('/') + 1);  // "repl/fra->par" -> "fra->par"
    r.max_lag_s = e.max_lag_s;
    r.p99_lag_s = e.p99_lag_s;
    r.max_backlog_tx = e.max_backlog_tx;
    r.catch_up_s = e.last_catch_up.count() >= 0 ? sim::to_seconds(e.last_catch_up) : -1.0;
    r.resyncs = e.resyncs;
    r.applied_tx = e.applied_tx;
    t.replication.push_back(std::move(r));
  }
  t.markers_out_of_order = replication_->markers_out_of_order();
  if (composite_) {
    t.composite = composite_->totals();
    // Requests are what reached the load balancers (or failed as unreachable): a composite page
    // counts as its parts, a cache hit is not one (the composite block counts pages).
    t.requests_arrived = t.requests_arrived - composite_->pages_started() +
                         composite_->parts_delivered() + composite_->parts_unreachable();
  }
  if (calls_) t.calls = calls_->totals();
  t.simulated_s = sim::to_seconds(sim_->now() - sim::start_instant);
  attribute_cost(t);
  return t;
}

}  // namespace b24::models
