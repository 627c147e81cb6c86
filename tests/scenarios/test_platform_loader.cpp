// Platform scenarios (issue 4): a scenario with a top-level `topology:` key loads into
// models::PlatformParams (tiers in topology order from web_defaults and per-DC overrides,
// cohorts, placement, health detection, replication edges, faults), and every mistake is
// reported with its 1-based line:column (worked out by hand from the YAML below) and key path.

#include <gtest/gtest.h>

#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;
using Loaded = testing::LoadedScenario;

// Four DCs in three jurisdictions, three links; lines 1 to 9. A test's own keys start on line 10.
constexpr std::string_view small_topology =
    "topology:\n"
    "  dcs:\n"
    "    - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: mow, city: M, latitude: 55.8, longitude: 37.6, utc_offset: 3h, jurisdiction: "
    "RU}\n"
    "    - {name: ala, city: A, latitude: 43.2, longitude: 76.9, utc_offset: 5h, jurisdiction: "
    "KZ}\n"
    "  links:\n"
    "    - {a: fra, b: par, bandwidth: 40Gbps}\n"
    "    - {a: mow, b: ala, bandwidth: 10Gbps}\n";

std::string with_topology(std::string_view tail) {
  return std::string(small_topology) + std::string(tail);
}

constexpr std::string_view full_platform = R"(name: dc-outage
description: Frankfurt fails for two hours at 11:00 local.
seed: 7
duration: 24h
sample_step: 30s
topology: topology/world-17.yaml
slo: {p99_latency: 500ms, max_error_rate: 1%}
web_defaults:
  web_node: {cores: 8, queue_limit: 32}
  load_balancer: {algorithm: least_outstanding_requests, health_check: {interval: 10s, timeout: 5s}}
  cloudwatch: {period: 60s}
  auto_scaling: {min_size: 4, max_size: 40, target_tracking: {target: 60%}}
  instance_price_usd_per_hour: 0.34
dcs:
  fra:
    auto_scaling: {min_size: 6, max_size: 60}
    load_balancer: {health_check: {timeout: 3s}}
    instance_price_usd_per_hour: 0.39
daily_profiles:
  business:
    - {at: "00:00", of_peak: 20%}
    - {at: "12:00", of_peak: 100%}
cohorts:
  - {name: eu-de, home: fra, peak_rate: 300/s, daily_profile: business, write_fraction: 5%}
  - name: kz
    home: mow
    jurisdiction: KZ
    peak_rate: 50/s
    utc_offset: 5h
    daily_profile: [{at: "09:00", of_peak: 100%}]
placement:
  failback_stability: 15m
  cross_border: [{from: KZ, to: RU}]
health_detection: {interval: 10s, timeout: 2s, failure_threshold: 2, recovery_threshold: 4, client_reconnect: 30s}
replication:
  rings: [[fra, par, sto]]
  pairs: [[mow, led]]
  edges: [{source: ala, replica: mow}]
  applier_tps: 2000/s
  applier_speedup: 4
  mean_transaction_size: 4KB
  binlog_retention: 7d
  data_size: 1TB
  bandwidth: 800Mbps
  on_member_failure: repoint
  repoint_delay: 10m
  marker_interval: 30s
db_pair: {applier_tps: 5000/s, latency: 100us}
faults:
  - {kind: dc_failure, dc: fra, at: "11:00 local", for: 2h}
  - {kind: db_crash, dc: par, server: 1, at: 12h, for: 30m}
  - {kind: partition, links: [par-fra, mow-led], at: "09:00", for: 3h}
  - {kind: node_crash, dc: iad, nodes: 2, at: "14:00 local"}
random_faults:
  - {kind: dc_failure, dcs: [fra, par], mean_time_between: 365d, mean_length: 2h}
  - {kind: partition, links: [fra-par], mean_time_between: 30d, mean_length: 3h}
)";

// Named as if it were a file in scenarios/, so the topology path resolves from there.
struct FullLoad {
  Diagnostics diagnostics;
  Scenario scenario = load_scenario_text(
      full_platform, testing::shipped("platform-loader-test.yaml").string(), diagnostics);

  [[nodiscard]] Lines errors() const {
    Lines out;
    for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
    return out;
  }
};

const models::WebTierParams& tier(const models::PlatformParams& p, std::string_view name) {
  for (const models::WebTierParams& t : p.tiers) {
    if (t.name == name) return t;
  }
  throw std::out_of_range(std::string(name));
}

