#include "models/replication_link.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <utility>

#include "sim/assert.hpp"

namespace b24::models {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
// Regime changes further away than this (about 31 700 years) are never scheduled.
constexpr double max_horizon_s = 1e12;

void require(bool ok, const char* field, const char* what) {
  if (!ok) {
    throw std::invalid_argument(std::string("replication link: ") + field + " " + what);
  }
}

std::string fmt(const char* format, double a, double b = 0, double c = 0) {
  char buf[192];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

}  // namespace

void validate(const ReplicationLinkParams& p) {
  const auto positive = [](double v) { return std::isfinite(v) && v > 0; };
  require(std::isfinite(p.write_rate_tps) && p.write_rate_tps >= 0, "write_rate_tps",
          "must be finite and >= 0");
  require(positive(p.applier_tps), "applier_tps", "must be finite and > 0");
  require(positive(p.applier_speedup), "applier_speedup", "must be finite and > 0");
  require(p.one_way_latency.count() >= 0, "one_way_latency", "must be >= 0");
  require(positive(p.bandwidth_bytes_per_s), "bandwidth_bytes_per_s", "must be finite and > 0");
  require(positive(p.mean_transaction_bytes), "mean_transaction_bytes", "must be finite and > 0");
  require(p.binlog_retention.count() > 0, "binlog_retention", "must be > 0");
  require(std::isfinite(p.data_size_bytes) && p.data_size_bytes >= 0, "data_size_bytes",
          "must be finite and >= 0");
}

double catch_up_seconds(double backlog_tx, double write_rate_tps,
                        const ReplicationLinkParams& params) {
  const double drain = std::min(params.apply_rate_tps(), params.ship_rate_tps()) - write_rate_tps;
  if (backlog_tx <= 0) return 0;
  return drain > 0 ? backlog_tx / drain : infinity;
}

std::string_view to_string(ReplicationState s) {
  switch (s) {
    case ReplicationState::replicating:
      return "replicating";
    case ReplicationState::disconnected:
      return "disconnected";
    case ReplicationState::resyncing:
      return "resyncing";
  }
  return "?";
}

ReplicationLink::ReplicationLink(sim::Simulator& sim, const ReplicationLinkParams& params,
                                 sim::Recorder& recorder, std::string entity)
    : sim_(&sim),
      recorder_(&recorder),
      params_((validate(params), params)),
      entity_(std::move(entity)),
      ship_capacity_(params.ship_rate_tps()),
      apply_capacity_(params.apply_rate_tps()),
      last_(sim.now()),
      write_rate_(params.write_rate_tps),
      connected_(params.initially_connected) {
  history_.push_back({last_, 0.0, write_rate_});
  if (!connected_) {
    state_ = ReplicationState::disconnected;
    purge_event_ = sim_->schedule_in(params_.binlog_retention, [this] { on_binlog_purged(); });
  }
  replan();
}

ReplicationLink::~ReplicationLink() {
  sim_->cancel(regime_event_);
  sim_->cancel(purge_event_);
  sim_->cancel(resync_event_);
  sim_->cancel(waiter_event_);
}

// Integrates the rates of the current regime from last_ to now. The regime cannot change inside
// the interval: replan() schedules an event at every instant where it would.
void ReplicationLink::advance() {
  const sim::Instant now = sim_->now();
  B24_ASSERT_MSG(now >= last_, "replication link: time went backwards");
  if (now == last_) return;
  const double dt = sim::to_seconds(now - last_);
  const Rates r = rates();
  written_ += write_rate_ * dt;
  // min(): the regime event is rounded to a microsecond and may land just after the exact
  // instant a counter catches up; the overshoot is at most rate x 0.5 us.
  shipped_ = std::min(shipped_ + r.ship * dt, written_);
  applied_ = std::min(applied_ + r.apply * dt, shipped_);
  last_ = now;
  if (written_ > applied_) behind_ = true;
  while (history_.size() >= 2 && history_[1].written <= applied_) history_.pop_front();
  check_invariants();
}

ReplicationLink::Rates ReplicationLink::rates() const {
  Rates r{0.0, 0.0};
  if (state_ == ReplicationState::resyncing) return r;
  if (link_up()) {
    r.ship = written_ > shipped_ ? ship_capacity_ : std::min(write_rate_, ship_capacity_);
  }
  r.apply = shipped_ > applied_ ? apply_capacity_ : std::min(apply_capacity_, r.ship);
  return r;
}

// Every change of rates passes here: plan the next regime change, then the next waiter.
void ReplicationLink::replan() {
  replan_regime();
  schedule_waiter();
}

// Schedules the next instant where the unshipped binlog (U) or the relay log (Q) drains to zero,
// computed from the current rates; a drain due within half a microsecond is applied at once.
void ReplicationLink::replan_regime() {
  sim_->cancel(regime_event_);
  regime_event_ = {};
  snap_unshipped_ = snap_relay_ = false;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const Rates r = rates();
    const double unshipped = written_ - shipped_;
    const double relay = shipped_ - applied_;
    const double du = write_rate_ - r.ship;  // dU/dt
    const double dq = r.ship - r.apply;      // dQ/dt
    const double t_u = unshipped > 0 && du < 0 ? unshipped / -du : infinity;
    const double t_q = relay > 0 && dq < 0 ? relay / -dq : infinity;
    const double t = std::min(t_u, t_q);
    if (!(t <= max_horizon_s)) return;
    const sim::Duration d = sim::from_seconds(t);
    snap_unshipped_ = t_u <= max_horizon_s && sim::from_seconds(t_u) == d;
    snap_relay_ = t_q <= max_horizon_s && sim::from_seconds(t_q) == d;
    if (d.count() > 0) {
      regime_event_ = sim_->schedule_in(d, [this] { on_regime_change(); });
      return;
    }
    if (snap_unshipped_) shipped_ = written_;
    if (snap_relay_) applied_ = shipped_;
    snap_unshipped_ = snap_relay_ = false;
    note_caught_up();
  }
  B24_ASSERT_MSG(false, "replication link: regime did not settle");
}

