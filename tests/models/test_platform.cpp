// The platform assembled (models/platform.hpp) on a small world: four DCs, two jurisdictions,
// one cohort per DC. Checks what issue 4 asks of a DC failure: detection, lawful failover,
// failed requests counted, the receiving DC's load rising, failback after recovery.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "memory_recorder.hpp"
#include "models/platform.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;
using testing::MemoryRecorder;

DcSpec dc(std::string name, double lat, double lon, std::string jurisdiction) {
  return DcSpec{.name = std::move(name),
                .city = "city",
                .latitude_deg = lat,
                .longitude_deg = lon,
                .utc_offset = 0h,
                .jurisdiction = std::move(jurisdiction)};
}

// fra, par (EU), iad, pdx (US), fully linked; fra <-> par and iad <-> pdx replicate as pairs.
PlatformParams small_world() {
  PlatformParams p;
  p.topology.dcs = {dc("fra", 50.11, 8.68, "EU"), dc("par", 48.86, 2.35, "EU"),
                    dc("iad", 39.04, -77.49, "US"), dc("pdx", 45.52, -122.99, "US")};
  for (std::size_t a = 0; a < 4; ++a) {
    for (std::size_t b = a + 1; b < 4; ++b) {
      LinkSpec l;
      l.a = p.topology.dcs[a].name;
      l.b = p.topology.dcs[b].name;
      p.topology.links.push_back(l);
    }
  }
  for (const DcSpec& d : p.topology.dcs) {
    WebTierParams t;
    t.name = d.name;
    t.node.cores = 4;
    t.node.cpu_time_s = sim::Exponential(0.05);  // 50 ms: 40/s needs 2 of 8 cores
    t.auto_scaling.limits = {.min_size = 2, .max_size = 20};
    t.auto_scaling.initial_desired = 2;
    p.tiers.push_back(t);
  }
  for (const DcSpec& d : p.topology.dcs) {
    CohortParams c;
    c.name = "c-" + d.name;
    c.home = d.name;
    c.workload.peak_rate_per_s = 40.0;
    p.cohorts.push_back(c);
  }
  p.replication.edges = {{"fra", "par"}, {"par", "fra"}, {"iad", "pdx"}, {"pdx", "iad"}};
  p.sample_step = 60s;
  p.horizon = 6h;
  return p;
}

struct PlatformRun {
  sim::Simulator sim{7};
  MemoryRecorder recorder;
  Platform platform;
  explicit PlatformRun(const PlatformParams& p) : platform(sim, p, recorder) { platform.start(); }
};

TEST(Platform, WithoutFaultsEveryCohortStaysHomeAndRequestsAreConserved) {
  PlatformRun r(small_world());
  r.sim.run_until(sim::start_instant + 2h);
  const PlatformTotals t = r.platform.totals();
  EXPECT_EQ(t.cohort_moves, 0u);
  EXPECT_TRUE(t.failovers.empty());
  EXPECT_EQ(t.requests_arrived, t.requests_served + t.requests_failed + t.requests_in_flight);
  // 4 cohorts x 40/s x 7200 s = 1.152 M; Poisson sd ~ 0.1 %, so 1 % is a wide margin.
  EXPECT_NEAR(static_cast<double>(t.requests_arrived), 4 * 40.0 * 7200, 0.01 * 4 * 40.0 * 7200);
  EXPECT_GT(t.writes.committed, 0.0);
  EXPECT_EQ(t.residency_violations, 0u);
}

