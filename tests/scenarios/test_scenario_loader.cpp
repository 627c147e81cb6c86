// The scenario loader: the shipped scenarios load cleanly and say what their files say, absent
// keys give the model structs' own defaults, and mistakes are reported all at once with their
// 1-based line:column (worked out by hand from the YAML below) and key path.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "models/web_tier.hpp"
#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;

using Loaded = testing::LoadedScenario;

using testing::shipped;

Lines formatted(const Diagnostics& diagnostics) {
  Lines out;
  for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
  return out;
}

void expect_same_distribution(const sim::Distribution& a, const sim::Distribution& b) {
  EXPECT_EQ(a.index(), b.index());
  EXPECT_DOUBLE_EQ(sim::mean(a), sim::mean(b));
  EXPECT_DOUBLE_EQ(sim::variance(a), sim::variance(b));
}

void expect_same_health_check(const policy::HealthCheckConfig& a,
                              const policy::HealthCheckConfig& b) {
  EXPECT_EQ(a.interval, b.interval);
  EXPECT_EQ(a.timeout, b.timeout);
  EXPECT_EQ(a.healthy_threshold, b.healthy_threshold);
  EXPECT_EQ(a.unhealthy_threshold, b.unhealthy_threshold);
  EXPECT_EQ(a.initial_successes_to_healthy, b.initial_successes_to_healthy);
}

void expect_same_target_tracking(const policy::TargetTrackingPolicy& a,
                                 const policy::TargetTrackingPolicy& b) {
  EXPECT_EQ(a.target_value, b.target_value);
  EXPECT_EQ(a.scale_in_threshold_ratio, b.scale_in_threshold_ratio);
  EXPECT_EQ(a.disable_scale_in, b.disable_scale_in);
  EXPECT_EQ(a.instance_warmup, b.instance_warmup);
  EXPECT_EQ(a.metric_period, b.metric_period);
  EXPECT_EQ(a.scale_out_datapoints, b.scale_out_datapoints);
  EXPECT_EQ(a.scale_in_datapoints, b.scale_in_datapoints);
}

// Every parameter, field by field, against a default-constructed struct.
void expect_model_defaults(const Scenario& s) {
  const Scenario scenario_defaults{};
  const models::WebTierParams d{};
  const models::SloParams slo{};
  EXPECT_EQ(s.seed, scenario_defaults.seed);
  EXPECT_EQ(s.duration, scenario_defaults.duration);
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.slo.p99_latency, slo.p99_latency);
  EXPECT_EQ(s.slo.max_error_rate, slo.max_error_rate);
  const models::WebTierParams& w = s.web;
  EXPECT_EQ(w.name, d.name);
  EXPECT_EQ(w.workload.peak_rate_per_s, d.workload.peak_rate_per_s);
  EXPECT_EQ(w.workload.utc_offset, d.workload.utc_offset);
  ASSERT_EQ(w.workload.profile.points.size(), d.workload.profile.points.size());
  for (std::size_t i = 0; i < d.workload.profile.points.size(); ++i) {
    EXPECT_EQ(w.workload.profile.points[i].hour, d.workload.profile.points[i].hour);
    EXPECT_EQ(w.workload.profile.points[i].multiplier, d.workload.profile.points[i].multiplier);
  }
  EXPECT_EQ(w.node.cores, d.node.cores);
  EXPECT_EQ(w.node.queue_limit, d.node.queue_limit);
  expect_same_distribution(w.node.cpu_time_s, d.node.cpu_time_s);
  EXPECT_EQ(w.load_balancer.balancer.type, d.load_balancer.balancer.type);
  EXPECT_EQ(w.load_balancer.balancer.algorithm, d.load_balancer.balancer.algorithm);
  EXPECT_EQ(w.load_balancer.surge_queue_limit, d.load_balancer.surge_queue_limit);
  EXPECT_EQ(w.load_balancer.idle_timeout, d.load_balancer.idle_timeout);
  EXPECT_EQ(w.load_balancer.network_rtt, d.load_balancer.network_rtt);
  expect_same_health_check(w.health_check, d.health_check);
  EXPECT_EQ(w.deregistration_delay, d.deregistration_delay);
  EXPECT_EQ(w.cloudwatch.period, d.cloudwatch.period);
  EXPECT_EQ(w.cloudwatch.publication_delay, d.cloudwatch.publication_delay);
  const models::AutoScalingParams& a = w.auto_scaling;
  EXPECT_EQ(a.limits.min_size, d.auto_scaling.limits.min_size);
  EXPECT_EQ(a.limits.max_size, d.auto_scaling.limits.max_size);
  EXPECT_EQ(a.initial_desired, d.auto_scaling.initial_desired);
  expect_same_distribution(a.launch_delay_s, d.auto_scaling.launch_delay_s);
  EXPECT_EQ(a.elb_health_checks, d.auto_scaling.elb_health_checks);
  EXPECT_EQ(a.ec2_status_check_delay, d.auto_scaling.ec2_status_check_delay);
  EXPECT_EQ(a.replacement.health_check_grace_period,
            d.auto_scaling.replacement.health_check_grace_period);
  EXPECT_EQ(a.replacement.instance_warmup, d.auto_scaling.replacement.instance_warmup);
  EXPECT_EQ(a.replacement.max_replacement_percent,
            d.auto_scaling.replacement.max_replacement_percent);
  ASSERT_TRUE(a.target_tracking.has_value());
  expect_same_target_tracking(*a.target_tracking, *d.auto_scaling.target_tracking);
  EXPECT_TRUE(a.step_scaling.empty());
  EXPECT_TRUE(a.simple_scaling.empty());
  EXPECT_EQ(a.termination, d.auto_scaling.termination);
  EXPECT_EQ(w.instance_price_usd_per_hour, d.instance_price_usd_per_hour);
  EXPECT_EQ(w.sample_step, d.sample_step);
  EXPECT_TRUE(w.crashes.empty());
}

