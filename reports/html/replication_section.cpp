// MySQL replication between DCs: the lag of every edge in one overview chart, then a chart of
// its own for each edge that fell behind (more than a second) or was ever disconnected, with
// the disconnected and resyncing periods shaded; and the writes at risk per DC.

#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

constexpr double troubled_lag_s = 1.0;

std::vector<std::string> replication_edges(const ReportContext& ctx) {
  std::vector<std::string> edges;
  for (const std::string& e : ctx.run.entities()) {
    if (e.starts_with("repl/")) edges.push_back(e);
  }
  return edges;
}

LineChart edge_chart(const ReportContext& ctx, const std::string& edge) {
  LineChart c =
      new_chart(ctx, "chart-" + id_of(edge) + "-lag", "Replication " + edge.substr(5), "lag, s");
  c.bands = ctx.bands_where(edge, "state", 1.0, "disconnected");
  for (ChartBand& b : ctx.bands_where(edge, "state", 2.0, "resyncing")) c.bands.push_back(b);
  add_series(c, "lag (age of the oldest unapplied transaction)", ctx.points(edge, "lag_s"));
  return c;
}

bool troubled(const ReportContext& ctx, const std::string& edge) {
  const double lag = ctx.peak(edge, "lag_s");
  const double state = ctx.peak(edge, "state");
  return lag > troubled_lag_s || state > 0.0;
}

LineChart writes_at_risk_chart(const ReportContext& ctx) {
  LineChart c = new_chart(ctx, "chart-writes-at-risk", "Writes at risk per DC",
                          "transactions committed, not yet on the standby");
  for (const std::string& dc : ctx.dc_names) {
    std::vector<ChartPoint> points = ctx.points("db/" + dc, "writes_at_risk_tx");
    if (!all_zero(points)) add_series(c, dc, std::move(points));
  }
  keep_highest(c, chart_palette_size);
  return c;
}

}  // namespace

Section replication_section(const ReportContext& ctx) {
  Section section{"replication", "Replication", ""};
  const std::vector<std::string> edges = replication_edges(ctx);
  if (edges.empty()) return section;
  LineChart overview = new_chart(ctx, "chart-replication-lag", "Replication lag, every edge", "s");
  std::string details;
  for (const std::string& edge : edges) {
    add_series(overview, edge.substr(5), ctx.points(edge, "lag_s"));
    if (troubled(ctx, edge)) {
      const LineChart c = edge_chart(ctx, edge);
      if (has_data(c)) details += render_line_chart(c);
    }
  }
  keep_highest(overview, chart_palette_size);
  std::string charts = has_data(overview) ? render_line_chart(overview) : "";
  charts += details;
  const LineChart risk = writes_at_risk_chart(ctx);
  if (has_data(risk)) charts += render_line_chart(risk);
  if (charts.empty()) return section;
  section.body =
      "<p class=\"sub\">Edges that fell more than " + compact(troubled_lag_s, 0) +
      " s behind or were disconnected get a chart of their own.</p><div class=\"grid\">" + charts +
      "</div>\n";
  return section;
}

}  // namespace b24::reports::html
