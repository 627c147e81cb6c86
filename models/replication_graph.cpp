// The replication digraph's validation (Boost.Graph): see validate_replication_graph in
// replication_network.hpp.

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <set>
#include <string>
#include <vector>

#include "models/replication_network_detail.hpp"

namespace b24::models {
namespace {

using replication_detail::reject;

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// The DCs `from` reaches in g (boost::breadth_first_search), as a bit per vertex.
std::vector<std::uint8_t> reached_from(const Digraph& g, std::size_t from) {
  std::vector<boost::default_color_type> color(boost::num_vertices(g), boost::white_color);
  const auto colors =
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(g, boost::vertex(from, g), boost::color_map(colors));
  std::vector<std::uint8_t> reached(color.size());
  for (std::size_t v = 0; v < color.size(); ++v) reached[v] = color[v] != boost::white_color;
  return reached;
}

void check_edge_list(const Topology& topology, const std::vector<std::pair<DcId, DcId>>& edges) {
  const std::size_t n = topology.dc_count();
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto [s, r] = edges[i];
    const std::string at = "edge " + std::to_string(i);
    for (const DcId d : {s, r}) {
      if (d.index >= n) {
        reject(at + " names unknown dc id " + std::to_string(d.index) + " (the topology has " +
               std::to_string(n) + " dcs)");
      }
    }
    const std::string arrow = topology.dc(s).name + "->" + topology.dc(r).name;
    if (s == r) reject(at + " (" + arrow + ") is a self loop");
    if (!seen.insert({s.index, r.index}).second) reject(at + " (" + arrow + ") is a duplicate");
  }
}

}  // namespace

// Sinks (out-degree 0: read replicas, backups) and feeders (in-degree 0: a DC that only ships a
// copy of its own data to another, as a single-DC jurisdiction does where its law permits a
// copy abroad) are dropped; among the rest, two DCs in one weak component must reach each other.
// strong_components decides; a breadth-first search names the first pair (lowest ids) that fails,
// so the message is deterministic.
void validate_replication_graph(const Topology& topology,
                                const std::vector<std::pair<DcId, DcId>>& edges) {
  check_edge_list(topology, edges);
  const std::size_t n = topology.dc_count();
  std::vector<std::uint32_t> out_degree(n, 0), in_degree(n, 0);
  for (const auto& [s, r] : edges) {
    ++out_degree[s.index];
    ++in_degree[r.index];
  }
  // A DC outside the core is treated as a sink in the checks below.
  for (std::size_t x = 0; x < n; ++x) {
    if (in_degree[x] == 0) out_degree[x] = 0;
  }
  Digraph g(n);
  Undirected weak(n);
  for (const auto& [s, r] : edges) {
    // Into a sink, or out of a feeder: hanging off the core.
    if (out_degree[r.index] == 0 || out_degree[s.index] == 0) continue;
    boost::add_edge(s.index, r.index, g);
    boost::add_edge(s.index, r.index, weak);
  }
  std::vector<int> strong(n), component(n);
  boost::strong_components(
      g, boost::make_iterator_property_map(strong.begin(), boost::get(boost::vertex_index, g)));
  boost::connected_components(weak, boost::make_iterator_property_map(
                                        component.begin(), boost::get(boost::vertex_index, weak)));
  for (std::size_t x = 0; x < n; ++x) {
    if (out_degree[x] == 0) continue;
    bool whole = true;
    for (std::size_t y = 0; y < n; ++y) {
      whole =
          whole && !(out_degree[y] > 0 && component[y] == component[x] && strong[y] != strong[x]);
    }
    if (whole) continue;
    const auto reached = reached_from(g, x);
    for (std::size_t y = 0; y < n; ++y) {
      if (out_degree[y] == 0 || component[y] != component[x] || reached[y]) continue;
      reject("writes of dc '" + topology.dc(DcId{static_cast<std::uint32_t>(x)}).name +
             "' never reach '" + topology.dc(DcId{static_cast<std::uint32_t>(y)}).name + "'");
    }
  }
}

}  // namespace b24::models
