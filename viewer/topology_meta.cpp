#include "viewer/topology_meta.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

#include "viewer/time_text.hpp"

namespace b24::viewer {
namespace {

std::optional<double> number(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  if (!value || !value.IsScalar()) return std::nullopt;
  try {
    return value.as<double>();
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

std::string text(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

DcSite read_site(const YAML::Node& dc, const char* lat_key, const char* lon_key) {
  DcSite site;
  site.name = text(dc, "name");
  site.city = text(dc, "city");
  site.jurisdiction = text(dc, "jurisdiction");
  site.latitude_deg = number(dc, lat_key);
  site.longitude_deg = number(dc, lon_key);
  if (const std::string offset = text(dc, "utc_offset"); !offset.empty()) {
    if (const auto us = parse_duration_us(offset)) site.utc_offset_s = *us / 1'000'000;
  }
  return site;
}

// `dcs:` and `links:` of a topology mapping.
std::optional<TopologyInfo> read_topology(const YAML::Node& root) {
  if (!root.IsMap() || !root["dcs"] || !root["dcs"].IsSequence()) return std::nullopt;
  TopologyInfo info;
  for (const YAML::Node& dc : root["dcs"]) {
    if (!dc.IsMap()) return std::nullopt;
    info.dcs.push_back(read_site(dc, "latitude", "longitude"));
    if (info.dcs.back().name.empty()) return std::nullopt;
  }
  if (const YAML::Node links = root["links"]; links && links.IsSequence()) {
    for (const YAML::Node& link : links) {
      if (link.IsMap()) info.links.push_back(TopologyLink{text(link, "a"), text(link, "b")});
    }
  }
  return info;
}

template <typename Read>
std::optional<TopologyInfo> guarded(std::string_view source, Read read) {
  try {
    return read(YAML::Load(std::string(source)));
  } catch (const YAML::Exception&) {
    return std::nullopt;  // not YAML, or not the shape we read: the map goes without
  }
}

}  // namespace

std::optional<TopologyInfo> parse_topology_text(std::string_view source) {
  return guarded(source, [](const YAML::Node& root) { return read_topology(root); });
}

std::optional<TopologyInfo> parse_scenario_topology(std::string_view source) {
  return guarded(source, [](const YAML::Node& root) -> std::optional<TopologyInfo> {
    if (!root.IsMap() || !root["topology"]) return std::nullopt;
    return read_topology(root["topology"]);
  });
}

std::optional<TopologyInfo> parse_dc_sites_json(std::string_view source) {
  return guarded(source, [](const YAML::Node& root) -> std::optional<TopologyInfo> {
    if (!root.IsSequence()) return std::nullopt;
    TopologyInfo info;
    for (const YAML::Node& dc : root) {
      if (!dc.IsMap()) return std::nullopt;
      info.dcs.push_back(read_site(dc, "lat", "lon"));
    }
    return info;
  });
}

}  // namespace b24::viewer
