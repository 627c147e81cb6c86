#include "cli/report_run_meta.hpp"

#include <string>
#include <vector>

#include "cli/explain_text.hpp"
#include "reports/report_meta.hpp"

namespace b24::cli {
namespace {

// `b24sim explain`'s text for the scenario as run: its file and --set overrides, and the seed
// actually used (--seed replaces the scenario's after loading, so it goes in as an override).
// Empty when the file no longer loads as it did (changed on disk during the run): the report
// then shows the scenario text recorded at the start instead.
std::string resolved_text(const scenarios::Scenario& s) {
  const std::string path = s.source_path.string();
  std::vector<std::string> overrides = s.overrides;
  scenarios::Diagnostics diagnostics;
  const scenarios::Scenario as_loaded = scenarios::load_scenario(path, overrides, diagnostics);
  if (!diagnostics.empty()) return {};
  if (as_loaded.seed != s.seed) overrides.push_back("seed=" + std::to_string(s.seed));
  std::string text = explain_text(path, overrides, diagnostics);
  return diagnostics.empty() ? text : std::string();
}

void write_topology(reports::SqliteRecorder& recorder, const models::TopologyParams& topology) {
  std::vector<reports::DcSite> sites;
  for (const models::DcSpec& dc : topology.dcs) {
    sites.push_back({dc.name, dc.city, dc.latitude_deg, dc.longitude_deg, dc.jurisdiction});
  }
  std::vector<reports::DcLink> links;
  for (const models::LinkSpec& link : topology.links) links.push_back({link.a, link.b});
  recorder.set_meta(reports::meta_dc_sites, reports::dc_sites_json(sites));
  recorder.set_meta(reports::meta_dc_links, reports::dc_links_json(links));
}

}  // namespace

void write_report_meta(reports::SqliteRecorder& recorder, const scenarios::Scenario& s) {
  if (!s.description.empty()) recorder.set_meta(reports::meta_scenario_description, s.description);
  const std::string resolved = resolved_text(s);
  if (!resolved.empty()) recorder.set_meta(reports::meta_scenario_resolved, resolved);
  if (s.storage) return;  // no web tier, so no latency or error-rate SLO
  const double p99_ms = static_cast<double>(s.slo.p99_latency.count()) / 1000.0;
  recorder.set_meta(reports::meta_slo_p99_latency_ms, reports::meta_number(p99_ms));
  recorder.set_meta(reports::meta_slo_max_error_rate, reports::meta_number(s.slo.max_error_rate));
  if (s.platform) write_topology(recorder, s.platform->topology);
}

}  // namespace b24::cli
