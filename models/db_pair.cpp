#include "models/db_pair.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "models/policy_time.hpp"
#include "policy/db_failover.hpp"
#include "sim/assert.hpp"

namespace b24::models {
namespace {

std::string count_text(double tx) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", tx);
  return buf;
}

std::string or_unspecified(std::string_view reason) {
  return reason.empty() ? std::string("unspecified") : std::string(reason);
}

ReplicationLinkParams link_params(const DbPairParams& params, double write_rate_tps) {
  ReplicationLinkParams p = params.link;
  p.write_rate_tps = write_rate_tps;
  p.initially_connected = true;
  return p;
}

std::string server_entity(const std::string& pair, int from) {
  return pair + "/s" + std::to_string(from) + "->s" + std::to_string(1 - from);
}

}  // namespace

DbPair::DbPair(sim::Simulator& sim, const DbPairParams& params, sim::Recorder& recorder,
               std::string entity)
    : sim_(&sim),
      recorder_(&recorder),
      entity_(std::move(entity)),
      write_rate_(params.link.write_rate_tps),
      last_(sim.now()) {
  if (entity_.empty()) throw std::invalid_argument("db pair: entity must not be empty");
  validate(params.link);  // before the links, so the message names the field once
  // Server 0 starts active: its link carries the client writes, the other link none.
  links_[0] = std::make_unique<ReplicationLink>(sim, link_params(params, write_rate_), recorder,
                                                server_entity(entity_, 0));
  links_[1] = std::make_unique<ReplicationLink>(sim, link_params(params, 0.0), recorder,
                                                server_entity(entity_, 1));
  servers_[0].since = servers_[1].since = last_;
  check_invariants();
}

std::size_t DbPair::index(int server) {
  B24_ASSERT_MSG(server == 0 || server == 1, "db pair: server must be 0 or 1");
  return static_cast<std::size_t>(server);
}

bool DbPair::available() const noexcept {
  return dc_up_ && servers_[static_cast<std::size_t>(active_)].up;
}

bool DbPair::server_up(int server) const {
  return servers_[index(server)].up;
}

// Accumulates the client writes since last_ as committed or failed: availability and the rate
// only change in the calls below, each of which integrates first.
void DbPair::integrate() {
  const sim::Instant now = sim_->now();
  B24_ASSERT_MSG(now >= last_, "db pair: time went backwards");
  const double tx = write_rate_ * sim::to_seconds(now - last_);
  (available() ? committed_ : failed_) += tx;
  last_ = now;
}

double DbPair::writes_committed() {
  integrate();
  return committed_;
}

double DbPair::writes_failed() {
  integrate();
  return failed_;
}

void DbPair::set_write_rate(double tps) {
  B24_ASSERT_MSG(std::isfinite(tps) && tps >= 0, "db pair: write rate must be finite and >= 0");
  integrate();
  write_rate_ = tps;
  apply_write_rates();
  check_invariants();
}

// Only the active server's link carries client writes, and only while clients can write.
void DbPair::apply_write_rates() {
  for (int s = 0; s < 2; ++s) {
    const double rate = available() && s == active_ ? write_rate_ : 0.0;
    ReplicationLink& l = *links_[index(s)];
    if (l.write_rate() != rate) l.set_write_rate(rate);
  }
}

void DbPair::crash(int server, std::string_view reason) {
  Server& crashed = servers_[index(server)];
  if (!crashed.up) return;
  B24_ASSERT(!finished_);
  integrate();
  const bool was_available = available();
  ReplicationLink& out = *links_[index(server)];
  // What this server committed but its peer has not received exists only on its disk now.
  const double unshipped = out.written() - out.shipped();
  B24_ASSERT(unshipped >= 0);
  B24_ASSERT(at_risk_[index(server)] == 0);
  at_risk_[index(server)] = unshipped;
  at_risk_total_ += unshipped;
  crashed.up = false;
  crashed.since = sim_->now();
  const std::string why = or_unspecified(reason);
  out.set_connected(false, "server " + std::to_string(server) + " crashed: " + why);
  links_[index(1 - server)]->set_connected(false,
                                           "server " + std::to_string(server) + " crashed: " + why);
  sim_->emit("db_crash", entity_, {{"server", server}, {"at_risk", unshipped}});
  recorder_->event(sim_->now(), "db_server_crash", entity_,
                   "server " + std::to_string(server) + " crashed: " + why + "; " +
                       count_text(unshipped) + " writes not yet shipped to server " +
                       std::to_string(1 - server) + " are at risk");
  reconsider(was_available, "crash of server " + std::to_string(server));
}

