// Per DC over time: the load its load balancer saw, its Auto Scaling group's nodes, CPU and
// latency, with the DC's outages shaded. What the headline sums up, shown where it happened.

#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

LineChart base_chart(const ReportContext& ctx, const std::string& dc, const char* what,
                     std::string title, std::string unit) {
  LineChart c =
      new_chart(ctx, "chart-" + id_of("dc/" + dc) + "-" + what, std::move(title), std::move(unit));
  c.bands = ctx.bands_where("dc/" + dc, "dc_up", 0.0, "DC down");
  return c;
}

// Optional series (failures, pending nodes) are drawn only when they are ever non-zero.
void add_if_nonzero(LineChart& chart, std::string name, std::vector<ChartPoint> points, bool step,
                    int colour) {
  if (!all_zero(points)) add_series(chart, std::move(name), std::move(points), step, colour);
}

LineChart load_chart(const ReportContext& ctx, const std::string& dc) {
  const std::string e = "dc/" + dc;
  const bool per_second = ctx.step_s > 0;
  const double scale = per_second ? 1.0 / ctx.step_s : 1.0;
  LineChart c = base_chart(ctx, dc, "load", "Load", per_second ? "requests/s" : "per sample");
  add_series(c, "arrived at the load balancer", ctx.points(e, "arrivals", scale), false, 0);
  add_series(c, "offered by tenants", ctx.points(e, "offered_rps"), false, 5, true);
  add_if_nonzero(c, "failed at the load balancer", ctx.points(e, "failed", scale), false, 1);
  add_if_nonzero(c, "failed: DC unreachable", ctx.rate_of_cumulative(e, "failed_unreachable"),
                 false, 4);
  return c;
}

LineChart nodes_chart(const ReportContext& ctx, const std::string& dc) {
  const std::string e = "dc/" + dc;
  LineChart c = base_chart(ctx, dc, "nodes", "Web nodes", "nodes");
  add_series(c, "desired capacity", ctx.points(e, "desired_capacity"), true, 5, true);
  add_series(c, "InService", ctx.points(e, "nodes_in_service"), true, 0);
  add_if_nonzero(c, "pending (launching, warming up)", ctx.points(e, "nodes_pending"), true, 2);
  add_if_nonzero(c, "unhealthy", ctx.points(e, "nodes_unhealthy"), true, 1);
  return c;
}

LineChart cpu_chart(const ReportContext& ctx, const std::string& dc) {
  const std::string e = "dc/" + dc;
  LineChart c = base_chart(ctx, dc, "cpu", "CPU", "% of the InService nodes");
  c.y_max_at_least = 100.0;
  add_series(c, "CPU", ctx.points(e, "cpu_pct"), false, 0);
  add_series(c, "CloudWatch average (per period)", ctx.points(e, "cloudwatch_cpu_pct"), true, 1);
  return c;
}

LineChart latency_chart(const ReportContext& ctx, const std::string& dc) {
  const std::string e = "dc/" + dc;
  LineChart c = base_chart(ctx, dc, "latency", "Latency", "ms");
  add_series(c, "p50", ctx.points(e, "p50_latency_ms"), false, 2);
  add_series(c, "p99", ctx.points(e, "p99_latency_ms"), false, 3);
  if (ctx.slo_p99_ms) {
    c.threshold = *ctx.slo_p99_ms;
    c.threshold_label = "SLO p99 " + compact(*ctx.slo_p99_ms, 1) + " ms";
  }
  return c;
}

std::string heading_of(const ReportContext& ctx, const std::string& dc) {
  for (const DcSite& s : ctx.sites) {
    if (s.name == dc) return dc + ": " + s.city + " (" + s.jurisdiction + ")";
  }
  return dc;
}

}  // namespace

Section dc_charts_section(const ReportContext& ctx) {
  Section section{"dcs", "Data centers", ""};
  if (ctx.kind == RunKind::storage) return section;
  for (const std::string& dc : ctx.dc_names) {
    std::string charts;
    for (const LineChart& c :
         {load_chart(ctx, dc), nodes_chart(ctx, dc), cpu_chart(ctx, dc), latency_chart(ctx, dc)}) {
      if (has_data(c)) charts += render_line_chart(c);
    }
    if (charts.empty()) continue;
    section.body += "<section class=\"dc\" id=\"" + id_of("dc/" + dc) + "\"><h3>" +
                    escape(heading_of(ctx, dc)) + "</h3><div class=\"grid\">" + charts +
                    "</div></section>\n";
  }
  return section;
}

}  // namespace b24::reports::html
