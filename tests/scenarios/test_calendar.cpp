// Times of day ("11:00", "11:00 local") and UTC date-times ("2026-11-26T11:00").

#include <gtest/gtest.h>

#include "scenarios/calendar.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;

// 2026-11-26 is day 20783 after 1970-01-01 (worked out with Python's datetime).
constexpr sim::Duration nov_26_2026 = 20783 * 24h;

TEST(TimeOfDay, ReadsClockTimes) {
  EXPECT_EQ(parse_time_of_day("11:00").value, (TimeOfDay{11h, false}));
  EXPECT_EQ(parse_time_of_day("9:30").value, (TimeOfDay{9h + 30min, false}));
  EXPECT_EQ(parse_time_of_day("00:00").value, (TimeOfDay{0h, false}));
  EXPECT_EQ(parse_time_of_day("23:59:59.5").value, (TimeOfDay{23h + 59min + 59s + 500ms, false}));
  EXPECT_EQ(parse_time_of_day("14:00:00.000001").value, (TimeOfDay{14h + 1us, false}));
}

TEST(TimeOfDay, KeepsTheLocalFlagAndAcceptsUtc) {
  EXPECT_EQ(parse_time_of_day("11:00 local").value, (TimeOfDay{11h, true}));
  EXPECT_EQ(parse_time_of_day("11:00 UTC").value, (TimeOfDay{11h, false}));
  EXPECT_EQ(parse_time_of_day("11:00Z").value, (TimeOfDay{11h, false}));
}

TEST(TimeOfDay, RejectsMalformedAndOutOfRange) {
  const std::string shape = "expected a time of day like 11:00, 11:00:30 or 11:00 local, found ";
  EXPECT_EQ(parse_time_of_day("11").error, shape + "'11'");
  EXPECT_EQ(parse_time_of_day("11:0").error, shape + "'11:0'");
  EXPECT_EQ(parse_time_of_day("11:00 lokal").error, shape + "'11:00 lokal'");
  EXPECT_EQ(parse_time_of_day("11:00local").error, shape + "'11:00local'");
  EXPECT_EQ(parse_time_of_day("11:00:00.1234567").error, shape + "'11:00:00.1234567'");
  EXPECT_EQ(parse_time_of_day("24:00").error,
            "'24:00' is not a time of day (hours 0-23, minutes and seconds 0-59)");
  EXPECT_EQ(parse_time_of_day("11:60").error,
            "'11:60' is not a time of day (hours 0-23, minutes and seconds 0-59)");
}

TEST(DateTime, ReadsUtcDatesAndTimes) {
  EXPECT_EQ(parse_date_time("2026-11-26T11:00").value->time.time_since_epoch(), nov_26_2026 + 11h);
  EXPECT_EQ(parse_date_time("2026-11-26").value->time.time_since_epoch(), nov_26_2026);
  EXPECT_EQ(parse_date_time("2026-11-26 11:00:30").value->time.time_since_epoch(),
            nov_26_2026 + 11h + 30s);
  EXPECT_EQ(parse_date_time("2026-11-26T11:00Z").value->time.time_since_epoch(), nov_26_2026 + 11h);
  EXPECT_EQ(parse_date_time("1970-01-01T00:00").value->time.time_since_epoch(), 0us);
}

TEST(DateTime, AppliesOffsetsAndKeepsLocal) {
  // 11:00 at UTC+03:00 is 08:00 UTC; 01:00 at UTC-02:30 is 03:30 UTC.
  EXPECT_EQ(parse_date_time("2026-11-26T11:00+03:00").value->time.time_since_epoch(),
            nov_26_2026 + 8h);
  EXPECT_EQ(parse_date_time("2026-11-26T01:00-02:30").value->time.time_since_epoch(),
            nov_26_2026 + 3h + 30min);
  const auto local = parse_date_time("2026-11-26T11:00 local").value;
  ASSERT_TRUE(local);
  EXPECT_TRUE(local->local);
  EXPECT_EQ(local->time.time_since_epoch(), nov_26_2026 + 11h);
}

TEST(DateTime, RejectsImpossibleDatesAndOtherFormats) {
  EXPECT_EQ(parse_date_time("2026-02-29").error, "'2026-02-29' is not a calendar date");
  EXPECT_TRUE(parse_date_time("2028-02-29").value);  // a leap year
  EXPECT_EQ(parse_date_time("2026-13-01").error, "'2026-13-01' is not a calendar date");
  EXPECT_EQ(parse_date_time("2026-11-26T25:00").error,
            "'2026-11-26T25:00' has no such time of day (hours 0-23, minutes and seconds 0-59)");
  const std::string shape = "expected a date and time like 2026-11-26T11:00 (UTC), found ";
  EXPECT_EQ(parse_date_time("26.11.2026").error, shape + "'26.11.2026'");
  EXPECT_EQ(parse_date_time("2026-11-26T11").error, shape + "'2026-11-26T11'");
  EXPECT_EQ(parse_date_time("2026-11-26T11:00+3").error, shape + "'2026-11-26T11:00+3'");
  EXPECT_EQ(parse_date_time("2026-1-26").error, shape + "'2026-1-26'");
}

}  // namespace
}  // namespace b24::scenarios