TEST(PlatformLoader, FullScenarioFillsPlatformParams) {
  const FullLoad loaded;
  ASSERT_EQ(loaded.errors(), Lines{});
  const Scenario& s = loaded.scenario;
  ASSERT_TRUE(s.platform.has_value());
  const models::PlatformParams& p = *s.platform;
  EXPECT_EQ(s.name, "dc-outage");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_NE(s.topology_text.find("name: world-17"), std::string::npos);
  EXPECT_EQ(s.topology_path.filename(), "world-17.yaml");
  ASSERT_EQ(p.topology.dcs.size(), 17u);
  EXPECT_EQ(p.sample_step, 30s);
  EXPECT_EQ(p.slo.p99_latency, 500ms);
  EXPECT_EQ(s.slo.max_error_rate, 0.01);
  // Tiers in topology order, named after their DC, sampled at sample_step.
  ASSERT_EQ(p.tiers.size(), 17u);
  for (std::size_t i = 0; i < p.tiers.size(); ++i) {
    EXPECT_EQ(p.tiers[i].name, p.topology.dcs[i].name);
    EXPECT_EQ(p.tiers[i].sample_step, 30s);
  }
  EXPECT_EQ(p.tiers[0].name, "fra");
  // Per-DC overrides change only the keys written; the rest is web_defaults.
  const models::WebTierParams& fra = tier(p, "fra");
  const models::WebTierParams& par = tier(p, "par");
  EXPECT_EQ(fra.auto_scaling.limits.min_size, 6);
  EXPECT_EQ(fra.auto_scaling.limits.max_size, 60);
  EXPECT_EQ(fra.auto_scaling.initial_desired, 6);
  ASSERT_TRUE(fra.auto_scaling.target_tracking.has_value());
  EXPECT_EQ(fra.auto_scaling.target_tracking->target_value, 60.0);
  EXPECT_EQ(fra.health_check.timeout, 3s);
  EXPECT_EQ(fra.health_check.interval, 10s);
  EXPECT_EQ(fra.load_balancer.balancer.algorithm,
            policy::RoutingAlgorithm::least_outstanding_requests);
  EXPECT_EQ(fra.node.cores, 8u);
  EXPECT_EQ(fra.instance_price_usd_per_hour, 0.39);
  EXPECT_EQ(par.auto_scaling.limits.min_size, 4);
  EXPECT_EQ(par.auto_scaling.limits.max_size, 40);
  EXPECT_EQ(par.health_check.timeout, 5s);
  EXPECT_EQ(par.instance_price_usd_per_hour, 0.34);
  EXPECT_EQ(par.node.queue_limit, 32u);
  // Cohorts: offset and jurisdiction from the home DC unless written; named profiles.
  ASSERT_EQ(p.cohorts.size(), 2u);
  const models::CohortParams& eu = p.cohorts[0];
  EXPECT_EQ(eu.name, "eu-de");
  EXPECT_EQ(eu.home, "fra");
  EXPECT_EQ(eu.jurisdiction, "EU");
  EXPECT_EQ(eu.workload.utc_offset, 1h);
  EXPECT_FALSE(eu.utc_offset_set);
  EXPECT_EQ(eu.workload.peak_rate_per_s, 300.0);
  ASSERT_EQ(eu.workload.profile.points.size(), 2u);
  EXPECT_EQ(eu.workload.profile.points[0].multiplier, 0.2);
  EXPECT_EQ(eu.write_fraction, 0.05);
  const models::CohortParams& kz = p.cohorts[1];
  EXPECT_EQ(kz.jurisdiction, "KZ");
  EXPECT_EQ(kz.home, "mow");  // lawful through the KZ -> RU permission
  EXPECT_TRUE(kz.utc_offset_set);
  EXPECT_EQ(kz.workload.utc_offset, 5h);
  EXPECT_EQ(kz.workload.profile.points.size(), 1u);
  EXPECT_EQ(kz.write_fraction, models::CohortParams{}.write_fraction);
  // Placement and health detection.
  EXPECT_EQ(p.placement.failback_stability, 15min);
  ASSERT_EQ(p.placement.cross_border_permissions.size(), 1u);
  EXPECT_EQ(p.placement.cross_border_permissions[0].from, "KZ");
  EXPECT_EQ(p.placement.cross_border_permissions[0].to, "RU");
  EXPECT_FALSE(p.placement.allow_residency_violations);
  EXPECT_EQ(p.health.check.interval, 10s);
  EXPECT_EQ(p.health.check.timeout, 2s);
  EXPECT_EQ(p.health.check.unhealthy_threshold, 2);
  EXPECT_EQ(p.health.check.healthy_threshold, 4);
  EXPECT_EQ(p.health.client_reconnect, 30s);
}