// --- The shipped scenarios -----------------------------------------------------------------------

TEST(ScenarioLoader, SingleDcDayLoadsCleanlyAndSaysWhatTheFileSays) {
  Diagnostics diagnostics;
  const Scenario s = load_scenario(shipped("single-dc-day.yaml"), diagnostics);
  ASSERT_EQ(formatted(diagnostics), Lines{});
  EXPECT_EQ(s.name, "single-dc-day");
  EXPECT_FALSE(s.description.empty());
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.duration, 24h);
  EXPECT_EQ(s.source_path, shipped("single-dc-day.yaml"));
  EXPECT_NE(s.source_text.find("name: single-dc-day"), std::string::npos);
  EXPECT_EQ(s.slo.p99_latency, 800ms);
  EXPECT_DOUBLE_EQ(s.slo.max_error_rate, 0.001);
  const models::WebTierParams& w = s.web;
  EXPECT_EQ(w.name, "fra");
  EXPECT_EQ(w.workload.utc_offset, 1h);
  EXPECT_DOUBLE_EQ(w.instance_price_usd_per_hour, 0.34);
  EXPECT_DOUBLE_EQ(w.workload.peak_rate_per_s, 2400.0);
  ASSERT_EQ(w.workload.profile.points.size(), 8u);
  EXPECT_DOUBLE_EQ(w.workload.profile.points[1].hour, 4.0);
  EXPECT_DOUBLE_EQ(w.workload.profile.points[1].multiplier, 0.15);
  EXPECT_DOUBLE_EQ(w.workload.profile.points[4].hour, 12.0);
  EXPECT_DOUBLE_EQ(w.workload.profile.points[4].multiplier, 1.0);
  EXPECT_EQ(w.node.cores, 8u);
  EXPECT_EQ(w.node.queue_limit, 64u);
  ASSERT_TRUE(std::holds_alternative<sim::LogNormal>(w.node.cpu_time_s));
  EXPECT_NEAR(sim::mean(w.node.cpu_time_s), 0.040, 1e-12);
  EXPECT_NEAR(sim::variance(w.node.cpu_time_s), 0.030 * 0.030, 1e-12);
  EXPECT_EQ(w.load_balancer.balancer.type, policy::BalancerType::application);
  EXPECT_EQ(w.load_balancer.balancer.algorithm, policy::RoutingAlgorithm::round_robin);
  EXPECT_EQ(w.health_check.interval, 30s);
  EXPECT_EQ(w.health_check.healthy_threshold, 5);
  EXPECT_EQ(w.deregistration_delay, 300s);
  EXPECT_EQ(w.cloudwatch.period, 60s);
  const models::AutoScalingParams& a = w.auto_scaling;
  EXPECT_EQ(a.limits.min_size, 4);
  EXPECT_EQ(a.limits.max_size, 40);
  EXPECT_EQ(a.initial_desired, 6);
  EXPECT_NEAR(sim::mean(a.launch_delay_s), 150.0, 1e-9);
  EXPECT_TRUE(a.elb_health_checks);
  EXPECT_EQ(a.ec2_status_check_delay, 3min);
  ASSERT_TRUE(a.target_tracking.has_value());
  EXPECT_DOUBLE_EQ(a.target_tracking->target_value, 50.0);
  EXPECT_DOUBLE_EQ(a.target_tracking->scale_in_threshold_ratio, 0.7);
  EXPECT_EQ(a.target_tracking->instance_warmup, 300s);
  EXPECT_EQ(a.target_tracking->metric_period, 60s);
  ASSERT_EQ(w.crashes.size(), 1u);
  EXPECT_EQ(w.crashes[0].at, 13h);  // 14:00 local in UTC+1
  EXPECT_EQ(w.crashes[0].nodes, 1u);
  EXPECT_EQ(w.sample_step, 10s);
}

