#pragma once
// Topology files (scenarios/topology/*.yaml): the data centers and the links between them, read
// into models::TopologyParams. The comment block of scenarios/topology/world-17.yaml documents
// the shape:
//
//   name: world-17                  non-empty string; default: the file's stem
//   description: ...                string
//   route_factor: 1.5               number from 1 to 10 (models/geo.hpp's default when absent)
//   dcs:                            required, at least one
//     - {name: fra, city: "Frankfurt am Main, Germany", latitude: 50.1109, longitude: 8.6821,
//        utc_offset: +1h, jurisdiction: EU}                      every key required
//   links:                          optional
//     - {a: fra, b: par, bandwidth: 40Gbps, latency: 3ms, up: true}   latency and up optional
//
// Every rule models::Topology's constructor enforces is checked here and reported at the key to
// change, with file:line:column and key path, so that building a models::Topology from params
// read without a diagnostic never throws: DC names [a-z0-9_]+ and unique, city non-empty,
// latitude in [-90, 90] and longitude in [-180, 180], utc_offset in [-12h, +14h] on the 15-minute
// grid, jurisdiction upper-case letters, links between two different known DCs ("did you mean"
// for a misspelt name), one link per pair in either order, bandwidth above 0, latency from 1us
// to 1d, route_factor >= 1, and a link without `latency` between DCs so close that the fiber
// latency rounds to 0us. Two limits are the loader's own, so that no latency can overflow:
// route_factor at most 10 and a written latency at most 1d.

#include <filesystem>
#include <string>
#include <string_view>

#include "models/topology_params.hpp"
#include "scenarios/diagnostic.hpp"
#include "scenarios/reader.hpp"

namespace b24::scenarios {

// A topology as written: its name and description (which models::TopologyParams does not keep)
// and the params for models::Topology.
struct TopologySection {
  std::string name;
  std::string description;
  models::TopologyParams params;
};

// Reads a topology mapping from a reader that is already open, so that a scenario can embed one
// (`topology: {dcs: [...], links: [...]}`) or read an included file. `default_name` is the name
// when `name:` is absent. Errors go to the reader's diagnostics; unknown keys are reported by the
// caller's Reader::finish(). The params are safe for models::Topology when this call added no
// diagnostic.
[[nodiscard]] TopologySection read_topology(const NodeView& topology,
                                            std::string_view default_name);

// Reads and validates a topology file. Every problem is added to `diagnostics`; the params are
// meaningful only when `diagnostics` is empty.
[[nodiscard]] models::TopologyParams load_topology(const std::filesystem::path& path,
                                                   Diagnostics& diagnostics);
// The same from text, for tests; `name` stands for the file name in diagnostics.
[[nodiscard]] models::TopologyParams load_topology_text(std::string_view text,
                                                        std::string_view name,
                                                        Diagnostics& diagnostics);

}  // namespace b24::scenarios
