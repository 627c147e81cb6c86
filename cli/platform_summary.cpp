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

// The cohorts' shares of the node cost (models/platform_cost.cpp); the per-tenant figure only
// where tenants are counted (JSON has no null in our summaries: the key is absent).
reports::Summary cohort_costs(const models::PlatformTotals& t) {
  reports::Summary out;
  for (const models::CohortCostTotals& c : t.cohorts) {
    reports::Summary one;
    one.add("plan", c.plan)
        .add("tenants", c.tenants)
        .add("web_requests", c.web_requests)
        .add("cost_usd", c.cost_usd);
    if (c.cost_per_tenant_month_usd) {
      one.add("cost_per_tenant_month_usd", *c.cost_per_tenant_month_usd);
    }
    out.add(c.name, std::move(one));
  }
  return out;
}

reports::Summary plan_costs(const models::PlatformTotals& t) {
  reports::Summary out;
  for (const models::PlanCostTotals& p : t.plans) {
    reports::Summary one;
    one.add("cohorts", p.cohorts).add("tenants", p.tenants).add("cost_usd", p.cost_usd);
    if (p.cost_per_tenant_month_usd) {
      one.add("cost_per_tenant_month_usd", *p.cost_per_tenant_month_usd);
    }
    out.add(p.plan, std::move(one));
  }
  return out;
}

reports::Summary composite_pages(const models::CompositePageTotals& c) {
  const double hit_ratio =
      c.started == 0 ? 0.0 : static_cast<double>(c.cache_hits) / static_cast<double>(c.started);
  return reports::Summary{}
      .add("page_views", c.started)
      .add("completed", c.completed)
      .add("failed_no_content", c.failed_no_content)
      .add("failed_incomplete", c.failed_incomplete)
      .add("in_flight_at_end", c.in_flight)
      .add("cache_hits", c.cache_hits)
      .add("cache_hit_ratio_observed", hit_ratio)
      .add("ttfc_p50_ms", ms(c.ttfc_p50_us))
      .add("ttfc_p99_ms", ms(c.ttfc_p99_us))
      .add("ttfc_mean_ms", 1000.0 * c.ttfc_mean_s)
      .add("ttcp_p50_ms", ms(c.ttcp_p50_us))
      .add("ttcp_p99_ms", ms(c.ttcp_p99_us))
      .add("ttcp_mean_ms", 1000.0 * c.ttcp_mean_s);
}

// WebRTC calls, TURN relays and telephony (issue 5; scenarios/README.md "calls").
reports::Summary calls(const models::CallTotals& t) {
  reports::Summary dcs;
  for (const models::DcCallTotals& d : t.dcs) {
    dcs.add(d.name, reports::Summary{}
                        .add("peak_active_calls", d.peak_active_calls)
                        .add("peak_relay_mbps", d.peak_relay_mbps)
                        .add("peak_relay_allocations", d.peak_relay_allocations)
                        .add("peak_relayed_streams", d.peak_relayed_streams)
                        .add("relay_failures", d.relay_failures)
                        .add("phone_offered", d.phone_offered)
                        .add("phone_blocked", d.phone_blocked));
  }
  const std::uint64_t failed =
      t.failed_signalling_dc_down + t.failed_no_relay_capacity + t.failed_no_healthy_relay;
  return reports::Summary{}
      .add("started", t.started)
      .add("one_to_one", t.one_to_one)
      .add("group", t.group)
      .add("storm", t.storm)
      .add("connected", t.connected)
      .add("completed", t.completed)
      .add("in_progress_at_end", t.in_progress_at_end)
      .add("failed", failed)
      .add("failed_by_reason", reports::Summary{}
                                   .add("signalling_dc_down", t.failed_signalling_dc_down)
                                   .add("no_relay_capacity", t.failed_no_relay_capacity)
                                   .add("no_healthy_relay", t.failed_no_healthy_relay))
      .add("degraded", t.degraded_calls)
      .add("degraded_participants", t.degraded_participants)
      .add("relay_audio_fallbacks", t.relay_audio_fallbacks)
      .add("relay_pairs_unconnected", t.relay_pairs_unconnected)
      .add("dropped", t.dropped)
      .add("reestablished", t.reestablished)
      .add("lost_after_drop", t.lost_after_drop)
      .add("interruption_p50_s", sim::to_seconds(sim::Duration{t.interruption_p50_us}))
      .add("interruption_p95_s", sim::to_seconds(sim::Duration{t.interruption_p95_us}))
      .add("interruption_max_s", sim::to_seconds(sim::Duration{t.interruption_max_us}))
      .add("pairs", t.pairs)
      .add("relayed_pairs", t.relayed_pairs)
      .add("streams", t.streams)
      .add("relayed_streams", t.relayed_streams)
      .add("relayed_share", t.relayed_share)
      .add("relayed_share_ci95", t.relayed_share_ci95)
      .add("expected_relay_share", t.expected_relay_share)
      .add("setup_p50_ms", ms(t.setup_p50_us))
      .add("setup_p95_ms", ms(t.setup_p95_us))
      .add("setup_p99_ms", ms(t.setup_p99_us))
      .add("phone_offered", t.phone_offered)
      .add("phone_blocked", t.phone_blocked)
      .add("dcs", std::move(dcs));
}

