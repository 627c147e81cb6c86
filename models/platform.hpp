#pragma once
// The whole platform of issue 4 assembled: the inter-DC topology, one web tier and one
// master-master DB pair per DC, tenant cohorts placed by the real placement policy
// (policy::decide_placement), DC health detection, MySQL replication between DCs, and the
// faults of the scenario (whole-DC failures, DB server crashes, partitions, node crashes).
//
// Cross-DC interaction goes through the Topology and the replication links (ARCHITECTURE.md,
// parallelism seam): a cohort's clients reach a DC over the internet; DC-to-DC traffic is only
// replication. Each DC's web tier keeps the request-level fidelity of issue 3; writes and
// replication are fluid (models/replication_link.hpp), driven every sample step by the requests
// each DC actually served.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "models/cohort.hpp"
#include "models/composite_site.hpp"
#include "models/db_pair.hpp"
#include "models/dc_health_monitor.hpp"
#include "models/partition.hpp"
#include "models/platform_params.hpp"
#include "models/platform_totals.hpp"
#include "models/replication_network.hpp"
#include "models/request.hpp"
#include "models/topology.hpp"
#include "models/web_tier.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

class CallService;

class Platform {
 public:
  // Throws std::invalid_argument when the params name unknown DCs or links or are otherwise
  // inconsistent (the scenario loader reports the same problems with file and line first).
  Platform(sim::Simulator& sim, const PlatformParams& params, sim::Recorder& recorder);
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;
  ~Platform();

  void start();
  // Closes what is still open at the end of the run (lost writes, unfinished failovers): call
  // once, after the run.
  [[nodiscard]] PlatformTotals totals();

  [[nodiscard]] const Topology& topology() const noexcept { return topology_; }
  [[nodiscard]] const WebTier& tier(DcId dc) const { return *tiers_.at(dc.index); }
  [[nodiscard]] const Cohort& cohort(std::size_t i) const { return *cohorts_.at(i); }
  [[nodiscard]] std::size_t cohort_count() const noexcept { return cohorts_.size(); }
  [[nodiscard]] ReplicationNetwork& replication() noexcept { return *replication_; }
  [[nodiscard]] const DcHealthMonitor& health() const noexcept { return *health_; }
  [[nodiscard]] const std::vector<FaultSpec>& faults() const noexcept { return faults_; }

 private:
  struct DcRuntime {
    std::uint64_t routed = 0;   // requests sent to its ELB since the last sample
    double write_weight = 0.0;  // sum of their cohorts' write fractions
    std::uint64_t served_at_sample = 0;
    std::uint64_t failed_unreachable = 0;
    std::uint64_t peak_cohorts = 0;
    double write_tps = 0.0;
    std::optional<std::size_t> open_failover;  // index into failovers_ while down
    bool has_replica = false;                  // an out-edge in the replication graph
    // Its nodes' CPU share per request kind (WebNodeParams::cpu_share): the weights of the
    // cost attribution.
    std::array<double, request_kind_count> cpu_share{1.0, 1.0, 1.0};
  };
  // Requests of one cohort to one DC's web tier, per kind: what its cost share is drawn from.
  using KindCounts = std::array<std::uint64_t, request_kind_count>;

  void build_tiers();
  void build_cohorts();
  void build_calls();
  void build_composite();
  [[nodiscard]] bool deliver_part(std::uint32_t dc, const Request& part);
  void route(std::uint32_t cohort, Request request);
  // Every request that reaches a DC's load balancer goes through here, counted for the cost.
  void to_tier(std::uint32_t dc, const Request& request);
  // The cohorts' and plans' shares of the DCs' node cost (PlatformTotals::cohorts, ::plans).
  void attribute_cost(PlatformTotals& t) const;
  void on_health_change(DcId dc, bool healthy);
  void place_all();
  void place(Cohort& cohort, std::span<const policy::DataCenterState> dcs);
  [[nodiscard]] std::vector<policy::DataCenterState> dc_states() const;
  void note_move(Cohort& cohort, DcId from, const policy::PlacementDecision& d);
  void schedule_faults();
  // The scenario's deploy: the DCs of params_.deploy one after the other, from `index`.
  void schedule_deploy();
  void start_deploy(std::size_t index);
  void schedule_fault(const FaultSpec& fault);
  [[nodiscard]] std::vector<LinkId> links_by_name(const std::vector<std::string>& names) const;
  void on_partition(std::size_t label, bool cut);
  void fail_dc(DcId dc);
  void recover_dc(DcId dc);
  void resume_when_home(DcId dc);
  void on_sample();
  void update_writes(double step_s);
  void check_conservation() const;
  [[nodiscard]] std::int32_t client_rtt_us(DcId home, DcId served) const;

  sim::Simulator* sim_;
  PlatformParams params_;
  sim::Recorder* recorder_;
  Topology topology_;
  PartitionScheduler partitions_;
  std::vector<std::unique_ptr<WebTier>> tiers_;
  std::vector<std::unique_ptr<DbPair>> dbs_;
  std::unique_ptr<ReplicationNetwork> replication_;
  std::unique_ptr<DcHealthMonitor> health_;
  std::vector<std::unique_ptr<Cohort>> cohorts_;
  std::unique_ptr<CallService> calls_;        // null: no calls in the scenario
  std::unique_ptr<CompositeSite> composite_;  // null: no composite cohort
  std::vector<DcRuntime> dc_;
  std::vector<KindCounts> tier_requests_;          // [cohort x dc_count + dc]
  std::vector<std::vector<std::int32_t>> rtt_us_;  // [home][served] extra client round trip
  std::vector<FaultSpec> faults_;                  // fixed and drawn, sorted
  std::vector<FailoverTotals> failovers_;
  std::vector<std::string> partition_labels_;  // the links of each partition fault, joined
  WriteFates writes_;  // only `conflicting` is kept here; the DB pairs hold the rest
  bool finished_ = false;
};

}  // namespace b24::models
