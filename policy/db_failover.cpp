#include "policy/db_failover.hpp"

#include "policy/contract.hpp"
#include "policy/format.hpp"

namespace b24::policy {
namespace {

void validate(const DbFailoverObservation& observation) {
  require(observation.active == 0 || observation.active == 1, "the active server is 0 or 1");
  for (const DbServerState& server : observation.servers) {
    require(server.since <= observation.now, "a server's up/down since <= now");
  }
}

// "server 1 (active) down since 2024-01-15T10:00:00Z (for 300s)".
std::string describe(const DbFailoverObservation& observation, int index) {
  const DbServerState& server = observation.servers[static_cast<std::size_t>(index)];
  std::string text = "server " + std::to_string(index);
  if (index == observation.active) text += " (active)";
  text += server.up ? " up since " : " down since ";
  text += format_timestamp(server.since);
  text += " (for " + format_duration(observation.now - server.since) + ")";
  return text;
}

std::string prefix(const DbFailoverObservation& observation) {
  std::string text = observation.pair_name.empty() ? std::string{} : observation.pair_name + ": ";
  return text + describe(observation, 0) + "; " + describe(observation, 1) + ": ";
}

}  // namespace

DbFailoverDecision decide_db_failover(const DbFailoverObservation& observation) {
  validate(observation);
  const int active = observation.active;
  const int other = 1 - active;
  const bool active_up = observation.servers[static_cast<std::size_t>(active)].up;
  const bool other_up = observation.servers[static_cast<std::size_t>(other)].up;
  DbFailoverDecision decision;
  if (active_up) {
    decision.action = DbFailoverAction::keep;
    decision.target = active;
    decision.reason = prefix(observation) + "clients stay on server " + std::to_string(active) +
                      (other_up ? " (master-master: no failback, both are masters)" : "");
  } else if (other_up) {
    decision.action = DbFailoverAction::switch_over;
    decision.target = other;
    decision.switched = true;
    decision.reason = prefix(observation) + "clients switch over to server " +
                      std::to_string(other) + " at once (master-master: it already accepts writes)";
  } else {
    decision.action = DbFailoverAction::none_available;
    decision.reason = prefix(observation) + "no server is up: writes fail";
  }
  return decision;
}

std::string_view to_string(DbFailoverAction action) {
  switch (action) {
    case DbFailoverAction::keep:
      return "keep";
    case DbFailoverAction::switch_over:
      return "switch_over";
    case DbFailoverAction::none_available:
      return "none_available";
  }
  return "?";
}

}  // namespace b24::policy