// Cost attribution (models/platform_cost.cpp): a second Frankfurt cohort at half the rate of
// the first; two cohorts count tenants, the others do not.
TEST(Platform, EachDcsCostIsSharedByTheCohortsLoadAndAddsUp) {
  PlatformParams p = small_world();
  p.cohorts[0].tenants = 100;  // c-fra, 40/s
  p.cohorts[0].plan = "free";
  p.cohorts[1].tenants = 50;  // c-par, 40/s, paid
  CohortParams half = p.cohorts[0];
  half.name = "c-fra-half";
  half.workload.peak_rate_per_s = 20.0;
  half.tenants = 0;  // counted in the plan's cost, not in its per-tenant figure
  p.cohorts.push_back(half);
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 2h);
  const PlatformTotals t = r.platform.totals();
  ASSERT_EQ(t.cohorts.size(), 5u);
  EXPECT_DOUBLE_EQ(t.simulated_s, 7200.0);

  // Every DC served a cohort: the cohorts' costs add up to the platform's.
  EXPECT_EQ(t.unattributed_cost_usd, 0.0);
  double sum = 0.0;
  for (const CohortCostTotals& c : t.cohorts) sum += c.cost_usd;
  EXPECT_NEAR(sum, t.cost_usd, 1e-9 * t.cost_usd);
  const CohortCostTotals& fra = t.cohorts[0];
  const CohortCostTotals& fra_half = t.cohorts[4];
  EXPECT_NEAR(fra.cost_usd + fra_half.cost_usd, t.dcs[0].web.cost_usd, 1e-9);
  EXPECT_DOUBLE_EQ(t.cohorts[1].cost_usd, t.dcs[1].web.cost_usd);  // par's only cohort

  // Twice the load in the same DC, twice the cost: 288,000 against 144,000 Poisson arrivals,
  // whose ratio has a standard deviation of 0.3 %.
  EXPECT_NEAR(static_cast<double>(fra.web_requests), 40.0 * 7200, 0.01 * 40.0 * 7200);
  EXPECT_NEAR(fra.cost_usd / fra_half.cost_usd, 2.0, 0.02);

  // Per tenant over 30 days: the 2 h cost x 360, over the tenants; none without tenants.
  ASSERT_TRUE(fra.cost_per_tenant_month_usd);
  EXPECT_DOUBLE_EQ(*fra.cost_per_tenant_month_usd, fra.cost_usd * 360.0 / 100.0);
  EXPECT_FALSE(fra_half.cost_per_tenant_month_usd);
  EXPECT_FALSE(t.cohorts[2].cost_per_tenant_month_usd);

  // Plans in order of their first cohort; the per-tenant figure from counted cohorts only.
  ASSERT_EQ(t.plans.size(), 2u);
  const PlanCostTotals& free = t.plans[0];
  EXPECT_EQ(free.plan, "free");
  EXPECT_EQ(free.cohorts, 2u);
  EXPECT_EQ(free.tenants, 100u);
  EXPECT_DOUBLE_EQ(free.cost_usd, fra.cost_usd + fra_half.cost_usd);
  ASSERT_TRUE(free.cost_per_tenant_month_usd);
  EXPECT_DOUBLE_EQ(*free.cost_per_tenant_month_usd, *fra.cost_per_tenant_month_usd);
  const PlanCostTotals& paid = t.plans[1];
  EXPECT_EQ(paid.plan, "paid");
  EXPECT_EQ(paid.cohorts, 3u);
  EXPECT_EQ(paid.tenants, 50u);
  ASSERT_TRUE(paid.cost_per_tenant_month_usd);
  EXPECT_DOUBLE_EQ(*paid.cost_per_tenant_month_usd, *t.cohorts[1].cost_per_tenant_month_usd);
}

// A DC that no cohort's request reached has nobody to charge: its cost stays unattributed.
TEST(Platform, CostOfADcNoCohortUsedIsUnattributed) {
  PlatformParams p = small_world();
  p.cohorts.pop_back();  // pdx keeps its floor of 2 nodes and gets no request
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 30min);
  const PlatformTotals t = r.platform.totals();
  ASSERT_GT(t.dcs[3].web.cost_usd, 0.0);
  EXPECT_DOUBLE_EQ(t.unattributed_cost_usd, t.dcs[3].web.cost_usd);
  double sum = 0.0;
  for (const CohortCostTotals& c : t.cohorts) sum += c.cost_usd;
  EXPECT_NEAR(sum + t.unattributed_cost_usd, t.cost_usd, 1e-9 * t.cost_usd);
  ASSERT_EQ(t.plans.size(), 1u);  // every cohort is paid by default, none counts tenants
  EXPECT_FALSE(t.plans[0].cost_per_tenant_month_usd);
}

