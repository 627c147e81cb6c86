// Platform: the scenario's faults (fixed and drawn at random) as events on the simulator.

#include <string>

#include "models/call_service.hpp"
#include "models/platform.hpp"
#include "sim/assert.hpp"

namespace b24::models {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void Platform::schedule_faults() {
  for (const FaultSpec& f : faults_) schedule_fault(f);
}

void Platform::schedule_deploy() {
  if (!params_.deploy || params_.deploy->dcs.empty()) return;
  for (const std::string& name : params_.deploy->dcs) (void)topology_.dc_by_name(name);  // known
  sim_->schedule_at(sim::start_instant + params_.deploy->at, [this] { start_deploy(0); });
}

// One DC at a time: the next starts when the previous is done. A DC that is down at its turn
// starts anyway; its deploy waits (its group is suspended) until the DC is back.
void Platform::start_deploy(std::size_t index) {
  if (index >= params_.deploy->dcs.size()) return;
  const DcId dc = topology_.dc_by_name(params_.deploy->dcs[index]);
  tiers_[dc.index]->start_deploy(params_.deploy->refresh,
                                 [this, index] { start_deploy(index + 1); });
}

void Platform::schedule_fault(const FaultSpec& f) {
  const sim::Instant at = sim::start_instant + f.at;
  const bool ends = f.length > sim::Duration::zero();
  const sim::Instant end = ends ? at + f.length : sim::end_of_time;
  switch (f.kind) {
    case FaultKind::dc_failure: {
      const DcId dc = topology_.dc_by_name(f.targets.at(0));
      sim_->schedule_at(at, [this, dc] { fail_dc(dc); });
      if (ends) sim_->schedule_at(end, [this, dc] { recover_dc(dc); });
      break;
    }
    case FaultKind::db_crash: {
      const DcId dc = topology_.dc_by_name(f.targets.at(0));
      const int server = f.server;
      sim_->schedule_at(at, [this, dc, server] { dbs_[dc.index]->crash(server, "fault"); });
      if (ends) sim_->schedule_at(end, [this, dc, server] { dbs_[dc.index]->recover(server); });
      break;
    }
    case FaultKind::partition: {
      partitions_.add({links_by_name(f.targets), at, end});
      // Scheduled after the scheduler's own cut and heal at the same instants, so these run
      // after them (FIFO among equal times) and see the new link states. Handlers capture an
      // index, not a string: the simulator relocates handlers as raw bytes.
      const std::size_t label = partition_labels_.size();
      partition_labels_.push_back(join(f.targets));
      sim_->schedule_at(at, [this, label] { on_partition(label, true); });
      if (ends) sim_->schedule_at(end, [this, label] { on_partition(label, false); });
      break;
    }
    case FaultKind::node_crash:
      break;  // handed to the DC's web tier at construction (build_tiers)
    case FaultKind::turn_failure: {
      if (!calls_) break;  // no calls, no relays
      const DcId dc = topology_.dc_by_name(f.targets.at(0));
      sim_->schedule_at(at, [this, dc] { calls_->fail_relay(dc); });
      if (ends) sim_->schedule_at(end, [this, dc] { calls_->recover_relay(dc); });
      break;
    }
  }
}

std::vector<LinkId> Platform::links_by_name(const std::vector<std::string>& names) const {
  std::vector<LinkId> ids;
  for (const std::string& name : names) {
    const std::size_t dash = name.find('-');
    B24_ASSERT_MSG(dash != std::string::npos, "a link is named <a>-<b>");
    const std::optional<LinkId> link = topology_.link_between(
        topology_.dc_by_name(name.substr(0, dash)), topology_.dc_by_name(name.substr(dash + 1)));
    if (!link) throw std::invalid_argument("partition: no link " + name);
    ids.push_back(*link);
  }
  return ids;
}

void Platform::on_partition(std::size_t label, bool cut) {
  const std::string& links = partition_labels_[label];
  recorder_->event(sim_->now(), cut ? "partition_start" : "partition_end", "links/" + links,
                   (cut ? "links cut: " : "links healed: ") + links);
  replication_->on_topology_changed("partition: " + links + (cut ? " cut" : " healed"));
}

void Platform::fail_dc(DcId dc) {
  DcRuntime& d = dc_[dc.index];
  if (!topology_.dc_up(dc)) return;  // already down (overlapping faults)
  if (d.open_failover) {
    // Isolated, and now down as well: the isolation record ends here, the failure's begins.
    failovers_[*d.open_failover].recovered_at = sim_->now();
    d.open_failover.reset();
  }
  const sim::Instant now = sim_->now();
  FailoverTotals f;
  f.dc = topology_.dc(dc).name;
  f.failed_at = now;
  // What the DC committed that no other DC holds yet is at risk from this instant. A DC with no
  // replica abroad holds its only copy: its data waits for it, reported as `replicated: false`.
  f.replicated = d.has_replica;
  f.writes_at_risk = d.has_replica ? replication_->unreplicated_tx(dc) : 0.0;
  d.open_failover = failovers_.size();
  failovers_.push_back(f);
  topology_.set_dc_up(dc, false);
  if (calls_) calls_->on_dc_failed(dc);
  tiers_[dc.index]->set_suspended(true);
  dbs_[dc.index]->set_dc_up(false);
  d.write_tps = 0.0;
  if (d.has_replica) replication_->set_write_rate(dc, 0.0);
  replication_->on_topology_changed("dc " + f.dc + " failed");
  const std::string entity = "dc/" + f.dc;
  recorder_->event(now, "dc_failed", entity, "fault: the whole DC is down");
  sim_->emit("dc_failed", entity, {});
}

// A recovered DC's group stays as it was at the failure, scaling suspended, until the last of
// its home cohorts is back: idle between its recovery and the failback, it would otherwise scale
// in to its minimum just before its tenants return (a failover runbook suspends the group's
// scaling processes for the same reason).
void Platform::resume_when_home(DcId dc) {
  if (!topology_.dc_up(dc)) return;
  for (const auto& cohort : cohorts_) {
    if (cohort->home() == dc && cohort->assigned() != dc) return;
  }
  if (tiers_[dc.index]->suspended()) {
    tiers_[dc.index]->set_suspended(false);
    recorder_->event(sim_->now(), "scaling_resumed", tiers_[dc.index]->entity(),
                     "the DC is up and its home cohorts are back: Auto Scaling resumes");
  }
}

void Platform::recover_dc(DcId dc) {
  DcRuntime& d = dc_[dc.index];
  if (topology_.dc_up(dc)) return;
  const sim::Instant now = sim_->now();
  if (d.open_failover && failovers_[*d.open_failover].cause == "dc_failure") {
    failovers_[*d.open_failover].recovered_at = now;
    d.open_failover.reset();
  }
  topology_.set_dc_up(dc, true);
  if (calls_) calls_->on_dc_recovered(dc);
  resume_when_home(dc);
  dbs_[dc.index]->set_dc_up(true);
  replication_->on_topology_changed("dc " + topology_.dc(dc).name + " recovered");
  const std::string entity = "dc/" + topology_.dc(dc).name;
  recorder_->event(now, "dc_recovered", entity,
                   "fault over: the DC is back; replication catches up, cohorts fail back after "
                   "health detection and the stability period");
  sim_->emit("dc_recovered", entity, {});
}

}  // namespace b24::models
