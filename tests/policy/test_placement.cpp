// Tenant placement and failover, read against issue 4's rules: home while healthy; otherwise the
// best allowed DC (same jurisdiction, then explicit cross-border permissions, then the freshest
// replica); failback hysteresis; residency violations impossible unless allowed, flagged if so.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "policy/placement.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using test::at;
using test::day_start;
using namespace std::chrono_literals;

// Healthy since the start of the day, holding a replica `lag` behind (none: no replica).
DataCenterState up(DataCenterId id, std::string name, std::string jurisdiction,
                   std::optional<Duration> lag = Duration::zero()) {
  return DataCenterState{id, std::move(name), std::move(jurisdiction), true, day_start(), lag};
}

DataCenterState down(DataCenterId id, std::string name, std::string jurisdiction) {
  return DataCenterState{id, std::move(name), std::move(jurisdiction), false, {}, std::nullopt};
}

CohortState cohort(std::string jurisdiction, DataCenterId home, DataCenterId current,
                   Timestamp since = at(0h)) {
  return CohortState{7, std::move(jurisdiction), home, current, since};
}

PlacementDecision decide(const PlacementPolicy& policy, const CohortState& state,
                         const std::vector<DataCenterState>& dcs, Timestamp now = at(12h)) {
  return decide_placement(policy, PlacementObservation{now, state, dcs});
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

PlacementPolicy kz_may_use_ru() {
  PlacementPolicy policy;
  policy.cross_border_permissions = {{"KZ", "RU"}};
  return policy;
}

TEST(Placement, HomeHealthyStaysHome) {
  const std::vector<DataCenterState> dcs{up(0, "fra", "EU", 5s), up(1, "ams", "EU", 0s)};
  const PlacementDecision decision = decide({}, cohort("EU", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::home);
  EXPECT_EQ(decision.target, DataCenterId{0});
  EXPECT_FALSE(decision.move);
  EXPECT_FALSE(decision.failback);
  EXPECT_FALSE(decision.residency_violation);
  EXPECT_TRUE(contains(decision.reason, "stays home")) << decision.reason;
}

TEST(Placement, HomeDownFailsOverToTheSameJurisdictionDcWithTheFreshestReplica) {
  const std::vector<DataCenterState> dcs{down(0, "fra", "EU"), up(1, "ams", "EU", 5s),
                                         up(2, "par", "EU", 1s), up(3, "lon", "EU", std::nullopt),
                                         up(4, "nyc", "US", 0s)};
  const PlacementDecision decision = decide({}, cohort("EU", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::fail_over);
  EXPECT_EQ(decision.target, DataCenterId{2});
  EXPECT_TRUE(decision.move);
  EXPECT_FALSE(decision.failback);
  EXPECT_FALSE(decision.residency_violation);
  EXPECT_TRUE(contains(decision.reason, "fails over to par")) << decision.reason;
  // The candidates considered, best first; the US DC is not allowed, fra is down.
  EXPECT_TRUE(contains(decision.reason,
                       "candidates, best first: par (EU, same jurisdiction, lag 1s); "
                       "ams (EU, same jurisdiction, lag 5s); lon (EU, same jurisdiction, no "
                       "replica); fra (EU, same jurisdiction, down); nyc (US, not permitted, "
                       "lag 0s)"))
      << decision.reason;
}

TEST(Placement, NoReplicaRanksBelowAnyLag) {
  const std::vector<DataCenterState> dcs{down(0, "fra", "EU"), up(1, "ams", "EU", std::nullopt),
                                         up(9, "par", "EU", 1h)};
  EXPECT_EQ(decide({}, cohort("EU", 0, 0), dcs).target, DataCenterId{9});
}

TEST(Placement, NoSameJurisdictionDcUsesAnExplicitlyPermittedForeignOne) {
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "fra", "EU", 0s),
                                         up(2, "mow", "RU", 30s)};
  const PlacementDecision decision = decide(kz_may_use_ru(), cohort("KZ", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::fail_over);
  EXPECT_EQ(decision.target, DataCenterId{2});
  EXPECT_FALSE(decision.residency_violation);
  EXPECT_TRUE(contains(decision.reason, "mow (RU, permitted, lag 30s)")) << decision.reason;
}

TEST(Placement, PermissionsAreOneWay) {
  // KZ may use RU; that does not let RU cohorts use KZ.
  const std::vector<DataCenterState> dcs{down(0, "mow", "RU"), up(1, "ala", "KZ", 0s)};
  const PlacementDecision decision = decide(kz_may_use_ru(), cohort("RU", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::no_allowed_dc);
  EXPECT_EQ(decision.target, std::nullopt);
}

TEST(Placement, NothingPermittedStaysPutWithNoAllowedDc) {
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "fra", "EU", 0s)};
  const PlacementDecision decision = decide({}, cohort("KZ", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::no_allowed_dc);
  EXPECT_EQ(decision.target, std::nullopt);
  EXPECT_FALSE(decision.move);
  EXPECT_FALSE(decision.residency_violation);
  EXPECT_TRUE(contains(decision.reason, "no allowed DC is healthy")) << decision.reason;
  EXPECT_TRUE(contains(decision.reason, "stays on ala, its requests fail")) << decision.reason;
  EXPECT_TRUE(contains(decision.reason, "not allowed by the scenario")) << decision.reason;
}

TEST(Placement, AnAllowedViolationIsFlagged) {
  PlacementPolicy policy;
  policy.allow_residency_violations = true;
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "fra", "EU", 0s)};
  const PlacementDecision decision = decide(policy, cohort("KZ", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::fail_over);
  EXPECT_EQ(decision.target, DataCenterId{1});
  EXPECT_TRUE(decision.move);
  EXPECT_TRUE(decision.residency_violation);
  EXPECT_TRUE(contains(decision.reason, "RESIDENCY VIOLATION")) << decision.reason;
}

TEST(Placement, APermittedDcBeatsAFresherViolatingOne) {
  PlacementPolicy policy = kz_may_use_ru();
  policy.allow_residency_violations = true;
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "fra", "EU", 0s),
                                         up(2, "mow", "RU", std::nullopt)};
  const PlacementDecision decision = decide(policy, cohort("KZ", 0, 0), dcs);
  EXPECT_EQ(decision.target, DataCenterId{2});
  EXPECT_FALSE(decision.residency_violation);
}