TEST(ScenarioLoader, MmcValidationIsAFixedGroupOfSingleCoreNodesBehindAClassicBalancer) {
  Diagnostics diagnostics;
  const Scenario s = load_scenario(shipped("mmc-validation.yaml"), diagnostics);
  ASSERT_EQ(formatted(diagnostics), Lines{});
  EXPECT_EQ(s.name, "mmc-validation");
  EXPECT_EQ(s.duration, 4h);
  const models::WebTierParams& w = s.web;
  EXPECT_DOUBLE_EQ(w.workload.peak_rate_per_s, 64.0);
  ASSERT_EQ(w.workload.profile.points.size(), 1u);  // flat: homogeneous Poisson arrivals
  EXPECT_EQ(w.workload.profile.points[0].multiplier, 1.0);
  EXPECT_EQ(w.node.cores, 1u);
  EXPECT_EQ(w.node.queue_limit, 0u);
  ASSERT_TRUE(std::holds_alternative<sim::Exponential>(w.node.cpu_time_s));
  EXPECT_DOUBLE_EQ(sim::mean(w.node.cpu_time_s), 0.1);
  EXPECT_EQ(w.load_balancer.balancer.type, policy::BalancerType::classic);
  EXPECT_EQ(w.load_balancer.balancer.algorithm,
            policy::RoutingAlgorithm::least_outstanding_requests);
  EXPECT_EQ(w.load_balancer.surge_queue_limit, 100'000u);
  expect_same_health_check(w.health_check, policy::clb_health_check_defaults());
  EXPECT_EQ(w.auto_scaling.limits.min_size, 8);
  EXPECT_EQ(w.auto_scaling.limits.max_size, 8);
  EXPECT_EQ(w.auto_scaling.initial_desired, 8);
  EXPECT_FALSE(w.auto_scaling.target_tracking.has_value());
  // Utilization 0.8: lambda / (c mu) = 64 / (8 x 10).
  EXPECT_DOUBLE_EQ(w.workload.peak_rate_per_s * sim::mean(w.node.cpu_time_s) / 8.0, 0.8);
}

// The loaded parameters pass every model and policy check: a short slice of each shipped
// scenario runs in the real web tier (a bad value would abort here).
TEST(ScenarioLoader, ShippedScenariosRunInTheModels) {
  for (const char* file : {"single-dc-day.yaml", "mmc-validation.yaml"}) {
    Diagnostics diagnostics;
    const Scenario s = load_scenario(shipped(file), diagnostics);
    ASSERT_TRUE(diagnostics.empty()) << file;
    sim::NullRecorder recorder;
    sim::Simulator simulator(s.seed);
    models::WebTier tier(simulator, s.web, s.slo, recorder);
    tier.start();
    simulator.run_until(sim::start_instant + 5min);
    const models::WebTierTotals totals = tier.totals();
    EXPECT_GT(totals.requests.served, 10'000u) << file;
    EXPECT_EQ(totals.requests.failed(), 0u) << file;
  }
}

// The example at the top of README.md's "Scenario reference" is a valid scenario.
TEST(ScenarioLoader, TheReadmeExampleLoadsCleanly) {
  std::ifstream in(shipped("README.md"));
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const std::size_t section = readme.find("## Scenario reference");
  ASSERT_NE(section, std::string::npos);
  const std::size_t begin = readme.find("```yaml\n", section);
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = readme.find("```", begin + 8);
  ASSERT_NE(end, std::string::npos);
  const Loaded s(readme.substr(begin + 8, end - begin - 8));
  EXPECT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.workload.profile.points.size(), 3u);
}

TEST(ScenarioLoader, AMissingFileIsReportedWithoutALine) {
  Diagnostics diagnostics;
  (void)load_scenario(shipped("no-such-scenario.yaml"), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].line, 0);
  EXPECT_NE(diagnostics[0].message.find("cannot read the scenario"), std::string::npos);
}

