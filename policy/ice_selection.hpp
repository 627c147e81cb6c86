#pragma once
// Which ICE candidate pair a WebRTC call between two participants ends up on, from each side's
// network type. Source: DOMAIN.md section 5 (ICE candidate types host, srflx, prflx, relay,
// preferred in that order: MDN RTCIceCandidate.type, RFC 8445; ICE keeps the most preferred pair
// whose connectivity check succeeds, so the outcome is the best type that can work).
//
// The rules, in order (the first that applies decides):
//  1. host: both participants are on the same LAN at the same site (`same_site` and both types
//     `same_lan`): their host candidates reach each other directly.
//  2. relay (TURN): either side is behind a restrictive firewall (UDP blocked, only TCP/TLS 443
//  out,
//     often through a proxy): no peer-to-peer path; it falls back to TURN/UDP 3478 -> TURN/TCP ->
//     TURN/TLS 443 (DOMAIN.md, twilio.com/docs/video/networking-considerations).
//  3. relay (TURN): both sides are behind symmetric NATs (address- and port-dependent mapping,
//     RFC 4787 section 4.1): each side's mapping towards the peer differs from the one STUN saw,
//     so hole punching fails on both ends (RFC 5128 section 3.3.2).
//  4. server-reflexive (STUN hole punching) otherwise. ASSUMPTION (the common model, RFC 5128
//     section 3.3): an `open_nat` is a cone NAT with endpoint-independent mapping and filtering no
//     stricter than address-dependent, so one symmetric NAT facing it still connects (the cone
//     side's srflx address is stable; the symmetric side is learnt as peer-reflexive). A
//     symmetric NAT facing a port-restricted cone would fail; we fold those into the mix's
//     symmetric/firewall shares rather than modelling a fifth type.
//     A `same_lan` participant whose peer is not on its LAN reaches out through its site's NAT,
//     which we treat as an `open_nat` (office NATs are usually cone NATs: an assumption).
//
// So the relay condition depends on the network types only, never on `same_site`, and with types
// drawn independently from a mix with shares (l, o, s, f):
//     P(relay) = 1 - (1 - f)^2 + s^2 = 2f - f^2 + s^2
// (either side firewalled, or both symmetric; the two events are disjoint). Example: the mix
// {0.2, 0.5, 0.2, 0.1} gives 0.19 + 0.04 = 0.23, close to callstats.io's ~22 % of conferences
// needing TURN (2015) and Twilio's "STUN is enough around 85 % of the time" (~15 % relay), both
// DOMAIN.md section 5.
//
// Mesh group calls: each browser sends its stream to and receives one from every other
// participant (DOMAIN.md section 5: bloggeek.me/webrtcglossary/mesh/), so a call of N holds
// N x (N - 1) one-way streams (each counted once, at its sender).

#include <cstdint>
#include <string>
#include <string_view>

namespace b24::policy {

enum class NetworkType { same_lan, open_nat, symmetric_nat, restrictive_firewall };

enum class CandidateType { host, server_reflexive, relay };

struct IceDecision {
  CandidateType candidate = CandidateType::relay;
  std::string reason{};
};

// Applies the rules above. `same_site`: the two participants are at the same site (office).
[[nodiscard]] IceDecision decide_ice_path(NetworkType a, NetworkType b, bool same_site);

// A scenario's network mix: the share of participants behind each type.
struct NetworkMix {
  double same_lan = 0.0;
  double open_nat = 0.0;
  double symmetric_nat = 0.0;
  double restrictive_firewall = 0.0;
};

// Throws std::invalid_argument unless every share is finite and >= 0 and they sum to 1 within
// 1e-9.
void validate(const NetworkMix& mix);

// Probability that two participants drawn independently from `mix` need a relay (rules 2 and 3):
// 2f - f^2 + s^2. Validates the mix.
[[nodiscard]] double expected_relay_share(const NetworkMix& mix);

// One-way streams in a mesh call of `participants`: N x (N - 1) (0 for N < 2).
[[nodiscard]] std::uint64_t mesh_streams(std::uint32_t participants);

[[nodiscard]] std::string_view to_string(NetworkType type);
[[nodiscard]] std::string_view to_string(CandidateType type);

}  // namespace b24::policy