TEST(Platform, DcFailureMovesCohortsLawfullyAndFailsBackAfterRecovery) {
  PlatformParams p = small_world();
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"fra"}, .at = 1h, .length = 1h});
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 1h + 5min);
  // The EU cohort of fra works with par now, the only lawful healthy DC.
  EXPECT_EQ(r.platform.cohort(0).assigned(), DcId{1});
  EXPECT_TRUE(r.platform.tier(DcId{0}).suspended());  // no scaling while fra is down
  // Back at 2 h, but its cohort is not (detection of the recovery, stability): still suspended,
  // so the idle minutes do not scale it in before the cohort returns.
  r.sim.run_until(sim::start_instant + 2h + 5min);
  EXPECT_TRUE(r.platform.tier(DcId{0}).suspended());
  EXPECT_EQ(r.platform.cohort(0).assigned(), DcId{1});
  r.sim.run_until(sim::start_instant + 6h);
  EXPECT_EQ(r.platform.cohort(0).assigned(), DcId{0});  // failed back
  EXPECT_FALSE(r.platform.tier(DcId{0}).suspended());   // and scaling resumed with it
  const PlatformTotals t = r.platform.totals();
  ASSERT_EQ(t.failovers.size(), 1u);
  const FailoverTotals& f = t.failovers.front();
  ASSERT_TRUE(f.detected_at && f.served_elsewhere_at && f.recovered_at && f.failed_back_at);
  // Detection: 3 failed probes 30 s apart; the first comes within one interval of the failure.
  const double detection_s = sim::to_seconds(*f.detected_at - f.failed_at);
  EXPECT_GE(detection_s, 60.0);
  EXPECT_LE(detection_s, 90.0);
  // Served elsewhere = detected (the move happens at once) + the 60 s reconnection window.
  EXPECT_DOUBLE_EQ(sim::to_seconds(*f.served_elsewhere_at - *f.detected_at), 60.0);
  // Failback waits for 3 successful probes and the 10 min stability period.
  EXPECT_GE(*f.failed_back_at - *f.recovered_at, 10min + 60s);
  EXPECT_EQ(f.cohorts_moved, 1u);
  EXPECT_GT(f.requests_failed, 0u);
  EXPECT_EQ(t.residency_violations, 0u);
  EXPECT_EQ(t.failbacks, 1u);
  // Requests failed while fra was down: the cohort's rate over detection plus on average half of
  // the reconnection window; Poisson noise and the 30 s probe phase make 25 % a fair margin.
  const double expected = 40.0 * (detection_s + 30.0);
  EXPECT_NEAR(static_cast<double>(f.requests_failed), expected, 0.25 * expected);
  EXPECT_FALSE(f.writes_lost);
}

TEST(Platform, NoLawfulDcMeansTheCohortStaysAndItsRequestsFail) {
  PlatformParams p = small_world();
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"fra"}, .at = 1h, .length = 0s});
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"par"}, .at = 1h, .length = 0s});
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 3h);
  // Detection is staggered: fra may be declared failed while par still looks healthy, so fra's
  // cohort may have moved to par first; either way it never leaves the EU.
  for (std::size_t c = 0; c < 2; ++c) {
    EXPECT_EQ(r.platform.topology().dc(r.platform.cohort(c).assigned()).jurisdiction, "EU");
  }
  const PlatformTotals t = r.platform.totals();
  EXPECT_EQ(t.residency_violations, 0u);
  for (const FailoverTotals& f : t.failovers) EXPECT_TRUE(f.writes_lost);
  // Both EU cohorts fail for the 2 h the DCs are down: 2 x 40/s x 7200 s.
  EXPECT_NEAR(static_cast<double>(t.dcs[0].failed_unreachable + t.dcs[1].failed_unreachable),
              2 * 40.0 * 7200, 0.01 * 2 * 40.0 * 7200);
}

TEST(Platform, AllowedViolationIsCountedWhenNoLawfulDcIsLeft) {
  PlatformParams p = small_world();
  p.placement.allow_residency_violations = true;
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"fra"}, .at = 1h, .length = 0s});
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"par"}, .at = 1h, .length = 0s});
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 2h);
  const PlatformTotals t = r.platform.totals();
  EXPECT_EQ(t.residency_violations, 2u);  // both EU cohorts went to the US
}

