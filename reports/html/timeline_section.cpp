// The incident timeline: faults, recoveries and the policies' failover decisions one by one
// with their reasons; alarms, health checks and scaling actions (hundreds a day) collapsed per
// DC, kind and hour of the run into one row with a count and the first reason. Above it, a
// lane per DC with a tick per event, and the count of every kind.

#include <algorithm>
#include <map>
#include <tuple>

#include "reports/html/axis_ticks.hpp"
#include "reports/html/event_kinds.hpp"
#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

// A table longer than this is cut (with a note): the database has every event.
constexpr std::size_t max_rows = 1500;
constexpr std::int64_t hour_us = 3'600'000'000;

struct Row {
  const RunEvent* first;
  std::int64_t last_us;
  std::size_t count;
  std::string group;  // the DC of a collapsed group, else the entity
};

// The incidents (routine == false) one row each, or the routine events collapsed per DC, kind
// and hour of the run.
std::vector<Row> collapse(const std::vector<RunEvent>& events, bool routine) {
  std::vector<Row> rows;
  std::map<std::tuple<std::string, std::string, std::int64_t>, std::size_t> open;
  for (const RunEvent& e : events) {
    if (is_routine(category_of(e.kind)) != routine) continue;
    if (!routine) {
      rows.push_back(Row{&e, e.time_us, 1, e.entity});
      continue;
    }
    std::string dc = dc_of_entity(e.entity);
    const std::string group = dc.empty() ? e.entity : "dc/" + dc;
    const auto key = std::make_tuple(group, e.kind, e.time_us / hour_us);
    const auto [it, inserted] = open.try_emplace(key, rows.size());
    if (inserted) {
      rows.push_back(Row{&e, e.time_us, 1, group});
    } else {
      rows[it->second].last_us = e.time_us;
      ++rows[it->second].count;
    }
  }
  return rows;
}

std::string rows_table(const std::vector<Row>& rows) {
  std::string out =
      "<div class=\"scroll\"><table class=\"timeline-table\"><tr><th>time</th><th>kind</th>"
      "<th>entity</th><th>reason (the first of a collapsed group)</th></tr>";
  for (std::size_t i = 0; i < std::min(rows.size(), max_rows); ++i) {
    const Row& r = rows[i];
    const EventCategory cat = category_of(r.first->kind);
    std::string time = sim_time(r.first->time_us);
    std::string kind = r.first->kind;
    std::string entity = r.count > 1 ? r.group : r.first->entity;
    if (r.count > 1) {
      time += " &ndash; " + sim_time(r.last_us);
      kind = std::to_string(r.count) + " &times; " + escape(kind);
    } else {
      kind = escape(kind);
    }
    out += "<tr class=\"" + std::string(category_name(cat)) + "\"><td class=\"tl-time\">" + time +
           "</td><td class=\"tl-kind\">" + kind + "</td><td>" + escape(entity) + "</td><td>" +
           escape(r.first->reason) + "</td></tr>";
  }
  out += "</table></div>";
  if (rows.size() > max_rows) {
    out += "<p class=\"muted\">" + std::to_string(rows.size() - max_rows) +
           " more rows are not shown; run.sqlite's events table has them all.</p>";
  }
  return out + "\n";
}

std::string kind_counts(const std::vector<RunEvent>& events) {
  std::map<std::pair<int, std::string>, std::size_t> counts;  // (category, kind): ordered
  for (const RunEvent& e : events) ++counts[{static_cast<int>(category_of(e.kind)), e.kind}];
  std::string out =
      "<div class=\"scroll\"><table><tr><th>kind</th><th>category</th>"
      "<th class=\"num\">events</th></tr>";
  for (const auto& [key, n] : counts) {
    out += "<tr><td>" + escape(key.second) + "</td><td>" +
           category_name(static_cast<EventCategory>(key.first)) + "</td><td class=\"num\">" +
           grouped(static_cast<std::int64_t>(n)) + "</td></tr>";
  }
  return out + "</table></div>\n";
}

// The lane of an event: its DC, else the first part of its entity ("cohort", "repl").
std::string lane_of(const RunEvent& e) {
  std::string dc = dc_of_entity(e.entity);
  return dc.empty() ? e.entity.substr(0, e.entity.find('/')) : dc;
}

std::vector<std::string> lanes_of(const ReportContext& ctx) {
  std::vector<std::string> lanes;
  const auto add = [&](const std::string& lane) {
    if (std::find(lanes.begin(), lanes.end(), lane) == lanes.end()) lanes.push_back(lane);
  };
  std::vector<std::string> used;
  for (const RunEvent& e : ctx.run.events()) used.push_back(lane_of(e));
  for (const std::string& dc : ctx.dc_names) {
    if (std::find(used.begin(), used.end(), dc) != used.end()) add(dc);
  }
  for (const std::string& lane : used) add(lane);
  return lanes;
}

