// auto_scaling.step_scaling and auto_scaling.simple_scaling (rules with their CloudWatch alarms)
// and load_balancer.network_rtt: full rules load into the model structs, absent keys give the
// structs' defaults, and every value a policy or a model would reject is reported at its 1-based
// line:column (worked out by hand from the YAML below) and key path.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/web_tier.hpp"
#include "policy/adjustment.hpp"
#include "policy/alarm.hpp"
#include "policy/step_scaling.hpp"
#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;
using policy::AdjustmentType;
using policy::ComparisonOperator;
using policy::MissingDataTreatment;

struct Loaded : testing::LoadedScenario {
  using LoadedScenario::LoadedScenario;
  [[nodiscard]] const models::AutoScalingParams& group() const { return scenario.web.auto_scaling; }
};

// What the models do with a loaded rule: none of it may throw or assert.
void expect_accepted_by_the_policies(const models::AutoScalingParams& group,
                                     const models::CloudWatchParams& cloudwatch) {
  for (const models::StepScalingRule& rule : group.step_scaling) {
    EXPECT_NO_THROW(policy::validate(rule.alarm)) << rule.name;
    EXPECT_NO_THROW(policy::validate(rule.policy)) << rule.name;
    EXPECT_EQ(sim::Duration{rule.alarm.period}, cloudwatch.period) << rule.name;
    EXPECT_EQ(rule.policy.breach_threshold, rule.alarm.threshold) << rule.name;
  }
  for (const models::SimpleScalingRule& rule : group.simple_scaling) {
    EXPECT_NO_THROW(policy::validate(rule.alarm)) << rule.name;
    EXPECT_NO_THROW(policy::validate(rule.policy.adjustment)) << rule.name;
    EXPECT_EQ(sim::Duration{rule.alarm.period}, cloudwatch.period) << rule.name;
  }
}

// --- Full rules ----------------------------------------------------------------------------------

TEST(ScalingPolicies, AFullStepRuleLoadsToThePolicyStructs) {
  const Loaded s(
      "cloudwatch: {period: 30s}\n"
      "auto_scaling:\n"
      "  default_instance_warmup: 120s\n"
      "  step_scaling:\n"
      "    - name: cpu-high\n"
      "      metric: CPUUtilization\n"
      "      alarm:\n"
      "        threshold: 62.5%\n"
      "        comparison: \">=\"\n"
      "        period: 30s\n"
      "        evaluation_periods: 4\n"
      "        datapoints_to_alarm: 3\n"
      "        missing_data: not_breaching\n"
      "      adjustment_type: percent_change_in_capacity\n"
      "      min_adjustment_magnitude: 2\n"
      "      steps:\n"
      "        - {lower: 0%, upper: 7%, adjustment: 10}\n"
      "        - {lower: 7%, upper: 0.2, adjustment: 25}\n"
      "        - {lower: 20%, adjustment: 50}\n"
      "      estimated_instance_warmup: 90s\n");
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_EQ(s.group().step_scaling.size(), 1u);
  EXPECT_TRUE(s.group().simple_scaling.empty());
  const models::StepScalingRule& rule = s.group().step_scaling[0];
  EXPECT_EQ(rule.name, "cpu-high");
  EXPECT_EQ(rule.metric, "CPUUtilization");
  EXPECT_EQ(rule.alarm.threshold, 62.5);  // percent, as the CPU metric is published
  EXPECT_EQ(rule.alarm.comparison, ComparisonOperator::greater_than_or_equal_to_threshold);
  EXPECT_EQ(rule.alarm.period, 30s);
  EXPECT_EQ(rule.alarm.evaluation_periods, 4);
  EXPECT_EQ(rule.alarm.datapoints_to_alarm, 3);
  EXPECT_EQ(rule.alarm.missing_data, MissingDataTreatment::not_breaching);
  const policy::StepScalingPolicy& p = rule.policy;
  EXPECT_EQ(p.breach_threshold, 62.5);
  EXPECT_EQ(p.adjustment_type, AdjustmentType::percent_change_in_capacity);
  EXPECT_EQ(p.min_adjustment_magnitude, std::optional<int>(2));
  ASSERT_EQ(p.steps.size(), 3u);
  EXPECT_EQ(p.steps[0].lower_bound, std::optional(0.0));
  EXPECT_EQ(p.steps[0].upper_bound, std::optional(7.0));  // exactly 7, not 0.07 x 100
  EXPECT_EQ(p.steps[0].scaling_adjustment, 10);
  EXPECT_EQ(p.steps[1].lower_bound, std::optional(7.0));
  EXPECT_EQ(p.steps[1].upper_bound, std::optional(20.0));  // 0.2 is the fraction 20%
  EXPECT_EQ(p.steps[1].scaling_adjustment, 25);
  EXPECT_EQ(p.steps[2].lower_bound, std::optional(20.0));
  EXPECT_EQ(p.steps[2].upper_bound, std::nullopt);
  EXPECT_EQ(p.steps[2].scaling_adjustment, 50);
  EXPECT_EQ(p.instance_warmup, 90s);  // its own, not the group's 120 s
  expect_accepted_by_the_policies(s.group(), s.scenario.web.cloudwatch);
  // The bounds are relative to the threshold: 62.5 + 7 = 69.5 falls in the second step.
  EXPECT_EQ(policy::find_step(p, 69.4), std::optional<std::size_t>(0));
  EXPECT_EQ(policy::find_step(p, 69.5), std::optional<std::size_t>(1));
}

