// Scenario files: the top-level keys, then one reader per section (scenario_sections.hpp), then
// the checks that span sections, then unknown keys. Command-line overrides (overrides.hpp) change
// the Document before any of it is read. The reading code is the schema; the
// reference of every key is scenarios/README.md.

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "scenarios/include.hpp"
#include "scenarios/overrides.hpp"
#include "scenarios/reader.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/scenario_sections.hpp"
#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {

namespace {

using namespace std::chrono_literals;

std::optional<sim::Duration> checked_duration(const NodeView& map, std::string_view key,
                                              sim::Duration& out, DurationOptions options) {
  if (!detail::read_duration(map, key, out, options)) return std::nullopt;
  return out;
}

void read_top_level(const NodeView& root, std::string_view stem, Scenario& s,
                    detail::CheckedValues& checked, sim::Duration& sample_step) {
  s.name = root.get_string("name", stem, {.allow_empty = false});
  s.description = root.get_string("description", s.description);
  if (const std::optional<std::int64_t> seed = root.value("seed").as_int64({.min = 0})) {
    s.seed = static_cast<std::uint64_t>(*seed);
  }
  checked.duration = checked_duration(root, "duration", s.duration, {.min = 1s});
  checked.sample_step =
      checked_duration(root, "sample_step", sample_step, {.min = 1ms, .max = 24h});
}

// The tier samples every step and closes a CloudWatch period on a step boundary.
void check_sample_step(const NodeView& root, const detail::CheckedValues& checked) {
  if (!checked.sample_step || !checked.cloudwatch_period) return;
  if (*checked.cloudwatch_period % *checked.sample_step == sim::Duration::zero()) return;
  root.error("sample_step", "sample_step (" + format_duration_short(*checked.sample_step) +
                                ") must divide cloudwatch.period (" +
                                format_duration_short(*checked.cloudwatch_period) + ")");
}

// Every tier samples at sample_step and closes its CloudWatch periods on step boundaries; one
// error per distinct period.
void check_tier_sample_steps(const NodeView& root, const detail::CheckedValues& checked,
                             const models::PlatformParams& p,
                             const std::vector<std::optional<sim::Duration>>& periods) {
  if (!checked.sample_step) return;
  std::vector<sim::Duration> reported;
  for (std::size_t i = 0; i < p.tiers.size() && i < periods.size(); ++i) {
    if (!periods[i] || *periods[i] % *checked.sample_step == sim::Duration::zero()) continue;
    if (std::find(reported.begin(), reported.end(), *periods[i]) != reported.end()) continue;
    reported.push_back(*periods[i]);
    root.error("sample_step", "sample_step (" + format_duration_short(*checked.sample_step) +
                                  ") must divide the cloudwatch.period of DC " +
                                  quote(p.tiers[i].name) + " (" +
                                  format_duration_short(*periods[i]) + ")");
  }
}

// A scenario with a top-level `topology:` key (issue 4): the whole platform.
Scenario read_platform_scenario(const Document& document, Reader& reader,
                                const std::filesystem::path& dir, std::string_view stem,
                                Diagnostics& diagnostics) {
  const NodeView root = reader.root();
  Scenario s;
  models::PlatformParams p;
  detail::CheckedValues checked;
  read_top_level(root, stem, s, checked, p.sample_step);
  detail::read_slo(root.child("slo"), p.slo);
  s.slo = p.slo;
  detail::reject_single_dc_keys(root);
  const bool topology_ok = detail::read_platform_topology(
      root, document, dir, diagnostics, p.topology, s.topology_text, s.topology_path);
  const detail::PlatformNames names(p.topology, topology_ok);
  std::vector<std::optional<sim::Duration>> periods;
  detail::read_web_defaults(root, names, checked, p, periods);
  detail::read_placement(root.child("placement"), p.placement);
  detail::read_health_detection(root.child("health_detection"), p.health);
  detail::read_cohorts(root, names, p);
  detail::read_calls(root, p);
  detail::read_replication(root, document, diagnostics, names, p);
  detail::read_platform_faults(root, names, checked, p);
  detail::read_platform_deploy(root, names, checked, p.deploy);
  const auto features = static_cast<std::uint8_t>(feature_platform | (p.calls ? feature_calls : 0) |
                                                  (p.deploy ? feature_deploy : 0));
  detail::read_checks(root, features, &names, p.cohorts, s.checks);
  reader.finish();
  // After finish(): the merged copies repeat web_defaults, whose errors are now all known.
  detail::read_dc_overrides(document, diagnostics, checked, p, periods);
  check_tier_sample_steps(root, checked, p, periods);
  s.platform = std::move(p);
  return s;
}

// A scenario with a top-level `storage:` key (issue 5): one region's object store only. Keys of
// the web tier or the platform are unknown keys here (reported by finish()).
Scenario read_storage_scenario(Reader& reader, std::string_view stem) {
  const NodeView root = reader.root();
  Scenario s;
  models::ObjectStoreParams p;
  detail::CheckedValues checked;
  read_top_level(root, stem, s, checked, p.sample_step);
  detail::read_storage(root.child("storage"), p);
  detail::read_checks(root, feature_storage, nullptr, {}, s.checks);
  reader.finish();
  s.storage = std::move(p);
  return s;
}

Scenario read_scenario(const Document& document, std::string_view stem,
                       const std::filesystem::path& dir, Diagnostics& diagnostics) {
  Reader reader(document, diagnostics);
  const NodeView root = reader.root();
  if (root.is_mapping() && root.has("topology")) {
    return read_platform_scenario(document, reader, dir, stem, diagnostics);
  }
  if (root.is_mapping() && root.has("storage")) return read_storage_scenario(reader, stem);
  Scenario s;
  detail::CheckedValues checked;
  read_top_level(root, stem, s, checked, s.web.sample_step);
  detail::read_slo(root.child("slo"), s.slo);
  detail::read_dc(root.child("dc"), s.web);
  detail::read_workload(root.child("workload"), s.web.workload);
  detail::read_web_node(root.child("web_node"), s.web.node);
  detail::read_load_balancer(root.child("load_balancer"), s.web);
  checked.cloudwatch_period = detail::read_cloudwatch(root.child("cloudwatch"), s.web.cloudwatch);
  detail::read_auto_scaling(root.child("auto_scaling"), checked, s.web.auto_scaling);
  detail::read_faults(root, checked, s.web.workload, s.web.crashes);
  detail::read_deploy(root, checked, s.web.workload.utc_offset, s.web.deploy);
  check_sample_step(root, checked);
  const auto features =
      static_cast<std::uint8_t>(feature_web_tier | (s.web.deploy ? feature_deploy : 0));
  detail::read_checks(root, features, nullptr, {}, s.checks);
  reader.finish();
  return s;
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& path, Diagnostics& diagnostics) {
  return load_scenario(path, {}, diagnostics);
}

Scenario load_scenario(const std::filesystem::path& path, std::span<const std::string> overrides,
                       Diagnostics& diagnostics) {
  const std::optional<std::string> text = detail::read_file_text(path);
  if (!text) {
    // Let the YAML loader read it again and report why it cannot (missing, a directory, ...).
    const std::size_t before = diagnostics.size();
    Document unread = load_yaml_file(path, diagnostics);
    if (diagnostics.size() == before) {
      diagnostics.add({path.string(), 0, 0, "", "cannot read the scenario"});
    }
    apply_overrides(unread, overrides, diagnostics);  // still reports malformed ones
    Scenario s;
    s.source_path = path;
    s.overrides.assign(overrides.begin(), overrides.end());
    return s;
  }
  // A scenario file with nothing in it is almost always a mistake (a truncated copy, the wrong
  // path), not a request for every default (issue 6); text given to load_scenario_text, and an
  // empty included file, still mean "all defaults" and "nothing added".
  if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.add({path.string(), 1, 1, "",
                     "the scenario file is empty: expected a mapping of scenario keys (name:, "
                     "duration:, ...)"});
  }
  Scenario s = load_scenario_text(*text, path.string(), overrides, diagnostics);
  s.source_path = path;
  return s;
}

Scenario load_scenario_text(std::string_view text, std::string_view name,
                            Diagnostics& diagnostics) {
  return load_scenario_text(text, name, {}, diagnostics);
}

Scenario load_scenario_text(std::string_view text, std::string_view name,
                            std::span<const std::string> overrides, Diagnostics& diagnostics) {
  Document document = load_yaml_string(text, std::string(name), diagnostics);
  // Included files first, so that an override can change an included value like a written one.
  const std::vector<std::filesystem::path> included =
      resolve_includes(document, std::filesystem::path(name), diagnostics);
  apply_overrides(document, overrides, diagnostics);
  const std::filesystem::path file(name);
  Scenario s = read_scenario(document, file.stem().string(), file.parent_path(), diagnostics);
  s.source_text = std::string(text);
  for (const std::filesystem::path& path : included) {
    s.included.push_back({path, detail::read_file_text(path).value_or(std::string{})});
  }
  s.overrides.assign(overrides.begin(), overrides.end());
  return s;
}

}  // namespace b24::scenarios
