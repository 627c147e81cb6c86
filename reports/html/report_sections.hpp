#pragma once
// The sections of report.html, each a function of the run's data. A section that does not
// apply to the run (no map without recorded DC coordinates, no calls without calls) is empty
// and left out of the document and its navigation. Internal to reports/html.

#include <string>

#include "reports/html/report_context.hpp"

namespace b24::reports::html {

struct Section {
  std::string id;     // the <section>'s id, the navigation's anchor
  std::string title;  // its heading and navigation text
  std::string body;   // HTML; empty: the section is left out
};

// Headline figures as green/red cards against the SLO and the checks, then every summary figure.
[[nodiscard]] Section headline_section(const ReportContext& ctx);
// The DCs on a world map over Natural Earth coastlines (platform runs with recorded sites).
[[nodiscard]] Section map_section(const ReportContext& ctx);
// Per DC: load, nodes, CPU and latency over time.
[[nodiscard]] Section dc_charts_section(const ReportContext& ctx);
// Replication lag per link and writes at risk per DC (platform runs).
[[nodiscard]] Section replication_section(const ReportContext& ctx);
// Calls: active, relayed and direct; relay bandwidth per DC (runs with calls).
[[nodiscard]] Section calls_section(const ReportContext& ctx);
// Composite pages and rolling deploys, when the run has them.
[[nodiscard]] Section pages_and_deploys_section(const ReportContext& ctx);
// A storage run's objects at risk, devices down and repair traffic.
[[nodiscard]] Section storage_section(const ReportContext& ctx);
// Faults, failovers, alarms and scaling with the policies' reasons; routine events collapsed.
[[nodiscard]] Section timeline_section(const ReportContext& ctx);
// The scenario as resolved, seed, version, hashes and the command that reproduces the run.
[[nodiscard]] Section reproduce_section(const ReportContext& ctx);

}  // namespace b24::reports::html