TEST(ScalingPolicies, AFullSimpleRuleLoadsToThePolicyStructs) {
  const Loaded s(
      "auto_scaling:\n"
      "  simple_scaling:\n"
      "    - name: slow-p99\n"
      "      metric: TargetResponseTime.p99\n"
      "      alarm: {threshold: 750ms, comparison: GreaterThanThreshold, period: 1min,\n"
      "              evaluation_periods: 5, datapoints_to_alarm: 2, missing_data: ignore}\n"
      "      adjustment_type: percent_change_in_capacity\n"
      "      adjustment: 30\n"
      "      min_adjustment_magnitude: 3\n"
      "      cooldown: 2m\n");
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_EQ(s.group().simple_scaling.size(), 1u);
  EXPECT_TRUE(s.group().step_scaling.empty());
  const models::SimpleScalingRule& rule = s.group().simple_scaling[0];
  EXPECT_EQ(rule.name, "slow-p99");
  EXPECT_EQ(rule.metric, "TargetResponseTime.p99");
  EXPECT_EQ(rule.alarm.threshold, 0.75);  // seconds, as the response time is published
  EXPECT_EQ(rule.alarm.comparison, ComparisonOperator::greater_than_threshold);
  EXPECT_EQ(rule.alarm.period, 60s);
  EXPECT_EQ(rule.alarm.evaluation_periods, 5);
  EXPECT_EQ(rule.alarm.datapoints_to_alarm, 2);
  EXPECT_EQ(rule.alarm.missing_data, MissingDataTreatment::ignore);
  EXPECT_EQ(rule.policy.adjustment.type, AdjustmentType::percent_change_in_capacity);
  EXPECT_EQ(rule.policy.adjustment.scaling_adjustment, 30);
  EXPECT_EQ(rule.policy.adjustment.min_adjustment_magnitude, std::optional<int>(3));
  EXPECT_EQ(rule.policy.cooldown, 120s);
  expect_accepted_by_the_policies(s.group(), s.scenario.web.cloudwatch);
}

TEST(ScalingPolicies, EveryComparisonHasASymbolAndAnAwsName) {
  const std::vector<std::pair<std::string, ComparisonOperator>> cases = {
      {"\">=\"", ComparisonOperator::greater_than_or_equal_to_threshold},
      {"GreaterThanOrEqualToThreshold", ComparisonOperator::greater_than_or_equal_to_threshold},
      {"\">\"", ComparisonOperator::greater_than_threshold},
      {"GreaterThanThreshold", ComparisonOperator::greater_than_threshold},
      {"<", ComparisonOperator::less_than_threshold},
      {"LessThanThreshold", ComparisonOperator::less_than_threshold},
      {"<=", ComparisonOperator::less_than_or_equal_to_threshold},
      {"LessThanOrEqualToThreshold", ComparisonOperator::less_than_or_equal_to_threshold},
  };
  for (const auto& [text, comparison] : cases) {
    const Loaded s(
        "auto_scaling: {simple_scaling: [{name: a, adjustment: 1, alarm: {threshold: "
        "50%, comparison: " +
        text + "}}]}\n");
    ASSERT_EQ(s.errors(), Lines{}) << text;
    EXPECT_EQ(s.group().simple_scaling.at(0).alarm.comparison, comparison) << text;
  }
}