// A partition that cuts fra off from every other DC: the orchestrator, in the majority, declares
// fra failed although it still runs, and moves its cohort to par. Clients whose DNS answer has
// not expired keep writing on fra, which cannot replicate to par: split brain.
TEST(Platform, IsolatedDcGivesSplitBrainWritesDuringTheReconnection) {
  PlatformParams p = small_world();
  p.faults.push_back({.kind = FaultKind::partition,
                      .targets = {"fra-par", "fra-iad", "fra-pdx"},
                      .at = 1h,
                      .length = 1h});
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 1h + 10min);
  EXPECT_EQ(r.platform.cohort(0).assigned(), DcId{1});
  EXPECT_TRUE(r.platform.topology().dc_up(DcId{0}));
  EXPECT_FALSE(r.platform.health().healthy(DcId{0}));
  r.sim.run_until(sim::start_instant + 4h);
  const PlatformTotals t = r.platform.totals();
  // No DC failed: the record is an isolation, opened on detection, closed when fra was declared
  // healthy again, with the cohort back home after that.
  ASSERT_EQ(t.failovers.size(), 1u);
  const FailoverTotals& f = t.failovers.front();
  EXPECT_EQ(f.cause, "isolated");
  EXPECT_EQ(f.dc, "fra");
  EXPECT_EQ(f.cohorts_moved, 1u);
  ASSERT_TRUE(f.recovered_at && f.failed_back_at);
  EXPECT_GT(*f.recovered_at, sim::start_instant + 2h);
  EXPECT_GT(*f.failed_back_at, *f.recovered_at);
  EXPECT_EQ(f.requests_failed, 0u);  // fra kept serving whoever still reached it
  // Requests still reaching fra during the 60 s window: on average half of them, 40/s x 30 s =
  // 1,200, each writing with probability 0.1 (the expected value is counted): 120 writes, with a
  // Poisson spread of about 3 %; 15 % allows for the window starting between arrivals.
  EXPECT_NEAR(t.writes.conflicting, 0.1 * 40.0 * 30.0, 0.15 * 120.0);
  EXPECT_EQ(r.platform.cohort(0).assigned(), DcId{0});  // failed back after the heal
}

// Two DCs: when one fails, the other is the orchestrator's side on its own (a quorum of the DCs
// that are up), stays healthy and takes the failed DC's cohort; its own cohort stays home.
TEST(Platform, WithTwoDcsTheSurvivorStaysHealthy) {
  PlatformParams p = small_world();
  p.topology.dcs.resize(2);
  p.topology.links.resize(1);  // fra-par
  p.tiers.resize(2);
  p.cohorts.resize(2);
  p.replication.edges = {{"fra", "par"}, {"par", "fra"}};
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"fra"}, .at = 1h, .length = 1h});
  PlatformRun r(p);
  r.sim.run_until(sim::start_instant + 1h + 10min);
  EXPECT_TRUE(r.platform.health().healthy(DcId{1}));
  EXPECT_FALSE(r.platform.health().healthy(DcId{0}));
  EXPECT_EQ(r.platform.cohort(0).assigned(), DcId{1});
  EXPECT_EQ(r.platform.cohort(1).assigned(), DcId{1});
  r.sim.run_until(sim::start_instant + 4h);
  const PlatformTotals t = r.platform.totals();
  EXPECT_EQ(t.cohort_moves, 2u);  // fra's cohort out and back; par's never moved
  EXPECT_EQ(t.writes.conflicting, 0.0);
}

TEST(Platform, RandomDcFailuresAreDrawnFromTheSeedAndReplayed) {
  PlatformParams p = small_world();
  p.random_faults.push_back({.kind = FaultKind::dc_failure,
                             .targets = {"iad"},
                             .mean_time_between = 2h,
                             .mean_length = 20min});
  PlatformRun r(p);
  std::size_t drawn = 0;
  for (const FaultSpec& f : r.platform.faults()) {
    if (f.kind == FaultKind::dc_failure) ++drawn;
  }
  ASSERT_GT(drawn, 0u);  // a mean of 2 h over 6 h: this seed draws some (else the test is empty)
  r.sim.run_until(sim::start_instant + p.horizon);
  const PlatformTotals t = r.platform.totals();
  EXPECT_EQ(t.failovers.size(), drawn);
  for (const FailoverTotals& f : t.failovers) EXPECT_EQ(f.dc, "iad");
  // The same seed draws the same plan.
  PlatformRun again(p);
  ASSERT_EQ(again.platform.faults().size(), r.platform.faults().size());
  for (std::size_t i = 0; i < r.platform.faults().size(); ++i) {
    EXPECT_EQ(again.platform.faults()[i].at, r.platform.faults()[i].at);
  }
}

}  // namespace
}  // namespace b24::models