TEST(Placement, NoHealthyDcAtAllFailsEvenWhenViolationsAreAllowed) {
  PlacementPolicy policy;
  policy.allow_residency_violations = true;
  const std::vector<DataCenterState> dcs{down(0, "fra", "EU"), down(1, "nyc", "US")};
  const PlacementDecision decision = decide(policy, cohort("EU", 0, 0), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::no_allowed_dc);
  EXPECT_EQ(decision.target, std::nullopt);
  EXPECT_FALSE(decision.residency_violation);
}

TEST(Placement, FailbackWaitsForStabilityThenReturnsHome) {
  // The cohort failed over to ams at 10:00; fra was declared healthy again at 11:00.
  std::vector<DataCenterState> dcs{up(0, "fra", "EU", 2s), up(1, "ams", "EU", 0s)};
  dcs[0].healthy_since = at(11h);
  const CohortState state = cohort("EU", 0, 1, at(10h));

  const PlacementDecision waiting = decide({}, state, dcs, at(11h, 9min, 59s));
  EXPECT_EQ(waiting.rule, PlacementRule::keep_current);
  EXPECT_EQ(waiting.target, DataCenterId{1});
  EXPECT_FALSE(waiting.move);
  EXPECT_FALSE(waiting.failback);
  EXPECT_TRUE(contains(waiting.reason, "failback waits until 2024-01-15T11:10:00Z"))
      << waiting.reason;

  const PlacementDecision back = decide({}, state, dcs, at(11h, 10min));
  EXPECT_EQ(back.rule, PlacementRule::failback);
  EXPECT_EQ(back.target, DataCenterId{0});
  EXPECT_TRUE(back.move);
  EXPECT_TRUE(back.failback);
  EXPECT_TRUE(contains(back.reason, "fails back home (home replica lag 2s)")) << back.reason;
}

