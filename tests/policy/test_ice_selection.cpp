// Which ICE candidate type a call uses from the two participants' network types: host on the
// same LAN, relay when a restrictive firewall is on either side or symmetric NATs on both, STUN
// (server-reflexive) otherwise; the expected relay share of a mix; mesh stream counts.

#include <gtest/gtest.h>

#include <array>
#include <limits>
#include <stdexcept>
#include <string>

#include "policy/ice_selection.hpp"

namespace b24::policy {
namespace {

constexpr std::array<NetworkType, 4> all_types{NetworkType::same_lan, NetworkType::open_nat,
                                               NetworkType::symmetric_nat,
                                               NetworkType::restrictive_firewall};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(IceSelection, SameLanAtTheSameSiteUsesHostCandidates) {
  const IceDecision decision = decide_ice_path(NetworkType::same_lan, NetworkType::same_lan, true);
  EXPECT_EQ(decision.candidate, CandidateType::host);
  EXPECT_TRUE(contains(decision.reason, "host")) << decision.reason;
  EXPECT_TRUE(contains(decision.reason, "same_lan <-> same_lan")) << decision.reason;
}

// Two office LANs at different sites meet through their sites' (cone) NATs.
TEST(IceSelection, SameLanAtDifferentSitesUsesStun) {
  EXPECT_EQ(decide_ice_path(NetworkType::same_lan, NetworkType::same_lan, false).candidate,
            CandidateType::server_reflexive);
  EXPECT_EQ(decide_ice_path(NetworkType::same_lan, NetworkType::symmetric_nat, false).candidate,
            CandidateType::server_reflexive);
}

// Same site is not enough when one side is not on the site's LAN (e.g. guest Wi-Fi, mobile).
TEST(IceSelection, SameSiteWithoutBothOnTheLanFollowsTheNatRules) {
  EXPECT_EQ(decide_ice_path(NetworkType::same_lan, NetworkType::open_nat, true).candidate,
            CandidateType::server_reflexive);
  EXPECT_EQ(
      decide_ice_path(NetworkType::same_lan, NetworkType::restrictive_firewall, true).candidate,
      CandidateType::relay);
  EXPECT_EQ(decide_ice_path(NetworkType::symmetric_nat, NetworkType::symmetric_nat, true).candidate,
            CandidateType::relay);
}

TEST(IceSelection, OpenNatsOnBothSidesUseStun) {
  const IceDecision decision = decide_ice_path(NetworkType::open_nat, NetworkType::open_nat, false);
  EXPECT_EQ(decision.candidate, CandidateType::server_reflexive);
  EXPECT_TRUE(contains(decision.reason, "STUN")) << decision.reason;
}

// The common model: the cone side's mapping is stable, so one symmetric NAT still connects.
TEST(IceSelection, OneSymmetricNatFacingAConeNatUsesStun) {
  EXPECT_EQ(decide_ice_path(NetworkType::symmetric_nat, NetworkType::open_nat, false).candidate,
            CandidateType::server_reflexive);
  EXPECT_EQ(decide_ice_path(NetworkType::open_nat, NetworkType::symmetric_nat, false).candidate,
            CandidateType::server_reflexive);
}

TEST(IceSelection, SymmetricNatsOnBothSidesNeedARelay) {
  const IceDecision decision =
      decide_ice_path(NetworkType::symmetric_nat, NetworkType::symmetric_nat, false);
  EXPECT_EQ(decision.candidate, CandidateType::relay);
  EXPECT_TRUE(contains(decision.reason, "symmetric NAT on both sides")) << decision.reason;
}

TEST(IceSelection, ARestrictiveFirewallOnEitherSideNeedsARelay) {
  for (const NetworkType other : all_types) {
    for (const bool same_site : {false, true}) {
      const IceDecision ab = decide_ice_path(NetworkType::restrictive_firewall, other, same_site);
      const IceDecision ba = decide_ice_path(other, NetworkType::restrictive_firewall, same_site);
      EXPECT_EQ(ab.candidate, CandidateType::relay) << ab.reason;
      EXPECT_EQ(ba.candidate, CandidateType::relay) << ba.reason;
      EXPECT_TRUE(contains(ab.reason, "firewall")) << ab.reason;
    }
  }
}

TEST(IceSelection, TheDecisionIsSymmetricInTheTwoSides) {
  for (const NetworkType a : all_types) {
    for (const NetworkType b : all_types) {
      for (const bool same_site : {false, true}) {
        EXPECT_EQ(decide_ice_path(a, b, same_site).candidate,
                  decide_ice_path(b, a, same_site).candidate);
      }
    }
  }
}

TEST(IceSelection, ExpectedRelayShareIsTheClosedForm) {
  EXPECT_DOUBLE_EQ(expected_relay_share({1.0, 0.0, 0.0, 0.0}), 0.0);
  EXPECT_DOUBLE_EQ(expected_relay_share({0.0, 1.0, 0.0, 0.0}), 0.0);
  EXPECT_DOUBLE_EQ(expected_relay_share({0.0, 0.0, 1.0, 0.0}), 1.0);
  EXPECT_DOUBLE_EQ(expected_relay_share({0.0, 0.0, 0.0, 1.0}), 1.0);
  // 2 x 0.1 - 0.01 + 0.2^2 = 0.23 (DOMAIN.md section 5: callstats.io ~22 % need TURN).
  EXPECT_NEAR(expected_relay_share({0.2, 0.5, 0.2, 0.1}), 0.23, 1e-12);
  // Half symmetric, half open: only symmetric-symmetric pairs relay.
  EXPECT_NEAR(expected_relay_share({0.0, 0.5, 0.5, 0.0}), 0.25, 1e-12);
}

// The closed form equals the decision rule summed over all 16 ordered type pairs, at either
// site setting (same_site only moves pairs between host and server-reflexive).
TEST(IceSelection, ExpectedRelayShareAgreesWithTheDecisionRule) {
  const NetworkMix mixes[] = {
      {0.2, 0.5, 0.2, 0.1}, {0.1, 0.3, 0.4, 0.2}, {0.4, 0.4, 0.15, 0.05}, {0.25, 0.25, 0.25, 0.25}};
  for (const NetworkMix& mix : mixes) {
    const std::array<double, 4> share{mix.same_lan, mix.open_nat, mix.symmetric_nat,
                                      mix.restrictive_firewall};
    for (const bool same_site : {false, true}) {
      double relay = 0.0;
      for (std::size_t i = 0; i < 4; ++i) {
        for (std::size_t j = 0; j < 4; ++j) {
          if (decide_ice_path(all_types[i], all_types[j], same_site).candidate ==
              CandidateType::relay) {
            relay += share[i] * share[j];
          }
        }
      }
      EXPECT_NEAR(expected_relay_share(mix), relay, 1e-12);
    }
  }
}

TEST(IceSelection, AMixIsValidated) {
  EXPECT_NO_THROW(validate(NetworkMix{0.2, 0.5, 0.2, 0.1}));
  EXPECT_NO_THROW(validate(NetworkMix{0.25, 0.25, 0.25, 0.25 + 1e-10}));
  EXPECT_THROW(validate(NetworkMix{0.2, 0.5, 0.2, 0.2}), std::invalid_argument);
  EXPECT_THROW(validate(NetworkMix{0.0, 0.0, 0.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(validate(NetworkMix{-0.1, 0.6, 0.4, 0.1}), std::invalid_argument);
  EXPECT_THROW(validate(NetworkMix{std::numeric_limits<double>::quiet_NaN(), 0.5, 0.25, 0.25}),
               std::invalid_argument);
  EXPECT_THROW((void)expected_relay_share({0.5, 0.5, 0.5, 0.0}), std::invalid_argument);
}

TEST(IceSelection, MeshStreamsAreNTimesNMinusOne) {
  EXPECT_EQ(mesh_streams(0), 0u);
  EXPECT_EQ(mesh_streams(1), 0u);
  EXPECT_EQ(mesh_streams(2), 2u);
  EXPECT_EQ(mesh_streams(4), 12u);
  EXPECT_EQ(mesh_streams(10), 90u);
  EXPECT_EQ(mesh_streams(100000), 9999900000u);  // no 32-bit overflow
}

TEST(IceSelection, NamesAreStable) {
  EXPECT_EQ(to_string(NetworkType::symmetric_nat), "symmetric_nat");
  EXPECT_EQ(to_string(NetworkType::restrictive_firewall), "restrictive_firewall");
  EXPECT_EQ(to_string(CandidateType::server_reflexive), "server_reflexive");
  EXPECT_EQ(to_string(CandidateType::relay), "relay");
  EXPECT_EQ(to_string(CandidateType::host), "host");
}

}  // namespace
}  // namespace b24::policy