// --- Defaults ----------------------------------------------------------------------------------

TEST(ScenarioLoader, AnEmptyScenarioHasEveryModelDefault) {
  const Loaded s("");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.name, "s");  // the file's stem
  expect_model_defaults(s.scenario);
}

TEST(ScenarioLoader, EmptySectionsHaveEveryModelDefault) {
  const Loaded s(
      "slo: {}\n"
      "dc: {}\n"
      "workload: {}\n"
      "web_node: {}\n"
      "load_balancer: {health_check: {}}\n"
      "cloudwatch:\n"
      "auto_scaling: {target_tracking: {}}\n"
      "faults: []\n");
  ASSERT_EQ(s.errors(), Lines{});
  expect_model_defaults(s.scenario);
}

TEST(ScenarioLoader, DesiredCapacityDefaultsToTheMinimum) {
  const Loaded s("auto_scaling: {min_size: 5, max_size: 9}\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.auto_scaling.initial_desired, 5);
}

TEST(ScenarioLoader, AClassicBalancerDefaultsToLeastOutstandingRequestsAndClbHealthChecks) {
  const Loaded s("load_balancer: {type: classic}\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.load_balancer.balancer.algorithm,
            policy::default_algorithm(policy::BalancerType::classic));
  expect_same_health_check(s.scenario.web.health_check, policy::clb_health_check_defaults());
}

TEST(ScenarioLoader, InstanceWarmupFallsBackToTheGroupsDefaultInstanceWarmup) {
  const Loaded group("auto_scaling: {default_instance_warmup: 120s}\n");
  ASSERT_EQ(group.errors(), Lines{});
  EXPECT_EQ(group.scenario.web.auto_scaling.target_tracking->instance_warmup, 120s);
  EXPECT_EQ(group.scenario.web.auto_scaling.replacement.instance_warmup, 120s);
  const Loaded policy_own(
      "auto_scaling:\n"
      "  default_instance_warmup: 120s\n"
      "  target_tracking: {estimated_instance_warmup: 60s}\n");
  ASSERT_EQ(policy_own.errors(), Lines{});
  EXPECT_EQ(policy_own.scenario.web.auto_scaling.target_tracking->instance_warmup, 60s);
  EXPECT_EQ(policy_own.scenario.web.auto_scaling.replacement.instance_warmup, 120s);
}

TEST(ScenarioLoader, TargetTrackingFollowsTheCloudWatchPeriod) {
  const Loaded s("cloudwatch: {period: 5m}\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.auto_scaling.target_tracking->metric_period, 300s);
}

// --- Values
// ----------------------------------------------------------------------------------------

TEST(ScenarioLoader, ReadsEveryKindOfTimeDistributionInSeconds) {
  const Loaded s(
      "web_node:\n"
      "  cpu_time: {distribution: empirical, points: [{value: 10ms, cumulative: 0%},\n"
      "             {value: 30ms, cumulative: 100%}]}\n"
      "auto_scaling:\n"
      "  launch_delay: 90s\n");
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_TRUE(std::holds_alternative<sim::Empirical>(s.scenario.web.node.cpu_time_s));
  EXPECT_NEAR(sim::mean(s.scenario.web.node.cpu_time_s), 0.020, 1e-12);
  ASSERT_TRUE(std::holds_alternative<sim::Constant>(s.scenario.web.auto_scaling.launch_delay_s));
  EXPECT_DOUBLE_EQ(sim::mean(s.scenario.web.auto_scaling.launch_delay_s), 90.0);

  struct Case {
    std::string yaml;
    std::size_t index;
    double mean_s;
  };
  const std::vector<Case> cases = {
      {"{distribution: constant, value: 40ms}", 0, 0.040},
      {"{distribution: uniform, low: 20ms, high: 60ms}", 1, 0.040},
      {"{distribution: exponential, mean: 40ms}", 2, 0.040},
      {"{distribution: normal, mean: 40ms, stddev: 5ms}", 3, 0.040},
      {"{distribution: lognormal, mean: 40ms, stddev: 30ms}", 4, 0.040},
      {"{distribution: pareto, scale: 20ms, shape: 2}", 5, 0.040},
  };
  for (const Case& c : cases) {
    const Loaded one("web_node: {cpu_time: " + c.yaml + "}\n");
    ASSERT_EQ(one.errors(), Lines{}) << c.yaml;
    EXPECT_EQ(one.scenario.web.node.cpu_time_s.index(), c.index) << c.yaml;
    EXPECT_NEAR(sim::mean(one.scenario.web.node.cpu_time_s), c.mean_s, 1e-12) << c.yaml;
  }
}

TEST(ScenarioLoader, FaultTimesAreDurationsSinceTheStartOrTimesOfDay) {
  const Loaded s(
      "dc: {utc_offset: 1h}\n"
      "faults:\n"
      "  - {at: 90m, crash_nodes: 2}\n"
      "  - {at: \"14:00\", crash_nodes: 1}\n"
      "  - {at: \"14:00 local\", crash_nodes: 1}\n"
      "  - {at: \"00:30 local\", crash_nodes: 1}\n");
  ASSERT_EQ(s.errors(), Lines{});
  const auto& crashes = s.scenario.web.crashes;
  ASSERT_EQ(crashes.size(), 4u);
  EXPECT_EQ(crashes[0].at, 90min);
  EXPECT_EQ(crashes[0].nodes, 2u);
  EXPECT_EQ(crashes[1].at, 14h);
  EXPECT_EQ(crashes[2].at, 13h);
  EXPECT_EQ(crashes[3].at, 23h + 30min);  // 00:30 in UTC+1 is 23:30 UTC
}

TEST(ScenarioLoader, TargetTrackingNoneRemovesThePolicy) {
  const Loaded s("auto_scaling: {target_tracking: none}\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_FALSE(s.scenario.web.auto_scaling.target_tracking.has_value());
}

// --- Errors
// ----------------------------------------------------------------------------------------

TEST(ScenarioLoader, ReportsEveryMistakeOfAScenarioWithItsPosition) {
  const Loaded s(
      "name: broken\n"                                                    // 1
      "duration: 24\n"                                                    // 2: value at column 11
      "dc:\n"                                                             // 3
      "  name: fra\n"                                                     // 4
      "  utc_ofset: 1h\n"                                                 // 5: key at column 3
      "web_node:\n"                                                       // 6
      "  cores: 0\n"                                                      // 7: value at column 10
      "  cpu_time: {distribution: lognormal, mean: 40ms, stdev: 30ms}\n"  // 8
      "load_balancer:\n"                                                  // 9
      "  algorithm: round_robbin\n"                                       // 10: value at column 14
      "auto_scaling:\n"                                                   // 11
      "  min_size: 4\n"                                                   // 12
      "  max_size: 40\n"                                                  // 13
      "  desired_capacity: 50\n"                                          // 14: value at column 21
      "  health_check_grace_period: 300\n");                              // 15: value at column 30
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:2:11: error: duration: expected a duration with a unit, like 30s, found '24'",
          "s.yaml:5:3: error: dc.utc_ofset: unknown key 'utc_ofset' (did you mean 'utc_offset'?)",
          "s.yaml:7:10: error: web_node.cores: expected an integer from 1 to 1024, found '0'",
          // The mapping starts at column 13; stddev is missing there, stdev unknown at 51.
          "s.yaml:8:13: error: web_node.cpu_time.stddev: missing required key 'stddev'",
          "s.yaml:8:51: error: web_node.cpu_time.stdev: unknown key 'stdev' (did you mean "
          "'stddev'?)",
          "s.yaml:10:14: error: load_balancer.algorithm: expected one of round_robin, "
          "least_outstanding_requests, weighted_random, found 'round_robbin' (did you mean "
          "'round_robin'?)",
          "s.yaml:14:21: error: auto_scaling.desired_capacity: desired_capacity (50) must lie "
          "within min_size and max_size (4 to 40)",
          "s.yaml:15:30: error: auto_scaling.health_check_grace_period: expected a duration "
          "with a unit, like 30s, found '300'",
      }));
}

