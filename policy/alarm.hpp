#pragma once
// CloudWatch alarm evaluation: "M out of N" datapoints against a threshold, with a treatment for
// missing data. Source: CloudWatch User Guide, "Using Amazon CloudWatch alarms" (Evaluating an
// alarm; Configuring how CloudWatch alarms treat missing data); summary in DOMAIN.md section 2.
// It lives in policy/ because every Auto Scaling decision starts from an alarm state.
//
// The rule implemented (AWS text, then our reading where the text is silent):
//  - The alarm looks at an evaluation range of more than N periods (N + extra_range_periods).
//  - At least N real datapoints in the range: the N most recent real ones are evaluated and the
//    missing-data treatment is not used. ALARM when at least M of them breach, else OK.
//  - No real datapoint: `missing` -> INSUFFICIENT_DATA, `ignore` -> keep the current state,
//    `breaching` -> ALARM, `notBreaching` -> OK.
//  - Some, but fewer than N, real datapoints: every real one is evaluated, and "missing data
//    points are used as few times as possible": N - real points are filled. `breaching` and
//    `notBreaching` fill them as such. For `missing` and `ignore` the filled points are unknown:
//    ALARM when the real points alone reach M; OK when at least one real point is not breaching;
//    otherwise the data is insufficient (`missing` -> INSUFFICIENT_DATA, `ignore` keeps the state).
// This reproduces every cell of both AWS example tables (3 of 3 and 2 of 3, 5 points retrieved)
// except one: for 3 of 3 with "X - - - -" AWS lists ALARM under `missing`, while "- - - - X"
// gives INSUFFICIENT_DATA; no rule of the text separates the two, and we give INSUFFICIENT_DATA
// to both (the conservative answer: no scaling action on one breaching point).

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "policy/time.hpp"

namespace b24::policy {

enum class AlarmState { ok, alarm, insufficient_data };

// CloudWatch's ComparisonOperator values (the anomaly-detection ones are out of scope).
enum class ComparisonOperator {
  greater_than_or_equal_to_threshold,
  greater_than_threshold,
  less_than_threshold,
  less_than_or_equal_to_threshold,
};

// CloudWatch's TreatMissingData values; `missing` is CloudWatch's default.
enum class MissingDataTreatment { missing, not_breaching, breaching, ignore };

struct AlarmConfig {
  double threshold = 0.0;
  ComparisonOperator comparison = ComparisonOperator::greater_than_threshold;
  // Length of one datapoint. CloudWatch alarms take 10 s or 30 s (high resolution) or any
  // multiple of 60 s; EvaluationPeriods x Period may not exceed one day.
  std::chrono::seconds period{60};
  int evaluation_periods = 1;   // N
  int datapoints_to_alarm = 1;  // M, 1 <= M <= N; breaching points need not be consecutive
  MissingDataTreatment missing_data = MissingDataTreatment::missing;
  // CloudWatch retrieves more than N points; how many is not published. Assumption: N + 2,
  // the figure of the AWS example tables (N = 3 retrieves the 5 most recent points).
  int extra_range_periods = 2;
};

// One datapoint; as in CloudWatch its timestamp is the start of its period, and periods are
// aligned to the clock (a multiple of the period since the Unix epoch).
struct Datapoint {
  Timestamp period_start{};
  double value = 0.0;
};

struct AlarmObservation {
  Timestamp now{};
  AlarmState current_state = AlarmState::insufficient_data;  // where a new alarm starts
  // Published datapoints in any order. Only periods that have ended at `now` and lie in the
  // evaluation range count; older and unfinished ones are ignored. One datapoint per period.
  std::vector<Datapoint> datapoints{};
};

struct AlarmDecision {
  AlarmState state = AlarmState::insufficient_data;
  bool changed = false;          // state differs from the observation's current_state
  int real_datapoints = 0;       // real datapoints evaluated
  int filled_datapoints = 0;     // missing datapoints filled in by the treatment
  int breaching_datapoints = 0;  // among the evaluated ones (real and filled)
  std::string reason{};
};

// Throws std::invalid_argument when the configuration breaks a CloudWatch rule listed above.
void validate(const AlarmConfig& config);

[[nodiscard]] bool is_breaching(const AlarmConfig& config, double value);

[[nodiscard]] AlarmDecision evaluate_alarm(const AlarmConfig& config,
                                           const AlarmObservation& observation);

// CloudWatch's spelling: OK, ALARM, INSUFFICIENT_DATA.
[[nodiscard]] std::string_view to_string(AlarmState state);
// CloudWatch's spelling: missing, notBreaching, breaching, ignore.
[[nodiscard]] std::string_view to_string(MissingDataTreatment treatment);
// >=, >, <, <=
[[nodiscard]] std::string_view to_string(ComparisonOperator comparison);

}  // namespace b24::policy
