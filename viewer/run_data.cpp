#include "viewer/run_data.hpp"

#include <algorithm>

namespace b24::viewer {

const Series* RunData::series(std::string_view entity, std::string_view metric) const {
  const auto e = map_series.find(entity);
  if (e == map_series.end()) return nullptr;
  const auto m = e->second.find(metric);
  return m == e->second.end() ? nullptr : &m->second;
}

const DcSite* RunData::dc(std::string_view name) const {
  const auto it =
      std::find_if(dcs.begin(), dcs.end(), [&](const DcSite& d) { return d.name == name; });
  return it == dcs.end() ? nullptr : &*it;
}

bool RunData::has_entity(std::string_view entity) const {
  return std::find(entities.begin(), entities.end(), entity) != entities.end();
}

std::optional<std::int64_t> RunData::first_dc_utc_offset_s() const {
  if (dcs.empty()) return std::nullopt;
  return dcs.front().utc_offset_s;
}

const std::vector<std::string_view>& map_metric_names() {
  // dc/*: health, placement and load; repl/*: state and lag; calls/*: relayed traffic.
  static const std::vector<std::string_view> names = {"dc_up",
                                                      "declared_healthy",
                                                      "cohorts",
                                                      "offered_rps",
                                                      "arrivals",
                                                      "failed",
                                                      "nodes_in_service",
                                                      "nodes_pending",
                                                      "desired_capacity",
                                                      "cpu_pct",
                                                      "state",
                                                      "lag_s",
                                                      "backlog_tx",
                                                      "relay_mbps",
                                                      "relayed_streams",
                                                      "active_calls"};
  return names;
}

}  // namespace b24::viewer