TEST(ScenarioLoader, ReportsCrossFieldMistakesAtTheKeyToChange) {
  const Loaded s(
      "duration: 12h\n"                                   // 1
      "sample_step: 7s\n"                                 // 2: value column 14
      "workload:\n"                                       // 3
      "  daily_profile:\n"                                // 4: list at 5:5
      "    - {at: \"08:00\", of_peak: 50%}\n"             // 5
      "    - {at: \"06:00\", of_peak: 80%}\n"             // 6: "at" value col 12
      "load_balancer:\n"                                  // 7
      "  surge_queue_limit: 2048\n"                       // 8: value column 22
      "  health_check: {interval: 10s, timeout: 10s}\n"   // 9: timeout col 42
      "auto_scaling:\n"                                   // 10
      "  min_size: 10\n"                                  // 11
      "  max_size: 5\n"                                   // 12: value column 13
      "  target_tracking: {scale_in_datapoints: 1441}\n"  // 13: value column 42
      "faults:\n"                                         // 14
      "  - {at: 13h, crash_nodes: 1}\n");                 // 15: "at" value col 10
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:2:14: error: sample_step: sample_step (7s) must divide cloudwatch.period "
          "(1min)",
          "s.yaml:6:12: error: workload.daily_profile[1].at: times must ascend through the day, "
          "from 00:00 to 23:59: this point is not after the previous one (8:00)",
          "s.yaml:8:22: error: load_balancer.surge_queue_limit: only a Classic Load Balancer has "
          "a surge queue (type: classic)",
          "s.yaml:9:42: error: load_balancer.health_check.timeout: the timeout must be shorter "
          "than the interval (10s)",
          "s.yaml:12:13: error: auto_scaling.max_size: max_size (5) is less than min_size (10)",
          "s.yaml:13:42: error: auto_scaling.target_tracking.scale_in_datapoints: 1441 "
          "datapoints of 1min (cloudwatch.period) span more than a day, CloudWatch's limit for "
          "an alarm",
          "s.yaml:15:10: error: faults[0].at: the fault would come at 13h after the start, not "
          "before the end of the run (duration: 12h)",
      }));
}

