// The DCs on a map: where they are, how much load each carried at its peak, which had
// incidents (red: the DC failed; amber: other faults such as a crashed node or DB server),
// and the inter-DC links (dashed red when partitioned). A table below gives the figures.

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/html/event_kinds.hpp"
#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"
#include "reports/html/world_map.hpp"

namespace b24::reports::html {
namespace {

struct DcFigures {
  double peak_rps = 0.0;
  std::map<std::string, int> incidents;  // fault kind -> count (ordered: deterministic text)
  bool failed = false;
};

std::map<std::string, DcFigures> dc_figures(const ReportContext& ctx) {
  std::map<std::string, DcFigures> figures;
  for (const DcSite& s : ctx.sites) {
    const double peak =
        ctx.step_s > 0 ? ctx.peak("dc/" + s.name, "arrivals", 1.0 / ctx.step_s) : std::nan("");
    figures[s.name].peak_rps = std::isnan(peak) ? 0.0 : peak;
  }
  for (const RunEvent& e : ctx.run.events()) {
    if (category_of(e.kind) != EventCategory::fault) continue;
    const auto it = figures.find(dc_of_entity(e.entity));
    if (it == figures.end()) continue;
    ++it->second.incidents[e.kind];
    if (e.kind == "dc_failed") it->second.failed = true;
  }
  return figures;
}

// "links/fra-mow, mow-led" -> is a-b (either order) among them?
bool link_partitioned(const ReportContext& ctx, const DcLink& link) {
  const std::string ab = link.a + "-" + link.b;
  const std::string ba = link.b + "-" + link.a;
  for (const RunEvent& e : ctx.run.events()) {
    if (e.kind != "partition_start" || !e.entity.starts_with("links/")) continue;
    const std::string list = ", " + e.entity.substr(6) + ",";
    if (list.find(" " + ab + ",") != std::string::npos ||
        list.find(" " + ba + ",") != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string incidents_text(const DcFigures& f) {
  std::string text;
  for (const auto& [kind, n] : f.incidents) {
    text += (text.empty() ? "" : ", ") + kind + (n > 1 ? " x" + std::to_string(n) : "");
  }
  return text.empty() ? "none" : text;
}

std::vector<MapMarker> markers_of(const ReportContext& ctx,
                                  const std::map<std::string, DcFigures>& figures) {
  double max_rps = 0.0;
  for (const auto& [name, f] : figures) max_rps = std::max(max_rps, f.peak_rps);
  std::vector<MapMarker> markers;
  for (const DcSite& s : ctx.sites) {
    const DcFigures& f = figures.at(s.name);
    MapMarker m;
    m.name = s.name;
    m.label = s.city;
    m.latitude_deg = s.latitude_deg;
    m.longitude_deg = s.longitude_deg;
    m.weight = max_rps > 0 ? f.peak_rps / max_rps : 0.0;
    m.state = f.failed
                  ? MapMarker::State::failed
                  : (f.incidents.empty() ? MapMarker::State::quiet : MapMarker::State::incident);
    m.tooltip = s.name + ": " + s.city + " (" + s.jurisdiction + "); peak " + fixed(f.peak_rps, 0) +
                " requests/s; incidents: " + incidents_text(f);
    markers.push_back(std::move(m));
  }
  return markers;
}

std::string dc_table(const ReportContext& ctx, const std::map<std::string, DcFigures>& figures) {
  std::string rows;
  for (const DcSite& s : ctx.sites) {
    const DcFigures& f = figures.at(s.name);
    const std::string dc = "dcs." + s.name + ".";
    const auto number = [&](const char* key, int decimals) {
      const std::optional<double> v = ctx.run.summary_number(dc + key);
      return v ? fixed(*v, decimals) : std::string("n/a");
    };
    rows += "<tr" + std::string(f.failed ? " class=\"fault\"" : "") + "><td>" + escape(s.name) +
            "</td><td>" + escape(s.city) + "</td><td>" + escape(s.jurisdiction) +
            "</td><td class=\"num\">" + fixed(f.peak_rps, 0) + "</td><td class=\"num\">" +
            number("peak_nodes", 0) + "</td><td class=\"num\">" + number("p99_ms", 1) +
            "</td><td class=\"num\">" + number("failed", 0) + "</td><td>" +
            escape(incidents_text(f)) + "</td></tr>";
  }
  return "<div class=\"scroll\"><table><tr><th>DC</th><th>city</th><th>law</th>"
         "<th class=\"num\">peak req/s</th><th class=\"num\">peak nodes</th>"
         "<th class=\"num\">p99 ms</th><th class=\"num\">failed at LB</th><th>incidents</th></tr>" +
         rows + "</table></div>\n";
}

}  // namespace

Section map_section(const ReportContext& ctx) {
  Section section{"map", "Map", ""};
  if (ctx.sites.empty()) return section;
  const std::map<std::string, DcFigures> figures = dc_figures(ctx);
  std::vector<MapLine> lines;
  for (const DcLink& l : ctx.links) lines.push_back({l.a, l.b, link_partitioned(ctx, l)});
  section.body =
      "<p class=\"sub\">Equirectangular projection over Natural Earth 1:110m coastlines. Circle "
      "area: the DC's peak load; red: the DC failed; amber: other incidents (node, DB server or "
      "relay failures); lines: inter-DC links, dashed red when partitioned. Hover for "
      "figures.</p>" +
      render_dc_maps(markers_of(ctx, figures), lines, land_110m()) + dc_table(ctx, figures);
  return section;
}

}  // namespace b24::reports::html