TEST(PlatformLoader, FullScenarioReplicationAndFaults) {
  const FullLoad loaded;
  ASSERT_EQ(loaded.errors(), Lines{});
  const models::PlatformParams& p = *loaded.scenario.platform;
  // Rings, then pairs, then edges; a ring closes on its first DC.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"fra", "par"}, {"par", "sto"}, {"sto", "fra"},
      {"mow", "led"}, {"led", "mow"}, {"ala", "mow"}};
  ASSERT_EQ(p.replication.edges.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.replication.edges[i].source, expected[i].first) << i;
    EXPECT_EQ(p.replication.edges[i].replica, expected[i].second) << i;
  }
  const models::ReplicationLinkParams& link = p.replication.link;
  EXPECT_EQ(link.applier_tps, 2000.0);
  EXPECT_EQ(link.applier_speedup, 4.0);
  EXPECT_EQ(link.mean_transaction_bytes, 4000.0);
  EXPECT_EQ(link.binlog_retention, 7 * 24h);
  EXPECT_EQ(link.data_size_bytes, 1e12);
  EXPECT_EQ(link.bandwidth_bytes_per_s, 1e8);
  EXPECT_TRUE(p.replication.repoint_on_failure);
  EXPECT_EQ(p.replication.repoint_delay, 10min);
  EXPECT_EQ(p.replication.marker_interval, 30s);
  EXPECT_EQ(p.db.link.applier_tps, 5000.0);
  EXPECT_EQ(p.db.link.one_way_latency, 100us);
  EXPECT_EQ(p.db.link.bandwidth_bytes_per_s, models::DbPairParams{}.link.bandwidth_bytes_per_s);

  ASSERT_EQ(p.faults.size(), 4u);
  EXPECT_EQ(p.faults[0].kind, models::FaultKind::dc_failure);
  EXPECT_EQ(p.faults[0].targets, std::vector<std::string>{"fra"});
  EXPECT_EQ(p.faults[0].at, 10h);  // 11:00 in Frankfurt (UTC+1)
  EXPECT_EQ(p.faults[0].length, 2h);
  EXPECT_EQ(p.faults[1].kind, models::FaultKind::db_crash);
  EXPECT_EQ(p.faults[1].server, 1);
  EXPECT_EQ(p.faults[1].at, 12h);
  // Links in the topology's own spelling, whichever order they were written in.
  EXPECT_EQ(p.faults[2].targets, (std::vector<std::string>{"fra-par", "led-mow"}));
  EXPECT_EQ(p.faults[2].at, 9h);
  EXPECT_EQ(p.faults[3].kind, models::FaultKind::node_crash);
  EXPECT_EQ(p.faults[3].nodes, 2u);
  EXPECT_EQ(p.faults[3].at, 19h);  // 14:00 in Ashburn (UTC-5)
  EXPECT_EQ(p.faults[3].length, sim::Duration::zero());
  ASSERT_EQ(p.random_faults.size(), 2u);
  EXPECT_EQ(p.random_faults[0].targets, (std::vector<std::string>{"fra", "par"}));
  EXPECT_EQ(p.random_faults[0].mean_time_between, 365 * 24h);
  EXPECT_EQ(p.random_faults[1].kind, models::FaultKind::partition);
  EXPECT_EQ(p.random_faults[1].mean_length, 3h);
}

