#include "viewer/event_facts.hpp"

#include <algorithm>
#include <array>

namespace b24::viewer {
namespace {

void add_unique(std::vector<std::string>& out, std::string_view name) {
  if (name.empty()) return;
  if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
}

// "a -> b" split at `separator` into both names.
void add_pair(std::vector<std::string>& out, std::string_view text, std::string_view separator) {
  const std::size_t at = text.find(separator);
  if (at == std::string_view::npos) return;
  add_unique(out, text.substr(0, at));
  add_unique(out, text.substr(at + separator.size()));
}

}  // namespace

bool is_incident(std::string_view kind) {
  static constexpr std::array<std::string_view, 11> kinds = {
      "dc_failed",     "partition_start",     "db_server_crash", "crash",
      "relay_failed",  "device_failure",      "object_loss",     "deploy_start",
      "binlog_purged", "marker_out_of_order", "db_unavailable"};
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::vector<std::string> dcs_of_event(const RunEvent& event) {
  std::vector<std::string> out;
  const std::string_view e = event.entity;
  const std::size_t slash = e.find('/');
  if (slash == std::string_view::npos) return out;
  const std::string_view prefix = e.substr(0, slash);
  const std::string_view rest = e.substr(slash + 1);
  if (prefix == "repl") {
    add_pair(out, rest, "->");
  } else if (prefix == "links") {
    add_pair(out, rest, "-");
  } else if (prefix == "cohort") {
    // The placement policy's reason starts "fra -> par: ...".
    const std::string_view reason = event.reason;
    add_pair(out, reason.substr(0, reason.find(':')), " -> ");
  } else if (prefix == "dc" || prefix == "db" || prefix == "calls" || prefix == "phone") {
    add_unique(out, rest.substr(0, rest.find('/')));
  }
  return out;
}

std::vector<std::int64_t> incident_times(const std::vector<RunEvent>& events) {
  std::vector<std::int64_t> out;
  for (const RunEvent& e : events) {
    if (is_incident(e.kind) && (out.empty() || out.back() != e.time_us)) out.push_back(e.time_us);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::int64_t> next_incident(const std::vector<std::int64_t>& times,
                                          std::int64_t after_us) {
  const auto it = std::upper_bound(times.begin(), times.end(), after_us);
  if (it == times.end()) return std::nullopt;
  return *it;
}

std::optional<std::int64_t> previous_incident(const std::vector<std::int64_t>& times,
                                              std::int64_t before_us) {
  const auto it = std::lower_bound(times.begin(), times.end(), before_us);
  if (it == times.begin()) return std::nullopt;
  return *(it - 1);
}

}  // namespace b24::viewer
