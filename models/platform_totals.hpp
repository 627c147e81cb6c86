#pragma once
// The figures of a whole platform run, for the summary: per DC, per failover, per replication
// edge, and the writes' fates. Plain data filled by models::Platform::totals().

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/call_totals.hpp"
#include "models/composite_site.hpp"
#include "models/web_tier.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct DcTotals {
  std::string name;
  WebTierTotals web;                     // the tier's own figures (what reached its ELB)
  std::uint64_t failed_unreachable = 0;  // requests for this DC while it was down
  std::uint64_t peak_cohorts = 0;        // cohorts served here at once (sample instants)
  double writes_committed = 0.0;         // transactions committed by clients here
  std::uint64_t db_switchovers = 0;
};

// One whole-DC failure, from the fault to the failback of its cohorts.
struct FailoverTotals {
  std::string dc;
  // "dc_failure": the DC went down; "isolated": a partition cut it off from the orchestrator's
  // side, which declared it failed while it kept running (split brain).
  std::string cause = "dc_failure";
  sim::Instant failed_at{};
  std::optional<sim::Instant> detected_at;          // declared failed by health detection
  std::optional<sim::Instant> served_elsewhere_at;  // last cohort moved + clients reconnected
  std::optional<sim::Instant> recovered_at;         // the DC came back
  std::optional<sim::Instant> failed_back_at;       // its last cohort returned home
  std::uint64_t cohorts_moved = 0;
  std::uint64_t requests_failed = 0;  // its cohorts' requests that failed while it was down
  bool replicated = true;             // the DC has a replica in another DC
  double writes_at_risk = 0.0;        // committed here, on no other DC at the failure
  bool writes_lost = false;           // the DC had not returned at the end of the run
};

struct ReplicationEdgeTotals {
  std::string name;  // "<source>-><replica>"
  double max_lag_s = 0.0;
  double p99_lag_s = 0.0;  // over the sample instants
  double max_backlog_tx = 0.0;
  double catch_up_s = -1.0;  // the last catch-up, or negative when none happened
  std::uint64_t resyncs = 0;
  double applied_tx = 0.0;  // writes replicated to the replica through this edge
};

struct WriteFates {
  double committed = 0.0;    // at the DC the cohort worked with
  double at_risk = 0.0;      // not yet on any other server when their server or DC failed
  double lost = 0.0;         // at risk, and the server or DC never returned within the run
  double conflicting = 0.0;  // accepted on a DC the cohort had left and that could not
                             // replicate to its new DC (split brain), reconciled at resync
  double failed = 0.0;       // refused: no DB server of the DC was available
};

// One cohort's share of the web tiers' node cost (scenarios/README.md "cohorts"). In each DC the
// cohort pays the DC's cost over the run in proportion to the web CPU its requests asked for
// there: the requests it sent to the DC's load balancer, each weighted by its kind's CPU share (1
// for a whole page). Every cohort's requests in a DC draw their CPU time from the DC's one
// distribution, so this is the cohort's expected share of the CPU the nodes spent. Idle capacity
// (floors, warm-up, scale-in lag) is shared in the same proportion.
struct CohortCostTotals {
  std::string name;
  std::string plan;
  std::uint64_t tenants = 0;
  std::uint64_t web_requests = 0;  // sent to a web tier, every kind, all DCs
  double cost_usd = 0.0;           // over the run
  // cost_usd scaled to 30 days and divided by tenants; none when tenants == 0.
  std::optional<double> cost_per_tenant_month_usd;
};

// The cohorts of one plan added up. The per-tenant figure counts only the cohorts with tenants
// (their cost over their tenants); cost_usd is every cohort of the plan.
struct PlanCostTotals {
  std::string plan;
  std::uint64_t cohorts = 0;
  std::uint64_t tenants = 0;
  double cost_usd = 0.0;
  std::optional<double> cost_per_tenant_month_usd;  // none when no cohort counts tenants
};

struct PlatformTotals {
  std::vector<DcTotals> dcs;  // in topology order
  // Client view over all DCs: what cohorts sent and how it ended.
  std::uint64_t requests_arrived = 0;
  std::uint64_t requests_served = 0;
  std::uint64_t requests_failed = 0;  // at an ELB (502/503/504) or unreachable DC
  std::uint64_t requests_in_flight = 0;
  double availability = 1.0;
  std::int64_t p50_us = 0, p95_us = 0, p99_us = 0, max_us = 0;
  std::uint64_t slo_violation_minutes = 0;  // summed over DCs
  double node_hours = 0.0;
  double cost_usd = 0.0;
  int peak_nodes = 0;  // sum over DCs of each DC's peak
  std::vector<FailoverTotals> failovers;
  std::vector<ReplicationEdgeTotals> replication;
  WriteFates writes;
  std::uint64_t cohort_moves = 0;
  std::uint64_t failbacks = 0;
  std::uint64_t residency_violations = 0;  // moves onto a DC the cohort's law does not allow
  std::uint64_t markers_out_of_order = 0;
  double simulated_s = 0.0;               // the run's length, for the per-month figures
  std::vector<CohortCostTotals> cohorts;  // in scenario order
  std::vector<PlanCostTotals> plans;      // in order of each plan's first cohort
  // Node cost of DCs that served no cohort's request in the whole run: nobody to charge it to.
  double unattributed_cost_usd = 0.0;
  std::optional<CompositeTotals> composite;  // when the scenario has a composite site
  std::optional<CallTotals> calls;           // when the scenario has calls
};

}  // namespace b24::models
