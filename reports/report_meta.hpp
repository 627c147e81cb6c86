#pragma once
// The run_meta keys that `b24sim run` adds for the HTML report (and any other reader) beyond
// those of reports/README.md, and the text format of the ones that are not plain strings.
// The report reads only the run database, so whatever it shows about the scenario must be here:
// a report of an old run without these keys leaves the map, the SLO colours or the resolved
// scenario out rather than failing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace b24::reports {

// The scenario's `description:` (what question it answers).
inline constexpr std::string_view meta_scenario_description = "scenario_description";
// The scenario after includes and overrides, as `b24sim explain` prints it.
inline constexpr std::string_view meta_scenario_resolved = "scenario_resolved";
// The scenario's SLO: p99 latency in milliseconds and the error-rate budget (a fraction).
inline constexpr std::string_view meta_slo_p99_latency_ms = "slo_p99_latency_ms";
inline constexpr std::string_view meta_slo_max_error_rate = "slo_max_error_rate";
// A platform run's data centers and inter-DC links as JSON (dc_sites_json below).
inline constexpr std::string_view meta_dc_sites = "dc_sites";
inline constexpr std::string_view meta_dc_links = "dc_links";

struct DcSite {
  std::string name;  // "fra": entities are dc/<name>
  std::string city;  // "Frankfurt am Main"
  double latitude_deg = 0.0;
  double longitude_deg = 0.0;
  std::string jurisdiction;  // "EU"
};

struct DcLink {
  std::string a;  // DC names, as the topology writes the link ("fra-mow")
  std::string b;
};

// [{"name":"fra","city":"Frankfurt am Main","lat":50.1109,"lon":8.6821,"jurisdiction":"EU"},
// ...] and [["fra","par"], ...]: JSON so that sqlite3, pandas or jq read it too. Doubles are
// printed in their shortest round-trip form, the same bytes on every machine.
[[nodiscard]] std::string dc_sites_json(const std::vector<DcSite>& sites);
[[nodiscard]] std::string dc_links_json(const std::vector<DcLink>& links);

// The inverse; nullopt when the text is not what the writers above produce.
[[nodiscard]] std::optional<std::vector<DcSite>> parse_dc_sites(std::string_view json);
[[nodiscard]] std::optional<std::vector<DcLink>> parse_dc_links(std::string_view json);

// A double in the shortest form that reads back to the same value ("800", "0.001").
[[nodiscard]] std::string meta_number(double value);

}  // namespace b24::reports
