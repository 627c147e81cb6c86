#include "viewer/chart_specs.hpp"

#include <algorithm>

namespace b24::viewer {
namespace {

bool recorded(const RunData& run, const std::string& entity, const std::string& metric) {
  const auto it = run.metrics_of.find(entity);
  return it != run.metrics_of.end() &&
         std::find(it->second.begin(), it->second.end(), metric) != it->second.end();
}

// Adds the chart with the series the run recorded; a chart with none is left out.
void add_chart(std::vector<ChartSpec>& out, const RunData& run, ChartSpec chart) {
  std::erase_if(chart.series,
                [&](const SeriesSpec& s) { return !recorded(run, s.entity, s.metric); });
  if (!chart.series.empty()) out.push_back(std::move(chart));
}

std::vector<ChartSpec> dc_charts(const RunData& run, const std::string& e,
                                 const std::string& name) {
  const double per_s = run.sample_step_us > 0 ? 1e6 / static_cast<double>(run.sample_step_us) : 0;
  std::vector<ChartSpec> out;
  ChartSpec load{"Load", "req/s", {{e, "offered_rps", "offered", 1.0}}};
  if (per_s > 0) {
    load.series.push_back({e, "served", "served", per_s});
    load.series.push_back({e, "failed", "failed", per_s});
  }
  add_chart(out, run, load);
  add_chart(out, run,
            {"Nodes by state",
             "nodes",
             {{e, "nodes_in_service", "in service"},
              {e, "nodes_pending", "pending"},
              {e, "nodes_unhealthy", "unhealthy"},
              {e, "nodes_draining", "draining"},
              {e, "desired_capacity", "desired", 1.0, true}}});
  add_chart(out, run,
            {"CPU", "%", {{e, "cpu_pct", "CPU"}, {e, "cloudwatch_cpu_pct", "CloudWatch"}}});
  add_chart(
      out, run,
      {"Latency",
       "ms",
       {{e, "p50_latency_ms", "p50"}, {e, "p95_latency_ms", "p95"}, {e, "p99_latency_ms", "p99"}}});
  ChartSpec lag{"Replication lag", "s", {}};
  ChartSpec backlog{"Replication backlog", "tx", {}};
  for (const ReplicationEdge& edge : run.replication) {
    if (edge.source != name && edge.replica != name) continue;
    const std::string label = edge.source + "→" + edge.replica;
    lag.series.push_back({edge.entity(), "lag_s", label});
    backlog.series.push_back({edge.entity(), "backlog_tx", label});
  }
  add_chart(out, run, lag);
  add_chart(out, run, backlog);
  return out;
}

std::vector<ChartSpec> replication_charts(const RunData& run, const std::string& e) {
  std::vector<ChartSpec> out;
  add_chart(out, run, {"Lag", "s", {{e, "lag_s", "lag"}}});
  add_chart(out, run, {"Backlog", "tx", {{e, "backlog_tx", "backlog"}}});
  add_chart(
      out, run,
      {"State (0 replicating, 1 disconnected, 2 resyncing)", "state", {{e, "state", "state"}}});
  add_chart(out, run, {"Writes into the source's binlog", "tx/s", {{e, "write_tps", "writes"}}});
  return out;
}

}  // namespace

std::vector<ChartSpec> chart_specs(const RunData& run, const std::string& entity) {
  if (entity.starts_with("dc/") && entity.find('/', 3) == std::string::npos) {
    return dc_charts(run, entity, entity.substr(3));
  }
  if (entity.starts_with("repl/")) return replication_charts(run, entity);
  std::vector<ChartSpec> out;
  const auto it = run.metrics_of.find(entity);
  if (it == run.metrics_of.end()) return out;
  for (const std::string& metric : it->second) {
    if (out.size() == 8) break;  // a readable page; the rest is in `b24sim export`
    out.push_back({metric, metric, {{entity, metric, metric}}});
  }
  return out;
}

std::vector<std::string> chartable_entities(const RunData& run) {
  std::vector<std::string> out;
  for (const DcSite& dc : run.dcs) {
    if (run.metrics_of.count("dc/" + dc.name) != 0) out.push_back("dc/" + dc.name);
  }
  for (const ReplicationEdge& edge : run.replication) out.push_back(edge.entity());
  for (const std::string& e : run.entities) {
    if (run.metrics_of.count(e) == 0) continue;
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  }
  return out;
}

std::vector<std::string> entities_of(const std::vector<ChartSpec>& charts) {
  std::vector<std::string> out;
  for (const ChartSpec& chart : charts) {
    for (const SeriesSpec& s : chart.series) {
      if (std::find(out.begin(), out.end(), s.entity) == out.end()) out.push_back(s.entity);
    }
  }
  return out;
}

}  // namespace b24::viewer
