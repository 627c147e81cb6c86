#pragma once
// One directed asynchronous MySQL replication link, source DC -> replica DC, as a fluid model
// of binlog transactions (DOMAIN.md section 4). No event per write: the state is piecewise
// linear in time and the link schedules one event per change of regime (a backlog drains to
// zero, the binlog the replica needs is purged, a resync ends), so a simulated day costs a
// handful of events.
//
// Pipeline and counters (transactions, as doubles):
//   written  W(t): committed to the source's binlog, dW/dt = w (set_write_rate)
//   shipped  S(t): copied by the replica's I/O thread into its relay log
//   applied  A(t): executed by the applier (SQL thread or workers)
//   0 <= A <= S <= W;  unshipped U = W - S;  relay backlog Q = S - A;  backlog = W - A.
// Rates, with c = bandwidth / mean transaction size and a = applier_tps * applier_speedup:
//   link up (connected, not resyncing): ship = c if U > 0, else min(w, c)
//   link down or resyncing:              ship = 0
//   apply = a if Q > 0, else min(a, ship);  apply = 0 while resyncing
// (the applier keeps executing what the relay log already holds while the link is down, as the
// MySQL I/O and SQL threads are decoupled). U or Q reaching zero changes the regime; that
// instant is computed exactly from the rates and rounded to the nearest microsecond, and the
// counter is snapped to exactly zero there.
//
// Catch-up after reconnect with backlog B (U = B, Q = 0): the total backlog falls at
// min(a, c) - w until it is zero, so it takes B / (min(a, c) - w) (catch_up_seconds()).
//
// Lag ("seconds behind source") is the age of the oldest unapplied transaction: now - t*, where
// t* is the instant the source wrote transaction number A (the inverse of the piecewise-linear
// W(t), kept as a short history of write-rate segments back to the applied position). Zero when
// nothing is unapplied; with a constant write rate it equals backlog / w. Unlike MySQL's
// Seconds_Behind_Source it is defined while disconnected and does not under-report when the
// network is the bottleneck (DOMAIN.md notes both).
//
// The one-way latency does not enter the fluid dynamics (the bandwidth-delay product is tiny
// next to hours of backlog); staleness_s() adds it to the lag for freshness decisions.
//
// Binlog retention: when the link has been down for binlog_retention without a break, the
// binlog files holding the replica's position are purged ("binlog_purged"); the next reconnect
// starts a full resync lasting data_size_bytes / bandwidth, during which nothing is shipped or
// applied. At its end the replica holds the source's state as of that instant (as a CLONE with
// redo archiving would), so it continues from the current position with zero backlog. A
// disconnect during the resync aborts it; the next reconnect starts it again.
// Not modelled yet: purge while connected but behind (slow network), per-thread appliers.
//
// For an owner that chains links (ReplicationNetwork): when_applied() calls back when the
// applied counter passes a binlog position (a marker transaction reaches the replica), at the
// instant computed from the current regime's rates and recomputed at every change of rates, so
// nothing polls; set_regime_observer() tells the owner when the link changed its rates on its
// own (a backlog drained, a resync ended), as the apply rate is the next hop's input;
// seed_backlog() starts a new link behind its source (a replica re-pointed to a new source
// resumes from the transactions it already has, GTID auto-positioning).

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>