// Each metric's threshold in its own unit: requests per period, seconds, instances.
TEST(ScalingPolicies, ThresholdsAndBoundsAreInTheUnitOfTheMetric) {
  const Loaded s(
      "auto_scaling:\n"
      "  step_scaling:\n"
      "    - name: busy\n"
      "      metric: RequestCount\n"
      "      alarm: {threshold: 12000, comparison: \">\"}\n"
      "      steps: [{lower: 0, upper: 6000.5, adjustment: 2}, {lower: 6000.5, adjustment: 5}]\n"
      "    - name: few-hosts\n"
      "      metric: HealthyHostCount\n"
      "      alarm: {threshold: 3, comparison: <}\n"
      "      adjustment_type: exact_capacity\n"
      "      steps: [{upper: -1, adjustment: 6}, {lower: -1, upper: 0, adjustment: 5}]\n"
      "    - name: median\n"
      "      metric: TargetResponseTime.p50\n"
      "      alarm: {threshold: 0.25s, comparison: <=}\n"
      "      steps: [{upper: -100ms, adjustment: -2}, {lower: -100ms, upper: 0s, adjustment: "
      "-1}]\n");
  ASSERT_EQ(s.errors(), Lines{});
  const auto& rules = s.group().step_scaling;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].alarm.threshold, 12000.0);
  EXPECT_EQ(rules[0].policy.steps[1].lower_bound, std::optional(6000.5));
  EXPECT_EQ(rules[1].metric, "HealthyHostCount");
  EXPECT_EQ(rules[1].alarm.threshold, 3.0);
  EXPECT_EQ(rules[1].policy.steps[0].upper_bound, std::optional(-1.0));
  EXPECT_EQ(rules[1].policy.steps[0].lower_bound, std::nullopt);
  EXPECT_EQ(rules[2].alarm.threshold, 0.25);
  EXPECT_EQ(rules[2].policy.steps[1].lower_bound, std::optional(-0.1));
  EXPECT_EQ(rules[2].policy.steps[1].upper_bound, std::optional(0.0));
  expect_accepted_by_the_policies(s.group(), s.scenario.web.cloudwatch);
}

// --- Defaults ------------------------------------------------------------------------------------

TEST(ScalingPolicies, NoRulesAndNoNetworkRoundTripByDefault) {
  const models::WebTierParams defaults{};
  for (const char* yaml : {"", "auto_scaling: {step_scaling: [], simple_scaling: []}\n"}) {
    const Loaded s(yaml);
    ASSERT_EQ(s.errors(), Lines{}) << yaml;
    EXPECT_TRUE(s.group().step_scaling.empty()) << yaml;
    EXPECT_TRUE(s.group().simple_scaling.empty()) << yaml;
    EXPECT_TRUE(s.group().target_tracking.has_value()) << yaml;
    EXPECT_EQ(s.scenario.web.load_balancer.network_rtt, defaults.load_balancer.network_rtt);
  }
}

TEST(ScalingPolicies, AbsentKeysOfARuleTakeTheStructDefaults) {
  const Loaded s(
      "cloudwatch: {period: 5m}\n"
      "auto_scaling:\n"
      "  step_scaling:\n"
      "    - {name: s, alarm: {threshold: 70%, comparison: \">\"}, steps: [{lower: 0, "
      "adjustment: 1}]}\n"
      "  simple_scaling:\n"
      "    - {name: m, alarm: {threshold: 70%, comparison: \">\"}, adjustment: 1}\n");
  ASSERT_EQ(s.errors(), Lines{});
  const models::StepScalingRule step_defaults{};
  const models::SimpleScalingRule simple_defaults{};
  const models::StepScalingRule& step = s.group().step_scaling.at(0);
  EXPECT_EQ(step.metric, step_defaults.metric);
  EXPECT_EQ(step.alarm.period, 300s);  // cloudwatch.period
  EXPECT_EQ(step.alarm.evaluation_periods, step_defaults.alarm.evaluation_periods);
  EXPECT_EQ(step.alarm.datapoints_to_alarm, step_defaults.alarm.datapoints_to_alarm);
  EXPECT_EQ(step.alarm.missing_data, step_defaults.alarm.missing_data);
  EXPECT_EQ(step.alarm.extra_range_periods, step_defaults.alarm.extra_range_periods);
  EXPECT_EQ(step.policy.adjustment_type, step_defaults.policy.adjustment_type);
  EXPECT_EQ(step.policy.min_adjustment_magnitude, std::nullopt);
  EXPECT_EQ(step.policy.instance_warmup, step_defaults.policy.instance_warmup);
  const models::SimpleScalingRule& simple = s.group().simple_scaling.at(0);
  EXPECT_EQ(simple.metric, simple_defaults.metric);
  EXPECT_EQ(simple.alarm.period, 300s);
  EXPECT_EQ(simple.policy.adjustment.type, simple_defaults.policy.adjustment.type);
  EXPECT_EQ(simple.policy.adjustment.min_adjustment_magnitude, std::nullopt);
  EXPECT_EQ(simple.policy.cooldown, simple_defaults.policy.cooldown);
  EXPECT_EQ(simple.policy.cooldown, 300s);  // DefaultCooldown
  expect_accepted_by_the_policies(s.group(), s.scenario.web.cloudwatch);
}

