#include "models/replication_network.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <cmath>
#include <deque>
#include <limits>
#include <stdexcept>

#include "models/replication_network_detail.hpp"
#include "sim/assert.hpp"

namespace b24::models {

using replication_detail::bit;
using replication_detail::reject;

ReplicationNetwork::ReplicationNetwork(sim::Simulator& sim, Topology& topology,
                                       const ReplicationNetworkParams& params,
                                       sim::Recorder& recorder)
    : sim_(&sim),
      topology_(&topology),
      params_(params),
      recorder_(&recorder),
      n_(static_cast<std::uint32_t>(topology.dc_count())) {
  validate_replication_graph(topology, params.edges);
  validate(params.link);
  if (n_ > 64) reject("at most 64 dcs (markers keep a bit per dc)");
  if (params.repoint_delay.count() < 0) reject("repoint_delay must be >= 0");
  if (params.marker_interval.count() < 0) reject("marker_interval must be >= 0");
  own_rate_.assign(n_, 0.0);
  dc_up_.resize(n_);
  for (std::uint32_t d = 0; d < n_; ++d) dc_up_[d] = topology.dc_up(DcId{d}) ? 1 : 0;
  repointed_.assign(n_, 0);
  repoint_timer_.assign(n_, {});
  last_seq_.assign(static_cast<std::size_t>(n_) * n_, 0);
  origins_.resize(n_);
  for (const auto& [s, r] : params.edges) {
    edges_.emplace_back();
    edges_.back().src = s;
    edges_.back().dst = r;
    edges_.back().name = "repl/" + topology.dc(s).name + "->" + topology.dc(r).name;
  }
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    edges_[e].link = make_link(e, wanted_connected(e));
  }
  rebuild_trees();
  for (std::uint32_t o = 0; o < n_; ++o) {
    origins_[o].reaches = bit(o);
    for (std::uint32_t d = 0; d < n_; ++d) {
      if (carrier_[o * n_ + d] >= 0) origins_[o].reaches |= bit(d);
    }
  }
  recompute_flows();
}

ReplicationNetwork::~ReplicationNetwork() {
  sim_->cancel(marker_event_);
  for (const auto& timer : repoint_timer_) sim_->cancel(timer);
}

std::size_t ReplicationNetwork::edge_count() const noexcept {
  return edges_.size();
}

ReplicationLinkParams ReplicationNetwork::edge_params(DcId src, DcId dst) const {
  ReplicationLinkParams p = params_.link;
  p.write_rate_tps = 0;
  std::vector<LinkId> path;
  if (const auto direct = topology_->link_between(src, dst)) {
    p.one_way_latency = topology_->link(*direct).latency;
    path = {*direct};
  } else if (const auto route = topology_->shortest_path(src, dst)) {
    p.one_way_latency = route->latency;
    path = route->links;
  }
  for (const LinkId l : path) {
    p.bandwidth_bytes_per_s =
        std::min(p.bandwidth_bytes_per_s, topology_->link(l).bandwidth_bps / 8);
  }
  return p;
}

std::unique_ptr<ReplicationLink> ReplicationNetwork::make_link(std::size_t e, bool connected) {
  ReplicationLinkParams p = edge_params(edges_[e].src, edges_[e].dst);
  p.initially_connected = connected;
  auto link = std::make_unique<ReplicationLink>(*sim_, p, *recorder_, edges_[e].name);
  // A link that drains its backlog (or ends a resync) changes what it forwards downstream.
  link->set_regime_observer([this] { recompute_flows(); });
  return link;
}

bool ReplicationNetwork::active(std::size_t e) const {
  return edges_[e].link != nullptr && edges_[e].replaced_by < 0;
}

