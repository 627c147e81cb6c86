#include "policy/relay_selection.hpp"

#include <string>

namespace b24::policy {
namespace {

RelayDecision tenant_dc_relay(const RelayObservation& obs) {
  RelayDecision d;
  const std::string dc = "relay " + std::to_string(obs.tenant_dc);
  for (const RelayCandidate& r : obs.relays) {
    if (r.id != obs.tenant_dc) continue;
    if (!r.healthy) {
      d.outcome = RelayOutcome::no_healthy_relay;
      d.reason = "tenant_dc: " + dc + " of the tenant's DC is down";
    } else if (!r.has_room) {
      d.outcome = RelayOutcome::no_capacity;
      d.reason = "tenant_dc: " + dc + " of the tenant's DC is full";
    } else {
      d.outcome = RelayOutcome::chosen;
      d.relay = r.id;
      d.reason = "tenant_dc: " + dc + ", the tenant's DC";
    }
    return d;
  }
  d.reason = "tenant_dc: the tenant's DC has no relay";
  return d;
}

RelayDecision nearest_healthy_relay(const RelayObservation& obs) {
  RelayDecision d;
  bool any_healthy = false;
  const RelayCandidate* best = nullptr;
  for (const RelayCandidate& r : obs.relays) {
    if (!r.healthy) continue;
    any_healthy = true;
    if (!r.has_room) continue;
    if (best == nullptr || r.client_rtt_ms < best->client_rtt_ms ||
        (r.client_rtt_ms == best->client_rtt_ms && r.id < best->id)) {
      best = &r;
    }
  }
  if (best != nullptr) {
    d.outcome = RelayOutcome::chosen;
    d.relay = best->id;
    d.reason = "nearest_healthy: relay " + std::to_string(best->id) + " at " +
               std::to_string(static_cast<long long>(best->client_rtt_ms)) +
               " ms round trip from the participants";
  } else if (any_healthy) {
    d.outcome = RelayOutcome::no_capacity;
    d.reason = "nearest_healthy: every healthy relay is full";
  } else {
    d.outcome = RelayOutcome::no_healthy_relay;
    d.reason = "nearest_healthy: no healthy relay";
  }
  return d;
}

}  // namespace

RelayDecision decide_relay(RelayPolicy policy, const RelayObservation& obs) {
  return policy == RelayPolicy::tenant_dc ? tenant_dc_relay(obs) : nearest_healthy_relay(obs);
}

std::string_view to_string(RelayPolicy policy) {
  return policy == RelayPolicy::tenant_dc ? "tenant_dc" : "nearest_healthy";
}

std::string_view to_string(RelayOutcome outcome) {
  switch (outcome) {
    case RelayOutcome::chosen:
      return "chosen";
    case RelayOutcome::no_capacity:
      return "no_capacity";
    case RelayOutcome::no_healthy_relay:
      return "no_healthy_relay";
  }
  return "?";
}

}  // namespace b24::policy