TEST(ScenarioLoader, AProfileNeedsAPointAtTheFullPeak) {
  const Loaded s(
      "workload:\n"
      "  daily_profile:\n"                     // 2
      "    - {at: \"00:00\", of_peak: 20%}\n"  // 3: the sequence starts at column 5
      "    - {at: \"12:00\", of_peak: 90%}\n");
  EXPECT_EQ(s.errors(), Lines{"s.yaml:3:5: error: workload.daily_profile: no point is at 100%: "
                              "of_peak is a share of peak_rate, so the busiest point of the day "
                              "must be 100%"});
}

TEST(ScenarioLoader, ABareNumberIsNotADuration) {
  const Loaded s(
      "slo: {p99_latency: 800}\n"     // value at column 20
      "web_node: {cpu_time: 40}\n"    // value at column 22
      "cloudwatch: {period: 60}\n");  // value at column 22
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:1:20: error: slo.p99_latency: expected a duration with a unit, like "
                   "30s, found '800'",
                   "s.yaml:2:22: error: web_node.cpu_time: expected a duration with a unit, like "
                   "30s, found '40'",
                   "s.yaml:3:22: error: cloudwatch.period: expected a duration with a unit, like "
                   "30s, found '60'"}));
}

TEST(ScenarioLoader, UnknownKeysGetASuggestion) {
  const Loaded s(
      "web_nodes: {cores: 2}\n"                             // key at 1:1
      "auto_scaling: {target_tracking: {traget: 60%}}\n");  // key at column 34
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:1:1: error: web_nodes: unknown key 'web_nodes' (did you mean "
                   "'web_node'?)",
                   "s.yaml:2:34: error: auto_scaling.target_tracking.traget: unknown key "
                   "'traget' (did you mean 'target'?)"}));
}

