#pragma once
// MySQL master-master replication between DCs as a directed graph (the article: pairs, or a
// ring where each DC is master to one and slave of another), one ReplicationLink per edge.
//
// What flows where. A DC's binlog holds its own client writes plus the writes it applies from
// its sources (log_replica_updates), and a write is never shipped back to the DC that
// originated it (server id / GTID loop prevention). With GTID a DC applies each transaction
// once even when it could receive it over two paths, so in this model every origin's writes
// reach each DC over exactly one path: the breadth-first tree from the origin over the current
// edges (lowest edge index first on ties). In a pair or a ring that path is the only one; in a
// richer graph the duplicate copies other paths would ship (and GTID would skip) are not
// counted as load. An edge's write rate is then, per origin o (with s its source, r its
// replica, and only when the edge is on o's tree):
//   x_e(o) = own writes of o                  if s == o
//          = apply rate of o's carrier into s   otherwise
// A caught-up link applies what is written (x of its own); a link that is behind, down or
// saturated applies at its own rate (c, a or 0), split between origins in proportion to the
// link's steady-state composition (every link caught up, current origin rates). That split is
// the one approximation of the flow: a backlog built while upstream links were in another state
// can hold another mix. Per origin the system is triangular (a tree), solved by substitution in
// breadth-first order; links that the result overloads are marked saturated and the system is
// solved again (at most once per link). The flows are recomputed whenever an origin rate, a
// connection, the graph (re-pointing) or a link's regime (a backlog drained) changes, so a link
// that catches up forwards its burst downstream and the burst ends when it has caught up.
// A down DC writes nothing into its binlog; what its relay log already holds is still applied by
// its link (the link has no notion of a dead replica; the relay log is small unless the applier
// was the bottleneck).
//
// Ring break. A down member disconnects its in- and out-edges: the members downstream stop
// receiving the writes of the members upstream until it returns and the backlogs catch up
// (MySQL's default). With repoint_on_failure the dead member's replicas are re-pointed to its
// first source after repoint_delay (a temporary edge, "repl/<u>-><v>", created at that instant)
// and back when it returns. The temporary link starts behind by what its replica lacks of the
// new source's binlog, estimated as the backlog of the edge into the dead member (everything its
// source wrote since the failure, minus the replica's own writes), i.e. it assumes the dead
// member's out-edge was caught up when the member failed. After the revert the member's
// catch-up ships again what the replica got over the temporary edge: GTID skips those, markers
// are deduplicated, but the link still counts them as load.
//
// Markers. Every marker_interval each up origin with an out-edge writes a numbered marker into
// its binlog. The marker waits on each tree edge out of a holder until that link has applied
// its binlog position (ReplicationLink::when_applied: no polling), reaches the replica one
// one-way latency later, and is forwarded along the origin's tree. Markers are deduplicated per
// (origin, holder), and an arrival with a lower sequence number than one already there counts as
// out of order (must stay 0). A marker is forgotten once every DC its origin replicates to holds
// it: memory is the markers in flight.
//
// Everything iterates vectors in DcId / edge index order, never pointers or hash order.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/replication_link.hpp"
#include "models/topology.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct ReplicationNetworkParams {
  std::vector<std::pair<DcId, DcId>> edges;  // (source, replica)
  // Per-edge defaults. Replaced per edge from the topology at construction: one_way_latency by
  // the direct link's latency (or, without one, the lowest-latency route's), bandwidth_bytes_per_s
  // by min(this value, the narrowest link of that path / 8) (the stream cannot exceed its share
  // nor the path's bottleneck). Unreachable DCs without a direct link keep these defaults.
  // write_rate_tps is ignored: origins start at 0 tx/s and set_write_rate() drives the flows.
  ReplicationLinkParams link{};
  bool repoint_on_failure = false;
  sim::Duration repoint_delay = std::chrono::minutes{5};
  sim::Duration marker_interval = std::chrono::seconds{60};  // 0: no markers
};

// Throws std::invalid_argument naming the problem: an unknown DC id, a self loop, a duplicate
// edge, or a member whose writes cannot reach another member of its group. Rule: drop the sinks
// (out-degree 0: pure read replicas / backups, which may hang off any member); each weakly
// connected component of the rest must be strongly connected.
// Example message: "replication: writes of dc 'par' never reach 'fra'".
void validate_replication_graph(const Topology& topology,
                                const std::vector<std::pair<DcId, DcId>>& edges);

class ReplicationNetwork {
 public:
  // All three references must outlive the network, which must outlive the run (its events
  // point at it). Throws std::invalid_argument (validate_replication_graph, link params, more
  // than 64 DCs).
  ReplicationNetwork(sim::Simulator& sim, Topology& topology,
                     const ReplicationNetworkParams& params, sim::Recorder& recorder);
  ~ReplicationNetwork();
  ReplicationNetwork(const ReplicationNetwork&) = delete;
  ReplicationNetwork& operator=(const ReplicationNetwork&) = delete;

  // Schedules the markers (the first one marker_interval from now).
  void start();
  // Client writes committed at `origin` from now on (tx/s, finite, >= 0). Throws
  // std::invalid_argument for a positive rate at a DC with no out-edge: nothing would replicate
  // those writes.
  void set_write_rate(DcId origin, double tps);
  // Call after any change of DC or link state in the Topology: an edge is connected iff both
  // DCs are up and their direct link is usable (DCs without a direct link: reachable over any
  // route). Starts or cancels re-pointing timers.
  void on_topology_changed(std::string_view reason);

