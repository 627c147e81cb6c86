// Platform scenarios (issue 4): the topology (a file or inline), name lookups of DCs and links
// for the cross-checks, the single-DC keys that do not belong, the placement policy and DC
// health detection. Cohorts, tiers, replication and faults have files of their own.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include "scenarios/scenario_sections.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/topology_loader.hpp"
#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios::detail {

std::optional<std::string> read_file_text(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

namespace {

using namespace std::chrono_literals;

// The directory of the included file a value is written in; nullopt for the scenario's own
// file (file 0 of the document) and a --set override (a file named "--set" or "--set[i]"): a
// path there resolves from the scenario's directory. Any other file is one that an `include:`
// brought in, named by the path it was read from.
std::optional<std::filesystem::path> included_file_dir(const Document& document, const Mark& mark) {
  if (mark.file == 0 || mark.file >= document.file_count()) return std::nullopt;
  const std::string& file = document.file_name(mark.file);
  if (file.starts_with("--set")) return std::nullopt;
  return std::filesystem::path(file).parent_path();
}

bool is_jurisdiction(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void read_permission(const NodeView& item, std::vector<policy::CrossBorderPermission>& out) {
  policy::CrossBorderPermission permission;
  bool ok = true;
  for (const auto& [key, field] : {std::pair{"from", &permission.from}, {"to", &permission.to}}) {
    const NodeView value = item.require_value(key);
    const std::optional<std::string> text = value.as_string();
    if (text && !is_jurisdiction(*text)) {
      value.error("expected a jurisdiction of upper-case letters, like EU or RU, found " +
                  quote(*text));
    }
    if (!text || !is_jurisdiction(*text)) ok = false;
    if (text) *field = *text;
  }
  if (ok && permission.from == permission.to) {
    item.error("to", "a permission from " + quote(permission.from) +
                         " to itself is not needed: a cohort may always use DCs of its own "
                         "jurisdiction");
    return;
  }
  if (ok) out.push_back(std::move(permission));
}

}  // namespace

// --- Names ---------------------------------------------------------------------------------------

void PlatformNames::unknown(const NodeView& value, std::string_view what, const std::string& name,
                            const std::vector<std::string>& candidates) const {
  if (!checkable_) return;
  std::string message = "unknown " + std::string(what) + " " + quote(name);
  if (const std::optional<std::string> near = closest_match(name, candidates)) {
    message += " (did you mean " + quote(*near) + "?)";
  } else {
    message += ": the topology has no " + std::string(what) + " of this name";
  }
  value.error(std::move(message));
}

std::optional<std::size_t> PlatformNames::dc(const NodeView& value) const {
  const std::optional<std::string> name = value.as_string();
  if (!name) return std::nullopt;
  return dc_named(value, *name);
}

std::optional<std::size_t> PlatformNames::dc_named(const NodeView& at,
                                                   const std::string& name) const {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < topology_.dcs.size(); ++i) {
    if (topology_.dcs[i].name == name) return i;
    names.push_back(topology_.dcs[i].name);
  }
  unknown(at, "DC", name, names);
  return std::nullopt;
}

std::string PlatformNames::link_name(std::size_t link) const {
  return topology_.links[link].a + "-" + topology_.links[link].b;
}

std::optional<std::size_t> PlatformNames::link(const NodeView& value) const {
  const std::optional<std::string> name = value.as_string();
  if (!name) return std::nullopt;
  const std::size_t dash = name->find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == name->size()) {
    value.error(
        "expected a link written <a>-<b> with the names of its two DCs, like fra-par, "
        "found " +
        quote(*name));
    return std::nullopt;
  }
  const std::string a = name->substr(0, dash);
  const std::string b = name->substr(dash + 1);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < topology_.links.size(); ++i) {
    const models::LinkSpec& link = topology_.links[i];
    if ((link.a == a && link.b == b) || (link.a == b && link.b == a)) return i;
    names.push_back(link.a + "-" + link.b);
    names.push_back(link.b + "-" + link.a);
  }
  const auto is_dc = [&](const std::string& dc) {
    return std::any_of(topology_.dcs.begin(), topology_.dcs.end(),
                       [&](const models::DcSpec& spec) { return spec.name == dc; });
  };
  if (checkable_ && is_dc(a) && is_dc(b)) {
    value.error("no link joins " + quote(a) + " and " + quote(b) + " in the topology");
    return std::nullopt;
  }
  unknown(value, "link", *name, names);
  return std::nullopt;
}

