#pragma once
// Times of day and calendar instants in scenario text (issue 6):
//
// time of day  H?H ":" MM (":" SS ("." F{1,6})?)? zone?     "11:00", "9:30", "23:59:59.5"
// date-time    YYYY "-" MM "-" DD (("T" | " ") time-of-day-without-zone)? zone?
//                                                          "2026-11-26", "2026-11-26T11:00"
// zone         "Z" | " UTC" | " local" | ("+" | "-") HH ":" MM   (date-time only for offsets)
//
// Without a zone a value is UTC, like the simulated clock. " local" is kept as a flag: the value
// is then a wall-clock reading in the time zone of whatever the key belongs to (a DC, a tenant
// cohort), and the model, which knows that zone, converts it. Hours 0-23 (no "24:00"), no leap
// seconds, fractions of a second to the microsecond.

#include <chrono>
#include <string_view>

#include "scenarios/parsed.hpp"
#include "sim/time.hpp"

namespace b24::scenarios {

struct TimeOfDay {
  sim::Duration since_midnight{};
  bool local = false;

  friend bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
};

using UtcTime = std::chrono::sys_time<sim::Duration>;  // microseconds since 1970-01-01 00:00 UTC

struct DateTime {
  UtcTime time{};  // UTC; when `local`, the wall-clock reading as if it were UTC
  bool local = false;

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

[[nodiscard]] Parsed<TimeOfDay> parse_time_of_day(std::string_view text);
[[nodiscard]] Parsed<DateTime> parse_date_time(std::string_view text);

}  // namespace b24::scenarios
