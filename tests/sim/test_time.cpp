#include <gtest/gtest.h>

#include "sim/time.hpp"

namespace b24::sim {
namespace {

TEST(Time, FormatsDaysHoursMinutesSecondsMicros) {
  EXPECT_EQ(format_duration(Duration{0}), "00:00:00.000000");
  EXPECT_EQ(format_duration(250ms), "00:00:00.250000");
  EXPECT_EQ(format_duration(24h + 3h + 15min + 250ms), "1d 03:15:00.250000");
  EXPECT_EQ(format_duration(59min + 59s + Duration{999'999}), "00:59:59.999999");
  EXPECT_EQ(format_duration(10 * 24h), "10d 00:00:00.000000");
}

TEST(Time, FormatsNegativeAndExtremeDurations) {
  EXPECT_EQ(format_duration(-1500ms), "-00:00:01.500000");
  // INT64_MIN must not overflow when negated: 2^63 us = 106751991 days 04:00:54.775808.
  EXPECT_EQ(format_duration(Duration{INT64_MIN}), "-106751991d 04:00:54.775808");
  EXPECT_EQ(format_duration(Duration{INT64_MAX}), "106751991d 04:00:54.775807");
}

TEST(Time, FormatsInstantsSinceStart) {
  EXPECT_EQ(format_instant(start_instant + 90s), "00:01:30.000000");
}

TEST(Time, ConvertsSecondsRoundingToNearestMicrosecond) {
  EXPECT_EQ(from_seconds(1.5), 1500ms);
  EXPECT_EQ(from_seconds(0.0000004), Duration{0});
  EXPECT_EQ(from_seconds(0.0000006), Duration{1});
  EXPECT_EQ(from_seconds(-2.0), -2s);
  EXPECT_DOUBLE_EQ(to_seconds(2500ms), 2.5);
}

TEST(Time, IsIntegerMicroseconds) {
  static_assert(std::is_same_v<Duration::rep, std::int64_t>);
  static_assert(std::is_same_v<Duration::period, std::micro>);
  EXPECT_EQ(Duration{30s}.count(), 30'000'000);
}

}  // namespace
}  // namespace b24::sim
