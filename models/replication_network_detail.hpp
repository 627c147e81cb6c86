#pragma once
// Internal to the replication network (replication_network.cpp, replication_graph.cpp,
// replication_markers.cpp): the private structs and the helpers they share. Not a public API.

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/replication_network.hpp"
#include "sim/latency_histogram.hpp"

namespace b24::models {
namespace replication_detail {

inline constexpr std::uint32_t no_dc = std::numeric_limits<std::uint32_t>::max();

inline std::uint64_t bit(std::uint32_t dc) {
  return std::uint64_t{1} << dc;
}

[[noreturn]] inline void reject(const std::string& what) {
  throw std::invalid_argument("replication: " + what);
}

}  // namespace replication_detail

using replication_detail::no_dc;

struct ReplicationNetwork::Edge {
  DcId src;
  DcId dst;
  std::string name;  // entity "repl/<src>-><dst>"
  bool temporary = false;
  std::unique_ptr<ReplicationLink> link;  // null while a temporary edge is not in use
  std::int32_t replaced_by = -1;          // static edge: the temporary edge standing in
  std::uint32_t stands_in_for = no_dc;    // temporary edge: the dead member it bypasses
  // Totals over the run, kept across the link instances of a temporary edge.
  double max_lag_s = 0;
  double max_backlog_tx = 0;
  sim::LatencyHistogram lag;  // of the sampled lag, in microseconds
  std::uint64_t resyncs_before = 0;
  double applied_before = 0;  // by earlier link instances of a temporary edge
  sim::Duration last_catch_up{-1};
};

struct ReplicationNetwork::Marker {
  std::uint64_t seq = 0;
  sim::Instant written;
  std::uint64_t reached = 0;          // bit per DC holding it
  std::vector<sim::Instant> arrived;  // per DC, where reached
};

struct ReplicationNetwork::Origin {
  std::uint64_t next_seq = 1;
  std::uint64_t reaches = 0;     // the DCs its writes reach (static graph), itself included
  std::deque<Marker> in_flight;  // consecutive seqs, oldest first
};

struct ReplicationNetwork::LinkView {
  bool active = false;
  bool passing = false;  // caught up: applies what is written
  double apply = 0;      // current apply rate when not passing
  double capacity = 0;   // min(c, a)
};

}  // namespace b24::models