TEST(PlatformLoader, InlineTopologyAndDefaults) {
  const Loaded loaded(with_topology("cohorts: [{name: eu, home: par}]\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const Scenario& s = loaded.scenario;
  ASSERT_TRUE(s.platform.has_value());
  const models::PlatformParams& p = *s.platform;
  const models::PlatformParams d{};
  EXPECT_TRUE(s.topology_text.empty());
  EXPECT_EQ(p.topology.dcs.size(), 4u);
  EXPECT_EQ(p.topology.links[0].a, "fra");
  EXPECT_EQ(p.sample_step, d.sample_step);
  ASSERT_EQ(p.tiers.size(), 4u);
  EXPECT_EQ(p.tiers[3].name, "ala");
  EXPECT_EQ(p.tiers[3].auto_scaling.limits.min_size,
            models::WebTierParams{}.auto_scaling.limits.min_size);
  EXPECT_EQ(p.cohorts[0].workload.utc_offset, 1h);
  EXPECT_EQ(p.cohorts[0].workload.peak_rate_per_s, models::WorkloadParams{}.peak_rate_per_s);
}

struct BadCase {
  std::string_view what;
  std::string_view tail;  // from line 10, after the four-DC topology
  Lines expected;
};

constexpr std::string_view eu_cohort = "cohorts: [{name: eu, home: fra}]\n";  // line 10

void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.what;
}

class PlatformLoaderErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(PlatformLoaderErrors, ReportsExactly) {
  const BadCase& c = GetParam();
  const Loaded loaded(with_topology(c.tail));
  EXPECT_EQ(loaded.errors(), c.expected) << c.what;
}

std::string cat(std::string_view a, std::string_view b) {
  return std::string(a) + std::string(b);
}

const std::string fault_tail = cat(
    eu_cohort, "duration: 12h\nfaults:\n  - {kind: dc_failure, dc: fra, at: \"13:00 local\"}\n");
const std::string partition_tail =
    cat(eu_cohort, "faults:\n  - {kind: partition, links: [fra-pra, par-mow], at: 9h}\n");
const std::string kind_tail = cat(eu_cohort, "faults:\n  - {kind: dc_failur, dc: fra, at: 9h}\n");
const std::string local_partition_tail =
    cat(eu_cohort, "faults:\n  - {kind: partition, links: [mow-ala], at: \"09:00 local\"}\n");
const std::string ring_twice_tail = cat(eu_cohort, "replication:\n  rings: [[fra, par, fra]]\n");
const std::string two_rings_tail =
    cat(eu_cohort, "replication:\n  rings: [[fra, par], [mow, par]]\n");
const std::string self_edge_tail =
    cat(eu_cohort, "replication:\n  edges: [{source: fra, replica: fra}]\n");
const std::string dup_edge_tail =
    cat(eu_cohort, "replication:\n  pairs: [[fra, par]]\n  edges: [{source: par, replica: fra}]\n");
// A ring fra -> par -> mow -> ala whose closing edge goes back to mow instead of fra: fra only
// feeds the group (nothing replicates into it), and the writes of mow never reach par.
const std::string broken_ring_tail =
    cat(eu_cohort,
        "replication:\n  edges: [{source: fra, replica: par}, {source: par, replica: mow},\n"
        "          {source: mow, replica: ala}, {source: ala, replica: mow}]\n");
const std::string single_dc_tail =
    cat(eu_cohort, "auto_scaling: {min_size: 2}\nworkload: {peak_rate: 10/s}\n");
const std::string unknown_dc_override_tail =
    cat(eu_cohort, "dcs:\n  frx: {instance_price_usd_per_hour: 1}\n");
const std::string override_check_tail = cat(
    eu_cohort,
    "web_defaults:\n  auto_scaling: {min_size: 4}\ndcs:\n  par: {auto_scaling: {max_size: 3}}\n");
const std::string override_unknown_tail =
    cat(eu_cohort, "dcs:\n  par: {auto_scalng: {max_size: 3}}\n");
const std::string defaults_once_tail =
    cat(eu_cohort,
        "web_defaults:\n  web_node: {cores: 0}\ndcs:\n  fra: {web_node: {queue_limit: 3}}\n  par: "
        "{instance_price_usd_per_hour: 1}\n");
const std::string sample_step_tail =
    cat(eu_cohort, "sample_step: 7s\ndcs:\n  mow: {cloudwatch: {period: 30s}}\n");

const BadCase bad_cases[] = {
    {"unknown DC in a cohort",
     "cohorts:\n  - {name: eu, home: frx}\n",
     {"s.yaml:11:22: error: cohorts[0].home: unknown DC 'frx' (did you mean 'fra'?)"}},
    {"unknown link in a partition",
     partition_tail,
     {"s.yaml:12:31: error: faults[0].links[0]: unknown link 'fra-pra' (did you mean 'fra-par'?)",
      "s.yaml:12:40: error: faults[0].links[1]: no link joins 'par' and 'mow' in the topology"}},
    {"duplicate cohort",
     "cohorts:\n  - {name: eu, home: fra}\n  - {name: eu, home: par}\n",
     {"s.yaml:12:12: error: cohorts[1].name: duplicate cohort name 'eu' (first at cohorts[0])"}},
    {"unlawful home",
     "cohorts:\n  - {name: kz, home: mow, jurisdiction: KZ}\n",
     {"s.yaml:11:22: error: cohorts[0].home: home DC 'mow' is in jurisdiction RU, not lawful for a "
      "cohort of jurisdiction KZ (no placement.cross_border permission from KZ to RU)"}},
    {"ring with a DC twice",
     ring_twice_tail,
     {"s.yaml:12:22: error: replication.rings[0][2]: DC 'fra' appears twice in this ring"}},
    {"DC in two rings",
     two_rings_tail,
     {"s.yaml:12:29: error: replication.rings[1][1]: DC 'par' is already in the ring at "
      "replication.rings[0] (a DC is the replica of one source: at most one ring)"}},
    {"self edge",
     self_edge_tail,
     {"s.yaml:12:34: error: replication.edges[0].replica: a DC cannot replicate from itself: "
      "'fra' is both source and replica"}},
    {"duplicate edge",
     dup_edge_tail,
     {"s.yaml:13:34: error: replication.edges[0].replica: duplicate replication edge par -> fra "
      "(already at replication.pairs[0][0])"}},
    {"broken ring: writes never reach a DC",
     broken_ring_tail,
     {"s.yaml:11:1: error: replication: writes of dc 'mow' never reach 'par' (in a group of DCs "
      "that replicate to each other, each member's writes must reach every other member: close "
      "the ring or add the missing edge)"}},
    {"fault after the end",
     fault_tail,
     {"s.yaml:13:37: error: faults[0].at: the fault would come at 12h after the start, not before "
      "the end of the run (duration: 12h)"}},
    {"single-DC keys",
     single_dc_tail,
     {"s.yaml:11:15: error: auto_scaling: 'auto_scaling' is a single-DC key; in a platform "
      "scenario put it under web_defaults: or dcs.<name>:",
      "s.yaml:12:11: error: workload: 'workload' is a single-DC key; in a platform scenario "
      "cohorts: generate the load (each with its peak_rate and daily_profile)"}},
    {"unknown daily profile",
     "daily_profiles:\n  business: [{at: \"12:00\", of_peak: 100%}]\n"
     "cohorts: [{name: eu, home: fra, daily_profile: busines}]\n",
     {"s.yaml:12:48: error: cohorts[0].daily_profile: unknown daily profile 'busines' (did you "
      "mean 'business'?)"}},
    {"missing cohorts",
     "seed: 2\n",
     {"s.yaml:1:1: error: cohorts: a platform scenario needs at least one cohort: cohorts "
      "generate all of its load"}},
    {"bad kind",
     kind_tail,
     {"s.yaml:12:12: error: faults[0].kind: expected one of dc_failure, db_crash, partition, "
      "node_crash, turn_failure, found 'dc_failur' (did you mean 'dc_failure'?)"}},
    {"negative write_fraction",
     "cohorts: [{name: eu, home: fra, write_fraction: -5%}]\n",
     {"s.yaml:10:49: error: cohorts[0].write_fraction: expected a fraction from 0 to 1 (0% "
      "to 100%), found '-5%'"}},
    {"negative tenants",
     "cohorts: [{name: eu, home: fra, tenants: -3}]\n",
     {"s.yaml:10:42: error: cohorts[0].tenants: expected an integer from 0 to 1000000000, found "
      "'-3'"}},
    {"fractional tenants",
     "cohorts: [{name: eu, home: fra, tenants: 2.5}]\n",
     {"s.yaml:10:42: error: cohorts[0].tenants: expected an integer from 0 to 1000000000, found "
      "'2.5'"}},
    {"plan with an upper-case letter",
     "cohorts: [{name: eu, home: fra, plan: Free}]\n",
     {"s.yaml:10:39: error: cohorts[0].plan: expected a plan name of lower-case letters, digits, "
      "'-' and '_' starting with a letter, like free or paid, found 'Free'"}},
    {"plan starting with a digit",
     "cohorts: [{name: eu, home: fra, plan: 2for1}]\n",
     {"s.yaml:10:39: error: cohorts[0].plan: expected a plan name of lower-case letters, digits, "
      "'-' and '_' starting with a letter, like free or paid, found '2for1'"}},
    {"cohort name not an entity name",
     "cohorts: [{name: eu de, home: fra}]\n",
     {"s.yaml:10:18: error: cohorts[0].name: expected a name of letters, digits, '-' and '_' (it "
      "names the cohort's records), found 'eu de'"}},
    {"unknown DC override",
     unknown_dc_override_tail,
     {"s.yaml:12:8: error: dcs.frx: unknown DC 'frx' (did you mean 'fra'?)"}},
    {"override breaks a cross-field check",
     override_check_tail,
     {"s.yaml:14:34: error: dcs.par.auto_scaling.max_size: max_size (3) is less than min_size "
      "(4)"}},
    {"unknown key in an override",
     override_unknown_tail,
     {"s.yaml:12:9: error: dcs.par.auto_scalng: unknown key 'auto_scalng' (did you mean "
      "'auto_scaling'?)"}},
    {"web_defaults error reported once",
     defaults_once_tail,
     {"s.yaml:12:21: error: web_defaults.web_node.cores: expected an integer from 1 to 1024, "
      "found '0'"}},
    {"partition at local time",
     local_partition_tail,
     {"s.yaml:12:45: error: faults[0].at: a partition has no local time: write a UTC time of day "
      "('09:00') or a duration from the start ('9h'), found '09:00 local'"}},
    {"sample_step and a DC's CloudWatch period",
     sample_step_tail,
     {"s.yaml:11:14: error: sample_step: sample_step (7s) must divide the cloudwatch.period of DC "
      "'fra' (1min)",
      "s.yaml:11:14: error: sample_step: sample_step (7s) must divide the cloudwatch.period of DC "
      "'mow' (30s)"}},
};

INSTANTIATE_TEST_SUITE_P(Table, PlatformLoaderErrors, ::testing::ValuesIn(bad_cases));

TEST(PlatformLoader, MissingTopologyFile) {
  const Loaded loaded(cat("topology: nowhere/none.yaml\n", eu_cohort));
  ASSERT_EQ(loaded.errors().size(), 1u);
  EXPECT_TRUE(loaded.errors()[0].starts_with(
      "s.yaml:1:11: error: topology: cannot read the topology file 'nowhere/none.yaml'"))
      << loaded.errors()[0];
}

TEST(PlatformLoader, OverridesReachPerDcKeys) {
  const std::vector<std::string> overrides = {"dcs.par.auto_scaling.max_size=50",
                                              "cohorts[0].peak_rate=20/s"};
  const Loaded loaded(with_topology("cohorts: [{name: eu, home: fra}]\n"), overrides);
  ASSERT_EQ(loaded.errors(), Lines{});
  const models::PlatformParams& p = *loaded.scenario.platform;
  EXPECT_EQ(tier(p, "par").auto_scaling.limits.max_size, 50);
  EXPECT_EQ(tier(p, "fra").auto_scaling.limits.max_size,
            models::WebTierParams{}.auto_scaling.limits.max_size);
  EXPECT_EQ(p.cohorts[0].workload.peak_rate_per_s, 20.0);
}

// tenants and plan only divide the cost (scenarios/README.md "cohorts"): unwritten, a cohort
// counts no tenants and is a paying one.
TEST(PlatformLoader, CohortTenantsAndPlan) {
  const Loaded loaded(
      with_topology("cohorts:\n"
                    "  - {name: eu-free, home: fra, tenants: 1_500, plan: free}\n"
                    "  - {name: eu, home: fra, tenants: 0, plan: enterprise-2}\n"
                    "  - {name: ru, home: mow}\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const std::vector<models::CohortParams>& c = loaded.scenario.platform->cohorts;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].tenants, 1500u);
  EXPECT_EQ(c[0].plan, "free");
  EXPECT_EQ(c[1].tenants, 0u);
  EXPECT_EQ(c[1].plan, "enterprise-2");
  EXPECT_EQ(c[2].tenants, models::CohortParams{}.tenants);
  EXPECT_EQ(c[2].tenants, 0u);
  EXPECT_EQ(c[2].plan, "paid");
}

TEST(PlatformLoader, SingleDcScenarioHasNoPlatform) {
  const Loaded loaded("dc: {name: fra}\n");
  EXPECT_EQ(loaded.errors(), Lines{});
  EXPECT_FALSE(loaded.scenario.platform.has_value());
}

}  // namespace
}  // namespace b24::scenarios
