#pragma once
// Everything that configures the whole platform (issue 4): the inter-DC topology, one web tier
// per DC, tenant cohorts with their placement policy, DC health detection, MySQL replication
// between DCs and inside each DC, and the faults to replay. Plain data, filled in by the
// scenario loader; the models validate again and throw std::invalid_argument on nonsense.
//
// Names, not ids, cross-reference DCs here (cohort homes, replication edges, fault targets), so
// the struct reads like the YAML it comes from; models::Platform resolves them through the
// Topology and rejects unknown names.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/call_params.hpp"
#include "models/composite_params.hpp"
#include "models/replication_link.hpp"
#include "models/topology_params.hpp"
#include "models/web_tier.hpp"
#include "models/web_tier_params.hpp"
#include "models/workload.hpp"
#include "policy/placement.hpp"
#include "policy/target_health.hpp"
#include "sim/time.hpp"

namespace b24::models {

// A group of tenants that share a home DC, a jurisdiction and a load shape. Each cohort works
// with exactly one DC at a time (policy::decide_placement chooses which).
struct CohortParams {
  std::string name;          // unique, an entity name: "cohort/<name>"
  std::string home;          // DC name; must be lawful for the jurisdiction
  std::string jurisdiction;  // empty: the home DC's jurisdiction
  // Peak rate and daily profile in the cohort's local time; workload.utc_offset is the home DC's
  // offset unless the scenario sets it.
  WorkloadParams workload{};
  bool utc_offset_set = false;  // false: take the home DC's offset
  // Share of served requests that commit a write to the cohort's database. Assumption: 10 %.
  double write_fraction = 0.10;
  // The tenant accounts the cohort's load stands for, and their plan: they change no load, only
  // how the cohort's share of the web tiers' cost is divided (PlatformTotals::cohorts and
  // ::plans). 0 tenants: not counted, no per-tenant figure. The plan is a free lower-case
  // label ("free", "paid", ...); unwritten, a cohort is a paying one.
  std::uint64_t tenants = 0;
  std::string plan = "paid";
};

// How the platform decides that a whole DC is down: an external health checker (DNS failover,
// Route 53 style) probing every DC, with policy::TargetHealth's thresholds. Assumption, Route 53
// health check defaults: a 30 s request interval and a failure threshold of 3; recovery after 3
// consecutive successes.
struct DcHealthParams {
  policy::HealthCheckConfig check{.interval = std::chrono::seconds{30},
                                  .timeout = std::chrono::seconds{4},
                                  .healthy_threshold = 3,
                                  .unhealthy_threshold = 3,
                                  .initial_successes_to_healthy = 1};
  // After the placement policy moves a cohort, its clients reach the new DC once their cached
  // DNS answer expires: a TTL of 60 s (the ELB DNS TTL, DOMAIN.md 1). Clients switch spread
  // evenly over this window.
  sim::Duration client_reconnect = std::chrono::seconds{60};
};

// One directed replication edge: `replica` is a MySQL replica of `source` (and, master-master,
// may itself be a source of others).
struct ReplicationEdge {
  std::string source;
  std::string replica;
};

struct ReplicationParams {
  // The replication digraph (the loader expands `pairs` and `rings` into edges). Empty: no
  // inter-DC replication.
  std::vector<ReplicationEdge> edges;
  // Defaults for every edge. Latency and bandwidth come from the topology's route between the two
  // DCs; applier, transaction size, retention and data size from here.
  ReplicationLinkParams link{};
  // When a member of a ring fails: wait (MySQL's own behaviour: the downstream replica retries
  // and receives nothing from upstream until the member returns) or re-point the downstream
  // replica to the failed member's source after `repoint_delay` (an operator or orchestrator).
  bool repoint_on_failure = false;
  sim::Duration repoint_delay = std::chrono::minutes{5};  // assumption
  // Every origin DC writes a numbered marker transaction this often; markers travel the
  // replication graph like any write, so their arrival order and delay are observable. 0: none.
  sim::Duration marker_interval = std::chrono::seconds{60};
};

// Inside each DC: a master-master pair of DB servers; clients use one, the other replicates it.
struct DbPairParams {
  // The intra-DC replication link (same rack: sub-millisecond, 10 Gbit/s). Assumptions.
  ReplicationLinkParams link{.one_way_latency = std::chrono::microseconds{250},
                             .bandwidth_bytes_per_s = 1.25e9};
};

enum class FaultKind : std::uint8_t { dc_failure, db_crash, partition, node_crash, turn_failure };

// A fault at a fixed time: whole DC down (`targets` = one DC), a DB server crash (`targets` = one
// DC, `server` 0 or 1), a partition (`targets` = link names "<a>-<b>"), web nodes crashing
// (`targets` = one DC, `nodes`), or a DC's TURN relays failing (turn_failure, `targets` = one
// DC). It lasts `length` (a node crash has none; 0 elsewhere means until the end of the run).
struct FaultSpec {
  FaultKind kind = FaultKind::dc_failure;
  std::vector<std::string> targets;
  sim::Duration at{};  // from the start of the run
  sim::Duration length{};
  int server = 0;           // db_crash
  std::uint32_t nodes = 1;  // node_crash
};

// Faults at a random rate: each target fails as a Poisson process with `mean_time_between`
// and each fault lasts an exponential time of mean `mean_length`. Drawn at the start of the run
// from the run's seed (stream "faults/<kind>/<target>"), so the run stays reproducible.
struct RandomFaultSpec {
  FaultKind kind = FaultKind::dc_failure;
  std::vector<std::string> targets;  // each target independently
  sim::Duration mean_time_between = std::chrono::hours{24 * 365};
  sim::Duration mean_length = std::chrono::hours{1};
  int server = 0;
  std::uint32_t nodes = 1;
};

// `deploy:` of a platform scenario: a rolling deploy of the listed DCs' web tiers, one DC after
// the other (the next starts when the previous is done), from `at`.
struct PlatformDeployParams {
  sim::Duration at{};            // from the start of the run
  std::vector<std::string> dcs;  // in deploy order (the loader expands `all` to topology order)
  InstanceRefreshParams refresh{};
};

struct PlatformParams {
  TopologyParams topology;
  // One per DC, in topology.dcs order; tiers[i].name == topology.dcs[i].name. Their workloads
  // are unused: cohorts generate the arrivals.
  std::vector<WebTierParams> tiers;
  std::vector<CohortParams> cohorts;
  policy::PlacementPolicy placement{};
  DcHealthParams health{};
  ReplicationParams replication{};
  DbPairParams db{};
  std::vector<FaultSpec> faults;
  std::vector<RandomFaultSpec> random_faults;
  std::optional<PlatformDeployParams> deploy;
  SloParams slo{};
  // The composite site (issue 5): off unless cohorts are named.
  CompositeParams composite{};
  // The run's length: random faults are drawn within it. The CLI sets it from the scenario.
  sim::Duration horizon = std::chrono::hours{24};
  sim::Duration sample_step = std::chrono::seconds{60};  // per-DC, per-link and cohort series
  // WebRTC calls, TURN relays and telephony (issue 5); absent: no calls.
  std::optional<CallParams> calls;
};

}  // namespace b24::models
