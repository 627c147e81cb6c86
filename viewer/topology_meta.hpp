#pragma once
// Where the DCs are: a platform run records its topology file's text in run_meta
// (`topology_text`), or, with the topology written inline in the scenario, only the scenario's
// text (`scenario_text`, `scenario_resolved`). Both are YAML; this reads the DCs (name, city,
// coordinates, UTC offset, jurisdiction) and the links from either. JSON such as run_meta's
// `dc_sites` ([{"name":..,"lat":..,"lon":..}]) is YAML too and is read as a list of DCs.
// yaml-cpp stays in the .cpp.

#include <optional>
#include <string_view>
#include <vector>

#include "viewer/run_data.hpp"

namespace b24::viewer {

struct TopologyInfo {
  std::vector<DcSite> dcs;
  std::vector<TopologyLink> links;
};

// A topology document (a mapping with `dcs:` and `links:`). nullopt when the text is not one.
[[nodiscard]] std::optional<TopologyInfo> parse_topology_text(std::string_view text);
// A scenario whose `topology:` is an inline mapping. nullopt otherwise.
[[nodiscard]] std::optional<TopologyInfo> parse_scenario_topology(std::string_view text);
// run_meta's dc_sites JSON list. nullopt when the text is not one.
[[nodiscard]] std::optional<TopologyInfo> parse_dc_sites_json(std::string_view text);

}  // namespace b24::viewer