// The composite site against whole pages: the same run's whole-page requests (the cohorts that
// are not composite), and the web-tier CPU in whole-page renders (scenarios/README.md).
reports::Summary composite(const models::CompositeTotals& t) {
  reports::Summary cohorts;
  for (const models::CompositePageTotals& c : t.cohorts) cohorts.add(c.name, composite_pages(c));
  const double started = static_cast<double>(t.all.started);
  return composite_pages(t.all)
      .add("whole_page_served", t.whole_pages_served)
      .add("whole_page_p50_ms", ms(t.whole_page_p50_us))
      .add("whole_page_p99_ms", ms(t.whole_page_p99_us))
      .add("whole_page_mean_ms", 1000.0 * t.whole_page_mean_s)
      .add("ttfc_mean_saving_vs_whole_page_ms", 1000.0 * (t.whole_page_mean_s - t.all.ttfc_mean_s))
      .add("ttcp_mean_extra_vs_whole_page_ms", 1000.0 * (t.all.ttcp_mean_s - t.whole_page_mean_s))
      .add("web_cpu_page_renders_used", t.page_renders_used)
      .add("web_cpu_page_renders_saved", t.page_renders_saved)
      .add("web_cpu_saved_pct", started > 0 ? 100.0 * t.page_renders_saved / started : 0.0)
      .add("cohorts", std::move(cohorts));
}

reports::Summary one_deploy(const models::DeployTotals& d) {
  return reports::Summary{}
      .add("started_at_s", sim::to_seconds(d.started_at - sim::start_instant))
      .add("finished_at_s", at_s(d.finished_at))
      .add("duration_s", after_s(d.finished_at, d.started_at))
      .add("completed", d.finished_at.has_value())
      .add("target_version", d.target_version)
      .add("min_healthy_percentage", d.min_healthy_percentage)
      .add("instance_warmup_s", d.instance_warmup_s)
      .add("batches", d.batches)
      .add("nodes_replaced", d.nodes_replaced)
      .add("requests_arrived", d.requests_arrived)
      .add("requests_failed", d.requests_failed)
      .add("p99_ms", ms(d.p99_us))
      .add("p99_hour_before_ms", ms(d.p99_hour_before_us))
      .add("served_hour_before", d.served_hour_before);
}

}  // namespace