  // How stale `holder`'s copy of `origin`'s writes is: the staleness (lag + latency) summed
  // along the current path from origin to holder (each hop's lag is the age of that link's
  // oldest unapplied transaction, whatever its origin). 0 when holder == origin; nothing when
  // origin's writes never reach holder.
  [[nodiscard]] std::optional<double> lag_s(DcId holder, DcId origin);
  // Origin's own writes present on no other DC now (lost if origin failed now): over origin's
  // out-edges on its tree, the smallest unshipped count times origin's share of that link's
  // steady-state composition, plus origin's write rate times the one-way latency on a link that
  // is up (written and sent, still on the wire). Shipped-but-unapplied writes count as safe (they
  // are in the replica's relay log).
  [[nodiscard]] double unreplicated_tx(DcId origin);
  // Per edge with a link, entity "repl/<src>-><dst>": state (0/1/2), lag_s, backlog_tx,
  // write_tps. Also feeds totals().
  void sample();

  struct EdgeTotals {
    std::string name;  // entity
    double max_lag_s = 0;
    double p99_lag_s = 0;             // over samples, within 1% (LatencyHistogram)
    sim::Duration last_catch_up{-1};  // negative: none completed
    std::uint64_t resyncs = 0;
    double max_backlog_tx = 0;
    double applied_tx = 0;  // transactions the replica applied through this edge
  };
  // Static edges in params order, then temporary edges in order of first creation.
  // Brings every link up to now first (hence not const).
  [[nodiscard]] std::vector<EdgeTotals> totals();

  struct MarkerArrival {
    DcId origin;
    DcId holder;
    std::uint64_t seq;
    sim::Instant written;
    sim::Instant applied;
  };
  void set_marker_observer(std::function<void(const MarkerArrival&)> fn) {
    marker_observer_ = std::move(fn);
  }
  [[nodiscard]] std::uint64_t markers_out_of_order() const noexcept { return out_of_order_; }
  [[nodiscard]] std::uint64_t markers_written() const noexcept { return markers_written_; }
  [[nodiscard]] std::uint64_t markers_duplicate() const noexcept { return duplicates_; }
  [[nodiscard]] std::size_t markers_in_flight() const noexcept;

  // Introspection for tests and the platform.
  [[nodiscard]] std::size_t edge_count() const noexcept;
  // The active edge source -> replica (a static edge not re-pointed away, or a live temporary
  // edge), if any.
  [[nodiscard]] ReplicationLink* link(DcId source, DcId replica);
  [[nodiscard]] double write_rate(DcId origin) const { return own_rate_.at(origin.index); }

 private:
  struct Edge;
  struct Marker;
  struct Origin;
  struct LinkView;  // a link's state as the flow solver sees it

  void build_links();
  [[nodiscard]] ReplicationLinkParams edge_params(DcId src, DcId dst) const;
  std::unique_ptr<ReplicationLink> make_link(std::size_t e, bool connected);
  [[nodiscard]] bool active(std::size_t e) const;
  [[nodiscard]] bool wanted_connected(std::size_t e) const;
  void rebuild_trees();
  void recompute_flows();
  void solve(bool nominal, const std::vector<LinkView>& views, std::vector<double>& x) const;
  void update_connections(std::string_view reason);
  void on_dc_down(DcId dc);
  void on_dc_up(DcId dc);
  void repoint(DcId dead);
  void revert(DcId dead);
  std::size_t temporary_edge(DcId src, DcId dst);
  void on_marker_tick();
  void write_marker(DcId origin);
  void forward_marker(DcId origin, std::uint64_t seq, DcId holder);
  void queue_marker(std::size_t e, DcId origin, std::uint64_t seq, double position);
  void on_marker_arrival(DcId origin, std::uint64_t seq, DcId holder);
  void route_markers_onto(std::size_t e, double backlog, sim::Instant oldest);
  Marker* find_marker(DcId origin, std::uint64_t seq);
  void forget_complete_markers(Origin& o) const;
  [[nodiscard]] double share(std::size_t e, std::uint32_t o) const;
  void check_invariants() const;

  sim::Simulator* sim_;
  Topology* topology_;
  ReplicationNetworkParams params_;
  sim::Recorder* recorder_;
  std::uint32_t n_;  // DC count

  std::vector<Edge> edges_;  // static edges (params order), then temporary ones
  std::vector<double> own_rate_;
  std::vector<std::uint8_t> dc_up_;      // as last seen by on_topology_changed
  std::vector<std::uint8_t> repointed_;  // per DC: its replicas are re-pointed now
  std::vector<sim::EventHandle> repoint_timer_;
  // carrier_[o * n_ + d]: the edge carrying origin o's writes into d (index), or -1.
  std::vector<std::int32_t> carrier_;
  std::vector<std::vector<std::uint32_t>> tree_order_;  // per origin, edges parent-first
  std::vector<double> nominal_x_;                       // [e * n_ + o], steady-state flows
  bool recomputing_ = false;

  std::vector<Origin> origins_;
  std::vector<std::uint64_t> last_seq_;  // [origin * n_ + holder], highest seq arrived
  std::uint64_t out_of_order_ = 0;
  std::uint64_t duplicates_ = 0;
  std::uint64_t markers_written_ = 0;
  sim::EventHandle marker_event_{};
  std::function<void(const MarkerArrival&)> marker_observer_;
};

}  // namespace b24::models