TEST(Placement, FailbackWaitsForHomesReplicaToCatchUp) {
  // fra is stable again, but its copy of the cohort's data is 10 min behind ams's.
  std::vector<DataCenterState> dcs{up(0, "fra", "EU", 600s), up(1, "ams", "EU", 0s)};
  dcs[0].healthy_since = at(11h);
  const CohortState state = cohort("EU", 0, 1, at(10h));
  const PlacementDecision waiting = decide({}, state, dcs, at(11h, 20min));
  EXPECT_EQ(waiting.rule, PlacementRule::keep_current);
  EXPECT_TRUE(contains(waiting.reason, "and for home's replica to catch up (lag 600s > 30s)"))
      << waiting.reason;
  dcs[0].replication_lag = std::chrono::seconds{30};  // exactly the bound is enough
  EXPECT_EQ(decide({}, state, dcs, at(11h, 20min)).rule, PlacementRule::failback);
  // A current DC that went down does not wait for the replica.
  dcs[0].replication_lag = std::chrono::seconds{600};
  dcs[1].healthy = false;
  EXPECT_EQ(decide({}, state, dcs, at(11h, 20min)).rule, PlacementRule::failback);
  // Nor does a home that holds no replica: nothing would ever catch up.
  dcs[1].healthy = true;
  dcs[0].replication_lag.reset();
  EXPECT_EQ(decide({}, state, dcs, at(11h, 20min)).rule, PlacementRule::failback);
}

TEST(Placement, FailbackStabilityIsAParameter) {
  PlacementPolicy policy;
  policy.failback_stability = std::chrono::seconds{60};
  std::vector<DataCenterState> dcs{up(0, "fra", "EU"), up(1, "ams", "EU")};
  dcs[0].healthy_since = at(11h);
  EXPECT_EQ(decide(policy, cohort("EU", 0, 1), dcs, at(11h, 0min, 59s)).rule,
            PlacementRule::keep_current);
  EXPECT_EQ(decide(policy, cohort("EU", 0, 1), dcs, at(11h, 1min)).rule, PlacementRule::failback);
}

TEST(Placement, AHealthyCurrentDcIsKeptWhileHomeIsDownEvenIfAnotherIsFresher) {
  const std::vector<DataCenterState> dcs{down(0, "fra", "EU"), up(1, "ams", "EU", 30s),
                                         up(2, "par", "EU", 0s)};
  const PlacementDecision decision = decide({}, cohort("EU", 0, 1, at(10h)), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::keep_current);
  EXPECT_EQ(decision.target, DataCenterId{1});
  EXPECT_FALSE(decision.move);
  EXPECT_TRUE(contains(decision.reason, "home fra is down; keeps current ams")) << decision.reason;
}

TEST(Placement, ACohortOnAPermittedForeignDcWaitsForHomeRatherThanHopping) {
  // ala (home) is down; the cohort is on mow (permitted); ast (KZ) has recovered.
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "mow", "RU", 0s),
                                         up(2, "ast", "KZ", 0s)};
  const PlacementDecision decision = decide(kz_may_use_ru(), cohort("KZ", 0, 1), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::keep_current);
  EXPECT_EQ(decision.target, DataCenterId{1});
}

TEST(Placement, ACohortOnAViolatingDcMovesToALawfulOneAsSoonAsOneIsHealthy) {
  PlacementPolicy policy;
  policy.allow_residency_violations = true;
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "fra", "EU", 0s),
                                         up(2, "ast", "KZ", 10s)};
  const PlacementDecision decision = decide(policy, cohort("KZ", 0, 1), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::fail_over);
  EXPECT_EQ(decision.target, DataCenterId{2});
  EXPECT_TRUE(decision.move);
  EXPECT_FALSE(decision.residency_violation);
}

TEST(Placement, ACohortOnAViolatingDcDoesNotHopToAFresherViolatingDc) {
  PlacementPolicy policy;
  policy.allow_residency_violations = true;
  const std::vector<DataCenterState> dcs{down(0, "ala", "KZ"), up(1, "fra", "EU", 9s),
                                         up(2, "nyc", "US", 0s)};
  const PlacementDecision decision = decide(policy, cohort("KZ", 0, 1), dcs);
  EXPECT_EQ(decision.rule, PlacementRule::fail_over);
  EXPECT_EQ(decision.target, DataCenterId{1});
  EXPECT_FALSE(decision.move);
  EXPECT_TRUE(decision.residency_violation);
}

