#pragma once
// A DC's two MySQL servers in a master-master pair (ARCHITECTURE.md, model scope): each is a
// source for the other through its own asynchronous ReplicationLink (entities
// "<entity>/s0->s1" and "<entity>/s1->s0"), and the DC's clients write to one of them, the
// active server, chosen by policy::decide_db_failover (keep while up, switch over at once when it
// crashes, none when both are down; no automatic failback).
//
// Writes: the client write rate w goes into the active server's outgoing link while the pair is
// available (the DC is up and the active server is up); the other link carries nothing, so each
// link's source binlog holds exactly the writes committed on that server.
//
// Crash of server s: both links touching s disconnect (the link from s stops shipping; the one
// into s stops receiving). The writes s committed but had not shipped to its peer (the unshipped
// count U of the link s -> peer at the crash) are "at risk": they exist only on s's disk. They
// stop being at risk when s recovers (the reconnected link ships them); those of servers still
// down at finish() are counted as lost. The relay log the peer already received is safe: the
// peer's applier keeps executing it.
//
// Recovery of server s: when its peer is up, both links reconnect; the link peer -> s then
// carries the writes made on the peer while s was down and catches up in B / (min(a, c) - w)
// (ReplicationLink::last_catch_up, reported by last_catch_up(s)).
//
// Whole DC down (set_dc_up(false)): no client writes (they fail), no switch-over decision, and
// the links between the two servers keep their state (not disconnected): both servers share the
// DC's power and network, so they stop together, neither writes, and they resume where they were
// without divergence or binlog purge. When the DC returns the policy decides again (a server
// that crashed meanwhile is switched away from then).
//
// Limitations (ReplicationLink has no way to stop a replica's applier):
//  - A crashed server's applier keeps executing the relay log it had received (the fluid link
//    drains Q while disconnected), so when a standby that was behind crashes, its backlog at
//    recovery is under-estimated by that relay log. Intra-DC links ship far faster than they
//    apply, so that relay log is nearly the whole backlog; a standby that was caught up (the
//    usual case, a > w) is exact.
//  - Likewise the standby's applier keeps draining its relay log while the whole DC is down.
// crash() of a server already down and recover() of a server already up do nothing (overlapping
// faults do not nest: the first recovery ends them all).

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "models/platform_params.hpp"
#include "models/replication_link.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"
#include "sim/time.hpp"

namespace b24::models {

class DbPair {
 public:
  // params.link configures both links; its write_rate_tps is the initial client write rate (to
  // server 0, the initial active server) and its initially_connected is ignored (both servers
  // start up and connected). sim and recorder must outlive the pair; the pair must outlive the
  // run. Throws std::invalid_argument on invalid link params or an empty entity.
  DbPair(sim::Simulator& sim, const DbPairParams& params, sim::Recorder& recorder,
         std::string entity);
  DbPair(const DbPair&) = delete;
  DbPair& operator=(const DbPair&) = delete;
  ~DbPair() = default;

  // Client write rate (tx/s, finite, >= 0), sent to the active server while available.
  void set_write_rate(double tps);
  // Server 0 or 1 crashes / comes back. A crash of the active server switches clients to the
  // other one at once (recorded as a "db_switchover" event with the policy's reason).
  void crash(int server, std::string_view reason);
  void recover(int server, std::string_view reason = {});
  // The whole DC goes down or comes back (see above).
  void set_dc_up(bool up, std::string_view reason = {});
  // End of run: the at-risk writes of servers still down become lost. Call once.
  void finish();
  // Publishes on `entity`: active (0/1), available (0/1), standby_lag_s and backlog_tx (of the
  // link active -> other), writes_at_risk_tx; then each link's own sample.
  void sample();

  // Clients can write: the DC is up and the active server is up.
  [[nodiscard]] bool available() const noexcept;
  // The server clients write to, or last wrote to when none is available.
  [[nodiscard]] int active() const noexcept { return active_; }
  [[nodiscard]] bool server_up(int server) const;
  [[nodiscard]] bool dc_up() const noexcept { return dc_up_; }
  [[nodiscard]] double write_rate() const noexcept { return write_rate_; }

  [[nodiscard]] std::uint64_t switchovers() const noexcept { return switchovers_; }
  // Integral of the client write rate while available / while not available (tx), up to now.
  [[nodiscard]] double writes_committed();
  [[nodiscard]] double writes_failed();
  // At risk now: the unshipped writes of servers that are down.
  [[nodiscard]] double writes_at_risk() const noexcept { return at_risk_[0] + at_risk_[1]; }
  // Every write ever put at risk by a crash, recovered or not.
  [[nodiscard]] double writes_at_risk_total() const noexcept { return at_risk_total_; }
  // Set by finish(): the at-risk writes of servers that had not recovered; 0 before.
  [[nodiscard]] double writes_lost() const noexcept { return writes_lost_; }
  // Last catch-up of `server` as a replica (its peer's link into it), from the reconnect to
  // backlog zero; negative when none completed.
  [[nodiscard]] sim::Duration last_catch_up(int server) const;
  // The link that carries writes from server `from` to the other one.
  [[nodiscard]] ReplicationLink& link(int from);
  [[nodiscard]] const std::string& entity() const noexcept { return entity_; }

 private:
  struct Server {
    bool up = true;
    sim::Instant since{};  // last crash or recovery
  };

  void integrate();
  void reconsider(bool was_available, std::string_view cause);
  void apply_write_rates();
  void record_availability(bool was_available, std::string_view why);
  [[nodiscard]] static std::size_t index(int server);
  void check_invariants() const;

  sim::Simulator* sim_;
  sim::Recorder* recorder_;
  std::string entity_;
  // links_[s] carries server s's writes to server 1 - s. unique_ptr: a link is not movable and
  // its scheduled events point at it.
  std::array<std::unique_ptr<ReplicationLink>, 2> links_;
  std::array<Server, 2> servers_{};
  int active_ = 0;
  bool dc_up_ = true;
  bool finished_ = false;
  double write_rate_;

  sim::Instant last_{};  // instant committed_ and failed_ are valid at
  double committed_ = 0, failed_ = 0;
  std::array<double, 2> at_risk_{0.0, 0.0};
  double at_risk_total_ = 0;
  double writes_lost_ = 0;
  std::uint64_t switchovers_ = 0;
};

}  // namespace b24::models
