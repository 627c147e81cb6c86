// Issue 5's optional parts, when the run has them: composite pages per cohort (time to first
// content and to the complete page) and rolling deploys per DC (old and new version nodes).

#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

LineChart chart_for(const ReportContext& ctx, const std::string& entity, const char* what,
                    std::string title, std::string unit) {
  return new_chart(ctx, "chart-" + id_of(entity) + "-" + what, std::move(title), std::move(unit));
}

std::string composite_charts(const ReportContext& ctx, const std::string& entity) {
  // "cohort/<name>/composite"
  const std::string cohort = entity.substr(7, entity.size() - 7 - 10);
  LineChart times = chart_for(ctx, entity, "times", "Composite pages, " + cohort, "ms");
  add_series(times, "first content p99", ctx.points(entity, "ttfc_p99_ms"), false, 0);
  add_series(times, "complete page p99", ctx.points(entity, "ttcp_p99_ms"), false, 1);
  add_series(times, "complete page p50", ctx.points(entity, "ttcp_p50_ms"), false, 2);
  LineChart views = chart_for(ctx, entity, "views", "Page views, " + cohort, "per sample");
  add_series(views, "started", ctx.points(entity, "page_views"), false, 0);
  std::vector<ChartPoint> failed = ctx.points(entity, "pages_failed");
  if (!all_zero(failed)) add_series(views, "failed", std::move(failed), false, 1);
  std::string out;
  for (const LineChart& c : {times, views}) {
    if (has_data(c)) out += render_line_chart(c);
  }
  return out;
}

std::string deploy_chart(const ReportContext& ctx, const std::string& entity) {
  // "dc/<name>/deploy"
  const std::string dc = entity.substr(3, entity.size() - 3 - 7);
  LineChart c = chart_for(ctx, entity, "versions", "Rolling deploy, " + dc, "InService nodes");
  add_series(c, "old version", ctx.points(entity, "nodes_old_version"), true, 5);
  add_series(c, "new version", ctx.points(entity, "nodes_new_version"), true, 2);
  return has_data(c) ? render_line_chart(c) : "";
}

}  // namespace

Section pages_and_deploys_section(const ReportContext& ctx) {
  Section section{"pages-deploys", "Pages and deploys", ""};
  std::string charts;
  for (const std::string& e : ctx.run.entities()) {
    if (e.starts_with("cohort/") && e.ends_with("/composite")) charts += composite_charts(ctx, e);
  }
  for (const std::string& e : ctx.run.entities()) {
    if (e.starts_with("dc/") && e.ends_with("/deploy")) charts += deploy_chart(ctx, e);
  }
  if (!charts.empty()) section.body = "<div class=\"grid\">" + charts + "</div>\n";
  return section;
}

}  // namespace b24::reports::html