void ReplicationLink::on_regime_change() {
  regime_event_ = {};
  advance();
  // The counters are within rate x 0.5 us of the predicted zero: make it exact.
  const double tolerance =
      1e-6 * (write_rate_ + ship_capacity_ + apply_capacity_) + 1e-12 * written_;
  if (snap_unshipped_) {
    B24_ASSERT_MSG(written_ - shipped_ <= tolerance, "unshipped binlog missed its drain instant");
    shipped_ = written_;
  }
  if (snap_relay_) {
    B24_ASSERT_MSG(shipped_ - applied_ <= tolerance, "relay log missed its drain instant");
    applied_ = shipped_;
  }
  while (history_.size() >= 2 && history_[1].written <= applied_) history_.pop_front();
  note_caught_up();
  replan();
  if (regime_observer_) regime_observer_();
}

void ReplicationLink::note_caught_up() {
  if (!behind_ || written_ != applied_) return;
  behind_ = false;
  const sim::Instant now = sim_->now();
  last_catch_up_ = now - catch_up_from_;
  sim_->emit("repl_caught_up", entity_, {{"catch_up", last_catch_up_}, {"applied", applied_}});
  recorder_->event(
      now, "caught_up", entity_,
      "backlog applied " + sim::format_duration(last_catch_up_) + " after the link came up");
}

void ReplicationLink::set_connected(bool connected, std::string_view reason) {
  if (connected == connected_) return;
  advance();
  connected_ = connected;
  const sim::Instant now = sim_->now();
  const std::string why = reason.empty() ? std::string("unspecified") : std::string(reason);
  if (!connected) {
    if (state_ == ReplicationState::resyncing) {
      sim_->cancel(resync_event_);
      resync_event_ = {};
      recorder_->event(now, "resync_aborted", entity_, why);
    }
    state_ = ReplicationState::disconnected;
    if (!needs_resync_) {
      purge_event_ = sim_->schedule_in(params_.binlog_retention, [this] { on_binlog_purged(); });
    }
    sim_->emit("repl_disconnect", entity_, {{"backlog", backlog()}});
    recorder_->event(now, "disconnect", entity_, why);
  } else {
    sim_->cancel(purge_event_);
    purge_event_ = {};
    catch_up_from_ = now;
    sim_->emit("repl_reconnect", entity_, {{"backlog", backlog()}, {"lag_s", lag_s()}});
    recorder_->event(now, "reconnect", entity_,
                     why + fmt("; backlog %.0f tx, lag %.3f s", backlog(), lag_s()));
    state_ = ReplicationState::replicating;
    if (needs_resync_) start_resync();
    if (link_up()) ship_held_waiters();
  }
  replan();
}

