// The replication network's marker transactions: numbered writes that travel the graph like
// any other, so their order and delay of arrival at every DC can be checked.

#include <algorithm>
#include <string>

#include "models/replication_network_detail.hpp"
#include "sim/assert.hpp"

namespace b24::models {

using replication_detail::bit;

void ReplicationNetwork::start() {
  if (params_.marker_interval.count() == 0) return;
  sim_->cancel(marker_event_);
  marker_event_ = sim_->schedule_in(params_.marker_interval, [this] { on_marker_tick(); });
}

void ReplicationNetwork::on_marker_tick() {
  marker_event_ = sim_->schedule_in(params_.marker_interval, [this] { on_marker_tick(); });
  for (std::uint32_t o = 0; o < n_; ++o) {
    if (dc_up_[o] != 0 && origins_[o].reaches != bit(o)) write_marker(DcId{o});
  }
}

void ReplicationNetwork::write_marker(DcId origin) {
  Origin& o = origins_[origin.index];
  Marker m;
  m.seq = o.next_seq++;
  m.written = sim_->now();
  m.reached = bit(origin.index);
  m.arrived.assign(n_, sim::Instant{});
  m.arrived[origin.index] = m.written;
  o.in_flight.push_back(std::move(m));
  ++markers_written_;
  forward_marker(origin, o.in_flight.back().seq, origin);
}

// The marker is the newest transaction of holder's binlog: it waits on every tree edge of its
// origin out of holder at that edge's current written position.
void ReplicationNetwork::forward_marker(DcId origin, std::uint64_t seq, DcId holder) {
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (!active(e) || edges_[e].src != holder) continue;
    if (carrier_[origin.index * n_ + edges_[e].dst.index] != static_cast<std::int32_t>(e)) continue;
    queue_marker(e, origin, seq, edges_[e].link->written());
  }
}

void ReplicationNetwork::queue_marker(std::size_t e, DcId origin, std::uint64_t seq,
                                      double position) {
  const DcId dst = edges_[e].dst;
  const sim::Duration latency = edges_[e].link->params().one_way_latency;
  // Applied by the fluid link at that instant; the replica has it one latency later (the fluid
  // counters leave the latency out, see replication_link.hpp).
  edges_[e].link->when_applied(position, [this, origin, seq, dst, latency] {
    sim_->schedule_in(latency, [this, origin, seq, dst] { on_marker_arrival(origin, seq, dst); });
  });
}

ReplicationNetwork::Marker* ReplicationNetwork::find_marker(DcId origin, std::uint64_t seq) {
  auto& flight = origins_[origin.index].in_flight;
  if (flight.empty() || seq < flight.front().seq || seq > flight.back().seq) return nullptr;
  Marker& m = flight[seq - flight.front().seq];
  B24_ASSERT(m.seq == seq);
  return &m;
}

void ReplicationNetwork::on_marker_arrival(DcId origin, std::uint64_t seq, DcId holder) {
  Marker* m = find_marker(origin, seq);
  // Already there (over another path, or forgotten because every DC holds it): GTID skips it.
  if (m == nullptr || (m->reached & bit(holder.index)) != 0) {
    ++duplicates_;
    return;
  }
  std::uint64_t& last = last_seq_[origin.index * n_ + holder.index];
  if (seq < last) {
    ++out_of_order_;
    recorder_->event(sim_->now(), "marker_out_of_order", "dc/" + topology_->dc(holder).name,
                     "marker " + std::to_string(seq) + " of dc '" + topology_->dc(origin).name +
                         "' arrived after marker " + std::to_string(last));
  }
  last = std::max(last, seq);
  m->reached |= bit(holder.index);
  m->arrived[holder.index] = sim_->now();
  const MarkerArrival arrival{origin, holder, seq, m->written, sim_->now()};
  forward_marker(origin, seq, holder);
  forget_complete_markers(origins_[origin.index]);
  if (marker_observer_) marker_observer_(arrival);
}

void ReplicationNetwork::forget_complete_markers(Origin& o) const {
  while (!o.in_flight.empty() && (o.in_flight.front().reached & o.reaches) == o.reaches) {
    o.in_flight.pop_front();
  }
}

std::size_t ReplicationNetwork::markers_in_flight() const noexcept {
  std::size_t total = 0;
  for (const Origin& o : origins_) total += o.in_flight.size();
  return total;
}

// A new temporary edge u -> v: the markers u holds and v lacks wait on it at the position they
// have in the seeded backlog (written at a constant rate from `oldest` to now, as seed_backlog
// assumes). Positions grow with the arrival at u, so with the sequence number.
void ReplicationNetwork::route_markers_onto(std::size_t e, double backlog, sim::Instant oldest) {
  const std::uint32_t u = edges_[e].src.index;
  const std::uint32_t v = edges_[e].dst.index;
  const sim::Instant now = sim_->now();
  const double span_s = sim::to_seconds(now - oldest);
  for (std::uint32_t o = 0; o < n_; ++o) {
    if (carrier_[o * n_ + v] != static_cast<std::int32_t>(e)) continue;
    for (const Marker& m : origins_[o].in_flight) {
      if ((m.reached & bit(u)) == 0 || (m.reached & bit(v)) != 0) continue;
      const double since_s = sim::to_seconds(m.arrived[u] - oldest);
      const double position =
          since_s <= 0 ? 0.0 : (span_s > 0 ? backlog * std::min(1.0, since_s / span_s) : backlog);
      queue_marker(e, DcId{o}, m.seq, position);
    }
  }
}

}  // namespace b24::models
