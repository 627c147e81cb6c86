#pragma once
// What the world map shows at one instant, as values: each DC's health, load, nodes and
// cohorts, each inter-DC link's state, each replication edge's state and lag. The map widget
// only paints a MapSnapshot, so tests check the snapshot (values, not pixels).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "viewer/run_data.hpp"

namespace b24::viewer {

enum class DcHealth {
  up,               // serving
  declared_failed,  // up again, but health detection has not seen it yet (or wrongly thinks down)
  failed,           // down (a dc_failure fault)
};

struct DcMarker {
  std::string name;
  std::string city;
  std::optional<double> latitude_deg;
  std::optional<double> longitude_deg;
  DcHealth health = DcHealth::up;
  double load_rps = 0.0;    // offered requests/s now
  double load_share = 0.0;  // load_rps / the largest load of any DC over the run, in [0, 1]
  double cpu_pct = 0.0;
  int nodes_in_service = 0;
  int nodes_pending = 0;
  int cohorts = -1;          // cohorts served here now; -1 when the run does not record it
  bool scaling_out = false;  // desired capacity rose in the last scale_out_window, or launching
  double relay_mbps = 0.0;   // relayed call traffic through this DC's TURN relay
  double failed_rps = 0.0;   // requests failing here now
};

enum class LinkState { up, cut };

struct LinkLine {
  std::string a;
  std::string b;
  LinkState state = LinkState::up;
};

enum class ReplState { replicating, disconnected, resyncing, unknown };

struct ReplArrow {
  std::string source;
  std::string replica;
  ReplState state = ReplState::unknown;
  double lag_s = 0.0;
  double backlog_tx = 0.0;
};

struct MapSnapshot {
  std::int64_t time_us = 0;
  std::vector<DcMarker> dcs;
  std::vector<LinkLine> links;
  std::vector<ReplArrow> replication;

  [[nodiscard]] const DcMarker* dc(std::string_view name) const;
  [[nodiscard]] const ReplArrow* edge(std::string_view source, std::string_view replica) const;
};

// How far back "scaling out" looks for a rise of the desired capacity.
inline constexpr std::int64_t scale_out_window_us = 15LL * 60 * 1'000'000;

[[nodiscard]] MapSnapshot make_map_snapshot(const RunData& run, std::int64_t time_us);

[[nodiscard]] std::string_view health_name(DcHealth health);  // "up", "declared failed", "failed"
[[nodiscard]] std::string_view repl_state_name(ReplState state);

}  // namespace b24::viewer
