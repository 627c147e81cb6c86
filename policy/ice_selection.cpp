#include "policy/ice_selection.hpp"

#include <cmath>

#include "policy/contract.hpp"

namespace b24::policy {
namespace {

std::string prefix(NetworkType a, NetworkType b, bool same_site) {
  return std::string{to_string(a)} + " <-> " + std::string{to_string(b)} +
         (same_site ? " (same site): " : " (different sites): ");
}

}  // namespace

IceDecision decide_ice_path(NetworkType a, NetworkType b, bool same_site) {
  IceDecision decision;
  const std::string head = prefix(a, b, same_site);
  if (same_site && a == NetworkType::same_lan && b == NetworkType::same_lan) {
    decision.candidate = CandidateType::host;
    decision.reason = head + "host candidates: both on the same LAN";
  } else if (a == NetworkType::restrictive_firewall || b == NetworkType::restrictive_firewall) {
    decision.candidate = CandidateType::relay;
    decision.reason = head + "relay (TURN): a restrictive firewall blocks peer-to-peer UDP";
  } else if (a == NetworkType::symmetric_nat && b == NetworkType::symmetric_nat) {
    decision.candidate = CandidateType::relay;
    decision.reason = head + "relay (TURN): symmetric NAT on both sides defeats hole punching";
  } else {
    decision.candidate = CandidateType::server_reflexive;
    decision.reason = head + "server-reflexive (STUN hole punching): at most one symmetric NAT, " +
                      "facing a cone NAT";
  }
  return decision;
}

void validate(const NetworkMix& mix) {
  const double shares[] = {mix.same_lan, mix.open_nat, mix.symmetric_nat, mix.restrictive_firewall};
  double sum = 0.0;
  for (const double share : shares) {
    require(std::isfinite(share) && share >= 0.0, "a network mix share is finite and >= 0");
    sum += share;
  }
  require(std::abs(sum - 1.0) <= 1e-9, "the network mix shares sum to 1 (within 1e-9)");
}

double expected_relay_share(const NetworkMix& mix) {
  validate(mix);
  const double f = mix.restrictive_firewall;
  const double s = mix.symmetric_nat;
  return 2.0 * f - f * f + s * s;
}

std::uint64_t mesh_streams(std::uint32_t participants) {
  const std::uint64_t n = participants;
  return n < 2 ? 0 : n * (n - 1);
}

std::string_view to_string(NetworkType type) {
  switch (type) {
    case NetworkType::same_lan:
      return "same_lan";
    case NetworkType::open_nat:
      return "open_nat";
    case NetworkType::symmetric_nat:
      return "symmetric_nat";
    case NetworkType::restrictive_firewall:
      return "restrictive_firewall";
  }
  return "?";
}

std::string_view to_string(CandidateType type) {
  switch (type) {
    case CandidateType::host:
      return "host";
    case CandidateType::server_reflexive:
      return "server_reflexive";
    case CandidateType::relay:
      return "relay";
  }
  return "?";
}

}  // namespace b24::policy