void DbPair::recover(int server, std::string_view reason) {
  Server& back = servers_[index(server)];
  if (back.up) return;
  B24_ASSERT(!finished_);
  integrate();
  const bool was_available = available();
  const double saved = at_risk_[index(server)];
  at_risk_[index(server)] = 0;  // on a running server again; shipped once its peer is up
  back.up = true;
  back.since = sim_->now();
  const std::string why = or_unspecified(reason);
  if (servers_[index(1 - server)].up) {
    const std::string text = "server " + std::to_string(server) + " recovered: " + why;
    links_[0]->set_connected(true, text);
    links_[1]->set_connected(true, text);
  }
  sim_->emit("db_recover", entity_, {{"server", server}});
  recorder_->event(sim_->now(), "db_server_recover", entity_,
                   "server " + std::to_string(server) + " recovered: " + why + "; its " +
                       count_text(saved) + " unshipped writes are no longer at risk");
  reconsider(was_available, "recovery of server " + std::to_string(server));
}

void DbPair::set_dc_up(bool up, std::string_view reason) {
  if (up == dc_up_) return;
  integrate();
  const bool was_available = available();
  dc_up_ = up;
  const std::string why = (up ? "DC up: " : "DC down: ") + or_unspecified(reason);
  sim_->emit("db_dc", entity_, {{"up", up ? 1 : 0}});
  if (up) {
    reconsider(was_available, why);
    return;
  }
  // No decision while the DC is down: both servers are off together (see the header).
  record_availability(was_available, why + "; no client writes until the DC returns");
  apply_write_rates();
  check_invariants();
}

// Asks the failover policy which server clients use now (only while the DC is up).
void DbPair::reconsider(bool was_available, std::string_view cause) {
  if (!dc_up_) {
    apply_write_rates();
    check_invariants();
    return;
  }
  policy::DbFailoverObservation observation;
  observation.now = to_policy_time(sim_->now());
  observation.pair_name = entity_;
  for (int s = 0; s < 2; ++s) {
    observation.servers[index(s)] = {servers_[index(s)].up,
                                     to_policy_time(servers_[index(s)].since)};
  }
  observation.active = active_;
  const policy::DbFailoverDecision decision = policy::decide_db_failover(observation);
  B24_ASSERT(decision.target.has_value() == (servers_[0].up || servers_[1].up));
  const std::string why = std::string(cause) + ": " + decision.reason;
  if (decision.switched) {
    B24_ASSERT(decision.target.has_value() && *decision.target != active_);
    active_ = *decision.target;
    ++switchovers_;
    sim_->emit("db_switchover", entity_, {{"to", active_}});
    recorder_->event(sim_->now(), "db_switchover", entity_, why);
  }
  record_availability(was_available, why);
  apply_write_rates();
  check_invariants();
}

void DbPair::record_availability(bool was_available, std::string_view why) {
  const bool now_available = available();
  if (now_available == was_available) return;
  recorder_->event(sim_->now(), now_available ? "db_available" : "db_unavailable", entity_, why);
}

void DbPair::finish() {
  B24_ASSERT_MSG(!finished_, "db pair: finish() called twice");
  integrate();
  finished_ = true;
  for (int s = 0; s < 2; ++s) {
    // at_risk_ is non-zero only for servers that are down (recover() clears it).
    writes_lost_ += at_risk_[index(s)];
  }
  if (writes_lost_ > 0) {
    recorder_->event(sim_->now(), "db_writes_lost", entity_,
                     count_text(writes_lost_) +
                         " writes never shipped by a server that did not recover before the end");
  }
}

void DbPair::sample() {
  ReplicationLink& to_standby = *links_[index(active_)];
  recorder_->sample(sim_->now(), entity_,
                    {{"active", static_cast<double>(active_)},
                     {"available", available() ? 1.0 : 0.0},
                     {"standby_lag_s", to_standby.lag_s()},
                     {"backlog_tx", to_standby.backlog()},
                     {"writes_at_risk_tx", writes_at_risk()}});
  links_[0]->sample();
  links_[1]->sample();
}

sim::Duration DbPair::last_catch_up(int server) const {
  return links_[index(1 - server)]->last_catch_up();
}

ReplicationLink& DbPair::link(int from) {
  return *links_[index(from)];
}

void DbPair::check_invariants() const {
  B24_ASSERT(active_ == 0 || active_ == 1);
  const bool both_up = servers_[0].up && servers_[1].up;
  for (int s = 0; s < 2; ++s) {
    const ReplicationLink& l = *links_[index(s)];
    // Links are up exactly when both servers are (the DC's state does not enter).
    B24_ASSERT((l.state() != ReplicationState::disconnected) == both_up);
    // Only the active server's link carries client writes, and only while available.
    B24_ASSERT(l.write_rate() == 0 || (available() && s == active_));
    B24_ASSERT(at_risk_[index(s)] >= 0);
    B24_ASSERT(at_risk_[index(s)] == 0 || !servers_[index(s)].up);
  }
  // The policy moves clients off a crashed active server whenever the other is up.
  B24_ASSERT(!dc_up_ || servers_[static_cast<std::size_t>(active_)].up ||
             !servers_[static_cast<std::size_t>(1 - active_)].up);
  B24_ASSERT(committed_ >= 0 && failed_ >= 0);
}

}  // namespace b24::models
