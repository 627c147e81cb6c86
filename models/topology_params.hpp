#pragma once
// What configures the inter-DC topology: the data centers and the links between them. Plain
// data, filled in by the scenario loader (scenarios/topology/world-17.yaml shows the intended
// YAML shape); models::Topology validates it again and throws std::invalid_argument on
// nonsense, so a hand-built params struct cannot slip past the loader's checks.

#include <optional>
#include <string>
#include <vector>

#include "models/geo.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct DcSpec {
  // Short identifier used in entity names and by links: lower-case ASCII letters, digits and
  // '_' ("fra", "us_east"). No '-': link names are "<a>-<b>" and must stay unambiguous.
  std::string name;
  std::string city;            // display name, e.g. "Frankfurt am Main"
  double latitude_deg = 0.0;   // [-90, 90], north positive
  double longitude_deg = 0.0;  // [-180, 180], east positive
  // Standard-time offset from UTC, in [-12h, +14h] and a multiple of 15 min. Daylight saving
  // time is not modelled (see world-17.yaml).
  sim::Duration utc_offset{0};
  // Data-residency zone whose law governs data stored here: upper-case ASCII letters such as
  // "EU", "US", "RU", "BR", "UK". Compared as exact strings by the placement policy, so the
  // case is checked here rather than silently mismatching later.
  std::string jurisdiction;
};

struct LinkSpec {
  std::string a;  // DC name
  std::string b;  // DC name; the link is undirected and at most one link joins a pair
  // One-way latency. When absent it is the fiber latency over the great-circle distance with
  // TopologyParams::route_factor (models/geo.hpp). Must be positive: a link's latency is the
  // lookahead of a future parallel run, and a zero-latency link between two DCs is not real.
  std::optional<sim::Duration> latency;
  double bandwidth_bps = 10e9;  // bit/s in each direction; assumption: a 10 Gbit/s wave
  bool up = true;               // state at the start of the run
};

struct TopologyParams {
  std::vector<DcSpec> dcs;                     // DC ids are indices into this vector
  std::vector<LinkSpec> links;                 // link ids are indices into this vector
  double route_factor = default_route_factor;  // fiber length / great-circle length, >= 1
};

}  // namespace b24::models
