// A storage run (one region's object store over years): devices down, objects in placement
// groups short of a replica, objects lost, and the re-replication traffic that repairs them.

#include "reports/html/report_sections.hpp"

namespace b24::reports::html {

Section storage_section(const ReportContext& ctx) {
  Section section{"storage", "Object storage", ""};
  if (ctx.kind != RunKind::storage || ctx.dc_names.empty()) return section;
  const std::string e = "storage/" + ctx.dc_names.front();
  const auto chart = [&](const char* what, std::string title, std::string unit) {
    return new_chart(ctx, "chart-" + id_of(e) + "-" + what, std::move(title), std::move(unit));
  };
  LineChart risk = chart("risk", "Objects at risk", "objects short of a replica");
  add_series(risk, "at risk", ctx.points(e, "objects_at_risk"), false, 1);
  LineChart devices = chart("devices", "Devices down", "devices");
  add_series(devices, "down", ctx.points(e, "devices_down"), true, 0);
  LineChart lost = chart("lost", "Objects lost", "cumulative");
  add_series(lost, "lost", ctx.points(e, "objects_lost"), true, 3);
  LineChart repair = chart("repair", "Repair traffic", "TB, cumulative");
  add_series(repair, "re-replicated", ctx.points(e, "repair_traffic_bytes", 1e-12), false, 2);
  LineChart stored = chart("stored", "Objects stored", "millions");
  add_series(stored, "stored", ctx.points(e, "objects_stored", 1e-6), false, 0);
  std::string charts;
  for (const LineChart& c : {risk, devices, lost, repair, stored}) {
    if (has_data(c)) charts += render_line_chart(c);
  }
  if (!charts.empty()) section.body = "<div class=\"grid\">" + charts + "</div>\n";
  return section;
}

}  // namespace b24::reports::html