std::string lanes_svg(const ReportContext& ctx) {
  const std::vector<std::string> lanes = lanes_of(ctx);
  constexpr double width = 960.0, left = 64.0, right = 8.0, lane_h = 14.0, axis_h = 20.0;
  const double height = lane_h * static_cast<double>(lanes.size()) + axis_h;
  const Ticks t = time_ticks(ctx.span_hours, 12);
  const auto px = [&](double h) { return left + (width - left - right) * h / t.high; };
  // One path per (lane, category): "M x y v h" per event, duplicates at one x dropped.
  std::map<std::pair<std::size_t, int>, std::pair<std::string, std::string>> paths;
  for (const RunEvent& e : ctx.run.events()) {
    const std::size_t lane =
        static_cast<std::size_t>(std::find(lanes.begin(), lanes.end(), lane_of(e)) - lanes.begin());
    const EventCategory cat = category_of(e.kind);
    const bool routine = is_routine(cat);
    const std::string x = compact(px(hours(e.time_us)), 1);
    auto& [d, last_x] = paths[{lane, static_cast<int>(cat)}];
    if (x == last_x) continue;
    last_x = x;
    const double y = lane_h * static_cast<double>(lane) + (routine ? 4.0 : 1.5);
    d += "M" + x + " " + compact(y, 1) + "v" + (routine ? "6" : "11");
  }
  std::string out = "<svg class=\"timeline\" viewBox=\"0 0 " + compact(width, 0) + " " +
                    compact(height, 0) +
                    "\" width=\"100%\" role=\"img\" aria-label=\"events per "
                    "lane over time\" data-events=\"" +
                    std::to_string(ctx.run.events().size()) + "\" data-lanes=\"" +
                    std::to_string(lanes.size()) + "\">";
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const double y = lane_h * static_cast<double>(i);
    out += "<text x=\"" + compact(left - 4, 0) + "\" y=\"" + compact(y + 10.5, 1) + "\">" +
           escape(lanes[i]) + "</text><line class=\"lane\" x1=\"" + compact(left, 0) + "\" x2=\"" +
           compact(width - right, 0) + "\" y1=\"" + compact(y + lane_h, 1) + "\" y2=\"" +
           compact(y + lane_h, 1) + "\"/>";
  }
  for (const auto& [key, path] : paths) {
    out += "<path class=\"ev " +
           std::string(category_name(static_cast<EventCategory>(key.second))) + "\" d=\"" +
           path.first + "\"/>";
  }
  const TimeUnit unit = time_unit_for(ctx.span_hours);
  for (std::size_t i = 0; i < t.values.size(); ++i) {
    out += "<text class=\"tick\" x=\"" + compact(px(t.values[i]), 1) + "\" y=\"" +
           compact(height - 6, 0) + "\">" + t.labels[i] + unit.short_name + "</text>";
  }
  return out + "</svg>\n";
}

std::string legend() {
  std::string out = "<ul class=\"legend\">";
  for (const EventCategory c :
       {EventCategory::fault, EventCategory::recovery, EventCategory::failover,
        EventCategory::change, EventCategory::scaling, EventCategory::health}) {
    out += "<li><span class=\"sw ev-" + std::string(category_name(c)) + "\"></span>" +
           category_name(c) + "</li>";
  }
  return out + "</ul>\n";
}

}  // namespace

Section timeline_section(const ReportContext& ctx) {
  Section section{"timeline", "Timeline", ""};
  const std::vector<RunEvent>& events = ctx.run.events();
  if (events.empty()) {
    section.body = "<p>The run recorded no events.</p>\n";
    return section;
  }
  const std::vector<Row> incidents = collapse(events, false);
  const std::vector<Row> routine = collapse(events, true);
  std::string body = "<p class=\"sub\">" + grouped(static_cast<std::int64_t>(events.size())) +
                     " events: a lane per DC (and for cohorts, replication edges, links), a tick "
                     "per event.</p>" +
                     lanes_svg(ctx) + legend();
  body += "<h3>Incidents</h3>";
  body += incidents.empty() ? "<p>No fault, recovery, failover or deploy in this run.</p>\n"
                            : "<p class=\"sub\">Faults, recoveries, failovers and deploys one by "
                              "one, with the policy's reason.</p>" +
                                  rows_table(incidents);
  if (!routine.empty()) {
    body += "<details><summary>Autoscaling and health checks (" +
            grouped(static_cast<std::int64_t>(routine.size())) +
            " rows: alarms, scaling actions, launches and terminations collapsed per DC, kind and "
            "hour)</summary>" +
            rows_table(routine) + "</details>\n";
  }
  section.body =
      body + "<details><summary>Events per kind</summary>" + kind_counts(events) + "</details>\n";
  return section;
}

}  // namespace b24::reports::html
