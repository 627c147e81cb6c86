#pragma once
// The inter-DC topology: data centers as the vertices of an undirected graph, links as its
// edges, each with a latency, a bandwidth and an up/down state, and the questions the rest of
// the platform asks of it: which DCs can reach each other now (connected components) and the
// lowest-latency route between two DCs (Dijkstra). Both are Boost.Graph's algorithms; the Boost
// types stay in topology.cpp behind a pimpl, so including this header costs little (Dijkstra's
// headers alone take seconds per translation unit).
//
// Ids are dense indices in input order (DcId = position in TopologyParams::dcs, LinkId =
// position in TopologyParams::links), so two runs of one scenario number everything the same.
// Answers are recomputed lazily on the first query after a state change and cached until the
// next change. The queries are logically const but fill the cache: a Topology must not be
// queried from two threads at once.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/topology_params.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct DcId {
  std::uint32_t index = 0;
  auto operator<=>(const DcId&) const = default;
};
struct LinkId {
  std::uint32_t index = 0;
  auto operator<=>(const LinkId&) const = default;
};

// A link as built: its ends, the latency in use and where it came from.
struct LinkInfo {
  DcId a;
  DcId b;
  std::string name;          // "<a>-<b>" in the order the params gave them
  double distance_km = 0.0;  // great circle between the two DCs
  sim::Duration latency{0};  // one way
  bool latency_overridden = false;
  double bandwidth_bps = 0.0;
};

// A route through up links and up DCs: dcs.front() is the source, dcs.back() the destination,
// links[i] joins dcs[i] and dcs[i + 1], latency is the sum of the links' latencies.
struct Route {
  std::vector<DcId> dcs;
  std::vector<LinkId> links;
  sim::Duration latency{0};
};

class Topology {
 public:
  // Throws std::invalid_argument naming the offending entry when the params are invalid.
  explicit Topology(const TopologyParams& params);
  ~Topology();
  Topology(Topology&&) noexcept;
  Topology& operator=(Topology&&) noexcept;
  Topology(const Topology&) = delete;
  Topology& operator=(const Topology&) = delete;

  [[nodiscard]] std::size_t dc_count() const noexcept { return dcs_.size(); }
  [[nodiscard]] std::size_t link_count() const noexcept { return links_.size(); }
  [[nodiscard]] const DcSpec& dc(DcId id) const;
  [[nodiscard]] const LinkInfo& link(LinkId id) const;
  [[nodiscard]] std::optional<DcId> find_dc(std::string_view name) const;
  // Like find_dc, but an unknown name throws std::invalid_argument.
  [[nodiscard]] DcId dc_by_name(std::string_view name) const;
  // The link joining a and b (either order), if any.
  [[nodiscard]] std::optional<LinkId> link_between(DcId a, DcId b) const;
  // The links with `id` at one end, in increasing LinkId order.
  [[nodiscard]] std::span<const LinkId> links_of(DcId id) const;
  // The route factor the geo-derived latencies used.
  [[nodiscard]] double route_factor() const noexcept { return route_factor_; }

  // State. Setting the current state again changes nothing (and keeps the caches).
  void set_link_up(LinkId id, bool up);
  void set_dc_up(DcId id, bool up);
  [[nodiscard]] bool link_up(LinkId id) const;
  [[nodiscard]] bool dc_up(DcId id) const;
  // A link carries traffic when it is up and both its DCs are up.
  [[nodiscard]] bool link_usable(LinkId id) const;
  // Counts state changes; a consumer can cache its own answers against it.
  [[nodiscard]] std::uint64_t state_version() const noexcept { return state_version_; }

  // Reachability over usable links. A down DC reaches nothing, not even itself.
  [[nodiscard]] bool reachable(DcId a, DcId b) const;
  // Component index per DC (indexed by DcId::index), from boost::connected_components over the
  // usable links. Components are numbered 0, 1, ... in order of their lowest DcId, so the
  // numbering is deterministic. A down DC is a component of its own. The span stays valid
  // until the next query after a state change.
  [[nodiscard]] std::span<const std::uint32_t> components() const;
  [[nodiscard]] std::size_t component_count() const;
  // Lowest-latency route over usable links (boost::dijkstra_shortest_paths, integer microsecond
  // weights), or nothing when `to` is unreachable from `from`. Between routes of equal latency
  // the choice is Boost's, deterministic for one input and binary. from == to on an up DC is
  // the one-DC route of latency zero.
  [[nodiscard]] std::optional<Route> shortest_path(DcId from, DcId to) const;

 private:
  struct Graph;  // the Boost graph and the caches, in topology.cpp

  void add_dc(const DcSpec& spec, std::size_t index);
  void add_link(const LinkSpec& spec, std::size_t index);
  void check(DcId id) const;
  void check(LinkId id) const;
  void state_changed();
  Graph& fresh_graph() const;  // the graph with its caches brought up to date

  std::vector<DcSpec> dcs_;
  std::vector<LinkInfo> links_;
  std::vector<std::vector<LinkId>> links_of_;
  std::map<std::string, DcId, std::less<>> dc_by_name_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, LinkId> link_by_pair_;  // (low, high)
  std::vector<std::uint8_t> dc_up_;  // not vector<bool>: plain bytes, spans and pointers work
  std::vector<std::uint8_t> link_up_;
  std::uint64_t state_version_ = 0;
  double route_factor_ = default_route_factor;
  std::unique_ptr<Graph> graph_;
};

}  // namespace b24::models