// Two DCs joined by a link replicate over it alone (a dedicated channel, as the article's "links
// between DCs lost for hours" implies: the stream is not rerouted through third DCs), so cutting
// that link stops the stream. DCs without a direct link replicate over any route.
bool ReplicationNetwork::wanted_connected(std::size_t e) const {
  const Edge& edge = edges_[e];
  if (dc_up_[edge.src.index] == 0 || dc_up_[edge.dst.index] == 0) return false;
  if (const auto direct = topology_->link_between(edge.src, edge.dst)) {
    return topology_->link_usable(*direct);
  }
  return topology_->reachable(edge.src, edge.dst);
}

ReplicationLink* ReplicationNetwork::link(DcId source, DcId replica) {
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (active(e) && edges_[e].src == source && edges_[e].dst == replica) {
      return edges_[e].link.get();
    }
  }
  return nullptr;
}

// Per origin, the breadth-first tree over the active edges (edge index order on ties): the one
// path its writes take to each DC (GTID applies a transaction once).
// Per origin, the breadth-first tree over the active edges (boost::breadth_first_search): the
// fewest hops each write travels, and, in tree order, the edge that brings it into each DC.
// Out-edges are visited in edge order, so ties between equally short paths resolve the same
// way every run.
void ReplicationNetwork::rebuild_trees() {
  using EdgeIndexed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                            boost::no_property, std::uint32_t>;
  EdgeIndexed g(n_);
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (active(e)) {
      boost::add_edge(edges_[e].src.index, edges_[e].dst.index, static_cast<std::uint32_t>(e), g);
    }
  }
  struct TreeRecorder : boost::default_bfs_visitor {
    std::int32_t* carrier;  // this origin's row of carrier_
    std::vector<std::uint32_t>* order;
    void tree_edge(EdgeIndexed::edge_descriptor e, const EdgeIndexed& graph) const {
      const std::uint32_t index = graph[e];
      carrier[boost::target(e, graph)] = static_cast<std::int32_t>(index);
      order->push_back(index);
    }
  };
  carrier_.assign(static_cast<std::size_t>(n_) * n_, -1);
  tree_order_.assign(n_, {});
  std::vector<boost::default_color_type> color(n_);
  for (std::uint32_t o = 0; o < n_; ++o) {
    std::fill(color.begin(), color.end(), boost::white_color);
    TreeRecorder visitor;
    visitor.carrier = carrier_.data() + static_cast<std::size_t>(o) * n_;
    visitor.order = &tree_order_[o];
    boost::breadth_first_search(g, boost::vertex(o, g),
                                boost::visitor(visitor).color_map(boost::make_iterator_property_map(
                                    color.begin(), boost::get(boost::vertex_index, g))));
  }
}

double ReplicationNetwork::share(std::size_t e, std::uint32_t o) const {
  if ((e + 1) * n_ > nominal_x_.size()) return 0.0;  // an edge newer than the last solve
  double total = 0;
  for (std::uint32_t i = 0; i < n_; ++i) total += nominal_x_[e * n_ + i];
  return total > 0 ? nominal_x_[e * n_ + o] / total : 0.0;
}

// x[e * n + o]: rate of origin o's writes into edge e's source binlog (and so into the link).
// nominal: every link caught up, every DC writing its rate (the steady-state composition).
// Otherwise passes repeat while a caught-up link turns out overloaded: it then applies at its
// capacity, split by the previous pass's composition.
void ReplicationNetwork::solve(bool nominal, const std::vector<LinkView>& views,
                               std::vector<double>& x) const {
  const std::size_t edge_total = edges_.size();
  x.assign(edge_total * n_, 0.0);
  std::vector<std::uint8_t> saturated(edge_total, 0);
  std::vector<double> previous;
  const auto total = [this](const std::vector<double>& v, std::size_t e) {
    double t = 0;
    for (std::uint32_t o = 0; o < n_; ++o) t += v[e * n_ + o];
    return t;
  };
  const auto applied = [&](std::size_t p, std::uint32_t o) {
    const LinkView& v = views[p];
    if (nominal || (v.passing && saturated[p] == 0)) return x[p * n_ + o];
    if (v.passing) {
      const double t = total(previous, p);
      return t > 0 ? v.capacity * previous[p * n_ + o] / t : 0.0;
    }
    return v.apply * share(p, o);
  };
  for (std::size_t pass = 0; pass <= edge_total; ++pass) {
    std::fill(x.begin(), x.end(), 0.0);
    for (std::uint32_t o = 0; o < n_; ++o) {
      const bool writes = nominal || dc_up_[o] != 0;
      for (const std::uint32_t e : tree_order_[o]) {
        const std::uint32_t s = edges_[e].src.index;
        if (!nominal && dc_up_[s] == 0) continue;  // a down DC's binlog does not grow
        const std::int32_t parent = carrier_[o * n_ + s];
        B24_ASSERT(s == o || parent >= 0);
        x[e * n_ + o] = s == o ? (writes ? own_rate_[o] : 0.0) : applied(parent, o);
      }
    }
    if (nominal) return;
    bool more = false;
    for (std::size_t e = 0; e < edge_total; ++e) {
      if (!views[e].active || !views[e].passing || saturated[e] != 0) continue;
      if (total(x, e) > views[e].capacity * (1 + 1e-12)) saturated[e] = 1, more = true;
    }
    if (!more) return;
    previous = x;
  }
}

