// CloudWatch alarm evaluation, read against the CloudWatch User Guide: "Evaluating an alarm" (the
// 3-of-3 figure), and both tables of "How alarm state is evaluated when data is missing"
// (period 5 minutes, the 5 most recent datapoints retrieved). In the patterns, oldest first,
// 0 is a non-breaching datapoint, X a breaching one and - a missing one.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "policy/alarm.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

constexpr double threshold = 50.0;
constexpr double breaching_value = 80.0;
constexpr double quiet_value = 20.0;

// Evaluated at 10:25:30: the newest ended 5-minute period starts at 10:20, the oldest of the five
// at 10:00. (The period 10:25-10:30 is still collecting.)
Timestamp evaluation_time() {
  return test::at(10h, 25min, 30s);
}

std::vector<Datapoint> datapoints(const std::string& oldest_first) {
  std::vector<Datapoint> points;
  Timestamp start = test::at(10h, 25min) - 5min * static_cast<int>(oldest_first.size());
  for (const char symbol : oldest_first) {
    if (symbol != '-') points.push_back({start, symbol == 'X' ? breaching_value : quiet_value});
    start += 5min;
  }
  return points;
}

AlarmConfig table_config(int datapoints_to_alarm, MissingDataTreatment treatment) {
  AlarmConfig config;
  config.threshold = threshold;
  config.comparison = ComparisonOperator::greater_than_threshold;
  config.period = 5min;
  config.evaluation_periods = 3;
  config.datapoints_to_alarm = datapoints_to_alarm;
  config.missing_data = treatment;
  return config;
}

// One row of an AWS table: the state under each treatment; nullopt means "retain current state".
struct TableRow {
  int datapoints_to_alarm;
  std::string pattern;
  std::optional<AlarmState> missing;
  std::optional<AlarmState> ignore;
  std::optional<AlarmState> breaching;
  std::optional<AlarmState> not_breaching;
};

void expect_row(const TableRow& row, MissingDataTreatment treatment,
                std::optional<AlarmState> expected) {
  // Retaining is visible only if it retains different states: try both OK and ALARM.
  for (const AlarmState current : {AlarmState::ok, AlarmState::alarm}) {
    SCOPED_TRACE(row.pattern + " M=" + std::to_string(row.datapoints_to_alarm) + " treatment " +
                 std::string(to_string(treatment)) + " current " + std::string(to_string(current)));
    const AlarmDecision decision =
        evaluate_alarm(table_config(row.datapoints_to_alarm, treatment),
                       AlarmObservation{evaluation_time(), current, datapoints(row.pattern)});
    EXPECT_EQ(decision.state, expected.value_or(current)) << decision.reason;
  }
}

class AwsMissingDataTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(AwsMissingDataTable, EachTreatmentGivesTheDocumentedState) {
  const TableRow& row = GetParam();
  expect_row(row, MissingDataTreatment::missing, row.missing);
  expect_row(row, MissingDataTreatment::ignore, row.ignore);
  expect_row(row, MissingDataTreatment::breaching, row.breaching);
  expect_row(row, MissingDataTreatment::not_breaching, row.not_breaching);
}

constexpr auto ok = AlarmState::ok;
constexpr auto in_alarm = AlarmState::alarm;
constexpr auto insufficient = AlarmState::insufficient_data;
constexpr std::optional<AlarmState> retain = std::nullopt;

INSTANTIATE_TEST_SUITE_P(
    ThreeOfThree, AwsMissingDataTable,
    ::testing::Values(TableRow{3, "0-X-X", ok, ok, ok, ok}, TableRow{3, "0----", ok, ok, ok, ok},
                      TableRow{3, "-----", insufficient, retain, in_alarm, ok},
                      TableRow{3, "0XX-X", in_alarm, in_alarm, in_alarm, in_alarm},
                      TableRow{3, "----X", insufficient, retain, in_alarm, ok}));

INSTANTIATE_TEST_SUITE_P(
    TwoOfThree, AwsMissingDataTable,
    ::testing::Values(TableRow{2, "0-X-X", in_alarm, in_alarm, in_alarm, in_alarm},
                      TableRow{2, "00X0X", in_alarm, in_alarm, in_alarm, in_alarm},
                      TableRow{2, "0-X--", ok, ok, in_alarm, ok},
                      TableRow{2, "----0", ok, ok, in_alarm, ok},
                      TableRow{2, "----X", insufficient, retain, in_alarm, ok}));

// The sixth row of the 3-of-3 table, "X - - - -", is ALARM / retain / ALARM / OK in the AWS
// table. We match it for ignore, breaching and notBreaching, and deliberately give
// INSUFFICIENT_DATA under `missing` (the same as "- - - - X"): see alarm.hpp.
TEST(Alarm, SixthTableRowDeviatesOnlyUnderMissing) {
  const TableRow row{3, "X----", insufficient, retain, in_alarm, ok};
  expect_row(row, MissingDataTreatment::missing, row.missing);
  expect_row(row, MissingDataTreatment::ignore, row.ignore);
  expect_row(row, MissingDataTreatment::breaching, row.breaching);
  expect_row(row, MissingDataTreatment::not_breaching, row.not_breaching);
}

