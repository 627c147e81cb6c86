#include "viewer/run_loader.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <span>
#include <string_view>

#include "reports/export_run_reader.hpp"
#include "viewer/topology_meta.hpp"

namespace b24::viewer {
namespace {

using reports::Cell;
using reports::RunReader;

std::int64_t cell_int(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return *i;
  if (const auto* d = std::get_if<double>(&c)) return static_cast<std::int64_t>(*d);
  return 0;
}

double cell_double(const Cell& c) {
  if (const auto* d = std::get_if<double>(&c)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  return std::numeric_limits<double>::quiet_NaN();  // NULL is how the recorder stores NaN
}

std::string sql_quote(std::string_view s) {
  std::string out = "'";
  for (const char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::optional<std::int64_t> meta_int(RunReader& reader, std::string_view key) {
  const auto v = reader.meta(key);
  if (!v || v->empty()) return std::nullopt;
  try {
    return std::stoll(*v);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The DCs with their coordinates: the topology file's text, else an inline topology in the
// scenario, else run_meta's dc_sites; then any dc/<name> of dc_entities not placed yet.
void read_sites(RunReader& reader, RunData& run) {
  std::optional<TopologyInfo> info;
  if (const auto t = reader.meta("topology_text"); t && !t->empty()) info = parse_topology_text(*t);
  for (const char* key : {"scenario_resolved", "scenario_text"}) {
    if (info) break;
    if (const auto t = reader.meta(key); t && !t->empty()) info = parse_scenario_topology(*t);
  }
  if (!info) {
    if (const auto t = reader.meta("dc_sites"); t && !t->empty()) info = parse_dc_sites_json(*t);
  }
  if (info) {
    run.dcs = std::move(info->dcs);
    run.links = std::move(info->links);
  }
  const std::string listed = reader.meta("dc_entities").value_or("");
  std::size_t pos = 0;
  while (pos < listed.size()) {
    const std::size_t comma = std::min(listed.find(',', pos), listed.size());
    const std::string_view entity = std::string_view(listed).substr(pos, comma - pos);
    if (entity.starts_with("dc/") && run.dc(entity.substr(3)) == nullptr) {
      DcSite site;
      site.name = std::string(entity.substr(3));
      run.dcs.push_back(std::move(site));
    }
    pos = comma + 1;
  }
}

void read_catalog(RunReader& reader, RunData& run, std::map<std::int64_t, std::string>& entities,
                  std::map<std::int64_t, std::string>& metrics) {
  reader.for_each_row("SELECT id, name FROM entities ORDER BY id", [&](std::span<const Cell> r) {
    entities[cell_int(r[0])] = reports::cell_text(r[1]);
    run.entities.push_back(reports::cell_text(r[1]));
  });
  reader.for_each_row("SELECT id, name FROM metrics ORDER BY id", [&](std::span<const Cell> r) {
    metrics[cell_int(r[0])] = reports::cell_text(r[1]);
  });
  // The samples_by_series index makes this a walk over distinct keys, not over every sample.
  reader.for_each_row(
      "SELECT DISTINCT entity_id, metric_id FROM samples ORDER BY entity_id, metric_id",
      [&](std::span<const Cell> r) {
        run.metrics_of[entities[cell_int(r[0])]].push_back(metrics[cell_int(r[1])]);
      });
  for (const std::string& e : run.entities) {
    if (!e.starts_with("repl/")) continue;
    const std::size_t arrow = e.find("->");
    if (arrow == std::string::npos) continue;
    run.replication.push_back(ReplicationEdge{e.substr(5, arrow - 5), e.substr(arrow + 2)});
  }
}

void read_events(RunReader& reader, RunData& run) {
  // rowid order is time order (the recorder asserts non-decreasing time).
  reader.for_each_row(
      "SELECT time_us, kind, entity, reason FROM events ORDER BY rowid",
      [&](std::span<const Cell> r) {
        run.events.push_back(RunEvent{cell_int(r[0]), reports::cell_text(r[1]),
                                      reports::cell_text(r[2]), reports::cell_text(r[3])});
      });
}

// Entities the map draws: dc/<name> (not dc/<name>/asg), repl/*, calls/<dc>.
bool drawn_on_map(std::string_view e) {
  if (e.starts_with("repl/")) return true;
  for (const std::string_view prefix : {"dc/", "calls/"}) {
    if (e.starts_with(prefix) && e.find('/', prefix.size()) == std::string_view::npos) return true;
  }
  return false;
}

std::string id_list(const std::map<std::int64_t, std::string>& names, auto keep) {
  std::string out;
  for (const auto& [id, name] : names) {
    if (!keep(name)) continue;
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

void read_map_series(RunReader& reader, RunData& run,
                     const std::map<std::int64_t, std::string>& entities,
                     const std::map<std::int64_t, std::string>& metrics) {
  const std::string entity_ids = id_list(entities, drawn_on_map);
  const std::string metric_ids = id_list(metrics, [](const std::string& m) {
    const auto& wanted = map_metric_names();
    return std::find(wanted.begin(), wanted.end(), m) != wanted.end();
  });
  if (entity_ids.empty() || metric_ids.empty()) return;
  Series* current = nullptr;
  std::int64_t current_key[2] = {-1, -1};
  reader.for_each_row(
      "SELECT entity_id, metric_id, time_us, value FROM samples WHERE entity_id IN (" + entity_ids +
          ") AND metric_id IN (" + metric_ids + ") ORDER BY entity_id, metric_id, time_us",
      [&](std::span<const Cell> r) {
        const std::int64_t e = cell_int(r[0]);
        const std::int64_t m = cell_int(r[1]);
        if (current == nullptr || e != current_key[0] || m != current_key[1]) {
          current = &run.map_series[entities.at(e)][metrics.at(m)];
          current_key[0] = e;
          current_key[1] = m;
        }
        current->append(cell_int(r[2]), cell_double(r[3]));
      });
}

std::int64_t last_recorded_time(RunReader& reader) {
  const std::int64_t samples = cell_int(reader.scalar("SELECT max(time_us) FROM samples"));
  const std::int64_t events = cell_int(reader.scalar("SELECT max(time_us) FROM events"));
  return std::max(samples, events);
}

}  // namespace

LoadedRun load_run(const std::filesystem::path& path) {
  try {
    RunReader reader(path);
    auto run = std::make_shared<RunData>();
    run->directory = reader.directory();
    run->scenario_name =
        reader.meta("scenario_name").value_or(reader.directory().filename().string());
    run->sample_step_us = meta_int(reader, "sample_step_us").value_or(0);
    std::map<std::int64_t, std::string> entities;
    std::map<std::int64_t, std::string> metrics;
    read_catalog(reader, *run, entities, metrics);
    read_sites(reader, *run);
    read_events(reader, *run);
    read_map_series(reader, *run, entities, metrics);
    run->duration_us = meta_int(reader, "duration_us").value_or(last_recorded_time(reader));
    return {std::move(run), {}};
  } catch (const std::exception& e) {
    return {nullptr, e.what()};
  }
}

LoadedSeries load_entity_series(const std::filesystem::path& path, const std::string& entity) {
  LoadedSeries out;
  try {
    RunReader reader(path);
    Series* current = nullptr;
    std::string current_metric;
    reader.for_each_row(
        "SELECT m.name, s.time_us, s.value FROM samples s JOIN metrics m ON m.id = s.metric_id "
        "WHERE s.entity_id = (SELECT id FROM entities WHERE name = " +
            sql_quote(entity) + ") ORDER BY s.metric_id, s.time_us",
        [&](std::span<const Cell> r) {
          const std::string& metric = std::get<std::string>(r[0]);
          if (current == nullptr || metric != current_metric) {
            current_metric = metric;
            current = &out.series[metric];
          }
          current->append(cell_int(r[1]), cell_double(r[2]));
        });
  } catch (const std::exception& e) {
    out.series.clear();
    out.error = e.what();
  }
  return out;
}

}  // namespace b24::viewer
