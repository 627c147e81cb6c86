// Rolling deploys (an EC2 Auto Scaling instance refresh) of one web tier under constant load:
// with a minimum healthy percentage that leaves enough capacity no request fails; with 0 % every
// node goes at once and the requests arriving before the new nodes are InService fail (503:
// no registered target), and the deploy totals count them.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "memory_recorder.hpp"
#include "models/platform.hpp"
#include "models/web_tier.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

constexpr double rate_per_s = 160.0;
constexpr double launch_s = 150.0;
constexpr auto warmup = 60s;
constexpr auto deploy_at = 2h;

// 10 nodes of 2 cores at 0.05 s a request (40 requests/s each): 160 requests/s is 40 % of the
// tier, 44 % with one node out, 80 % with half of them out. No scaling policy and min = max =
// 10, so only the deploy changes the fleet; a constant launch delay makes durations exact.
WebTierParams constant_load(int min_healthy_percentage) {
  WebTierParams p;
  p.name = "fra";
  p.workload.peak_rate_per_s = rate_per_s;
  p.node = {.cores = 2, .queue_limit = 64, .cpu_time_s = sim::Exponential(0.05)};
  p.auto_scaling.limits = {.min_size = 10, .max_size = 10};
  p.auto_scaling.initial_desired = 10;
  p.auto_scaling.target_tracking.reset();
  p.auto_scaling.launch_delay_s = sim::Constant(launch_s);
  p.deploy = DeployParams{
      .at = deploy_at,
      .refresh = {.min_healthy_percentage = min_healthy_percentage, .instance_warmup = warmup}};
  return p;
}

struct DeployRun {
  testing::MemoryRecorder recorder;
  sim::Simulator sim{11};
  WebTier tier;
  explicit DeployRun(const WebTierParams& p) : tier(sim, p, SloParams{}, recorder) {
    tier.start();
    sim.run_until(testing::at(6h));
  }
  [[nodiscard]] DeployTotals only_deploy() const {
    const std::vector<DeployTotals> all = tier.deploy().totals();
    EXPECT_EQ(all.size(), 1U);
    return all.empty() ? DeployTotals{} : all.front();
  }
};

