#pragma once
// What the viewer knows about one run after loading it: plain C++ data, immutable once loaded,
// so the worker thread that reads the database can hand it to the GUI thread as a
// shared_ptr<const RunData> without locks.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "viewer/series.hpp"

namespace b24::viewer {

struct DcSite {
  std::string name;  // "fra": the entity is dc/fra
  std::string city;  // "Frankfurt am Main, Germany"; empty when the run did not record it
  std::string jurisdiction;
  std::optional<double> latitude_deg;  // absent: the run has no topology (a single-DC run)
  std::optional<double> longitude_deg;
  std::optional<std::int64_t> utc_offset_s;
};

struct TopologyLink {
  std::string a;  // DC names, as the topology writes the link ("fra-par")
  std::string b;
  [[nodiscard]] std::string entity() const { return "links/" + a + "-" + b; }
};

// One MySQL replication edge between DCs (entity repl/<source>-><replica>).
struct ReplicationEdge {
  std::string source;
  std::string replica;
  [[nodiscard]] std::string entity() const { return "repl/" + source + "->" + replica; }
};

struct RunEvent {
  std::int64_t time_us = 0;
  std::string kind;
  std::string entity;
  std::string reason;
};

// entity -> metric -> series.
using SeriesMap = std::map<std::string, std::map<std::string, Series, std::less<>>, std::less<>>;

struct RunData {
  std::filesystem::path directory;
  std::string scenario_name;
  std::int64_t duration_us = 0;
  std::int64_t sample_step_us = 0;  // 0 when unknown
  std::vector<DcSite> dcs;          // in topology order
  std::vector<TopologyLink> links;
  std::vector<ReplicationEdge> replication;
  std::vector<std::string> entities;  // in the entities table's order
  std::map<std::string, std::vector<std::string>, std::less<>> metrics_of;  // recorded per entity
  std::vector<RunEvent> events;                                             // in time order
  // The series the map draws (per DC, replication edge and call relay), read when the run
  // opens; a chart's other series are read on demand (RunModel::request_series).
  SeriesMap map_series;

  // A series read at open, or nullptr.
  [[nodiscard]] const Series* series(std::string_view entity, std::string_view metric) const;
  [[nodiscard]] const DcSite* dc(std::string_view name) const;
  [[nodiscard]] bool has_entity(std::string_view entity) const;
  // The first DC's UTC offset: what "HH:MM local" means on the command line.
  [[nodiscard]] std::optional<std::int64_t> first_dc_utc_offset_s() const;
};

// The metrics the map needs, read eagerly when a run opens.
[[nodiscard]] const std::vector<std::string_view>& map_metric_names();

}  // namespace b24::viewer
