// WebRTC calls: how many calls each DC signalled, how many streams its TURN relay carried, and
// across the platform the share of call pairs that went through a relay rather than directly.

#include <cmath>

#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

// Per-DC series summed over DCs at each sample time (all DCs sample at the same instants).
std::vector<ChartPoint> platform_total(const ReportContext& ctx, const char* metric) {
  std::vector<ChartPoint> total;
  for (const std::string& dc : ctx.dc_names) {
    const std::vector<ChartPoint> points = ctx.points("calls/" + dc, metric);
    if (total.empty()) {
      total = points;
      continue;
    }
    for (std::size_t i = 0; i < std::min(total.size(), points.size()); ++i) {
      if (!std::isnan(points[i].y)) total[i].y += points[i].y;
    }
  }
  return total;
}

LineChart per_dc_chart(const ReportContext& ctx, const char* metric, std::string title,
                       std::string unit) {
  LineChart c = new_chart(ctx, "chart-calls-" + id_of(metric), std::move(title), std::move(unit));
  for (const std::string& dc : ctx.dc_names) {
    std::vector<ChartPoint> points = ctx.points("calls/" + dc, metric);
    if (!all_zero(points)) add_series(c, dc, std::move(points));
  }
  keep_highest(c, chart_palette_size);
  return c;
}

std::string relayed_vs_direct(const ReportContext& ctx) {
  const auto pairs = ctx.run.summary_number("calls.pairs");
  const auto relayed = ctx.run.summary_number("calls.relayed_pairs");
  if (!pairs || !relayed || *pairs <= 0) return "";
  const double share = *relayed / *pairs;
  return "<p>Call pairs (two browsers exchanging media): " + grouped(std::llround(*pairs)) +
         ", of which " + grouped(std::llround(*pairs - *relayed)) +
         " direct (peer to peer or via STUN) and " + grouped(std::llround(*relayed)) +
         " relayed through TURN (" + compact(100.0 * share, 1) + " %).</p>";
}

}  // namespace

Section calls_section(const ReportContext& ctx) {
  Section section{"calls", "Calls", ""};
  if (ctx.kind != RunKind::platform || !ctx.run.summary_number("calls.started")) return section;
  LineChart total = new_chart(ctx, "chart-calls-total", "Calls, all DCs", "now");
  add_series(total, "active calls", platform_total(ctx, "active_calls"), false, 0);
  add_series(total, "relayed streams (TURN)", platform_total(ctx, "relayed_streams"), false, 1);
  std::string charts;
  for (const LineChart& c :
       {total, per_dc_chart(ctx, "active_calls", "Active calls per DC", "calls"),
        per_dc_chart(ctx, "relay_mbps", "TURN relay bandwidth per DC", "Mbit/s")}) {
    if (has_data(c)) charts += render_line_chart(c);
  }
  if (charts.empty()) return section;
  section.body = relayed_vs_direct(ctx) + "<div class=\"grid\">" + charts + "</div>\n";
  return section;
}

}  // namespace b24::reports::html