// The guide's figure: threshold 3, 3 of 3. The alarm goes to ALARM when periods three to five
// breach, back to OK at period six, and stays OK when period nine breaches alone.
TEST(Alarm, FigureThreeOfThreeAlarmsOnlyOnThreeConsecutiveBreaches) {
  AlarmConfig config;
  config.threshold = 3.0;
  config.comparison = ComparisonOperator::greater_than_threshold;
  config.period = 60s;
  config.evaluation_periods = 3;
  config.datapoints_to_alarm = 3;
  const std::vector<double> values{1, 2, 4, 4, 4, 2, 1, 2, 4, 2};
  const std::vector<AlarmState> expected{ok, ok, ok, ok, in_alarm, ok, ok, ok, ok, ok};
  std::vector<Datapoint> published;
  AlarmState state = AlarmState::insufficient_data;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Timestamp period_start = test::at(9h, std::chrono::minutes{i});
    published.push_back({period_start, values[i]});
    const AlarmDecision decision =
        evaluate_alarm(config, AlarmObservation{period_start + 60s, state, published});
    EXPECT_EQ(decision.state, expected[i]) << "period " << i + 1 << ": " << decision.reason;
    state = decision.state;
  }
}

TEST(Alarm, BreachingDatapointsNeedNotBeConsecutive) {
  AlarmConfig config = table_config(3, MissingDataTreatment::missing);
  config.evaluation_periods = 5;
  EXPECT_EQ(evaluate_alarm(config, {evaluation_time(), ok, datapoints("X0X0X")}).state, in_alarm);
  EXPECT_EQ(evaluate_alarm(config, {evaluation_time(), ok, datapoints("X00X0")}).state, ok);
}

TEST(Alarm, ComparisonAtTheThresholdItself) {
  AlarmConfig config = table_config(1, MissingDataTreatment::missing);
  EXPECT_FALSE(is_breaching(config, threshold));  // GreaterThanThreshold
  config.comparison = ComparisonOperator::greater_than_or_equal_to_threshold;
  EXPECT_TRUE(is_breaching(config, threshold));
  config.comparison = ComparisonOperator::less_than_threshold;
  EXPECT_FALSE(is_breaching(config, threshold));
  EXPECT_TRUE(is_breaching(config, threshold - 0.001));
  config.comparison = ComparisonOperator::less_than_or_equal_to_threshold;
  EXPECT_TRUE(is_breaching(config, threshold));
}

TEST(Alarm, UnfinishedAndTooOldPeriodsAreIgnored) {
  const AlarmConfig config = table_config(1, MissingDataTreatment::missing);
  // 10:25 is still collecting at 10:25:30; 09:55 is six periods back, outside the range of 5.
  const std::vector<Datapoint> points{{test::at(10h, 25min), breaching_value},
                                      {test::at(9h, 55min), breaching_value}};
  const AlarmDecision decision = evaluate_alarm(config, {evaluation_time(), ok, points});
  EXPECT_EQ(decision.state, insufficient) << decision.reason;
  EXPECT_EQ(decision.real_datapoints, 0);
}

TEST(Alarm, ReportsTheTransition) {
  const AlarmConfig config = table_config(3, MissingDataTreatment::missing);
  const AlarmDecision to_ok =
      evaluate_alarm(config, {evaluation_time(), in_alarm, datapoints("XX0")});
  EXPECT_EQ(to_ok.state, ok);
  EXPECT_TRUE(to_ok.changed);
  EXPECT_EQ(to_ok.breaching_datapoints, 2);
  const AlarmDecision stays = evaluate_alarm(config, {evaluation_time(), ok, datapoints("0X0")});
  EXPECT_FALSE(stays.changed);
  EXPECT_NE(stays.reason.find("1 of the last 3"), std::string::npos) << stays.reason;
}

TEST(Alarm, RejectsConfigurationsCloudWatchRejects) {
  AlarmConfig config = table_config(3, MissingDataTreatment::missing);
  config.period = 45s;  // neither 10 s, 30 s nor a multiple of 60 s
  EXPECT_THROW(validate(config), std::invalid_argument);
  config.period = 30s;
  EXPECT_NO_THROW(validate(config));
  config.period = 1h;
  config.evaluation_periods = 25;  // 25 hours > 1 day
  config.datapoints_to_alarm = 1;
  EXPECT_THROW(validate(config), std::invalid_argument);
}

TEST(Alarm, RejectsMisalignedAndDuplicateDatapoints) {
  const AlarmConfig config = table_config(1, MissingDataTreatment::missing);
  const std::vector<Datapoint> misaligned{{test::at(10h, 21min), breaching_value}};
  EXPECT_THROW((void)evaluate_alarm(config, {evaluation_time(), ok, misaligned}),
               std::invalid_argument);
  const std::vector<Datapoint> duplicate{{test::at(10h, 20min), breaching_value},
                                         {test::at(10h, 20min), quiet_value}};
  EXPECT_THROW((void)evaluate_alarm(config, {evaluation_time(), ok, duplicate}),
               std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy
