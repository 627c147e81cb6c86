#include "models/dc_health_monitor.hpp"

#include <algorithm>
#include <string>

#include "models/policy_time.hpp"

namespace b24::models {

DcHealthMonitor::DcHealthMonitor(sim::Simulator& sim, const Topology& topology,
                                 const DcHealthParams& params, sim::Recorder& recorder,
                                 Listener listener)
    : sim_(&sim),
      topology_(&topology),
      params_(params),
      recorder_(&recorder),
      listener_(std::move(listener)) {
  policy::validate(params_.check);
  B24_ASSERT_MSG(params_.client_reconnect >= sim::Duration::zero(),
                 "client reconnection time must not be negative");
  state_.reserve(topology.dc_count());
  for (std::size_t i = 0; i < topology.dc_count(); ++i) {
    state_.push_back(
        DcState{policy::TargetHealth(params_.check, to_policy_time(sim.now())), true, sim.now()});
    // Start from `healthy`: the checker's first success moves initial -> healthy.
    state_.back().health.record({to_policy_time(sim.now()), policy::CheckResult::success});
  }
}

// The orchestrator's side is the connected group holding the most DCs that are up (ties: the
// group of the lowest DC id). Counting only DCs that are up matters: a dead DC sits alone, and
// counting it would let one failure out of two DCs cost the survivor its quorum.
bool DcHealthMonitor::probe_succeeds(DcId dc) const {
  if (!topology_->dc_up(dc)) return false;
  const std::span<const std::uint32_t> component = topology_->components();
  std::vector<std::uint32_t> up_members(topology_->component_count(), 0);
  for (std::uint32_t i = 0; i < component.size(); ++i) {
    if (topology_->dc_up(DcId{i})) ++up_members[component[i]];
  }
  // Components are numbered in order of their lowest DC id, so the first maximum breaks ties.
  const auto largest = static_cast<std::uint32_t>(
      std::max_element(up_members.begin(), up_members.end()) - up_members.begin());
  return component[dc.index] == largest;
}

void DcHealthMonitor::start() {
  const sim::Duration interval = params_.check.interval;
  const auto n = static_cast<std::int64_t>(state_.size());
  for (std::int64_t i = 0; i < n; ++i) {
    const auto dc = static_cast<std::uint32_t>(i);
    sim_->schedule_in(interval * (i + 1) / n, [this, dc] { probe(dc); });
  }
}

void DcHealthMonitor::probe(std::uint32_t dc) {
  DcState& s = state_[dc];
  const sim::Instant now = sim_->now();
  // A failed probe is a timeout. It is counted at the probe's instant rather than timeout later:
  // the few seconds shift every detection equally and stay inside one probe interval.
  const bool ok = probe_succeeds(DcId{dc});
  const policy::HealthDecision d = s.health.record(
      {to_policy_time(now), ok ? policy::CheckResult::success : policy::CheckResult::timeout});
  sim_->schedule_in(params_.check.interval, [this, dc] { probe(dc); });
  if (!d.changed) return;
  const bool healthy = d.state == policy::HealthState::healthy;
  if (healthy == s.healthy) return;
  s.healthy = healthy;
  if (healthy) s.healthy_since = now;
  const std::string entity = "dc/" + topology_->dc(DcId{dc}).name;
  recorder_->event(now, healthy ? "dc_declared_healthy" : "dc_declared_failed", entity, d.reason);
  sim_->emit(healthy ? "dc_declared_healthy" : "dc_declared_failed", entity, {});
  listener_(DcId{dc}, healthy);
}

}  // namespace b24::models
