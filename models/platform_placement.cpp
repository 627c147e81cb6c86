// Platform: DC health declarations and cohort placement (policy::decide_placement).

#include <string>

#include "models/platform.hpp"
#include "models/policy_time.hpp"

namespace b24::models {

void Platform::on_health_change(DcId dc, bool healthy) {
  DcRuntime& d = dc_[dc.index];
  const sim::Instant now = sim_->now();
  if (!healthy && d.open_failover) {
    FailoverTotals& f = failovers_[*d.open_failover];
    if (!f.detected_at) f.detected_at = now;
  } else if (!healthy && topology_.dc_up(dc)) {
    // Declared failed while running: cut off from the orchestrator's side by a partition. Its
    // cohorts fail over all the same; the record closes when it is declared healthy again.
    FailoverTotals f;
    f.dc = topology_.dc(dc).name;
    f.cause = "isolated";
    f.failed_at = now;
    f.detected_at = now;
    f.replicated = d.has_replica;
    d.open_failover = failovers_.size();
    failovers_.push_back(f);
  } else if (healthy && d.open_failover && topology_.dc_up(dc)) {
    FailoverTotals& f = failovers_[*d.open_failover];
    if (f.cause == "isolated") {
      f.recovered_at = now;
      d.open_failover.reset();
    }
  }
  place_all();
}

// The DCs as the placement policy sees them, without the per-cohort replication lag.
std::vector<policy::DataCenterState> Platform::dc_states() const {
  std::vector<policy::DataCenterState> states;
  states.reserve(topology_.dc_count());
  for (std::uint32_t i = 0; i < topology_.dc_count(); ++i) {
    const DcSpec& spec = topology_.dc(DcId{i});
    policy::DataCenterState s;
    s.id = i;
    s.name = spec.name;
    s.jurisdiction = spec.jurisdiction;
    s.healthy = health_->healthy(DcId{i});
    s.healthy_since = to_policy_time(health_->healthy_since(DcId{i}));
    states.push_back(std::move(s));
  }
  return states;
}

void Platform::place_all() {
  if (cohorts_.empty()) return;
  const std::vector<policy::DataCenterState> states = dc_states();
  for (auto& cohort : cohorts_) place(*cohort, states);
}

void Platform::place(Cohort& cohort, std::span<const policy::DataCenterState> base) {
  // The freshness of each DC's copy of this cohort's data: how far it lags behind the DC the
  // cohort writes on now.
  std::vector<policy::DataCenterState> states(base.begin(), base.end());
  for (policy::DataCenterState& s : states) {
    const std::optional<double> lag = replication_->lag_s(DcId{s.id}, cohort.assigned());
    if (lag) {
      s.replication_lag =
          std::chrono::duration_cast<policy::Duration>(std::chrono::duration<double>(*lag));
    }
  }
  policy::PlacementObservation obs;
  obs.now = to_policy_time(sim_->now());
  obs.cohort.id = cohort.index();
  obs.cohort.jurisdiction = cohort.params().jurisdiction;
  obs.cohort.home = cohort.home().index;
  obs.cohort.current = cohort.assigned().index;
  obs.cohort.on_current_since = to_policy_time(cohort.assigned_since());
  obs.data_centers = states;
  const policy::PlacementDecision d = policy::decide_placement(params_.placement, obs);
  if (!d.move || !d.target) return;
  const DcId from = cohort.assigned();
  cohort.move_to(DcId{*d.target}, sim_->now());
  note_move(cohort, from, d);
}

void Platform::note_move(Cohort& cohort, DcId from, const policy::PlacementDecision& d) {
  const sim::Instant now = sim_->now();
  const DcId to = cohort.assigned();
  if (d.residency_violation) {
    ++cohort.counters().residency_violations;
  }
  const char* kind = d.failback ? "cohort_failback" : "cohort_move";
  const std::string reason =
      topology_.dc(from).name + " -> " + topology_.dc(to).name + ": " + d.reason;
  recorder_->event(now, kind, cohort.entity(), reason);
  sim_->emit(kind, cohort.entity(), {{"from", from.index}, {"to", to.index}});
  const DcRuntime& left = dc_[from.index];
  if (left.open_failover) {
    FailoverTotals& f = failovers_[*left.open_failover];
    ++f.cohorts_moved;
    f.served_elsewhere_at = now + params_.health.client_reconnect;
  }
  if (d.failback) {
    resume_when_home(to);
    // The latest closed failover of the home DC: its cohorts are coming back (the last one to
    // return sets the instant).
    for (auto it = failovers_.rbegin(); it != failovers_.rend(); ++it) {
      if (it->dc == topology_.dc(to).name && it->recovered_at) {
        it->failed_back_at = now + params_.health.client_reconnect;
        break;
      }
    }
  }
}

}  // namespace b24::models