#include "sim/recorder.hpp"
#include "sim/simulator.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct ReplicationLinkParams {
  // Transactions per second committed into the source's binlog at the start (then
  // set_write_rate). Assumption: scenario-set.
  double write_rate_tps = 100.0;
  // Throughput of one applier thread (tx/s). DOMAIN.md: no sourced number; assumption.
  double applier_tps = 500.0;
  // Effective speed-up of the multi-threaded applier over one thread (1 = single-threaded,
  // replica_parallel_workers = 0; MySQL >= 8.0.27 defaults to 4 workers, whose gain depends on
  // the dependency tracking and the workload, so the scenario sets it).
  double applier_speedup = 1.0;
  // The inter-DC link: one-way latency, bandwidth available to this replication stream.
  sim::Duration one_way_latency = std::chrono::milliseconds(20);
  double bandwidth_bytes_per_s = 125e6;  // 1 Gbit/s; assumption
  double mean_transaction_bytes = 2000;  // row-based binlog event group; assumption
  // binlog_expire_logs_seconds, MySQL 8.0 default 2592000 s = 30 days (DOMAIN.md).
  sim::Duration binlog_retention = std::chrono::seconds(2592000);
  // Size of the data set copied by a full resync: duration = data_size_bytes / bandwidth.
  double data_size_bytes = 500e9;  // assumption
  bool initially_connected = true;

  [[nodiscard]] double ship_rate_tps() const {
    return bandwidth_bytes_per_s / mean_transaction_bytes;
  }
  [[nodiscard]] double apply_rate_tps() const { return applier_tps * applier_speedup; }
  [[nodiscard]] double resync_seconds() const { return data_size_bytes / bandwidth_bytes_per_s; }
};

// Throws std::invalid_argument naming the field when a parameter is negative, zero where it must
// be positive, or not finite.
void validate(const ReplicationLinkParams& params);

// Closed form: seconds to apply a backlog of `backlog_tx` after reconnect with a constant write
// rate w; +infinity when min(a, c) <= w (the backlog never drains).
[[nodiscard]] double catch_up_seconds(double backlog_tx, double write_rate_tps,
                                      const ReplicationLinkParams& params);

enum class ReplicationState : std::uint8_t {
  replicating = 0,   // link up; may be behind (catching up) or caught up
  disconnected = 1,  // partition, source or replica down
  resyncing = 2,     // full copy after the binlog position was purged
};
[[nodiscard]] std::string_view to_string(ReplicationState s);

class ReplicationLink {
 public:
  // sim and recorder must outlive the link; the link must outlive the run (its events point at
  // it). Throws std::invalid_argument on invalid params.
  ReplicationLink(sim::Simulator& sim, const ReplicationLinkParams& params, sim::Recorder& recorder,
                  std::string entity);
  ReplicationLink(const ReplicationLink&) = delete;
  ReplicationLink& operator=(const ReplicationLink&) = delete;
  ~ReplicationLink();

  // Link up means the inter-DC link is up and both DCs are up (the owner combines them).
  // Idempotent: setting the current value again does nothing.
  void set_connected(bool connected, std::string_view reason = {});
  // New write rate into the source's binlog from now on (tx/s, >= 0).
  void set_write_rate(double tps);
  // Publishes lag_s, backlog_tx and state (0/1/2, see ReplicationState) at now.
  void sample();

  // Getters bring the fluid state up to now first.
  [[nodiscard]] double written();
  [[nodiscard]] double shipped();
  [[nodiscard]] double applied();
  [[nodiscard]] double backlog() { return written() - applied(); }
  [[nodiscard]] double lag_s();
  [[nodiscard]] double staleness_s() { return lag_s() + sim::to_seconds(params_.one_way_latency); }
  [[nodiscard]] ReplicationState state() const noexcept { return state_; }
  [[nodiscard]] bool needs_resync() const noexcept { return needs_resync_; }
  [[nodiscard]] double write_rate() const noexcept { return write_rate_; }
  [[nodiscard]] const ReplicationLinkParams& params() const noexcept { return params_; }
  [[nodiscard]] const std::string& entity() const noexcept { return entity_; }
  // Duration of the last catch-up (from the reconnect or resync end to backlog zero), or a
  // negative duration when none completed yet.
  [[nodiscard]] sim::Duration last_catch_up() const noexcept { return last_catch_up_; }
  [[nodiscard]] std::uint64_t resyncs_completed() const noexcept { return resyncs_; }

