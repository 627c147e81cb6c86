#include "viewer/map_snapshot.hpp"

#include <algorithm>
#include <cmath>

namespace b24::viewer {
namespace {

double value_or(const RunData& run, const std::string& entity, std::string_view metric,
                std::int64_t t, double fallback) {
  const Series* s = run.series(entity, metric);
  if (s == nullptr) return fallback;
  return s->value_at(t).value_or(fallback);
}

// The latest of `on` / `off` events of `entity` at or before t decides; none: `initial`.
bool latest_switch(const RunData& run, std::string_view entity, std::string_view on,
                   std::string_view off, std::int64_t t, bool initial) {
  bool state = initial;
  for (const RunEvent& e : run.events) {
    if (e.time_us > t) break;
    if (e.entity != entity) continue;
    if (e.kind == on) state = true;
    if (e.kind == off) state = false;
  }
  return state;
}

DcHealth health_of(const RunData& run, const std::string& entity, std::int64_t t) {
  // Events give the exact instants; the sampled dc_up is the fallback for runs without them.
  bool failed = latest_switch(run, entity, "dc_failed", "dc_recovered", t, false);
  if (!failed && run.series(entity, "dc_up") != nullptr) {
    const bool any_event =
        std::any_of(run.events.begin(), run.events.end(), [&](const RunEvent& e) {
          return e.entity == entity && (e.kind == "dc_failed" || e.kind == "dc_recovered");
        });
    if (!any_event) failed = value_or(run, entity, "dc_up", t, 1.0) < 0.5;
  }
  if (failed) return DcHealth::failed;
  if (latest_switch(run, entity, "dc_declared_failed", "dc_declared_healthy", t, false)) {
    return DcHealth::declared_failed;
  }
  return DcHealth::up;
}

double peak_load(const RunData& run) {
  double peak = 0.0;
  for (const DcSite& dc : run.dcs) {
    if (const Series* s = run.series("dc/" + dc.name, "offered_rps")) {
      peak = std::max(peak, s->max_value().value_or(0.0));
    }
  }
  return peak;
}

DcMarker make_marker(const RunData& run, const DcSite& site, std::int64_t t, double peak) {
  const std::string e = "dc/" + site.name;
  DcMarker m{.name = site.name,
             .city = site.city,
             .latitude_deg = site.latitude_deg,
             .longitude_deg = site.longitude_deg};
  m.health = health_of(run, e, t);
  const bool down = m.health == DcHealth::failed;
  m.load_rps = down ? 0.0 : value_or(run, e, "offered_rps", t, 0.0);
  m.load_share = peak > 0 ? std::clamp(m.load_rps / peak, 0.0, 1.0) : 0.0;
  m.cpu_pct = down ? 0.0 : value_or(run, e, "cpu_pct", t, 0.0);
  // A failed DC's web tier is not sampled while it is dark: its last node count is stale.
  m.nodes_in_service = down ? 0 : static_cast<int>(value_or(run, e, "nodes_in_service", t, 0.0));
  m.nodes_pending = down ? 0 : static_cast<int>(value_or(run, e, "nodes_pending", t, 0.0));
  if (run.series(e, "cohorts") != nullptr) {
    m.cohorts = static_cast<int>(value_or(run, e, "cohorts", t, 0.0));
  }
  const double desired = value_or(run, e, "desired_capacity", t, 0.0);
  const double desired_before =
      value_or(run, e, "desired_capacity", t - scale_out_window_us, desired);
  m.scaling_out = !down && (desired > desired_before || m.nodes_pending > 0);
  m.relay_mbps = value_or(run, "calls/" + site.name, "relay_mbps", t, 0.0);
  if (run.sample_step_us > 0) {
    m.failed_rps =
        value_or(run, e, "failed", t, 0.0) * 1e6 / static_cast<double>(run.sample_step_us);
  }
  return m;
}

ReplState repl_state(double code) {
  switch (static_cast<int>(std::lround(code))) {
    case 0:
      return ReplState::replicating;
    case 1:
      return ReplState::disconnected;
    case 2:
      return ReplState::resyncing;
    default:
      return ReplState::unknown;
  }
}

}  // namespace

const DcMarker* MapSnapshot::dc(std::string_view name) const {
  const auto it =
      std::find_if(dcs.begin(), dcs.end(), [&](const DcMarker& m) { return m.name == name; });
  return it == dcs.end() ? nullptr : &*it;
}

const ReplArrow* MapSnapshot::edge(std::string_view source, std::string_view replica) const {
  const auto it = std::find_if(replication.begin(), replication.end(), [&](const ReplArrow& r) {
    return r.source == source && r.replica == replica;
  });
  return it == replication.end() ? nullptr : &*it;
}

MapSnapshot make_map_snapshot(const RunData& run, std::int64_t t) {
  MapSnapshot snap;
  snap.time_us = t;
  const double peak = peak_load(run);
  for (const DcSite& site : run.dcs) snap.dcs.push_back(make_marker(run, site, t, peak));
  for (const TopologyLink& link : run.links) {
    const bool cut =
        latest_switch(run, link.entity(), "partition_start", "partition_end", t, false);
    snap.links.push_back(LinkLine{link.a, link.b, cut ? LinkState::cut : LinkState::up});
  }
  for (const ReplicationEdge& edge : run.replication) {
    const std::string e = edge.entity();
    ReplArrow arrow{edge.source, edge.replica};
    if (const Series* s = run.series(e, "state")) {
      if (const auto v = s->value_at(t)) arrow.state = repl_state(*v);
    }
    arrow.lag_s = value_or(run, e, "lag_s", t, 0.0);
    arrow.backlog_tx = value_or(run, e, "backlog_tx", t, 0.0);
    snap.replication.push_back(arrow);
  }
  return snap;
}

std::string_view health_name(DcHealth health) {
  switch (health) {
    case DcHealth::up:
      return "up";
    case DcHealth::declared_failed:
      return "declared failed";
    case DcHealth::failed:
      return "failed";
  }
  return "?";
}

std::string_view repl_state_name(ReplState state) {
  switch (state) {
    case ReplState::replicating:
      return "replicating";
    case ReplState::disconnected:
      return "disconnected";
    case ReplState::resyncing:
      return "resyncing";
    case ReplState::unknown:
      return "unknown";
  }
  return "?";
}

}  // namespace b24::viewer