void ReplicationNetwork::recompute_flows() {
  B24_ASSERT_MSG(!recomputing_, "replication network: flow recomputation re-entered");
  recomputing_ = true;
  std::vector<LinkView> views(edges_.size());
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (!active(e)) continue;
    ReplicationLink& link = *edges_[e].link;
    views[e] = {true, link.caught_up(), link.apply_rate(), link.follow_capacity_tps()};
  }
  solve(true, views, nominal_x_);
  std::vector<double> x;
  solve(false, views, x);
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (edges_[e].link == nullptr) continue;
    double rate = 0;
    for (std::uint32_t o = 0; o < n_; ++o) rate += x[e * n_ + o];
    B24_ASSERT(std::isfinite(rate) && rate >= 0);
    B24_ASSERT(active(e) || rate == 0);
    if (rate != edges_[e].link->write_rate()) edges_[e].link->set_write_rate(rate);
  }
  recomputing_ = false;
}

void ReplicationNetwork::set_write_rate(DcId origin, double tps) {
  if (origin.index >= n_) reject("write rate for unknown dc id " + std::to_string(origin.index));
  if (!std::isfinite(tps) || tps < 0) reject("write rate must be finite and >= 0");
  if (tps > 0 && origins_[origin.index].reaches == bit(origin.index)) {
    reject("dc '" + topology_->dc(origin).name +
           "' replicates to no dc: its writes would never leave it");
  }
  own_rate_[origin.index] = tps;
  recompute_flows();
}

void ReplicationNetwork::update_connections(std::string_view reason) {
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (edges_[e].link != nullptr) edges_[e].link->set_connected(wanted_connected(e), reason);
  }
}

void ReplicationNetwork::on_topology_changed(std::string_view reason) {
  for (std::uint32_t d = 0; d < n_; ++d) {
    const std::uint8_t up = topology_->dc_up(DcId{d}) ? 1 : 0;
    if (up == dc_up_[d]) continue;
    dc_up_[d] = up;
    if (up != 0) {
      on_dc_up(DcId{d});
    } else {
      on_dc_down(DcId{d});
    }
  }
  update_connections(reason);
  recompute_flows();
  check_invariants();
}

void ReplicationNetwork::on_dc_down(DcId dc) {
  if (!params_.repoint_on_failure) return;
  B24_ASSERT(repoint_timer_[dc.index].empty() || !sim_->is_pending(repoint_timer_[dc.index]));
  repoint_timer_[dc.index] = sim_->schedule_in(params_.repoint_delay, [this, dc] {
    repoint_timer_[dc.index] = {};
    repoint(dc);
    update_connections("re-pointed around dc '" + topology_->dc(dc).name + "'");
    recompute_flows();
    check_invariants();
  });
}