std::vector<models::DeployTotals> all_deploys(const models::PlatformTotals& t) {
  std::vector<models::DeployTotals> out;
  for (const models::DcTotals& d : t.dcs) {
    out.insert(out.end(), d.web.deploys.begin(), d.web.deploys.end());
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
  return out;
}

reports::Summary deploys_summary(const std::vector<models::DeployTotals>& deploys) {
  reports::Summary dcs;
  std::map<std::string, int> seen;
  std::uint64_t failed = 0;
  int replaced = 0;
  int completed = 0;
  for (const models::DeployTotals& d : deploys) {
    const int n = ++seen[d.dc];
    dcs.add(n == 1 ? d.dc : d.dc + "#" + std::to_string(n), one_deploy(d));
    failed += d.requests_failed;
    replaced += d.nodes_replaced;
    if (d.finished_at) ++completed;
  }
  const bool all_done = !deploys.empty() && completed == static_cast<int>(deploys.size());
  return reports::Summary{}
      .add("count", deploys.size())
      .add("completed", completed)
      .add("nodes_replaced", replaced)
      .add("requests_failed", failed)
      .add("total_duration_s",
           all_done ? sim::to_seconds(*deploys.back().finished_at - deploys.front().started_at)
                    : -1.0)
      .add("dcs", std::move(dcs));
}

void print_deploys(const std::vector<models::DeployTotals>& deploys) {
  for (const models::DeployTotals& d : deploys) {
    std::printf(
        "  deploy %s: %s after %.0f s, %d nodes in %d batches, %llu of %llu requests failed; "
        "p99 %.1f ms (hour before %.1f ms)\n",
        d.dc.c_str(), d.finished_at ? "done" : "unfinished", after_s(d.finished_at, d.started_at),
        d.nodes_replaced, d.batches, static_cast<unsigned long long>(d.requests_failed),
        static_cast<unsigned long long>(d.requests_arrived), ms(d.p99_us),
        ms(d.p99_hour_before_us));
  }
}

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
                        .add("cost_usd", t.cost_usd)
                        .add("unattributed_cost_usd", t.unattributed_cost_usd))
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
      .add("dcs", per_dc(t))
      .add("cohorts", cohort_costs(t))
      .add("plans", plan_costs(t));
  if (t.composite) summary.add("composite", composite(*t.composite));
  if (t.calls) summary.add("calls", calls(*t.calls));
  if (const auto deploys = all_deploys(t); !deploys.empty()) {
    summary.add("deploys", deploys_summary(deploys));
  }
  return summary;
}

// One line per plan that counts tenants (a scenario without `tenants:` prints none).
void print_plans(const models::PlatformTotals& t) {
  for (const models::PlanCostTotals& p : t.plans) {
    if (!p.cost_per_tenant_month_usd) continue;
    std::printf(
        "  plan %s: %llu tenants in %llu cohorts, cost %.2f USD, %.4f USD per tenant-month\n",
        p.plan.c_str(), static_cast<unsigned long long>(p.tenants),
        static_cast<unsigned long long>(p.cohorts), p.cost_usd, *p.cost_per_tenant_month_usd);
  }
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
  print_plans(t);
  print_deploys(all_deploys(t));
  if (t.composite) {
    const models::CompositeTotals& c = *t.composite;
    std::printf(
        "  composite: %llu page views, first content p50 %.1f ms p99 %.1f ms, complete p50 "
        "%.1f ms p99 %.1f ms; whole pages p50 %.1f ms p99 %.1f ms; %.0f page renders saved\n",
        static_cast<unsigned long long>(c.all.started), ms(c.all.ttfc_p50_us),
        ms(c.all.ttfc_p99_us), ms(c.all.ttcp_p50_us), ms(c.all.ttcp_p99_us),
        ms(c.whole_page_p50_us), ms(c.whole_page_p99_us), c.page_renders_saved);
  }
  if (t.calls) {
    const models::CallTotals& c = *t.calls;
    std::printf(
        "  calls: %llu started, %llu failed, %llu degraded, %llu dropped, %llu re-established; "
        "relayed %.1f%% of pairs (expected %.1f%%); set-up p50 %.0f ms p99 %.0f ms; phone %llu "
        "offered, %llu blocked\n",
        static_cast<unsigned long long>(c.started),
        static_cast<unsigned long long>(c.failed_signalling_dc_down + c.failed_no_relay_capacity +
                                        c.failed_no_healthy_relay),
        static_cast<unsigned long long>(c.degraded_calls),
        static_cast<unsigned long long>(c.dropped),
        static_cast<unsigned long long>(c.reestablished), 100.0 * c.relayed_share,
        100.0 * c.expected_relay_share, ms(c.setup_p50_us), ms(c.setup_p99_us),
        static_cast<unsigned long long>(c.phone_offered),
        static_cast<unsigned long long>(c.phone_blocked));
  }
}

}  // namespace b24::cli
