#include "cli/platform_summary.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

namespace b24::cli {
namespace {

double ms(std::int64_t us) {
  return static_cast<double>(us) / 1000.0;
}

// Seconds from the start of the run to an instant, or -1 when it never happened.
double at_s(const std::optional<sim::Instant>& t) {
  return t ? sim::to_seconds(*t - sim::start_instant) : -1.0;
}
double after_s(const std::optional<sim::Instant>& t, sim::Instant from) {
  return t ? sim::to_seconds(*t - from) : -1.0;
}

reports::Summary failovers(const models::PlatformTotals& t) {
  reports::Summary out;
  std::map<std::string, int> seen;
  for (const models::FailoverTotals& f : t.failovers) {
    const int n = ++seen[f.dc];
    const std::string key = n == 1 ? f.dc : f.dc + "#" + std::to_string(n);
    const double detection_to_served_s =
        f.detected_at ? after_s(f.served_elsewhere_at, *f.detected_at) : -1.0;
    out.add(key, reports::Summary{}
                     .add("cause", f.cause)
                     .add("failed_at_s", sim::to_seconds(f.failed_at - sim::start_instant))
                     .add("detection_s", after_s(f.detected_at, f.failed_at))
                     .add("failover_time_s", after_s(f.served_elsewhere_at, f.failed_at))
                     .add("detection_to_served_s", detection_to_served_s)
                     .add("recovered_at_s", at_s(f.recovered_at))
                     .add("failed_back_at_s", at_s(f.failed_back_at))
                     .add("cohorts_moved", f.cohorts_moved)
                     .add("requests_failed", f.requests_failed)
                     .add("replicated", f.replicated)
                     .add("writes_at_risk", f.writes_at_risk)
                     .add("writes_lost", f.writes_lost));
  }
  return out;
}

reports::Summary replication(const models::PlatformTotals& t) {
  reports::Summary edges;
  double max_lag = 0.0, p99_lag = 0.0, catch_up = -1.0;
  std::uint64_t resyncs = 0;
  for (const models::ReplicationEdgeTotals& e : t.replication) {
    max_lag = std::max(max_lag, e.max_lag_s);
    p99_lag = std::max(p99_lag, e.p99_lag_s);
    catch_up = std::max(catch_up, e.catch_up_s);
    resyncs += e.resyncs;
    edges.add(e.name, reports::Summary{}
                          .add("max_lag_s", e.max_lag_s)
                          .add("p99_lag_s", e.p99_lag_s)
                          .add("max_backlog_tx", e.max_backlog_tx)
                          .add("catch_up_s", e.catch_up_s)
                          .add("resyncs", e.resyncs)
                          .add("replicated_tx", e.applied_tx));
  }
  return reports::Summary{}
      .add("max_lag_s", max_lag)
      .add("p99_lag_s", p99_lag)
      .add("longest_catch_up_s", catch_up)
      .add("resyncs", resyncs)
      .add("markers_out_of_order", t.markers_out_of_order)
      .add("edges", std::move(edges));
}

reports::Summary per_dc(const models::PlatformTotals& t) {
  reports::Summary out;
  for (const models::DcTotals& d : t.dcs) {
    out.add(d.name, reports::Summary{}
                        .add("arrived", d.web.requests.arrived)
                        .add("served", d.web.requests.served)
                        .add("failed", d.web.requests.failed())
                        .add("failed_unreachable", d.failed_unreachable)
                        .add("p99_ms", ms(d.web.p99_us))
                        .add("slo_violation_minutes", d.web.slo_violation_minutes)
                        .add("peak_nodes", d.web.peak_nodes)
                        .add("node_hours", d.web.node_hours)
                        .add("cost_usd", d.web.cost_usd)
                        .add("peak_cohorts", d.peak_cohorts)
                        .add("writes_committed", d.writes_committed)
                        .add("db_switchovers", d.db_switchovers));
  }
  return out;
}

}  // namespace

reports::Summary make_platform_summary(reports::Summary run, const models::PlatformTotals& t) {
  reports::Summary summary;
  summary.add("run", std::move(run))
      .add("requests", reports::Summary{}
                           .add("arrived", t.requests_arrived)
                           .add("served", t.requests_served)
                           .add("failed", t.requests_failed)
                           .add("in_flight_at_end", t.requests_in_flight))
      .add("availability_pct", 100.0 * t.availability)
      .add("latency", reports::Summary{}
                          .add("p50_ms", ms(t.p50_us))
                          .add("p95_ms", ms(t.p95_us))
                          .add("p99_ms", ms(t.p99_us))
                          .add("max_ms", ms(t.max_us)))
      .add("slo_violation_minutes", t.slo_violation_minutes)
      .add("nodes", reports::Summary{}
                        .add("sum_of_dc_peaks", t.peak_nodes)
                        .add("node_hours", t.node_hours)
                        .add("cost_usd", t.cost_usd))
      .add("placement", reports::Summary{}
                            .add("cohort_moves", t.cohort_moves)
                            .add("failbacks", t.failbacks)
                            .add("residency_violations", t.residency_violations))
      .add("failovers", failovers(t))
      .add("writes", reports::Summary{}
                         .add("committed", t.writes.committed)
                         .add("at_risk", t.writes.at_risk)
                         .add("lost", t.writes.lost)
                         .add("conflicting", t.writes.conflicting)
                         .add("refused", t.writes.failed))
      .add("replication", replication(t))
      .add("dcs", per_dc(t));
  return summary;
}

void print_platform_totals(const models::PlatformTotals& t) {
  std::printf("  requests %llu, failed %llu, availability %.4f%%; p50 %.1f ms, p99 %.1f ms\n",
              static_cast<unsigned long long>(t.requests_arrived),
              static_cast<unsigned long long>(t.requests_failed), 100.0 * t.availability,
              ms(t.p50_us), ms(t.p99_us));
  std::printf("  %zu DCs: %.1f node-hours, cost %.2f USD, SLO-violation minutes %llu\n",
              t.dcs.size(), t.node_hours, t.cost_usd,
              static_cast<unsigned long long>(t.slo_violation_minutes));
  for (const models::FailoverTotals& f : t.failovers) {
    std::printf(
        "  failover %s: detected after %.0f s, served elsewhere after %.0f s, %llu "
        "requests failed, %.0f writes at risk%s\n",
        f.dc.c_str(), after_s(f.detected_at, f.failed_at),
        after_s(f.served_elsewhere_at, f.failed_at),
        static_cast<unsigned long long>(f.requests_failed), f.writes_at_risk,
        f.writes_lost ? " (lost: the DC did not return)" : "");
  }
  std::printf(
      "  writes: %.0f committed, %.0f at risk, %.0f lost, %.0f conflicting; cohort moves "
      "%llu, residency violations %llu\n",
      t.writes.committed, t.writes.at_risk, t.writes.lost, t.writes.conflicting,
      static_cast<unsigned long long>(t.cohort_moves),
      static_cast<unsigned long long>(t.residency_violations));
}

}  // namespace b24::cli