  // Transactions written but not yet in the replica's relay log: what the replica would miss
  // if the source failed now (what was shipped survives in the relay log).
  [[nodiscard]] double unshipped() { return written() - shipped(); }
  // Current slope of applied() (tx/s). Depends on the write rate only while the link is
  // caught up (then it is min(w, c, a)); behind or down it is set by c, a and the relay log.
  [[nodiscard]] double apply_rate();
  // Connected, replicating and nothing written is unapplied: applied() follows written().
  [[nodiscard]] bool caught_up();
  // min(c, a): the highest write rate the link can follow without building a backlog.
  [[nodiscard]] double follow_capacity_tps() const noexcept {
    return std::min(ship_capacity_, apply_capacity_);
  }

  // Calls `fn` once applied() >= position (position in written() units). Due positions fire
  // from an event at the current instant, never from inside this call; waiters fire in order
  // of position (ties in order of registration). A full resync applies everything at its end.
  // A waiter registered while the link is down (disconnected or resyncing) at a position not
  // below shipped() stands for something written after the cut, which cannot have been shipped:
  // it waits for the link to be up again even when applied() already covers its position (a
  // caught-up link cut off from a source that writes nothing new would otherwise pass it
  // straight through). The waiters are dropped
  // with the link.
  void when_applied(double position, std::function<void()> fn);
  [[nodiscard]] std::size_t waiters() const noexcept { return waiters_.size(); }
  // `fn` runs after each change of rates the link makes on its own (a drain to zero, the end of
  // a resync), not after the owner's set_connected / set_write_rate calls. It may call back
  // into the link (set_write_rate).
  void set_regime_observer(std::function<void()> fn) { regime_observer_ = std::move(fn); }
  // Makes a link created at this instant start `backlog_tx` behind its source, the oldest of
  // them written at `oldest_written` (lag_s() then reports now - oldest_written); the history
  // between is taken as written at a constant rate. Only right after construction.
  void seed_backlog(double backlog_tx, sim::Instant oldest_written);

 private:
  struct WriteSegment {  // W(t) = written + rate * (t - start) from start on
    sim::Instant start;
    double written;
    double rate;
  };
  struct Rates {
    double ship;
    double apply;
  };
  struct Waiter {
    double position;
    std::function<void()> fn;
    bool shipped;  // false: registered while the link was down, held until it is up
  };

  void advance();
  [[nodiscard]] Rates rates() const;
  void replan();
  void replan_regime();
  void schedule_waiter();
  void ship_held_waiters();
  void on_waiter_due();
  void on_regime_change();
  void on_binlog_purged();
  void on_resync_end();
  void start_resync();
  void note_caught_up();
  [[nodiscard]] bool link_up() const noexcept {
    return connected_ && state_ == ReplicationState::replicating;
  }
  [[nodiscard]] double write_time_s(double position) const;
  void check_invariants() const;

  sim::Simulator* sim_;
  sim::Recorder* recorder_;
  ReplicationLinkParams params_;
  std::string entity_;
  double ship_capacity_;   // c, tx/s
  double apply_capacity_;  // a, tx/s

  sim::Instant last_{};  // instant the counters below are valid at
  double written_ = 0, shipped_ = 0, applied_ = 0;
  double write_rate_;
  std::deque<WriteSegment> history_;  // write-rate segments back to the applied position

  bool connected_;
  ReplicationState state_ = ReplicationState::replicating;
  bool needs_resync_ = false;
  bool behind_ = false;  // backlog > 0
  sim::Instant catch_up_from_{};
  sim::Duration last_catch_up_{-1};
  std::uint64_t resyncs_ = 0;

  sim::EventHandle regime_event_{};
  bool snap_unshipped_ = false, snap_relay_ = false;  // what regime_event_ drains to zero
  sim::EventHandle purge_event_{};
  sim::EventHandle resync_event_{};

  std::deque<Waiter> waiters_;  // sorted by position
  sim::EventHandle waiter_event_{};
  std::function<void()> regime_observer_;
};

}  // namespace b24::models
