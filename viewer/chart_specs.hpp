#pragma once
// Which charts the viewer draws for a selected entity, as data: a DC gets load, nodes by state,
// CPU, latency percentiles, and the lag and backlog of the replication edges into and out of it;
// a replication edge its lag, backlog, state and write rate; anything else one chart per
// recorded metric. Only series the run recorded are listed.

#include <string>
#include <vector>

#include "viewer/run_data.hpp"

namespace b24::viewer {

struct SeriesSpec {
  std::string entity;
  std::string metric;
  std::string label;
  double scale = 1.0;   // e.g. 1/step seconds: a count per sample step drawn as a rate
  bool dashed = false;  // drawn over another line it often equals (desired over in service)
};

struct ChartSpec {
  std::string title;
  std::string unit;  // the y axis title
  std::vector<SeriesSpec> series;
};

[[nodiscard]] std::vector<ChartSpec> chart_specs(const RunData& run, const std::string& entity);

// What the entity chooser lists: DCs first, then replication edges, then everything else that
// has series, each group in the run's order.
[[nodiscard]] std::vector<std::string> chartable_entities(const RunData& run);

// The entities whose series a set of charts reads (the selected one and, for a DC, its edges).
[[nodiscard]] std::vector<std::string> entities_of(const std::vector<ChartSpec>& charts);

}  // namespace b24::viewer