void ReplicationLink::on_binlog_purged() {
  purge_event_ = {};
  advance();
  B24_ASSERT(!connected_);
  needs_resync_ = true;
  sim_->emit("repl_binlog_purged", entity_, {{"backlog", backlog()}});
  recorder_->event(sim_->now(), "binlog_purged", entity_,
                   "link down longer than binlog retention " +
                       sim::format_duration(params_.binlog_retention) +
                       ": the replica's position is gone, a full resync is needed");
}

void ReplicationLink::start_resync() {
  state_ = ReplicationState::resyncing;
  const sim::Duration d = sim::from_seconds(params_.resync_seconds());
  resync_event_ = sim_->schedule_in(d, [this] { on_resync_end(); });
  sim_->emit("repl_resync_start", entity_, {{"duration", d}});
  recorder_->event(sim_->now(), "resync_start", entity_,
                   fmt("binlog purged: copying %.0f bytes at %.0f B/s", params_.data_size_bytes,
                       params_.bandwidth_bytes_per_s) +
                       " takes " + sim::format_duration(d));
}

void ReplicationLink::on_resync_end() {
  resync_event_ = {};
  advance();
  B24_ASSERT(state_ == ReplicationState::resyncing && connected_);
  // The copy holds the source's state as of now: continue from the current position.
  shipped_ = applied_ = written_;
  while (history_.size() >= 2 && history_[1].written <= applied_) history_.pop_front();
  needs_resync_ = false;
  behind_ = false;
  state_ = ReplicationState::replicating;
  ++resyncs_;
  catch_up_from_ = sim_->now();
  sim_->emit("repl_resync_end", entity_, {{"applied", applied_}});
  recorder_->event(sim_->now(), "resync_end", entity_,
                   "full copy done; replicating from the current binlog position");
  ship_held_waiters();
  replan();
  if (regime_observer_) regime_observer_();
}

void ReplicationLink::set_write_rate(double tps) {
  B24_ASSERT_MSG(std::isfinite(tps) && tps >= 0, "write rate must be finite and >= 0");
  advance();
  write_rate_ = tps;
  if (history_.back().start == last_) {
    history_.back().rate = tps;
  } else {
    history_.push_back({last_, written_, tps});
  }
  sim_->emit("repl_write_rate", entity_, {{"tps", tps}});
  replan();
}

void ReplicationLink::sample() {
  const double lag = lag_s();
  recorder_->sample(sim_->now(), entity_,
                    {{"lag_s", lag},
                     {"backlog_tx", backlog()},
                     {"state", static_cast<double>(static_cast<int>(state_))}});
}

double ReplicationLink::written() {
  advance();
  return written_;
}
double ReplicationLink::shipped() {
  advance();
  return shipped_;
}
double ReplicationLink::applied() {
  advance();
  return applied_;
}

double ReplicationLink::lag_s() {
  advance();
  if (written_ <= applied_) return 0.0;
  return sim::to_seconds(sim_->now() - sim::Instant{}) - write_time_s(applied_);
}

// The instant (seconds since the run's start) the source wrote transaction number `position`:
// the inverse of W(t) over the write-rate history. After a flat stretch (rate 0) it is the start
// of the next segment that writes, so the tie picks the latest segment.
double ReplicationLink::write_time_s(double position) const {
  auto it = history_.end();
  while (it != history_.begin()) {
    --it;
    if (it->written <= position) break;
  }
  const double start_s = sim::to_seconds(it->start - sim::Instant{});
  if (it->rate <= 0) return start_s;
  return start_s + (position - it->written) / it->rate;
}

double ReplicationLink::apply_rate() {
  advance();
  return rates().apply;
}