void ReplicationNetwork::on_dc_up(DcId dc) {
  sim_->cancel(repoint_timer_[dc.index]);
  repoint_timer_[dc.index] = {};
  if (repointed_[dc.index] != 0) revert(dc);
}

std::size_t ReplicationNetwork::temporary_edge(DcId src, DcId dst) {
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (edges_[e].temporary && edges_[e].src == src && edges_[e].dst == dst) return e;
  }
  edges_.emplace_back();
  edges_.back().src = src;
  edges_.back().dst = dst;
  edges_.back().temporary = true;
  edges_.back().name = "repl/" + topology_->dc(src).name + "->" + topology_->dc(dst).name;
  return edges_.size() - 1;
}

// Each replica v of the dead member m is re-pointed to m's first up source u (u != v) unless it
// already replicates from u. The new link starts behind by what v lacks of u's binlog: the
// backlog of u -> m without v's own writes (m's out-edge assumed caught up at the failure).
void ReplicationNetwork::repoint(DcId dead) {
  B24_ASSERT(dc_up_[dead.index] == 0);
  B24_ASSERT(repointed_[dead.index] == 0);
  const std::size_t static_edges = params_.edges.size();
  for (std::size_t out = 0; out < static_edges; ++out) {
    if (!active(out) || edges_[out].src != dead) continue;
    const DcId v = edges_[out].dst;
    std::optional<std::size_t> in;
    for (std::size_t e = 0; e < edges_.size() && !in; ++e) {
      const DcId u = edges_[e].src;
      if (active(e) && edges_[e].dst == dead && u != v && dc_up_[u.index] != 0) in = e;
    }
    // A down replica is not re-pointed (it returns to its own source); neither is one that
    // already replicates from u.
    if (!in || dc_up_[v.index] == 0 || link(edges_[*in].src, v) != nullptr) continue;
    const DcId u = edges_[*in].src;
    ReplicationLink& into_dead = *edges_[*in].link;
    const double backlog = into_dead.backlog() * (1.0 - share(*in, v.index));
    const sim::Instant now = sim_->now();
    const sim::Instant oldest = std::min(now, now - sim::from_seconds(into_dead.lag_s()));
    const std::size_t t = temporary_edge(u, v);
    edges_[t].stands_in_for = dead.index;
    edges_[out].replaced_by = static_cast<std::int32_t>(t);
    edges_[t].link = make_link(t, wanted_connected(t));
    edges_[t].link->seed_backlog(backlog, oldest);
    repointed_[dead.index] = 1;
    recorder_->event(now, "repoint", edges_[t].name,
                     "dc '" + topology_->dc(dead).name + "' down " +
                         sim::format_duration(params_.repoint_delay) + ": replica '" +
                         topology_->dc(v).name + "' re-pointed to '" + topology_->dc(u).name +
                         "', " + std::to_string(static_cast<long long>(backlog)) + " tx behind");
    rebuild_trees();
    route_markers_onto(t, backlog, oldest);
  }
}

void ReplicationNetwork::revert(DcId dead) {
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    Edge& edge = edges_[e];
    if (edge.replaced_by >= 0 && edges_[edge.replaced_by].stands_in_for == dead.index) {
      edge.replaced_by = -1;
    }
  }
  for (Edge& edge : edges_) {
    if (!edge.temporary || edge.stands_in_for != dead.index || edge.link == nullptr) continue;
    edge.resyncs_before += edge.link->resyncs_completed();
    edge.applied_before += edge.link->applied();
    if (edge.link->last_catch_up().count() >= 0) edge.last_catch_up = edge.link->last_catch_up();
    recorder_->event(sim_->now(), "repoint_reverted", edge.name,
                     "dc '" + topology_->dc(dead).name + "' is back: its replica '" +
                         topology_->dc(edge.dst).name + "' replicates from it again");
    edge.link.reset();  // drops its waiting markers: they also wait on the restored path
    edge.stands_in_for = no_dc;
  }
  repointed_[dead.index] = 0;
  rebuild_trees();
}

