#include "models/platform.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "models/call_service.hpp"
#include "models/fault_plan.hpp"
#include "models/geo.hpp"
#include "models/policy_time.hpp"
#include "sim/assert.hpp"

namespace b24::models {
namespace {

ReplicationNetworkParams replication_params(const Topology& topology,
                                            const ReplicationParams& params) {
  ReplicationNetworkParams out;
  for (const ReplicationEdge& e : params.edges) {
    out.edges.emplace_back(topology.dc_by_name(e.source), topology.dc_by_name(e.replica));
  }
  out.link = params.link;
  out.repoint_on_failure = params.repoint_on_failure;
  out.repoint_delay = params.repoint_delay;
  out.marker_interval = params.marker_interval;
  return out;
}

}  // namespace

Platform::Platform(sim::Simulator& sim, const PlatformParams& params, sim::Recorder& recorder)
    : sim_(&sim),
      params_(params),
      recorder_(&recorder),
      topology_(params.topology),
      partitions_(sim, topology_),
      dc_(topology_.dc_count()) {
  if (params_.tiers.size() != topology_.dc_count()) {
    throw std::invalid_argument("platform: one web tier per DC is required");
  }
  faults_ = resolve_faults(params_.faults, params_.random_faults, params_.horizon, sim.seed());
  build_tiers();
  for (std::size_t i = 0; i < topology_.dc_count(); ++i) {
    dbs_.push_back(std::make_unique<DbPair>(sim, params_.db, recorder,
                                            "db/" + topology_.dc(DcId{std::uint32_t(i)}).name));
  }
  for (const ReplicationEdge& e : params_.replication.edges) {
    dc_[topology_.dc_by_name(e.source).index].has_replica = true;
  }
  replication_ = std::make_unique<ReplicationNetwork>(
      sim, topology_, replication_params(topology_, params_.replication), recorder);
  health_ = std::make_unique<DcHealthMonitor>(
      sim, topology_, params_.health, recorder,
      [this](DcId dc, bool healthy) { on_health_change(dc, healthy); });
  build_cohorts();
  build_composite();
  build_calls();
}

Platform::~Platform() = default;

void Platform::build_tiers() {
  for (std::size_t i = 0; i < topology_.dc_count(); ++i) {
    WebTierParams tier = params_.tiers[i];
    const std::string& name = topology_.dc(DcId{static_cast<std::uint32_t>(i)}).name;
    if (tier.name != name)
      throw std::invalid_argument("platform: tier " + tier.name + " != " + name);
    tier.external_arrivals = true;
    tier.deploy.reset();  // a platform deploys its DCs itself (schedule_deploy)
    tier.deploy_planned =
        params_.deploy && std::find(params_.deploy->dcs.begin(), params_.deploy->dcs.end(), name) !=
                              params_.deploy->dcs.end();
    if (params_.composite.enabled()) {
      tier.node.cpu_share[static_cast<std::size_t>(RequestKind::static_part)] =
          params_.composite.static_cpu_share;
      tier.node.cpu_share[static_cast<std::size_t>(RequestKind::dynamic_part)] =
          params_.composite.dynamic_cpu_share;
    }
    tier.sample_step = params_.sample_step;
    for (const FaultSpec& f : faults_) {
      if (f.kind == FaultKind::node_crash && f.targets.at(0) == name) {
        tier.crashes.push_back({f.at, f.nodes});
      }
    }
    dc_[i].cpu_share = tier.node.cpu_share;
    tiers_.push_back(std::make_unique<WebTier>(*sim_, tier, params_.slo, *recorder_));
  }
}

void Platform::build_cohorts() {
  const std::size_t n = topology_.dc_count();
  if (params_.cohorts.size() > 65535) {
    throw std::invalid_argument("platform: at most 65,535 cohorts (Request::cohort is 16 bits)");
  }
  rtt_us_.assign(n, std::vector<std::int32_t>(n, 0));
  for (std::uint32_t h = 0; h < n; ++h) {
    for (std::uint32_t s = 0; s < n; ++s) rtt_us_[h][s] = client_rtt_us(DcId{h}, DcId{s});
  }
  tier_requests_.assign(params_.cohorts.size() * n, KindCounts{});
  for (std::size_t i = 0; i < params_.cohorts.size(); ++i) {
    CohortParams c = params_.cohorts[i];
    if (c.plan.empty()) throw std::invalid_argument("platform: cohort " + c.name + " has no plan");
    const DcId home = topology_.dc_by_name(c.home);
    if (c.jurisdiction.empty()) c.jurisdiction = topology_.dc(home).jurisdiction;
    if (!c.utc_offset_set) c.workload.utc_offset = topology_.dc(home).utc_offset;
    const auto index = static_cast<std::uint32_t>(i);
    cohorts_.push_back(
        std::make_unique<Cohort>(*sim_, c, index, home, params_.health.client_reconnect,
                                 [this, index](const Request& r) { route(index, r); }));
  }
}

// A client served away from home pays the extra distance twice (request and response): fiber
// over the great circle between the two DCs, as its traffic crosses the public internet rather
// than the inter-DC links.
std::int32_t Platform::client_rtt_us(DcId home, DcId served) const {
  if (home == served) return 0;
  const DcSpec& a = topology_.dc(home);
  const DcSpec& b = topology_.dc(served);
  const double km =
      great_circle_km({a.latitude_deg, a.longitude_deg}, {b.latitude_deg, b.longitude_deg});
  return static_cast<std::int32_t>(2 * fiber_latency(km, topology_.route_factor()).count());
}

void Platform::start() {
  for (auto& tier : tiers_) tier->start();
  replication_->start();
  health_->start();
  for (auto& cohort : cohorts_) cohort->start();
  if (calls_) calls_->start();
  schedule_faults();
  schedule_deploy();
  struct Sampler {
    Platform* platform;
    void operator()() const {
      platform->on_sample();
      platform->sim_->schedule_in(platform->params_.sample_step, *this);
    }
  };
  sim_->schedule_in(params_.sample_step, Sampler{this});
  // Placement runs on every health change and also once per probe interval, so that a failback
  // waiting for its stability period happens as soon as the period is over.
  struct Placer {
    Platform* platform;
    void operator()() const {
      platform->place_all();
      platform->sim_->schedule_in(platform->params_.health.check.interval, *this);
    }
  };
  sim_->schedule_in(params_.health.check.interval, Placer{this});
  on_sample();  // the first row at time zero, and the first write rates
}

void Platform::route(std::uint32_t index, Request request) {
  Cohort& cohort = *cohorts_[index];
  const DcId dc = cohort.client_dc();
  CohortCounters& counters = cohort.counters();
  ++counters.arrived;
  DcRuntime& d = dc_[dc.index];
  if (!topology_.dc_up(dc)) {
    ++counters.failed_unreachable;
    ++d.failed_unreachable;
    if (d.open_failover) ++failovers_[*d.open_failover].requests_failed;
    return;
  }
  const double wf = cohort.params().write_fraction;
  // (A new DC that is itself down takes no writes: no second side, no conflict.)
  if (dc != cohort.assigned() && topology_.dc_up(cohort.assigned()) &&
      !topology_.reachable(dc, cohort.assigned())) {
    // The cohort now writes on its new DC, and this client still writes on the old one, which
    // cannot replicate to the new one: both sides change the cohort's data (split brain).
    counters.conflicting_writes += wf;
    writes_.conflicting += wf;
  }
  ++d.routed;
  d.write_weight += wf;
  request.cohort = static_cast<std::uint16_t>(index);
  request.client_rtt_us = rtt_us_[cohort.home().index][dc.index];
  if (composite_ && composite_->composite(index)) {
    composite_->start_page(dc.index, request);
    return;
  }
  to_tier(dc.index, request);
}

void Platform::to_tier(std::uint32_t dc, const Request& request) {
  ++tier_requests_[request.cohort * dc_.size() + dc][static_cast<std::size_t>(request.kind)];
  tiers_[dc]->arrive(request);
}

// The composite site (issue 5), built only when cohorts are named: it observes every DC's load
// balancer for the parts of its pages and, for the comparison, the whole pages.
void Platform::build_composite() {
  if (!params_.composite.enabled()) return;
  std::vector<std::string> names;
  for (const CohortParams& c : params_.cohorts) names.push_back(c.name);
  std::vector<sim::Duration> rtt;
  for (const auto& tier : tiers_) rtt.push_back(tier->load_balancer().network_rtt());
  composite_ = std::make_unique<CompositeSite>(
      *sim_, params_.composite, names, std::move(rtt),
      [this](std::uint32_t dc, const Request& part) { return deliver_part(dc, part); }, *recorder_);
  for (std::uint32_t i = 0; i < tiers_.size(); ++i) {
    tiers_[i]->set_completion_observer(&composite_->observer(i));
  }
}

// A composite page's part to its DC's load balancer, unless the DC went down since the page
// started (then it fails as unreachable, like any request for a DC that is down). The page was
// counted for the write rates when it was routed: a shell adds a request without writes.
bool Platform::deliver_part(std::uint32_t dc, const Request& part) {
  DcRuntime& d = dc_[dc];
  if (!topology_.dc_up(DcId{dc})) {
    ++d.failed_unreachable;
    if (d.open_failover) ++failovers_[*d.open_failover].requests_failed;
    return false;
  }
  if (part.kind == RequestKind::static_part) ++d.routed;
  to_tier(dc, part);
  return true;
}

// WebRTC calls and telephony (issue 5): they see the cohorts and the topology, never a DC's
// objects.
void Platform::build_calls() {
  if (!params_.calls) return;
  const CallWorld world{&topology_, cohorts_, &rtt_us_};
  calls_ = std::make_unique<CallService>(*sim_, *params_.calls, world, *recorder_);
}

}  // namespace b24::models