TEST(ScenarioLoader, ChecksDistributionParametersBeforeAnyModelSeesThem) {
  const Loaded s(
      "web_node:\n"
      "  cpu_time: {distribution: uniform, low: 50ms, high: 20ms}\n"  // 2: high at column 54
      "auto_scaling:\n"
      "  launch_delay: {distribution: exponental, mean: 2m}\n");  // 4: kind at column 32
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:2:54: error: web_node.cpu_time.high: high must be greater than low "
                   "(50ms)",
                   "s.yaml:4:32: error: auto_scaling.launch_delay.distribution: expected one of "
                   "constant, exponential, lognormal, normal, uniform, pareto, empirical, found "
                   "'exponental' (did you mean 'exponential'?)"}));
}

TEST(ScenarioLoader, RejectsValuesThatWouldAbortAModel) {
  // Each of these would trip a B24_ASSERT or a policy validate() if it reached a model.
  const std::vector<std::string> bad = {
      "workload: {peak_rate: 0/s}\n",
      "workload: {daily_profile: []}\n",
      "workload: {daily_profile: [{at: \"12:00\", of_peak: 120%}]}\n",
      "web_node: {cpu_time: 0s}\n",
      "web_node: {cpu_time: {distribution: exponential, mean: 0s}}\n",
      "web_node: {cpu_time: {distribution: lognormal, mean: 1ms, stddev: 300d}}\n",
      "web_node: {cpu_time: {distribution: pareto, scale: 1s, shape: 0.5}}\n",
      "web_node: {cpu_time: {distribution: empirical, points: [{value: 1ms, cumulative: 50%}]}}\n",
      "load_balancer: {type: classic, algorithm: weighted_random}\n",
      "load_balancer: {health_check: {interval: 30.5s}}\n",
      "cloudwatch: {period: 45s}\n",
      "sample_step: 0s\n",
      "auto_scaling: {replacement_batch: 0%}\n",
      "auto_scaling: {target_tracking: {target: 0%}}\n",
      "auto_scaling: {target_tracking: {scale_in_ratio: 0%}}\n",
      "auto_scaling: {min_size: -1}\n",
      "dc: {name: \"fra/1\"}\n",
  };
  for (const std::string& yaml : bad) {
    const Loaded s(yaml);
    EXPECT_EQ(s.errors().size(), 1u) << yaml << ::testing::PrintToString(s.errors());
  }
}

}  // namespace
}  // namespace b24::scenarios