TEST(ScalingPolicies, DatapointsToAlarmDefaultsToEvaluationPeriods) {
  const Loaded s(
      "auto_scaling: {simple_scaling: [{name: a, metric: RequestCount, adjustment: 1,\n"
      "  alarm: {threshold: 1000, comparison: \">\", evaluation_periods: 4}}]}\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.group().simple_scaling.at(0).alarm.datapoints_to_alarm, 4);  // 4 out of 4
}

TEST(ScalingPolicies, StepWarmupFallsBackToTheGroupsDefaultInstanceWarmup) {
  const Loaded s(
      "auto_scaling:\n"
      "  default_instance_warmup: 45s\n"
      "  step_scaling: [{name: a, alarm: {threshold: 50%, comparison: \">\"},\n"
      "                  steps: [{lower: 0, adjustment: 1}]}]\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.group().step_scaling.at(0).policy.instance_warmup, 45s);
}

TEST(ScalingPolicies, TargetTrackingAndRulesLiveTogether) {
  const Loaded s(
      "auto_scaling:\n"
      "  target_tracking: {target: 40%}\n"
      "  simple_scaling: [{name: a, adjustment: 1, alarm: {threshold: 90%, comparison: \">\"}}]\n");
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_TRUE(s.group().target_tracking.has_value());
  EXPECT_EQ(s.group().target_tracking->target_value, 40.0);
  EXPECT_EQ(s.group().simple_scaling.size(), 1u);
}

// --- network_rtt ---------------------------------------------------------------------------------

TEST(ScalingPolicies, NetworkRttIsADurationUpToTenSeconds) {
  const Loaded s("load_balancer: {network_rtt: 35ms}\n");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.load_balancer.network_rtt, 35ms);
  const Loaded edge("load_balancer: {network_rtt: 10s}\n");
  ASSERT_EQ(edge.errors(), Lines{});
  EXPECT_EQ(edge.scenario.web.load_balancer.network_rtt, 10s);
  const Loaded too_long(
      "load_balancer:\n"
      "  network_rtt: 10001ms\n");  // value at column 16
  EXPECT_EQ(too_long.errors(), Lines{"s.yaml:2:16: error: load_balancer.network_rtt: expected a "
                                     "duration from 0s to 10s, found '10001ms'"});
  const Loaded negative("load_balancer: {network_rtt: -5ms}\n");  // value at column 30
  EXPECT_EQ(negative.errors(), Lines{"s.yaml:1:30: error: load_balancer.network_rtt: expected a "
                                     "duration from 0s to 10s, found '-5ms'"});
  const Loaded bare("load_balancer: {network_rtt: 40}\n");
  EXPECT_EQ(bare.errors(), Lines{"s.yaml:1:30: error: load_balancer.network_rtt: expected a "
                                 "duration with a unit, like 30s, found '40'"});
}

// --- Errors --------------------------------------------------------------------------------------

TEST(ScalingPolicies, ReportsMistakesOfRulesAndAlarmsAtTheirKeys) {
  const Loaded s(
      "auto_scaling:\n"                                                 // 1
      "  step_scaling:\n"                                               // 2
      "    - name: cpu high\n"                                          // 3: value at column 13
      "      metric: CPUUtilisation\n"                                  // 4: value at column 15
      "      alarm:\n"                                                  // 5
      "        threshold: 60%\n"                                        // 6
      "        comparison: GreaterThanTreshold\n"                       // 7: value at column 21
      "        period: 5m\n"                                            // 8: value at column 17
      "        evaluation_periods: 1441\n"                              // 9: value at column 29
      "        missing_data: notBreaching\n"                            // 10: value at column 23
      "      steps: [{lower: 0, adjustment: 1}]\n"                      // 11
      "    - name: b\n"                                                 // 12
      "      alarm: {threshold: 50%, comparison: \"<\",\n"              // 13
      "              evaluation_periods: 3, datapoints_to_alarm: 4}\n"  // 14: column 59
      "      min_adjustment_magnitude: 2\n"                             // 15: value at column 33
      "      steps: [{upper: 0, adjustment: 1}]\n"                      // 16
      "  simple_scaling:\n"                                             // 17
      "    - name: b\n"                                                 // 18: value at column 13
      "      alarm: {threshold: 60, comparison: \">\"}\n"               // 19: value at column 26
      "      adjustment_type: exact_capacity\n"                         // 20
      "      adjustment: -1\n"                                          // 21: value at column 19
      "      cooldown: 1.5s\n"                                          // 22: value at column 17
      "    - name: TargetTracking-AlarmHigh\n"                          // 23: value at column 13
      "      metric: TargetResponseTime.p99\n"                          // 24
      "      alarm: {threshold: 0.8, comparison: \">\"}\n");            // 25: value at column 26
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:3:13: error: auto_scaling.step_scaling[0].name: expected a name of letters, "
          "digits, '-' and '_', at most 255 characters (it names the rule's CloudWatch alarm and "
          "its records), found 'cpu high'",
          "s.yaml:4:15: error: auto_scaling.step_scaling[0].metric: expected one of "
          "CPUUtilization, RequestCount, TargetResponseTime.p50, TargetResponseTime.p99, "
          "HealthyHostCount, found 'CPUUtilisation' (did you mean 'CPUUtilization'?)",
          "s.yaml:7:21: error: auto_scaling.step_scaling[0].alarm.comparison: expected one of "
          ">=, >, <, <=, GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, "
          "LessThanOrEqualToThreshold, found 'GreaterThanTreshold' (did "
          "you mean 'GreaterThanThreshold'?)",
          "s.yaml:8:17: error: auto_scaling.step_scaling[0].alarm.period: an alarm's period is "
          "cloudwatch.period (1min), the period the tier publishes its metrics at; found '5m' "
          "(leave it out)",
          "s.yaml:9:29: error: auto_scaling.step_scaling[0].alarm.evaluation_periods: 1441 "
          "datapoints of 1min (cloudwatch.period) span more than a day, CloudWatch's limit for "
          "an alarm",
          "s.yaml:10:23: error: auto_scaling.step_scaling[0].alarm.missing_data: expected one of "
          "missing, not_breaching, breaching, ignore, found 'notBreaching' (did you mean "
          "'not_breaching'?)",
          "s.yaml:14:59: error: auto_scaling.step_scaling[1].alarm.datapoints_to_alarm: "
          "datapoints_to_alarm (4) must not exceed evaluation_periods (3)",
          "s.yaml:15:33: error: auto_scaling.step_scaling[1].min_adjustment_magnitude: "
          "min_adjustment_magnitude goes with adjustment_type: percent_change_in_capacity only",
          "s.yaml:18:13: error: auto_scaling.simple_scaling[0].name: the name 'b' is already "
          "used by auto_scaling.step_scaling[1]: each rule names its CloudWatch alarm, so names "
          "are unique",
          "s.yaml:19:26: error: auto_scaling.simple_scaling[0].alarm.threshold: expected a "
          "fraction from 0 to 1 (0% to 100%), found '60' (did you mean 60%?)",
          "s.yaml:21:19: error: auto_scaling.simple_scaling[0].adjustment: expected an integer "
          "from 0 to 100000, found '-1'",
          "s.yaml:22:17: error: auto_scaling.simple_scaling[0].cooldown: expected a whole number "
          "of seconds, found '1.5s'",
          "s.yaml:23:7: error: auto_scaling.simple_scaling[1].adjustment: missing required key "
          "'adjustment'",
          "s.yaml:23:13: error: auto_scaling.simple_scaling[1].name: names starting with "
          "'TargetTracking-' are kept for the alarms of target_tracking, found "
          "'TargetTracking-AlarmHigh'",
          "s.yaml:25:26: error: auto_scaling.simple_scaling[1].alarm.threshold: expected a "
          "duration with a unit, like 30s, found '0.8'",
      }));
}