TEST(Placement, AnUnstableHomeCompetesAsAnOrdinaryCandidateWhenTheCurrentDcFails) {
  // fra came back 1 min ago; the cohort's current DC ams has just failed.
  std::vector<DataCenterState> dcs{up(0, "fra", "EU", 40s), down(1, "ams", "EU"),
                                   up(2, "par", "EU", 3s)};
  dcs[0].healthy_since = at(11h, 59min);
  const PlacementDecision to_par = decide({}, cohort("EU", 0, 1), dcs);
  EXPECT_EQ(to_par.target, DataCenterId{2});
  EXPECT_FALSE(to_par.failback);

  dcs[0].replication_lag = 1s;  // home is now the freshest copy
  const PlacementDecision home = decide({}, cohort("EU", 0, 1), dcs);
  EXPECT_EQ(home.rule, PlacementRule::fail_over);
  EXPECT_EQ(home.target, DataCenterId{0});
  EXPECT_TRUE(home.move);
  EXPECT_TRUE(home.failback);
}

TEST(Placement, EqualCandidatesGoToTheLowestDcIdWhateverTheInputOrder) {
  std::vector<DataCenterState> dcs{down(0, "fra", "EU"), up(5, "par", "EU", 2s),
                                   up(3, "ams", "EU", 2s), up(4, "lon", "EU", 2s)};
  EXPECT_EQ(decide({}, cohort("EU", 0, 0), dcs).target, DataCenterId{3});
  std::reverse(dcs.begin(), dcs.end());
  EXPECT_EQ(decide({}, cohort("EU", 0, 0), dcs).target, DataCenterId{3});
  for (DataCenterState& dc : dcs) dc.replication_lag = std::nullopt;  // equal: no replica
  EXPECT_EQ(decide({}, cohort("EU", 0, 0), dcs).target, DataCenterId{3});
}

TEST(Placement, InvalidInputThrows) {
  const std::vector<DataCenterState> dcs{up(0, "fra", "EU"), up(1, "ams", "EU")};
  EXPECT_NO_THROW((void)decide({}, cohort("EU", 0, 1), dcs));
  EXPECT_THROW((void)decide({}, cohort("EU", 0, 2), dcs), std::invalid_argument);  // unknown
  EXPECT_THROW((void)decide({}, cohort("EU", 9, 1), dcs), std::invalid_argument);  // home missing
  const std::vector<DataCenterState> duplicate{up(0, "fra", "EU"), up(0, "ams", "EU")};
  EXPECT_THROW((void)decide({}, cohort("EU", 0, 0), duplicate), std::invalid_argument);
  EXPECT_THROW((void)decide({}, cohort("US", 0, 0), dcs), std::invalid_argument);  // unlawful home
  std::vector<DataCenterState> bad = dcs;
  bad[1].replication_lag = -1s;
  EXPECT_THROW((void)decide({}, cohort("EU", 0, 0), bad), std::invalid_argument);
  bad = dcs;
  bad[1].healthy_since = at(13h);  // after now (12:00)
  EXPECT_THROW((void)decide({}, cohort("EU", 0, 0), bad), std::invalid_argument);
  EXPECT_THROW((void)decide({}, cohort("EU", 0, 0, at(13h)), dcs), std::invalid_argument);
  PlacementPolicy negative;
  negative.failback_stability = std::chrono::seconds{-1};
  PlacementPolicy negative_lag;
  negative_lag.failback_max_lag = std::chrono::seconds{-1};
  EXPECT_THROW((void)decide(negative, cohort("EU", 0, 0), dcs), std::invalid_argument);
  EXPECT_THROW((void)decide(negative_lag, cohort("EU", 0, 0), dcs), std::invalid_argument);
}

TEST(Placement, PreconditionMessageNamesTheRule) {
  const std::vector<DataCenterState> duplicate{up(0, "fra", "EU"), up(0, "ams", "EU")};
  try {
    (void)decide({}, cohort("EU", 0, 0), duplicate);
    FAIL() << "duplicate DC ids accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_TRUE(contains(error.what(), "DC ids are unique")) << error.what();
  }
}

}  // namespace
}  // namespace b24::policy
