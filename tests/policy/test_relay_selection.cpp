// TURN relay choice: nearest healthy relay with room, or the tenant's own DC; the outcome tells
// "no capacity" apart from "no healthy relay".

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "policy/relay_selection.hpp"

namespace b24::policy {
namespace {

std::vector<RelayCandidate> three_relays() {
  return {{.id = 0, .healthy = true, .has_room = true, .client_rtt_ms = 30.0},
          {.id = 1, .healthy = true, .has_room = true, .client_rtt_ms = 5.0},
          {.id = 2, .healthy = true, .has_room = true, .client_rtt_ms = 12.0}};
}

TEST(RelaySelection, NearestHealthyPicksTheLowestRoundTrip) {
  const std::vector<RelayCandidate> relays = three_relays();
  const RelayDecision d =
      decide_relay(RelayPolicy::nearest_healthy, {.tenant_dc = 0, .relays = relays});
  ASSERT_EQ(d.outcome, RelayOutcome::chosen);
  EXPECT_EQ(d.relay, 1u);
  EXPECT_NE(d.reason.find("nearest_healthy"), std::string::npos) << d.reason;
}

TEST(RelaySelection, NearestHealthySkipsDownAndFullRelays) {
  std::vector<RelayCandidate> relays = three_relays();
  relays[1].healthy = false;
  relays[2].has_room = false;
  const RelayDecision d =
      decide_relay(RelayPolicy::nearest_healthy, {.tenant_dc = 1, .relays = relays});
  ASSERT_EQ(d.outcome, RelayOutcome::chosen);
  EXPECT_EQ(d.relay, 0u);
}

TEST(RelaySelection, NearestHealthyBreaksTiesByLowerId) {
  std::vector<RelayCandidate> relays = three_relays();
  relays[0].client_rtt_ms = 5.0;
  const RelayDecision d =
      decide_relay(RelayPolicy::nearest_healthy, {.tenant_dc = 2, .relays = relays});
  EXPECT_EQ(d.relay, 0u);
}

TEST(RelaySelection, NoRoomAnywhereIsNoCapacityNotNoRelay) {
  std::vector<RelayCandidate> relays = three_relays();
  for (RelayCandidate& r : relays) r.has_room = false;
  relays[0].healthy = false;
  const RelayDecision d =
      decide_relay(RelayPolicy::nearest_healthy, {.tenant_dc = 0, .relays = relays});
  EXPECT_EQ(d.outcome, RelayOutcome::no_capacity);
  EXPECT_FALSE(d.relay.has_value());
  for (RelayCandidate& r : relays) r.healthy = false;
  const RelayDecision none =
      decide_relay(RelayPolicy::nearest_healthy, {.tenant_dc = 0, .relays = relays});
  EXPECT_EQ(none.outcome, RelayOutcome::no_healthy_relay);
  EXPECT_FALSE(none.relay.has_value());
}

TEST(RelaySelection, TenantDcUsesOnlyTheTenantsRelay) {
  std::vector<RelayCandidate> relays = three_relays();
  const RelayDecision d = decide_relay(RelayPolicy::tenant_dc, {.tenant_dc = 2, .relays = relays});
  ASSERT_EQ(d.outcome, RelayOutcome::chosen);
  EXPECT_EQ(d.relay, 2u);  // not the nearer relay 1
  relays[2].has_room = false;
  EXPECT_EQ(decide_relay(RelayPolicy::tenant_dc, {.tenant_dc = 2, .relays = relays}).outcome,
            RelayOutcome::no_capacity);
  relays[2].healthy = false;
  const RelayDecision down =
      decide_relay(RelayPolicy::tenant_dc, {.tenant_dc = 2, .relays = relays});
  EXPECT_EQ(down.outcome, RelayOutcome::no_healthy_relay);
  EXPECT_FALSE(down.relay.has_value());
}

TEST(RelaySelection, EmptyRelayListChoosesNothing) {
  const std::vector<RelayCandidate> none;
  EXPECT_EQ(decide_relay(RelayPolicy::nearest_healthy, {.tenant_dc = 0, .relays = none}).outcome,
            RelayOutcome::no_healthy_relay);
  EXPECT_EQ(decide_relay(RelayPolicy::tenant_dc, {.tenant_dc = 0, .relays = none}).outcome,
            RelayOutcome::no_healthy_relay);
}

}  // namespace
}  // namespace b24::policy