bool ReplicationLink::caught_up() {
  advance();
  return link_up() && written_ == applied_;
}

namespace {
// A waiter is due when applied is within rounding of its position: the firing instant is
// rounded up to the microsecond, but the counters are sums of doubles.
bool due(double position, double applied) {
  return position <= applied + 1e-12 * std::abs(position) + 1e-9;
}
}  // namespace

void ReplicationLink::when_applied(double position, std::function<void()> fn) {
  B24_ASSERT_MSG(std::isfinite(position) && position >= 0, "waiter position must be >= 0");
  B24_ASSERT(fn != nullptr);
  // upper_bound: equal positions keep the order of registration.
  const auto it = std::upper_bound(waiters_.begin(), waiters_.end(), position,
                                   [](double p, const Waiter& w) { return p < w.position; });
  // While the link is down only what was already shipped before the cut (strictly below the
  // shipped position: a position equal to it is the next write's) can still be applied.
  advance();
  const bool shipped = link_up() || position < shipped_;
  waiters_.insert(it, Waiter{position, std::move(fn), shipped});
  schedule_waiter();
}

// The link is up again (reconnected, or a resync ended): what was held is shipped now.
void ReplicationLink::ship_held_waiters() {
  for (Waiter& w : waiters_) w.shipped = true;
}

// One event for the front waiter: the instant applied() reaches its position at the current
// apply rate, rounded up to the microsecond. A later change of rates passes through replan(),
// which calls this again, so the instant is always the current regime's.
void ReplicationLink::schedule_waiter() {
  sim_->cancel(waiter_event_);
  waiter_event_ = {};
  if (waiters_.empty()) return;
  advance();
  if (!waiters_.front().shipped) return;  // set_connected / on_resync_end reschedule
  const double position = waiters_.front().position;
  sim::Duration wait{0};
  if (!due(position, applied_)) {
    const double apply = rates().apply;
    if (apply <= 0) return;  // the next change of rates reschedules
    const double t = (position - applied_) / apply;
    if (!(t <= max_horizon_s)) return;
    wait = sim::Duration{static_cast<std::int64_t>(std::ceil(t * 1e6))};
  }
  waiter_event_ = sim_->schedule_in(wait, [this] { on_waiter_due(); });
}

void ReplicationLink::on_waiter_due() {
  waiter_event_ = {};
  advance();
  // Pop before calling: the callback may register waiters or change this link's rates.
  while (!waiters_.empty() && waiters_.front().shipped &&
         due(waiters_.front().position, applied_)) {
    std::function<void()> fn = std::move(waiters_.front().fn);
    waiters_.pop_front();
    fn();
  }
  schedule_waiter();
}

void ReplicationLink::seed_backlog(double backlog_tx, sim::Instant oldest_written) {
  const sim::Instant now = sim_->now();
  B24_ASSERT_MSG(last_ == now && written_ == 0, "seed_backlog: only on a new link");
  B24_ASSERT_MSG(std::isfinite(backlog_tx) && backlog_tx >= 0, "seed_backlog: bad backlog");
  B24_ASSERT_MSG(oldest_written <= now, "seed_backlog: oldest write in the future");
  if (backlog_tx <= 0) return;
  const double span_s = sim::to_seconds(now - oldest_written);
  written_ = backlog_tx;
  history_.clear();
  // A flat first segment when oldest == now: write_time_s(0) is then now (lag 0).
  history_.push_back({oldest_written, 0.0, span_s > 0 ? backlog_tx / span_s : 0.0});
  history_.push_back({now, written_, write_rate_});
  behind_ = true;
  catch_up_from_ = now;
  check_invariants();
  replan();
}

void ReplicationLink::check_invariants() const {
  B24_ASSERT_MSG(applied_ >= 0 && applied_ <= shipped_ && shipped_ <= written_,
                 "replication link: need 0 <= applied <= shipped <= written");
  B24_ASSERT(!history_.empty() && history_.front().start <= last_);
  B24_ASSERT(state_ != ReplicationState::resyncing || connected_);
  B24_ASSERT((state_ == ReplicationState::disconnected) == !connected_);
}

}  // namespace b24::models
