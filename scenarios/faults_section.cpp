// Platform scenarios: faults at fixed times (`faults:`) and at random rates (`random_faults:`).
// A fault names its kind and then the keys of that kind only (a DC, links, a DB server, a node
// count); any other key is unknown.

#include <array>
#include <string>
#include <utility>

#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;
using models::FaultKind;

std::optional<FaultKind> read_kind(const NodeView& item) {
  const NodeView value = item.require_value("kind");
  if (!value.present()) {
    (void)item.entries();  // without a kind, no key can be told unknown
    return std::nullopt;
  }
  // In models::FaultKind order.
  static constexpr std::array<std::string_view, 5> kinds = {"dc_failure", "db_crash", "partition",
                                                            "node_crash", "turn_failure"};
  const std::optional<std::size_t> index = value.as_choice(kinds);
  if (!index) {
    (void)item.entries();  // keys of an unknown kind: not reported as unknown on top
    return std::nullopt;
  }
  return static_cast<FaultKind>(*index);
}

// The fault's targets: each link of `links` for a partition, else the DC at `dc` or, for a
// random fault (`many`), each DC of `dcs`. False when any is invalid or there is none.
bool read_targets(const NodeView& item, FaultKind kind, bool many, const PlatformNames& names,
                  std::vector<std::string>& out) {
  const bool partition = kind == FaultKind::partition;
  if (!partition && !many) {
    const std::optional<std::size_t> dc = names.dc(item.require_value("dc"));
    if (dc) out.push_back(names.topology().dcs[*dc].name);
    return dc.has_value();
  }
  const NodeView list = item.require_value(partition ? "links" : "dcs");
  const std::vector<NodeView> values = list.items();
  bool ok = !values.empty();
  for (const NodeView& value : values) {
    const std::optional<std::size_t> index = partition ? names.link(value) : names.dc(value);
    if (index)
      out.push_back(partition ? names.link_name(*index) : names.topology().dcs[*index].name);
    ok = ok && index.has_value();
  }
  if (values.empty() && (list.is_sequence() || list.is_null())) {
    list.error(partition ? "a partition cuts at least one link" : "name at least one DC");
  }
  return ok;
}

// server (db_crash) and nodes (node_crash).
void read_kind_details(const NodeView& item, FaultKind kind, int& server, std::uint32_t& nodes) {
  if (kind == FaultKind::db_crash) read_int(item, "server", server, {.min = 0, .max = 1});
  if (kind == FaultKind::node_crash) read_u32(item, "nodes", nodes, {.min = 1, .max = 100'000});
}

// `at`: a duration from the start ("13h") or the first time the clock shows a time of day
// ("14:00" UTC, "14:00 local" in the fault's DC's zone; a partition has no local time).
std::optional<sim::Duration> read_at(const NodeView& item, FaultKind kind,
                                     const std::vector<std::string>& targets,
                                     const PlatformNames& names) {
  const NodeView at = item.require_value("at");
  if (!at.present()) return std::nullopt;
  if (at.text().find(':') == std::string_view::npos) return at.as_duration();
  const std::optional<TimeOfDay> time = at.as_time_of_day();
  if (!time) return std::nullopt;
  sim::Duration offset{};
  if (time->local) {
    if (kind == FaultKind::partition) {
      at.error(
          "a partition has no local time: write a UTC time of day ('09:00') or a duration "
          "from the start ('9h'), found " +
          quote(at.text()));
      return std::nullopt;
    }
    if (targets.empty()) return std::nullopt;  // the DC is unknown: reported there
    for (const models::DcSpec& dc : names.topology().dcs) {
      if (dc.name == targets.front()) offset = dc.utc_offset;
    }
  }
  constexpr sim::Duration day = 24h;
  return (((time->since_midnight - offset) % day) + day) % day;
}

void read_fault(const NodeView& item, const PlatformNames& names, const CheckedValues& checked,
                std::vector<models::FaultSpec>& out) {
  const std::optional<FaultKind> kind = read_kind(item);
  if (!kind) return;
  models::FaultSpec fault;
  fault.kind = *kind;
  const bool targets_ok = read_targets(item, *kind, false, names, fault.targets);
  read_kind_details(item, *kind, fault.server, fault.nodes);
  const std::optional<sim::Duration> at = read_at(item, *kind, fault.targets, names);
  bool ok = targets_ok && at.has_value();
  if (*kind != FaultKind::node_crash) {
    ok = read_duration(item, "for", fault.length, {.min = 1s}) && ok;
  }
  if (at && checked.duration && *at >= *checked.duration) {
    item.error("at", "the fault would come at " + format_duration_short(*at) +
                         " after the start, not before the end of the run (duration: " +
                         format_duration_short(*checked.duration) + ")");
    return;
  }
  if (!ok) return;
  fault.at = *at;
  out.push_back(std::move(fault));
}

void read_random_fault(const NodeView& item, const PlatformNames& names,
                       std::vector<models::RandomFaultSpec>& out) {
  const std::optional<FaultKind> kind = read_kind(item);
  if (!kind) return;
  models::RandomFaultSpec fault;
  fault.kind = *kind;
  bool ok = read_targets(item, *kind, true, names, fault.targets);
  read_kind_details(item, *kind, fault.server, fault.nodes);
  ok = read_duration(item, "mean_time_between", fault.mean_time_between,
                     {.min = 1s, .max = 24h * 365 * 1000}) &&
       ok;
  if (*kind != FaultKind::node_crash) {
    ok = read_duration(item, "mean_length", fault.mean_length, {.min = 1s, .max = 24h * 365}) && ok;
  }
  if (ok) out.push_back(std::move(fault));
}

}  // namespace

void read_platform_faults(const NodeView& root, const PlatformNames& names,
                          const CheckedValues& checked, models::PlatformParams& out) {
  for (const NodeView& item : root.items("faults")) read_fault(item, names, checked, out.faults);
  for (const NodeView& item : root.items("random_faults")) {
    read_random_fault(item, names, out.random_faults);
  }
}

}  // namespace b24::scenarios::detail
