#pragma once
// Which TURN relay a call's relayed peer connections use. Plain decision code: the caller
// describes every DC's relay (healthy or not, how far from the participants, whether it has
// room for the call) and gets back one relay, or none, with the reason.
//
// Policies:
//  - nearest_healthy: the healthy relay with room that is closest to the participants (the
//    lowest client round trip; ties broken by the lower id, so the choice is deterministic).
//    This is what a TURN service with anycast or geo-DNS does (Twilio's Network Traversal
//    Service picks the nearest region: DOMAIN.md 5, twilio.com/docs/stun-turn).
//  - tenant_dc: the relay of the DC that serves the tenant (signalling and media in one place);
//    no fallback: when that relay is down or full the call has no relay.
// A healthy relay that is full is skipped by nearest_healthy; the decision then says whether any
// healthy relay existed at all, so the caller can count "no capacity" apart from "no relay".

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace b24::policy {

enum class RelayPolicy { nearest_healthy, tenant_dc };

struct RelayCandidate {
  std::uint32_t id = 0;  // the DC index
  bool healthy = true;
  bool has_room = true;        // allocations and bandwidth left for this call
  double client_rtt_ms = 0.0;  // from the participants to this relay
};

struct RelayObservation {
  std::uint32_t tenant_dc = 0;  // the DC that signals the call
  std::span<const RelayCandidate> relays;
};

enum class RelayOutcome { chosen, no_capacity, no_healthy_relay };

struct RelayDecision {
  std::optional<std::uint32_t> relay;  // set iff outcome == chosen
  RelayOutcome outcome = RelayOutcome::no_healthy_relay;
  std::string reason{};
};

[[nodiscard]] RelayDecision decide_relay(RelayPolicy policy, const RelayObservation& obs);

[[nodiscard]] std::string_view to_string(RelayPolicy policy);
[[nodiscard]] std::string_view to_string(RelayOutcome outcome);

}  // namespace b24::policy
