// Platform scenarios: MySQL replication between DCs (rings, pairs and single edges expanded into
// the directed edges of models::ReplicationParams, in that order) and the intra-DC pair's link.
// Each edge is checked on its own (known DCs, no self edge, no repeated edge, a DC in at most one
// ring); whether the graph as a whole makes sense is the model's check.

#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/replication_network.hpp"
#include "models/topology.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;

struct EdgeSet {
  std::vector<models::ReplicationEdge>& edges;
  std::map<std::pair<std::size_t, std::size_t>, std::string> seen;  // (source, replica) -> path
};

void add_edge(const NodeView& at, std::size_t source, std::size_t replica,
              const PlatformNames& names, EdgeSet& set) {
  const std::string& s = names.topology().dcs[source].name;
  const std::string& r = names.topology().dcs[replica].name;
  if (source == replica) {
    at.error("a DC cannot replicate from itself: " + quote(s) + " is both source and replica");
    return;
  }
  const auto [first, inserted] = set.seen.emplace(std::pair{source, replica}, at.path());
  if (!inserted) {
    at.error("duplicate replication edge " + s + " -> " + r + " (already at " + first->second +
             ")");
    return;
  }
  set.edges.push_back({.source = s, .replica = r});
}

// A list of DC names: the indices of the known ones, nullopt when any is unknown or invalid.
std::optional<std::vector<std::size_t>> read_dc_list(const NodeView& list,
                                                     const PlatformNames& names) {
  std::vector<std::size_t> out;
  bool ok = true;
  for (const NodeView& item : list.items()) {
    const std::optional<std::size_t> dc = names.dc(item);
    if (dc) out.push_back(*dc);
    ok = ok && dc.has_value();
  }
  if (!ok) return std::nullopt;
  return out;
}

void read_rings(const NodeView& replication, const PlatformNames& names, EdgeSet& set) {
  std::map<std::size_t, std::string> ring_of;  // DC -> path of the ring that holds it
  for (const NodeView& ring : replication.items("rings")) {
    const std::vector<NodeView> items = ring.items();
    const std::optional<std::vector<std::size_t>> dcs = read_dc_list(ring, names);
    if (!dcs) continue;
    if (dcs->size() < 2) {
      if (ring.is_sequence()) ring.error("a ring needs at least two DCs");
      continue;
    }
    bool ok = true;
    for (std::size_t i = 0; i < dcs->size(); ++i) {
      const std::string& name = names.topology().dcs[(*dcs)[i]].name;
      const auto [other, inserted] = ring_of.emplace((*dcs)[i], ring.path());
      if (inserted) continue;
      items[i].error(other->second == ring.path()
                         ? "DC " + quote(name) + " appears twice in this ring"
                         : "DC " + quote(name) + " is already in the ring at " + other->second +
                               " (a DC is the replica of one source: at most one ring)");
      ok = false;
    }
    if (!ok) continue;
    // Each DC is the source of the next and the replica of the previous.
    for (std::size_t i = 0; i < dcs->size(); ++i) {
      add_edge(items[(i + 1) % dcs->size()], (*dcs)[i], (*dcs)[(i + 1) % dcs->size()], names, set);
    }
  }
}

void read_pairs(const NodeView& replication, const PlatformNames& names, EdgeSet& set) {
  for (const NodeView& pair : replication.items("pairs")) {
    const std::vector<NodeView> items = pair.items();
    const std::optional<std::vector<std::size_t>> dcs = read_dc_list(pair, names);
    if (!dcs) continue;
    if (dcs->size() != 2) {
      if (pair.is_sequence()) {
        pair.error("a pair is two DCs, [a, b], found " + std::to_string(dcs->size()));
      }
      continue;
    }
    add_edge(items[1], (*dcs)[0], (*dcs)[1], names, set);
    if ((*dcs)[0] != (*dcs)[1]) add_edge(items[0], (*dcs)[1], (*dcs)[0], names, set);
  }
}

void read_edges(const NodeView& replication, const PlatformNames& names, EdgeSet& set) {
  for (const NodeView& edge : replication.items("edges")) {
    const std::optional<std::size_t> source = names.dc(edge.require_value("source"));
    const NodeView replica_value = edge.require_value("replica");
    const std::optional<std::size_t> replica = names.dc(replica_value);
    if (source && replica) add_edge(replica_value, *source, *replica, names, set);
  }
}