TEST(RollingDeploy, NinetyPercentHealthyReplacesOneAtATimeWithoutAFailedRequest) {
  const DeployRun run(constant_load(90));
  const DeployTotals d = run.only_deploy();
  ASSERT_TRUE(d.finished_at.has_value());
  EXPECT_EQ(d.started_at, testing::at(deploy_at));
  EXPECT_EQ(d.nodes_replaced, 10);
  EXPECT_EQ(d.batches, 10);  // 90 % of 10 = 9 must stay: batches of 1
  EXPECT_EQ(d.requests_failed, 0U);
  EXPECT_EQ(run.tier.totals().requests.failed(), 0U);
  // Two hours at 160/s: the deploy window saw a Poisson count; 5 standard deviations.
  const double expected = rate_per_s * sim::to_seconds(*d.finished_at - d.started_at);
  EXPECT_NEAR(static_cast<double>(d.requests_arrived), expected, 5.0 * std::sqrt(expected));
  // Each batch: drain (>= 0), launch (150 s), then warm-up (60 s) before the next one.
  const double batch_floor_s = launch_s + sim::to_seconds(warmup);
  const double duration_s = sim::to_seconds(*d.finished_at - d.started_at);
  EXPECT_GE(duration_s, d.batches * batch_floor_s);
  // ... and at most two check intervals (5 s) and one health-check interval (30 s) more.
  EXPECT_LE(duration_s, d.batches * (batch_floor_s + 40.0));
  const auto v = run.tier.group().in_service_by_version(d.target_version);
  EXPECT_EQ(v.old_version, 0);
  EXPECT_EQ(v.new_version, 10);
  // The latency of the hour before was measured (160/s for an hour).
  EXPECT_GT(d.served_hour_before, 500'000U);
  EXPECT_GT(d.p99_hour_before_us, 0);
  EXPECT_GT(d.p99_us, 0);
}

TEST(RollingDeploy, ZeroPercentHealthyTakesEveryNodeAtOnceAndRequestsFail) {
  const DeployRun run(constant_load(0));
  const DeployTotals d = run.only_deploy();
  ASSERT_TRUE(d.finished_at.has_value());
  EXPECT_EQ(d.batches, 1);
  EXPECT_EQ(d.nodes_replaced, 10);
  // No registered target from the moment the drains end until the new nodes are InService
  // (>= 150 s minus at most one 5 s check interval of draining): every arrival then fails.
  // Poisson count over 145 s at 160/s is 23,200 +- 152; the 5 % margin is > 7 sd.
  EXPECT_GE(static_cast<double>(d.requests_failed), 0.95 * rate_per_s * (launch_s - 5.0));
  // The tier failed nothing else all day: the deploy totals hold every failure.
  EXPECT_EQ(d.requests_failed, run.tier.totals().requests.failed());
  EXPECT_GE(sim::to_seconds(*d.finished_at - d.started_at), launch_s + sim::to_seconds(warmup));
  const auto v = run.tier.group().in_service_by_version(d.target_version);
  EXPECT_EQ(v.old_version, 0);
  EXPECT_EQ(v.new_version, 10);
}

TEST(RollingDeploy, RecordsItsBatchesWithReasonsAndTheNodesByVersion) {
  const DeployRun run(constant_load(50));
  const DeployTotals d = run.only_deploy();
  EXPECT_EQ(d.batches, 2);  // 50 % of 10: two batches of 5
  const auto count = [&](std::string_view kind) {
    return std::count_if(run.recorder.events.begin(), run.recorder.events.end(),
                         [&](const auto& e) { return e.kind == kind; });
  };
  EXPECT_EQ(count("deploy_start"), 1);
  EXPECT_EQ(count("deploy_batch"), 2);
  EXPECT_EQ(count("deploy_done"), 1);
  EXPECT_EQ(count("refresh_drain"), 10);
  for (const auto& e : run.recorder.events) {
    if (e.kind == "deploy_batch") {
      EXPECT_NE(e.reason.find("min healthy 50% of desired 10 = 5"), std::string::npos) << e.reason;
    }
  }
  // The version series goes from 10 old to 10 new, never with more than 5 nodes out.
  double first_old = -1, last_new = -1, min_total = 1e9;
  double old_now = 0;
  for (const auto& s : run.recorder.samples) {
    if (s.entity != "dc/fra/deploy") continue;
    if (s.metric == "nodes_old_version") {
      if (first_old < 0) first_old = s.value;
      old_now = s.value;
    } else if (s.metric == "nodes_new_version") {
      last_new = s.value;
      min_total = std::min(min_total, old_now + s.value);
    }
  }
  EXPECT_EQ(first_old, 10);
  EXPECT_EQ(last_new, 10);
  EXPECT_GE(min_total, 5);
}

// A node crashes mid-deploy: the group replaces it (a launch during the deploy runs the new
// version), the refresh's own launches are not doubled, and the deploy still ends with the
// desired 10 nodes, all new.
TEST(RollingDeploy, ACrashMidDeployIsReplacedWithTheNewVersion) {
  WebTierParams p = constant_load(90);
  p.crashes = {{.at = deploy_at + 5min, .nodes = 1}};
  const DeployRun run(p);
  const DeployTotals d = run.only_deploy();
  ASSERT_TRUE(d.finished_at.has_value());
  EXPECT_EQ(run.tier.group().launch_version(), 2);
  const auto v = run.tier.group().in_service_by_version(2);
  EXPECT_EQ(v.old_version, 0);
  EXPECT_EQ(v.new_version, 10);
  const NodeCounts n = run.tier.group().counts();
  EXPECT_EQ(n.pending + n.draining + n.unhealthy, 0);
  // The crashed node is replaced by the group or by the refresh, never both.
  EXPECT_LE(d.nodes_replaced, 10);
}

// Same seed, same deploy: the same trajectory (trace hash) and figures.
TEST(RollingDeploy, IsDeterministic) {
  const DeployRun a(constant_load(50));
  const DeployRun b(constant_load(50));
  EXPECT_EQ(a.sim.trace().hash(), b.sim.trace().hash());
  EXPECT_EQ(a.only_deploy().finished_at, b.only_deploy().finished_at);
  EXPECT_EQ(a.only_deploy().requests_arrived, b.only_deploy().requests_arrived);
}

// Two DCs, each 2 nodes of 4 cores behind a cohort of 40 requests/s (2 busy cores of 8).
PlatformParams two_dcs_deployed_in_sequence() {
  PlatformParams p;
  for (const char* name : {"fra", "par"}) {
    p.topology.dcs.push_back(DcSpec{.name = name,
                                    .city = "city",
                                    .latitude_deg = 50.0,
                                    .longitude_deg = name[0] == 'f' ? 8.7 : 2.4,
                                    .utc_offset = 0h,
                                    .jurisdiction = "EU"});
    WebTierParams t;
    t.name = name;
    t.node.cores = 4;
    t.node.cpu_time_s = sim::Exponential(0.05);
    t.auto_scaling.limits = {.min_size = 2, .max_size = 2};
    t.auto_scaling.initial_desired = 2;
    t.auto_scaling.launch_delay_s = sim::Constant(launch_s);
    p.tiers.push_back(t);
    CohortParams c;
    c.name = std::string("c-") + name;
    c.home = name;
    c.workload.peak_rate_per_s = 40.0;
    p.cohorts.push_back(c);
  }
  LinkSpec l;
  l.a = "fra";
  l.b = "par";
  p.topology.links.push_back(l);
  p.sample_step = 60s;
  p.horizon = 4h;
  p.deploy =
      PlatformDeployParams{.at = 1h, .dcs = {"par", "fra"}, .refresh = {.instance_warmup = warmup}};
  return p;
}

// The platform deploys its DCs one after the other, in the listed order: the second starts at
// the instant the first is done, and with one node of two left (50 % CPU) nothing fails.
TEST(RollingDeploy, APlatformDeploysItsDcsInSequence) {
  sim::Simulator sim{3};
  testing::MemoryRecorder recorder;
  Platform platform(sim, two_dcs_deployed_in_sequence(), recorder);
  platform.start();
  sim.run_until(testing::at(4h));
  const PlatformTotals t = platform.totals();
  ASSERT_EQ(t.dcs.size(), 2U);
  ASSERT_EQ(t.dcs[1].name, "par");
  ASSERT_EQ(t.dcs[1].web.deploys.size(), 1U);
  ASSERT_EQ(t.dcs[0].web.deploys.size(), 1U);
  const DeployTotals& first = t.dcs[1].web.deploys.front();
  const DeployTotals& second = t.dcs[0].web.deploys.front();
  EXPECT_EQ(first.started_at, testing::at(1h));
  ASSERT_TRUE(first.finished_at.has_value());
  EXPECT_EQ(second.started_at, *first.finished_at);
  ASSERT_TRUE(second.finished_at.has_value());
  for (const DeployTotals* d : {&first, &second}) {
    EXPECT_EQ(d->nodes_replaced, 2);
    EXPECT_EQ(d->batches, 2);  // 90 % of 2 = 2 (rounded up): one node at a time
    EXPECT_EQ(d->requests_failed, 0U);
    EXPECT_GE(sim::to_seconds(*d->finished_at - d->started_at),
              2 * (launch_s + sim::to_seconds(warmup)));
  }
}

}  // namespace
}  // namespace b24::models