TEST(ScalingPolicies, ReportsMissingRequiredKeysWhereTheirMappingStarts) {
  const Loaded s(
      "auto_scaling:\n"                 // 1
      "  step_scaling:\n"               // 2
      "    - metric: RequestCount\n"    // 3: the rule's mapping at column 7
      "  simple_scaling:\n"             // 4
      "    - name: a\n"                 // 5: the rule's mapping at column 7
      "      alarm: {threshold: 5%}\n"  // 6: the alarm's mapping at column 14
      "      adjustment: 1\n"           // 7
      "    - {name: c, adjustment: 1, alarm: {comparison: \">\"}}\n");  // 8: alarm at 39
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:3:7: error: auto_scaling.step_scaling[0].name: missing required key 'name'",
          "s.yaml:3:7: error: auto_scaling.step_scaling[0].alarm: missing required key 'alarm'",
          "s.yaml:3:7: error: auto_scaling.step_scaling[0].steps: missing required key 'steps'",
          "s.yaml:6:14: error: auto_scaling.simple_scaling[0].alarm.comparison: missing required "
          "key 'comparison'",
          "s.yaml:8:39: error: auto_scaling.simple_scaling[1].alarm.threshold: missing required "
          "key 'threshold'",
      }));
}

TEST(ScalingPolicies, ReportsStepsThatLeaveGapsOverlapOrLackBounds) {
  const Loaded s(
      "auto_scaling:\n"                                     // 1
      "  step_scaling:\n"                                   // 2
      "    - name: no-bounds\n"                             // 3
      "      alarm: {threshold: 50%, comparison: \">\"}\n"  // 4
      "      steps: [{adjustment: 1}]\n"                    // 5: the step at column 15
      "    - name: gap\n"                                   // 6
      "      alarm: {threshold: 50%, comparison: \">\"}\n"  // 7
      "      steps:\n"                                      // 8
      "        - {lower: 0%, upper: 10%, adjustment: 1}\n"  // 9
      "        - {lower: 15%, adjustment: 2}\n"             // 10: lower at column 19
      "    - name: overlap\n"                               // 11
      "      alarm: {threshold: 50%, comparison: \">\"}\n"  // 12
      "      steps:\n"                                      // 13
      "        - {lower: 0%, upper: 20%, adjustment: 1}\n"  // 14
      "        - {lower: 10%, adjustment: 2}\n"             // 15: lower at column 19
      "    - name: inverted\n"                              // 16
      "      alarm: {threshold: 50%, comparison: \">\"}\n"  // 17
      "      steps:\n"                                      // 18
      "        - {lower: 10%, upper: 5%, adjustment: 1}\n"  // 19: upper at column 31
      "        - {lower: 5%, adjustment: 2}\n"              // 20
      "    - name: open-in-the-middle\n"                    // 21
      "      alarm: {threshold: 50%, comparison: \">\"}\n"  // 22
      "      steps:\n"                                      // 23
      "        - {lower: 0%, adjustment: 1}\n"              // 24: the step at column 11
      "        - {upper: 20%, adjustment: 2}\n");           // 25: the step at column 11
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:5:15: error: auto_scaling.step_scaling[0].steps[0]: a step needs a lower or an "
          "upper bound (or both)",
          "s.yaml:10:19: error: auto_scaling.step_scaling[1].steps[1].lower: leaves a gap after "
          "the previous step, which ends at '10%': steps come in ascending order, each starting "
          "where the previous one ends",
          "s.yaml:15:19: error: auto_scaling.step_scaling[2].steps[1].lower: overlaps the "
          "previous step, which ends at '20%': steps come in ascending order, each starting "
          "where the previous one ends",
          "s.yaml:19:31: error: auto_scaling.step_scaling[3].steps[0].upper: the upper bound "
          "must be above the lower bound ('10%')",
          "s.yaml:24:11: error: auto_scaling.step_scaling[4].steps[0].upper: only the last step "
          "may leave out its upper bound",
          "s.yaml:25:11: error: auto_scaling.step_scaling[4].steps[1].lower: only the first step "
          "may leave out its lower bound",
      }));
}