// --- Sections ------------------------------------------------------------------------------------

bool read_platform_topology(const NodeView& root, const Document& document,
                            const std::filesystem::path& scenario_dir, Diagnostics& diagnostics,
                            models::TopologyParams& out, std::string& text,
                            std::filesystem::path& path) {
  const std::size_t before = diagnostics.size();
  const NodeView value = root.value("topology");
  if (value.is_mapping()) {
    out = read_topology(value, "topology").params;
    return diagnostics.size() == before;
  }
  const std::optional<std::string> written = value.as_string({.allow_empty = false});
  if (!written) return false;
  const std::optional<std::filesystem::path> included = included_file_dir(document, value.mark());
  path = included ? (*included / *written).lexically_normal() : scenario_dir / *written;
  const std::optional<std::string> file = read_file_text(path);
  if (!file) {
    value.error("cannot read the topology file " + quote(path.string()) +
                " (a path relative to the directory of the file that names it, or an inline "
                "mapping with dcs: and links:)");
    return false;
  }
  text = *file;
  out = load_topology_text(text, path.string(), diagnostics);
  return diagnostics.size() == before;
}

void reject_single_dc_keys(const NodeView& root) {
  for (const std::string_view key : {"web_node", "load_balancer", "cloudwatch", "auto_scaling"}) {
    if (!root.has(key)) continue;
    root.error(key, quote(key) +
                        " is a single-DC key; in a platform scenario put it under web_defaults: "
                        "or dcs.<name>:");
  }
  if (root.has("dc")) {
    root.error("dc",
               "'dc' is a single-DC key; in a platform scenario the DCs come from the topology: "
               "put instance_price_usd_per_hour under web_defaults: or dcs.<name>:");
  }
  if (root.has("workload")) {
    root.error("workload",
               "'workload' is a single-DC key; in a platform scenario cohorts: generate the "
               "load (each with its peak_rate and daily_profile)");
  }
}

void read_placement(const NodeView& placement, policy::PlacementPolicy& out) {
  read_seconds(placement, "failback_stability", out.failback_stability, {.max = 24h * 365});
  read_seconds(placement, "failback_max_lag", out.failback_max_lag, {.max = 24h * 365});
  for (const NodeView& item : placement.items("cross_border")) {
    read_permission(item, out.cross_border_permissions);
  }
  read_bool(placement, "allow_residency_violations", out.allow_residency_violations);
}

void read_health_detection(const NodeView& health, models::DcHealthParams& out) {
  policy::HealthCheckConfig& check = out.check;
  // Route 53 health checks: a 10 s or 30 s request interval, failure threshold 1 to 10. The
  // loader allows any whole number of seconds from 1 s to 1 h (an external checker of our own).
  const bool interval_ok = read_seconds(health, "interval", check.interval, {.min = 1s, .max = 1h});
  const bool timeout_ok = read_seconds(health, "timeout", check.timeout, {.min = 1s, .max = 1h});
  read_int(health, "failure_threshold", check.unhealthy_threshold, {.min = 1, .max = 10});
  read_int(health, "recovery_threshold", check.healthy_threshold, {.min = 1, .max = 10});
  read_duration(health, "client_reconnect", out.client_reconnect, {.max = 24h});
  if (interval_ok && timeout_ok && check.timeout >= check.interval) {
    health.error("timeout", "the timeout must be shorter than the interval (" +
                                format_duration_short(check.interval) + ")");
  }
}

}  // namespace b24::scenarios::detail
