#include "models/topology.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/assert.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

// Edge bundle: the link id, and the latency as integer microseconds so that Dijkstra's sums are
// exact (no floating-point ties broken by rounding).
struct EdgeProps {
  std::uint32_t link = 0;
  std::int64_t latency_us = 0;
};
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::no_property, EdgeProps>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

// The graph holds every link once; the algorithms see it through this filter, so a state change
// costs no rebuild, only a refresh of the per-link `usable` bytes.
struct UsableEdge {
  const BoostGraph* graph = nullptr;
  const std::vector<std::uint8_t>* usable = nullptr;
  bool operator()(const Edge& e) const { return (*usable)[(*graph)[e].link] != 0; }
};
using UsableGraph = boost::filtered_graph<BoostGraph, UsableEdge>;

constexpr std::int64_t unreachable_us = std::numeric_limits<std::int64_t>::max();

[[noreturn]] void invalid(const std::string& what) {
  throw std::invalid_argument("topology: " + what);
}

std::string dc_label(const DcSpec& spec, std::size_t index) {
  return "dcs[" + std::to_string(index) + "] '" + spec.name + "'";
}

bool is_dc_name(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool is_jurisdiction(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

void validate_dc(const DcSpec& spec, std::size_t index) {
  const std::string label = dc_label(spec, index);
  if (!is_dc_name(spec.name)) {
    invalid(label + ": a DC name must be non-empty lower-case ASCII letters, digits or '_'");
  }
  if (spec.city.empty()) invalid(label + ": city is empty");
  try {
    validate_geo_point({spec.latitude_deg, spec.longitude_deg});
  } catch (const std::invalid_argument& e) {
    invalid(label + ": " + e.what());
  }
  // Real zones run from UTC-12 to UTC+14, all on a 15-minute grid (Nepal +5:45).
  if (spec.utc_offset < -12h || spec.utc_offset > 14h || spec.utc_offset % 15min != 0us) {
    invalid(label + ": utc_offset " + sim::format_duration(spec.utc_offset) +
            " is not a real zone offset (from -12h to +14h, a multiple of 15 min)");
  }
  if (!is_jurisdiction(spec.jurisdiction)) {
    invalid(label + ": jurisdiction '" + spec.jurisdiction +
            "' must be non-empty upper-case ASCII letters, like EU or US");
  }
}

}  // namespace

struct Topology::Graph {
  BoostGraph graph;
  std::vector<std::uint8_t> usable;  // per link: up and both DCs up
  bool dirty = true;
  std::vector<std::uint32_t> component;  // per DC
  std::size_t component_count = 0;
  struct Tree {
    std::vector<Vertex> predecessor;
    std::vector<std::int64_t> distance_us;
  };
  std::vector<std::optional<Tree>> trees;  // per source DC, filled on demand

  void refresh(const Topology& t);
  void compute_components(const Topology& t);
  const Tree& tree(DcId source);
};

void Topology::Graph::refresh(const Topology& t) {
  if (!dirty) return;
  usable.assign(t.link_count(), 0);
  for (std::uint32_t i = 0; i < t.link_count(); ++i) {
    usable[i] = t.link_usable(LinkId{i}) ? 1 : 0;
  }
  compute_components(t);
  trees.assign(t.dc_count(), std::nullopt);
  dirty = false;
}

void Topology::Graph::compute_components(const Topology& t) {
  const std::size_t n = t.dc_count();
  const UsableGraph view(graph, UsableEdge{&graph, &usable});
  component.assign(n, 0);
  component_count = boost::connected_components(
      view,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  B24_ASSERT(component_count >= 1);
  B24_ASSERT(component_count <= n);
  // Boost's DFS starts a new component at each unvisited vertex in vertex order, so components
  // are numbered by their lowest DcId. Our determinism promise rests on that: check it.
  std::uint32_t next = 0;
  std::vector<std::uint32_t> size(component_count, 0);
  for (std::size_t v = 0; v < n; ++v) {
    B24_ASSERT(component[v] <= next);
    if (component[v] == next) ++next;
    ++size[component[v]];
  }
  B24_ASSERT(next == component_count);
  for (std::uint32_t i = 0; i < t.link_count(); ++i) {
    const LinkInfo& l = t.links_[i];
    if (usable[i] != 0) B24_ASSERT(component[l.a.index] == component[l.b.index]);
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (t.dc_up_[v] == 0) B24_ASSERT_MSG(size[component[v]] == 1, "a down DC must be isolated");
  }
}

const Topology::Graph::Tree& Topology::Graph::tree(DcId source) {
  B24_ASSERT(!dirty);
  std::optional<Tree>& slot = trees[source.index];
  if (slot) return *slot;
  const std::size_t n = boost::num_vertices(graph);
  Tree t{std::vector<Vertex>(n), std::vector<std::int64_t>(n, unreachable_us)};
  const UsableGraph view(graph, UsableEdge{&graph, &usable});
  const auto index = boost::get(boost::vertex_index, graph);
  boost::dijkstra_shortest_paths(
      view, boost::vertex(source.index, graph),
      boost::predecessor_map(boost::make_iterator_property_map(t.predecessor.begin(), index))
          .distance_map(boost::make_iterator_property_map(t.distance_us.begin(), index))
          .weight_map(boost::get(&EdgeProps::latency_us, graph)));
  B24_ASSERT(t.distance_us[source.index] == 0);
  slot = std::move(t);
  return *slot;
}

Topology::Topology(const TopologyParams& params)
    : route_factor_(params.route_factor), graph_(std::make_unique<Graph>()) {
  if (!std::isfinite(params.route_factor) || params.route_factor < 1.0) {
    invalid("route_factor " + std::to_string(params.route_factor) +
            " must be finite and at least 1 (fiber is never shorter than the great circle)");
  }
  if (params.dcs.empty()) invalid("at least one DC is needed");
  if (params.dcs.size() >= std::numeric_limits<std::uint32_t>::max()) invalid("too many DCs");
  if (params.links.size() >= std::numeric_limits<std::uint32_t>::max()) invalid("too many links");
  for (std::size_t i = 0; i < params.dcs.size(); ++i) add_dc(params.dcs[i], i);
  for (std::size_t i = 0; i < params.links.size(); ++i) add_link(params.links[i], i);
  B24_ASSERT(boost::num_vertices(graph_->graph) == dcs_.size());
  B24_ASSERT(boost::num_edges(graph_->graph) == links_.size());
}

Topology::~Topology() = default;
Topology::Topology(Topology&&) noexcept = default;
Topology& Topology::operator=(Topology&&) noexcept = default;

void Topology::add_dc(const DcSpec& spec, std::size_t index) {
  validate_dc(spec, index);
  const DcId id{static_cast<std::uint32_t>(index)};
  const auto [it, inserted] = dc_by_name_.emplace(spec.name, id);
  if (!inserted) {
    invalid(dc_label(spec, index) + ": duplicate DC name (first at dcs[" +
            std::to_string(it->second.index) + "])");
  }
  dcs_.push_back(spec);
  dc_up_.push_back(1);
  links_of_.emplace_back();
  const Vertex v = boost::add_vertex(graph_->graph);
  B24_ASSERT(v == index);  // vecS: vertex descriptor == DcId
}

void Topology::add_link(const LinkSpec& spec, std::size_t index) {
  const std::string label = "links[" + std::to_string(index) + "] " + spec.a + "-" + spec.b;
  const std::optional<DcId> a = find_dc(spec.a);
  const std::optional<DcId> b = find_dc(spec.b);
  if (!a) invalid(label + ": unknown DC '" + spec.a + "'");
  if (!b) invalid(label + ": unknown DC '" + spec.b + "'");
  if (*a == *b) invalid(label + ": a link must join two different DCs");
  if (!std::isfinite(spec.bandwidth_bps) || spec.bandwidth_bps <= 0.0) {
    invalid(label + ": bandwidth " + std::to_string(spec.bandwidth_bps) +
            " bit/s must be finite and positive");
  }
  const LinkId id{static_cast<std::uint32_t>(index)};
  const auto key = std::minmax(a->index, b->index);
  const auto [it, inserted] = link_by_pair_.emplace(std::pair{key.first, key.second}, id);
  if (!inserted) {
    invalid(label + ": duplicate link (first at links[" + std::to_string(it->second.index) + "])");
  }
  LinkInfo info{.a = *a, .b = *b, .name = spec.a + "-" + spec.b};
  const DcSpec& da = dcs_[a->index];
  const DcSpec& db = dcs_[b->index];
  info.distance_km =
      great_circle_km({da.latitude_deg, da.longitude_deg}, {db.latitude_deg, db.longitude_deg});
  info.latency_overridden = spec.latency.has_value();
  info.latency = spec.latency ? *spec.latency : fiber_latency(info.distance_km, route_factor_);
  if (info.latency <= sim::Duration::zero()) {
    invalid(label + ": latency " + sim::format_duration(info.latency) +
            " must be positive (DCs this close need an explicit latency)");
  }
  info.bandwidth_bps = spec.bandwidth_bps;
  links_.push_back(std::move(info));
  link_up_.push_back(spec.up ? 1 : 0);
  links_of_[a->index].push_back(id);  // ids arrive in increasing order: lists stay sorted
  links_of_[b->index].push_back(id);
  const auto [edge, added] = boost::add_edge(
      a->index, b->index, EdgeProps{id.index, links_.back().latency.count()}, graph_->graph);
  B24_ASSERT(added);
}

void Topology::check(DcId id) const {
  B24_ASSERT_MSG(id.index < dcs_.size(), "DcId out of range");
}
void Topology::check(LinkId id) const {
  B24_ASSERT_MSG(id.index < links_.size(), "LinkId out of range");
}

const DcSpec& Topology::dc(DcId id) const {
  check(id);
  return dcs_[id.index];
}

const LinkInfo& Topology::link(LinkId id) const {
  check(id);
  return links_[id.index];
}

std::optional<DcId> Topology::find_dc(std::string_view name) const {
  const auto it = dc_by_name_.find(name);
  if (it == dc_by_name_.end()) return std::nullopt;
  return it->second;
}

DcId Topology::dc_by_name(std::string_view name) const {
  const std::optional<DcId> id = find_dc(name);
  if (!id) invalid("unknown DC '" + std::string(name) + "'");
  return *id;
}

std::optional<LinkId> Topology::link_between(DcId a, DcId b) const {
  check(a);
  check(b);
  const auto key = std::minmax(a.index, b.index);
  const auto it = link_by_pair_.find(std::pair{key.first, key.second});
  if (it == link_by_pair_.end()) return std::nullopt;
  return it->second;
}

std::span<const LinkId> Topology::links_of(DcId id) const {
  check(id);
  return links_of_[id.index];
}

void Topology::set_link_up(LinkId id, bool up) {
  check(id);
  const std::uint8_t value = up ? 1 : 0;
  if (link_up_[id.index] == value) return;
  link_up_[id.index] = value;
  state_changed();
}

void Topology::set_dc_up(DcId id, bool up) {
  check(id);
  const std::uint8_t value = up ? 1 : 0;
  if (dc_up_[id.index] == value) return;
  dc_up_[id.index] = value;
  state_changed();
}

bool Topology::link_up(LinkId id) const {
  check(id);
  return link_up_[id.index] != 0;
}

bool Topology::dc_up(DcId id) const {
  check(id);
  return dc_up_[id.index] != 0;
}

bool Topology::link_usable(LinkId id) const {
  check(id);
  const LinkInfo& l = links_[id.index];
  return link_up_[id.index] != 0 && dc_up_[l.a.index] != 0 && dc_up_[l.b.index] != 0;
}

void Topology::state_changed() {
  ++state_version_;
  B24_ASSERT_MSG(graph_ != nullptr, "use of a moved-from Topology");
  graph_->dirty = true;
}

Topology::Graph& Topology::fresh_graph() const {
  B24_ASSERT_MSG(graph_ != nullptr, "use of a moved-from Topology");
  graph_->refresh(*this);
  return *graph_;
}

bool Topology::reachable(DcId a, DcId b) const {
  check(a);
  check(b);
  if (dc_up_[a.index] == 0 || dc_up_[b.index] == 0) return false;
  const Graph& g = fresh_graph();
  return g.component[a.index] == g.component[b.index];
}

std::span<const std::uint32_t> Topology::components() const {
  return fresh_graph().component;
}

std::size_t Topology::component_count() const {
  return fresh_graph().component_count;
}

std::optional<Route> Topology::shortest_path(DcId from, DcId to) const {
  check(from);
  check(to);
  if (!reachable(from, to)) return std::nullopt;
  const Graph::Tree& tree = fresh_graph().tree(from);
  const std::int64_t total_us = tree.distance_us[to.index];
  B24_ASSERT_MSG(total_us != unreachable_us, "components and Dijkstra disagree");
  Route route;
  route.latency = sim::Duration{total_us};
  // Walk the predecessors back from `to`; a simple path has at most dc_count() vertices.
  Vertex v = to.index;
  route.dcs.push_back(to);
  while (v != from.index) {
    B24_ASSERT(route.dcs.size() <= dc_count());
    const Vertex p = tree.predecessor[v];
    B24_ASSERT(p != v);
    const std::optional<LinkId> l =
        link_between(DcId{static_cast<std::uint32_t>(p)}, DcId{static_cast<std::uint32_t>(v)});
    B24_ASSERT(l.has_value());
    route.links.push_back(*l);
    route.dcs.push_back(DcId{static_cast<std::uint32_t>(p)});
    v = p;
  }
  std::reverse(route.dcs.begin(), route.dcs.end());
  std::reverse(route.links.begin(), route.links.end());
  sim::Duration sum{0};
  for (const LinkId l : route.links) {
    B24_ASSERT(link_usable(l));
    sum += links_[l.index].latency;
  }
  B24_ASSERT_MSG(sum == route.latency, "route latency is not the sum of its links");
  return route;
}

}  // namespace b24::models