TEST(ScalingPolicies, ReportsStepsThatCouldNeverAct) {
  const Loaded s(
      "auto_scaling:\n"                                     // 1
      "  step_scaling:\n"                                   // 2
      "    - name: negative-lower\n"                        // 3
      "      alarm: {threshold: 50%, comparison: \">\"}\n"  // 4
      "      steps: [{lower: -10%, upper: 0%, adjustment: -1}, {lower: 0%, adjustment: 1}]\n"
      // 5: the first lower at column 23
      "    - name: positive-upper\n"                        // 6
      "      alarm: {threshold: 50%, comparison: \"<\"}\n"  // 7
      "      steps: [{upper: 0%, adjustment: -1}, {lower: 0%, upper: 10%, adjustment: 1}]\n"
      // 8: the last upper at column 63
      "    - name: dead-high\n"                              // 9
      "      alarm: {threshold: 50%, comparison: \">=\"}\n"  // 10
      "      steps: [{upper: 0%, adjustment: 1}]\n"          // 11: column 23
      "    - name: dead-low\n"                               // 12
      "      alarm: {threshold: 50%, comparison: <}\n"       // 13
      "      steps: [{lower: 0%, adjustment: -1}]\n"         // 14: column 23
      "    - name: no-step\n"                                // 15
      "      alarm: {threshold: 50%, comparison: <}\n"       // 16
      "      steps: []\n");                                  // 17: column 14
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:5:23: error: auto_scaling.step_scaling[0].steps[0].lower: a negative lower "
          "bound needs a step below it without one: leave out the first step's lower bound",
          "s.yaml:8:63: error: auto_scaling.step_scaling[1].steps[1].upper: a positive upper "
          "bound needs a step above it without one: leave out the last step's upper bound",
          "s.yaml:11:23: error: auto_scaling.step_scaling[2].steps[0].upper: the alarm breaches "
          "above the threshold (comparison >=), so the last step must leave out its upper bound, "
          "or the policy could never act",
          "s.yaml:14:23: error: auto_scaling.step_scaling[3].steps[0].lower: the alarm breaches "
          "below the threshold (comparison <), so the first step must leave out its lower bound, "
          "or the policy could never act",
          "s.yaml:17:14: error: auto_scaling.step_scaling[4].steps: a step scaling policy needs "
          "a step",
      }));
}