// A positive size or bandwidth, into a double.
void read_positive_size(const NodeView& map, std::string_view key, double& out) {
  const NodeView value = map.value(key);
  if (value.records_default() && out == std::floor(out) && std::fabs(out) < 1e18) {
    value.note_default(size_text(static_cast<std::int64_t>(out)));
  }
  const std::optional<std::int64_t> bytes = value.as_size_bytes();
  if (!bytes) return;
  if (*bytes <= 0) {
    value.error("expected a positive size, found " + quote(value.text()));
    return;
  }
  out = static_cast<double>(*bytes);
}

void read_link_params(const NodeView& map, bool with_latency, models::ReplicationLinkParams& out) {
  const NodeView tps = map.value("applier_tps");
  if (tps.records_default()) tps.note_default(rate_text(out.applier_tps));
  if (const std::optional<double> rate = tps.as_rate_per_s({.max = 1e9})) {
    if (*rate > 0.0) out.applier_tps = *rate;
    if (*rate <= 0.0) tps.error("expected a positive rate, found " + quote(tps.text()));
  }
  const NodeView speedup = map.value("applier_speedup");
  if (speedup.records_default()) speedup.note_default(number_text(out.applier_speedup));
  if (const std::optional<double> factor = speedup.as_double({.min = 1.0, .max = 1000.0})) {
    out.applier_speedup = *factor;
  }
  read_positive_size(map, "mean_transaction_size", out.mean_transaction_bytes);
  read_positive_size(map, "data_size", out.data_size_bytes);
  read_duration(map, "binlog_retention", out.binlog_retention, {.min = 1s, .max = 24h * 3650});
  const NodeView bandwidth = map.value("bandwidth");
  // Bytes per second x 8 and back are exact (a power of two).
  if (bandwidth.records_default()) {
    bandwidth.note_default(bandwidth_text(out.bandwidth_bytes_per_s * 8.0));
  }
  if (const std::optional<double> bps = bandwidth.as_bandwidth_bps()) {
    if (*bps > 0.0) out.bandwidth_bytes_per_s = *bps / 8.0;
    if (*bps <= 0.0)
      bandwidth.error("expected a positive bandwidth, found " + quote(bandwidth.text()));
  }
  if (with_latency) read_duration(map, "latency", out.one_way_latency, {.min = 1us, .max = 1s});
}

// The graph as a whole (models::validate_replication_graph: in each group of DCs that replicate
// to each other, every member's writes reach every other member), once every edge passed its own
// checks. Reported at the `replication` key, wherever that key is written (an included file).
void check_graph(const Document& document, Diagnostics& diagnostics,
                 const models::TopologyParams& params,
                 const std::vector<models::ReplicationEdge>& edges) {
  if (edges.empty() || !document.loaded()) return;
  const MapEntry* key = document.node(document.root()).kind == NodeKind::mapping
                            ? document.find(document.root(), "replication")
                            : nullptr;
  if (key == nullptr) return;
  std::string message;
  try {
    const models::Topology topology(params);
    std::vector<std::pair<models::DcId, models::DcId>> ids;
    ids.reserve(edges.size());
    for (const models::ReplicationEdge& edge : edges) {
      ids.emplace_back(topology.dc_by_name(edge.source), topology.dc_by_name(edge.replica));
    }
    models::validate_replication_graph(topology, ids);
    return;
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  constexpr std::string_view prefix = "replication: ";
  if (message.starts_with(prefix)) message.erase(0, prefix.size());
  diagnostics.add({document.file_name(key->key_mark.file), key->key_mark.line, key->key_mark.column,
                   "replication",
                   message + " (in a group of DCs that replicate to each other, each member's "
                             "writes must reach every other member: close the ring or add the "
                             "missing edge)"});
}

}  // namespace

void read_replication(const NodeView& root, const Document& document, Diagnostics& diagnostics,
                      const PlatformNames& names, models::PlatformParams& out) {
  const NodeView replication = root.child("replication");
  EdgeSet set{.edges = out.replication.edges, .seen = {}};
  const std::size_t before = diagnostics.size();
  read_rings(replication, names, set);
  read_pairs(replication, names, set);
  read_edges(replication, names, set);
  if (diagnostics.size() == before && names.checkable()) {
    check_graph(document, diagnostics, names.topology(), out.replication.edges);
  }
  read_link_params(replication, false, out.replication.link);
  read_enum(replication, "on_member_failure", out.replication.repoint_on_failure,
            {{"wait", false}, {"repoint", true}});
  read_duration(replication, "repoint_delay", out.replication.repoint_delay, {.max = 24h * 365});
  read_duration(replication, "marker_interval", out.replication.marker_interval, {.max = 24h});
  read_link_params(root.child("db_pair"), true, out.db.link);
}

}  // namespace b24::scenarios::detail