double ReplicationNetwork::unreplicated_tx(DcId origin) {
  const std::uint32_t o = origin.index;
  B24_ASSERT(o < n_);
  double least = std::numeric_limits<double>::infinity();
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (!active(e) || edges_[e].src != origin) continue;
    if (carrier_[o * n_ + edges_[e].dst.index] != static_cast<std::int32_t>(e)) continue;
    // Unshipped, plus what is on the wire: shipped within the last one-way latency, so not yet
    // in the replica's relay log (the fluid counters treat shipping as instantaneous).
    ReplicationLink& link = *edges_[e].link;
    const double on_wire = link.state() == ReplicationState::replicating
                               ? own_rate_[o] * sim::to_seconds(link.params().one_way_latency)
                               : 0.0;
    least = std::min(least, link.unshipped() * share(e, o) + on_wire);
  }
  return std::isfinite(least) ? least : 0.0;
}

std::optional<double> ReplicationNetwork::lag_s(DcId holder, DcId origin) {
  B24_ASSERT(holder.index < n_ && origin.index < n_);
  double total = 0;
  DcId d = holder;
  for (std::size_t hops = 0; d != origin; ++hops) {
    B24_ASSERT_MSG(hops <= edges_.size(), "replication network: carrier path has a cycle");
    const std::int32_t e = carrier_[origin.index * n_ + d.index];
    if (e < 0) return std::nullopt;
    total += edges_[e].link->staleness_s();
    d = edges_[e].src;
  }
  return total;
}

void ReplicationNetwork::sample() {
  const sim::Instant now = sim_->now();
  for (Edge& edge : edges_) {
    if (edge.link == nullptr) continue;
    ReplicationLink& link = *edge.link;
    const double lag = link.lag_s();
    const double backlog = link.backlog();
    recorder_->sample(now, edge.name,
                      {{"state", static_cast<double>(static_cast<int>(link.state()))},
                       {"lag_s", lag},
                       {"backlog_tx", backlog},
                       {"write_tps", link.write_rate()}});
    edge.max_lag_s = std::max(edge.max_lag_s, lag);
    edge.max_backlog_tx = std::max(edge.max_backlog_tx, backlog);
    edge.lag.record(sim::from_seconds(lag));
  }
}

std::vector<ReplicationNetwork::EdgeTotals> ReplicationNetwork::totals() {
  std::vector<EdgeTotals> out;
  for (const Edge& edge : edges_) {
    EdgeTotals t;
    t.name = edge.name;
    t.max_lag_s = edge.max_lag_s;
    t.p99_lag_s =
        edge.lag.count() > 0 ? sim::to_seconds(sim::Duration{edge.lag.percentile(99)}) : 0.0;
    t.last_catch_up = edge.last_catch_up;
    t.resyncs = edge.resyncs_before;
    t.applied_tx = edge.applied_before;
    if (edge.link != nullptr) {
      t.applied_tx += edge.link->applied();
      if (edge.link->last_catch_up().count() >= 0) t.last_catch_up = edge.link->last_catch_up();
      t.resyncs += edge.link->resyncs_completed();
    }
    t.max_backlog_tx = edge.max_backlog_tx;
    out.push_back(std::move(t));
  }
  return out;
}

// ---- markers ----

void ReplicationNetwork::check_invariants() const {
  for (std::uint32_t d = 0; d < n_; ++d) {
    B24_ASSERT_MSG(repointed_[d] == 0 || dc_up_[d] == 0, "a live dc is still re-pointed around");
    const Origin& o = origins_[d];
    if (o.in_flight.empty()) continue;
    B24_ASSERT(o.in_flight.back().seq - o.in_flight.front().seq + 1 == o.in_flight.size());
    B24_ASSERT(o.in_flight.back().seq < o.next_seq);
  }
  for (const Edge& edge : edges_) {
    B24_ASSERT(edge.replaced_by < 0 || !edge.temporary);
    B24_ASSERT(edge.replaced_by < 0 || edges_[edge.replaced_by].link != nullptr);
  }
}

}  // namespace b24::models