TEST(ScalingPolicies, ReportsAdjustmentsOutOfRange) {
  const Loaded s(
      "auto_scaling:\n"                                              // 1
      "  step_scaling:\n"                                            // 2
      "    - name: pct\n"                                            // 3
      "      alarm: {threshold: 50%, comparison: \">\"}\n"           // 4
      "      adjustment_type: percent_change_in_capacity\n"          // 5
      "      min_adjustment_magnitude: 0\n"                          // 6: column 33
      "      steps: [{lower: 0%, adjustment: -101}]\n"               // 7: column 39
      "      estimated_instance_warmup: 2.5s\n"                      // 8: column 34
      "    - name: change\n"                                         // 9
      "      alarm: {threshold: 50%, comparison: \">\"}\n"           // 10
      "      steps: [{lower: 0%, upper: 20, adjustment: 100001}]\n"  // 11: columns 34, 50
      "      adjustment_type: exact_capcity\n");                     // 12: column 24
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "s.yaml:6:33: error: auto_scaling.step_scaling[0].min_adjustment_magnitude: expected "
          "an integer from 1 to 100000, found '0'",
          "s.yaml:7:39: error: auto_scaling.step_scaling[0].steps[0].adjustment: expected an "
          "integer from -100 to 100000, found '-101'",
          "s.yaml:8:34: error: auto_scaling.step_scaling[0].estimated_instance_warmup: expected "
          "a whole number of seconds, found '2.5s'",
          "s.yaml:11:34: error: auto_scaling.step_scaling[1].steps[0].upper: expected a fraction "
          "from -1 to 1 (-100% to 100%), found '20' (did you mean 20%?)",
          "s.yaml:11:50: error: auto_scaling.step_scaling[1].steps[0].adjustment: expected an "
          "integer from -100000 to 100000, found '100001'",
          "s.yaml:12:24: error: auto_scaling.step_scaling[1].adjustment_type: expected one of "
          "change_in_capacity, exact_capacity, percent_change_in_capacity, found 'exact_capcity' "
          "(did you mean 'exact_capacity'?)",
      }));
}

