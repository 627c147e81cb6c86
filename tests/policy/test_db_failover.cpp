// Which server of a DC's master-master pair clients use: the active one while it is up (no
// failback), the other at once when the active is down, none when both are down.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "policy/db_failover.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using test::at;
using namespace std::chrono_literals;

DbServerState up(Timestamp since = at(0h)) {
  return DbServerState{true, since};
}
DbServerState down(Timestamp since = at(10h)) {
  return DbServerState{false, since};
}

DbFailoverDecision decide(DbServerState s0, DbServerState s1, int active, Timestamp now = at(12h)) {
  return decide_db_failover(DbFailoverObservation{now, "db/fra", {s0, s1}, active});
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DbFailover, ActiveUpIsKeptWhileTheOtherIsUpToo) {
  for (const int active : {0, 1}) {
    const DbFailoverDecision decision = decide(up(), up(), active);
    EXPECT_EQ(decision.action, DbFailoverAction::keep);
    EXPECT_EQ(decision.target, active);
    EXPECT_FALSE(decision.switched);
    EXPECT_TRUE(contains(decision.reason, "stay on server " + std::to_string(active)))
        << decision.reason;
  }
}

TEST(DbFailover, ActiveUpIsKeptWhenTheStandbyIsDown) {
  const DbFailoverDecision decision = decide(up(), down(), 0);
  EXPECT_EQ(decision.action, DbFailoverAction::keep);
  EXPECT_EQ(decision.target, 0);
  EXPECT_FALSE(decision.switched);
}

// Master-master: the server that recovered is not preferred, however long it has been up and
// even if it was the active one before the crash.
TEST(DbFailover, NoAutomaticFailbackToARecoveredServer) {
  // Server 0 was active, crashed at 10:00, clients moved to 1; server 0 is back since 11:00.
  const DbFailoverDecision decision = decide(up(at(11h)), up(at(0h)), 1);
  EXPECT_EQ(decision.action, DbFailoverAction::keep);
  EXPECT_EQ(decision.target, 1);
  EXPECT_FALSE(decision.switched);
  EXPECT_TRUE(contains(decision.reason, "no failback")) << decision.reason;
}

TEST(DbFailover, ActiveDownAndOtherUpSwitchesAtOnce) {
  // The crash happened this very instant: no grace period.
  const DbFailoverDecision decision = decide(down(at(12h)), up(), 0, at(12h));
  EXPECT_EQ(decision.action, DbFailoverAction::switch_over);
  EXPECT_EQ(decision.target, 1);
  EXPECT_TRUE(decision.switched);
  EXPECT_TRUE(contains(decision.reason, "switch over to server 1")) << decision.reason;
  EXPECT_TRUE(contains(decision.reason,
                       "db/fra: server 0 (active) down since "
                       "2024-01-15T12:00:00Z (for 0s)"))
      << decision.reason;
  EXPECT_TRUE(contains(decision.reason, "server 1 up since 2024-01-15T00:00:00Z (for 43200s)"))
      << decision.reason;

  const DbFailoverDecision back = decide(up(), down(at(12h)), 1, at(12h));
  EXPECT_EQ(back.action, DbFailoverAction::switch_over);
  EXPECT_EQ(back.target, 0);
  EXPECT_TRUE(back.switched);
}

TEST(DbFailover, BothDownMeansNoServerAndWritesFail) {
  for (const int active : {0, 1}) {
    const DbFailoverDecision decision = decide(down(), down(), active);
    EXPECT_EQ(decision.action, DbFailoverAction::none_available);
    EXPECT_FALSE(decision.target.has_value());
    EXPECT_FALSE(decision.switched);
    EXPECT_TRUE(contains(decision.reason, "writes fail")) << decision.reason;
  }
}

// After both were down, whichever comes back first serves: the last active by rule 1, the other
// by rule 2.
TEST(DbFailover, AfterBothDownTheFirstServerBackIsUsed) {
  const DbFailoverDecision last_active_back = decide(up(at(11h)), down(), 0);
  EXPECT_EQ(last_active_back.action, DbFailoverAction::keep);
  EXPECT_EQ(last_active_back.target, 0);

  const DbFailoverDecision other_back = decide(down(), up(at(11h)), 0);
  EXPECT_EQ(other_back.action, DbFailoverAction::switch_over);
  EXPECT_EQ(other_back.target, 1);
  EXPECT_TRUE(other_back.switched);
}

TEST(DbFailover, InconsistentObservationsThrow) {
  EXPECT_THROW((void)decide(up(), up(), 2), std::invalid_argument);
  EXPECT_THROW((void)decide(up(), up(), -1), std::invalid_argument);
  // A state change after `now`.
  EXPECT_THROW((void)decide(up(at(13h)), up(), 0, at(12h)), std::invalid_argument);
  EXPECT_THROW((void)decide(up(), down(at(13h)), 0, at(12h)), std::invalid_argument);
  EXPECT_NO_THROW((void)decide(up(at(12h)), down(at(12h)), 0, at(12h)));
}

TEST(DbFailover, ReasonWithoutPairNameStartsWithTheServers) {
  const DbFailoverDecision decision =
      decide_db_failover(DbFailoverObservation{at(12h), "", {up(), up()}, 0});
  EXPECT_EQ(decision.reason.rfind("server 0 (active) up since", 0), 0u) << decision.reason;
}

TEST(DbFailover, ActionNames) {
  EXPECT_EQ(to_string(DbFailoverAction::keep), "keep");
  EXPECT_EQ(to_string(DbFailoverAction::switch_over), "switch_over");
  EXPECT_EQ(to_string(DbFailoverAction::none_available), "none_available");
}

}  // namespace
}  // namespace b24::policy