// Each would trip a model assertion or a policy exception if it reached a model; each is one
// error, and the rest of the scenario is valid.
TEST(ScalingPolicies, RejectsEveryValueThatWouldAbortAModelOrAPolicy) {
  const std::string rule = "{name: r, alarm: {threshold: 50%, comparison: \">\"";
  const std::vector<std::string> bad = {
      "auto_scaling: {step_scaling: [" + rule +
          ", evaluation_periods: 0}, steps: [{lower: 0, "
          "adjustment: 1}]}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          ", datapoints_to_alarm: 2}, steps: [{lower: 0, "
          "adjustment: 1}]}]}\n",
      "cloudwatch: {period: 30s}\nauto_scaling: {step_scaling: [" + rule +
          ", evaluation_periods: 2881}, steps: [{lower: 0, adjustment: 1}]}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          ", period: 30s}, steps: [{lower: 0, "
          "adjustment: 1}]}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          "}, steps: [{lower: 0, adjustment: 1}, {lower: 0, "
          "adjustment: 2}]}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          "}, steps: [{lower: 0, upper: 5%, adjustment: "
          "1}, {lower: 5%, upper: 6%, adjustment: 2}]}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          "}, adjustment_type: exact_capacity, steps: "
          "[{lower: 0, adjustment: -1}]}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          "}, steps: [{lower: 0, adjustment: 1}], "
          "estimated_instance_warmup: -1s}]}\n",
      "auto_scaling: {step_scaling: [" + rule +
          "}, steps: [{lower: 0, adjustment: 2147483647}]}]}"
          "\n",
      "auto_scaling: {step_scaling: [" + rule + "}, steps: [{lower: 0, adjustment: 1}]}, " + rule +
          "}, steps: [{lower: 0, adjustment: 1}]}]}\n",
      "auto_scaling: {simple_scaling: [" + rule +
          "}, adjustment: 1, min_adjustment_magnitude: "
          "1}]}\n",
      "auto_scaling: {simple_scaling: [" + rule + "}, adjustment: 1, cooldown: -1s}]}\n",
      "auto_scaling: {simple_scaling: [" + rule +
          "}, adjustment_type: "
          "percent_change_in_capacity, adjustment: 1, min_adjustment_magnitude: 0}]}\n",
      "auto_scaling: {simple_scaling: [{name: r, metric: CPU, adjustment: 1, alarm: {threshold: "
      "50%, comparison: \">\"}}]}\n",
      "auto_scaling: {simple_scaling: [{name: \"dc/x\", adjustment: 1, alarm: {threshold: 50%, "
      "comparison: \">\"}}]}\n",
      "auto_scaling: {simple_scaling: [{name: r, adjustment: 1, alarm: {threshold: 101%, "
      "comparison: \">\"}}]}\n",
      "auto_scaling: {simple_scaling: [{name: r, metric: RequestCount, adjustment: 1, alarm: "
      "{threshold: -1, comparison: \">\"}}]}\n",
      "auto_scaling: {simple_scaling: [{name: r, metric: RequestCount, adjustment: 1, alarm: "
      "{threshold: .inf, comparison: \">\"}}]}\n",
  };
  for (const std::string& yaml : bad) {
    const Loaded s(yaml);
    EXPECT_EQ(s.errors().size(), 1u) << yaml << ::testing::PrintToString(s.errors());
  }
}

// Unquoted, `>` starts a YAML block scalar (empty before a less indented line) and `>=` does not
// parse at all; the README says to quote them.
TEST(ScalingPolicies, AnUnquotedGreaterThanIsReportedWithAHint) {
  const Loaded flow(
      "auto_scaling:\n"
      "  simple_scaling:\n"
      "    - name: a\n"
      "      adjustment: 1\n"
      "      alarm: {threshold: 50%, comparison: >=}\n");  // '>' at column 43
  EXPECT_EQ(flow.errors(), Lines{"s.yaml:5:43: error: invalid YAML: unknown token"});
  const Loaded block(
      "auto_scaling:\n"
      "  simple_scaling:\n"
      "    - name: a\n"
      "      adjustment: 1\n"
      "      alarm:\n"
      "        comparison: >\n"  // value at column 21
      "        threshold: 50%\n");
  EXPECT_EQ(block.errors(),
            Lines{"s.yaml:6:21: error: auto_scaling.simple_scaling[0].alarm.comparison: expected "
                  "a comparison, found nothing: a bare > or >= starts a YAML block scalar, so "
                  "quote it (\">\", \">=\") or write GreaterThanThreshold, "
                  "GreaterThanOrEqualToThreshold"});
}

// --- The README --------------------------------------------------------------------------------

std::string readme_example(std::string_view heading) {
  std::ifstream in(std::filesystem::path(B24_SOURCE_DIR) / "scenarios" / "README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const std::size_t section = readme.find(heading);
  if (section == std::string::npos) return "heading not found";
  const std::size_t begin = readme.find("```yaml\n", section);
  const std::size_t end = readme.find("```", begin + 8);
  if (begin == std::string::npos || end == std::string::npos) return "example not found";
  return readme.substr(begin + 8, end - begin - 8);
}

TEST(ScalingPolicies, TheReadmeExampleLoadsAndRunsInTheModels) {
  const Loaded s(
      readme_example("### `auto_scaling.step_scaling` and `auto_scaling.simple_scaling`"));
  ASSERT_EQ(s.errors(), Lines{});
  const models::AutoScalingParams& group = s.group();
  ASSERT_EQ(group.step_scaling.size(), 1u);
  ASSERT_EQ(group.simple_scaling.size(), 1u);
  EXPECT_TRUE(group.target_tracking.has_value());
  const models::StepScalingRule& step = group.step_scaling[0];
  EXPECT_EQ(step.name, "cpu-high");
  EXPECT_EQ(step.alarm.threshold, 60.0);
  EXPECT_EQ(step.alarm.comparison, ComparisonOperator::greater_than_or_equal_to_threshold);
  EXPECT_EQ(step.alarm.evaluation_periods, 3);
  EXPECT_EQ(step.alarm.datapoints_to_alarm, 2);
  ASSERT_EQ(step.policy.steps.size(), 2u);
  EXPECT_EQ(step.policy.steps[0].upper_bound, std::optional(20.0));
  EXPECT_EQ(step.policy.steps[1].scaling_adjustment, 4);
  const models::SimpleScalingRule& simple = group.simple_scaling[0];
  EXPECT_EQ(simple.name, "slow-p99");
  EXPECT_EQ(simple.metric, "TargetResponseTime.p99");
  EXPECT_EQ(simple.alarm.threshold, 0.8);
  EXPECT_EQ(simple.policy.adjustment.scaling_adjustment, 2);
  EXPECT_EQ(simple.policy.cooldown, 300s);
  EXPECT_EQ(s.scenario.web.load_balancer.network_rtt, 40ms);
  expect_accepted_by_the_policies(group, s.scenario.web.cloudwatch);
  // The models take it: every rule gets its alarm, and an hour runs without an assertion.
  sim::NullRecorder recorder;
  sim::Simulator simulator(s.scenario.seed);
  models::WebTier tier(simulator, s.scenario.web, s.scenario.slo, recorder);
  tier.start();
  simulator.run_until(sim::start_instant + 1h);
  EXPECT_GT(tier.totals().requests.served, 0u);
}

}  // namespace
}  // namespace b24::scenarios
