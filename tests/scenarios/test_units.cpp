// Values with units (issue 6): durations exact to the microsecond with a unit required, fractions
// and percentages, rates, bandwidths and sizes, each valid and invalid form with its message.

#include <gtest/gtest.h>

#include "scenarios/units.hpp"

namespace b24::scenarios {
namespace {

using sim::Duration;
using namespace std::chrono_literals;

Duration duration(std::string_view text, DurationOptions options = {}) {
  const Parsed<Duration> p = parse_duration(text, options);
  EXPECT_TRUE(p.value) << text << ": " << p.error;
  EXPECT_TRUE(p.error.empty()) << text;
  return p.value.value_or(Duration{-1});
}

std::string duration_error(std::string_view text, DurationOptions options = {}) {
  const Parsed<Duration> p = parse_duration(text, options);
  EXPECT_FALSE(p.value) << text;
  return p.error;
}

TEST(Durations, ReadEveryUnit) {
  EXPECT_EQ(duration("30s"), 30s);
  EXPECT_EQ(duration("5m"), 5min);
  EXPECT_EQ(duration("5min"), 5min);
  EXPECT_EQ(duration("2h"), 2h);
  EXPECT_EQ(duration("250ms"), 250ms);
  EXPECT_EQ(duration("1d"), 24h);
  EXPECT_EQ(duration("100us"), 100us);
  EXPECT_EQ(duration("100\xc2\xb5s"), 100us);  // µs, MICRO SIGN
  EXPECT_EQ(duration("100\xce\xbcs"), 100us);  // μs, GREEK MU
  EXPECT_EQ(duration("0s"), 0s);
}

TEST(Durations, ConvertExactlyToMicroseconds) {
  EXPECT_EQ(duration("1.5s").count(), 1'500'000);
  EXPECT_EQ(duration("0.000001s").count(), 1);
  EXPECT_EQ(duration("1.000001s").count(), 1'000'001);
  EXPECT_EQ(duration("0.5ms").count(), 500);
  EXPECT_EQ(duration("1.5h").count(), 5'400'000'000);
  EXPECT_EQ(duration(".25s").count(), 250'000);
  // Trailing zeros do not count as precision.
  EXPECT_EQ(duration("1.500000000000000000000000s").count(), 1'500'000);
  // 106751991 days is the largest whole number of days in int64 microseconds.
  EXPECT_EQ(duration("106751991d").count(), 106'751'991LL * 86'400'000'000LL);
}

TEST(Durations, RejectFractionsOfAMicrosecondAndOverflow) {
  EXPECT_EQ(duration_error("1.0000001s"), "'1.0000001s' is not a whole number of microseconds");
  EXPECT_EQ(duration_error("0.5us"), "'0.5us' is not a whole number of microseconds");
  EXPECT_EQ(duration_error("106751992d"),
            "'106751992d' is too long (the limit is about 292,000 years)");
  EXPECT_EQ(duration_error("99999999999999999999999s"),
            "'99999999999999999999999s' is too long (the limit is about 292,000 years)");
}

TEST(Durations, CombineComponentsFromLargestToSmallest) {
  EXPECT_EQ(duration("1h30m"), 90min);
  EXPECT_EQ(duration("2h 15min"), 2h + 15min);
  EXPECT_EQ(duration("1d2h3m4s5ms6us"), 24h + 2h + 3min + 4s + 5ms + 6us);
  EXPECT_EQ(duration("  30 s  "), 30s);
  EXPECT_EQ(duration_error("30m1h"),
            "duration parts must go from the largest unit to the smallest, like 1h30m, found "
            "'30m1h'");
  EXPECT_EQ(duration_error("1m1m"),
            "duration parts must go from the largest unit to the smallest, like 1h30m, found "
            "'1m1m'");
  EXPECT_EQ(duration_error("1h30"),
            "missing unit after '30' in '1h30' (units: us, ms, s, m or min, h, d)");
}

TEST(Durations, RequireAUnitUnlessTheKeySaysOne) {
  EXPECT_EQ(duration_error("30"), "expected a duration with a unit, like 30s, found '30'");
  EXPECT_EQ(duration_error("0"), "expected a duration with a unit, like 30s, found '0'");
  EXPECT_EQ(duration("30", {.bare_unit = 1s}), 30s);
  EXPECT_EQ(duration("1.5", {.bare_unit = 1s}), 1500ms);
  EXPECT_EQ(duration("250", {.bare_unit = 1ms}), 250ms);
  // A declared unit does not make other malformed text acceptable.
  EXPECT_EQ(duration_error("30 x", {.bare_unit = 1s}),
            "unknown duration unit 'x' in '30 x'; use us, ms, s, m or min, h, d");
}

TEST(Durations, RejectMalformedText) {
  EXPECT_EQ(duration_error(""), "expected a duration with a unit, like 30s, found ''");
  EXPECT_EQ(duration_error("s"), "expected a duration with a unit, like 30s, found 's'");
  EXPECT_EQ(duration_error("abc"), "expected a duration with a unit, like 30s, found 'abc'");
  EXPECT_EQ(duration_error("--5s"), "expected a duration with a unit, like 30s, found '--5s'");
  EXPECT_EQ(duration_error("30sec"),
            "unknown duration unit 'sec' in '30sec'; use us, ms, s, m or min, h, d");
  EXPECT_EQ(duration_error("1e3s"),
            "unknown duration unit 'e' in '1e3s'; use us, ms, s, m or min, h, d");
  EXPECT_EQ(duration_error("30 s x"), "expected a duration with a unit, like 30s, found '30 s x'");
}

TEST(Durations, EnforceTheRange) {
  EXPECT_EQ(duration_error("-5s"), "expected a non-negative duration, found '-5s'");
  EXPECT_EQ(duration("-5s", {.min = -1h}), -5s);
  EXPECT_EQ(duration("+5s"), 5s);
  EXPECT_EQ(duration_error("2h", {.min = 1s, .max = 1h}),
            "expected a duration from 1s to 1h, found '2h'");
  EXPECT_EQ(duration_error("0s", {.min = 1us}), "expected a duration of at least 1us, found '0s'");
  EXPECT_EQ(duration("1h", {.min = 1s, .max = 1h}), 1h);
}

TEST(Durations, FormatShortAndRoundTrip) {
  EXPECT_EQ(format_duration_short(0s), "0s");
  EXPECT_EQ(format_duration_short(90s), "90s");
  EXPECT_EQ(format_duration_short(90min), "90min");
  EXPECT_EQ(format_duration_short(1500ms), "1500ms");
  EXPECT_EQ(format_duration_short(48h), "2d");
  EXPECT_EQ(format_duration_short(-2h), "-2h");
  EXPECT_EQ(format_duration_short(Duration::max()), "9223372036854775807us");
  for (const Duration d : {Duration{1}, Duration{999'999}, Duration{3'600'000'001}, Duration{0},
                           Duration{86'400'000'000}, Duration::max()}) {
    EXPECT_EQ(duration(format_duration_short(d)), d);
  }
}

Parsed<double> fraction(std::string_view text, FractionOptions options = {}) {
  return parse_fraction(text, options);
}

TEST(Fractions, ReadPercentagesAndPlainFractions) {
  EXPECT_EQ(fraction("20%").value, 0.2);
  EXPECT_EQ(fraction("12.5%").value, 0.125);
  EXPECT_EQ(fraction("0.1%").value, 0.001);
  EXPECT_EQ(fraction("100%").value, 1.0);
  EXPECT_EQ(fraction("0%").value, 0.0);
  EXPECT_EQ(fraction("20 %").value, 0.2);
  EXPECT_EQ(fraction("0.5").value, 0.5);
  EXPECT_EQ(fraction("1").value, 1.0);
  EXPECT_EQ(fraction("150%", {.max = 2.0}).value, 1.5);
}

TEST(Fractions, RejectOutOfRangeWithAHint) {
  EXPECT_EQ(fraction("150%").error, "expected a fraction from 0 to 1 (0% to 100%), found '150%'");
  EXPECT_EQ(fraction("-1%").error, "expected a fraction from 0 to 1 (0% to 100%), found '-1%'");
  EXPECT_EQ(fraction("50").error,
            "expected a fraction from 0 to 1 (0% to 100%), found '50' (did you mean 50%?)");
  EXPECT_EQ(fraction("abc").error,
            "expected a fraction like 0.2 or a percentage like 20%, found 'abc'");
  EXPECT_EQ(fraction("%").error,
            "expected a fraction like 0.2 or a percentage like 20%, found '%'");
  EXPECT_EQ(fraction("1e-1%").error,
            "expected a fraction like 0.2 or a percentage like 20%, found '1e-1%'");
}

TEST(Rates, ReadCountsPerTimeUnit) {
  EXPECT_EQ(parse_rate_per_s("2000/s").value, 2000.0);
  EXPECT_EQ(parse_rate_per_s("120/min").value, 2.0);
  EXPECT_EQ(parse_rate_per_s("120/m").value, 2.0);
  EXPECT_EQ(parse_rate_per_s("3k/s").value, 3000.0);
  EXPECT_EQ(parse_rate_per_s("3K/s").value, 3000.0);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("1.2M/h").value.value(), 1.2e6 / 3600.0);
  EXPECT_EQ(parse_rate_per_s("1G/d").value, 1e9 / 86400.0);
  EXPECT_EQ(parse_rate_per_s("10/ms").value, 10'000.0);
  EXPECT_EQ(parse_rate_per_s("0.5/us").value, 500'000.0);
  EXPECT_EQ(parse_rate_per_s(" 2000 / s ").value, 2000.0);
  EXPECT_EQ(parse_rate_per_s("5", {.bare_per = 1s}).value, 5.0);
  EXPECT_EQ(parse_rate_per_s("120", {.bare_per = 1min}).value, 2.0);
}

TEST(Rates, RejectMissingOrUnknownUnits) {
  EXPECT_EQ(parse_rate_per_s("2000").error,
            "expected a rate with a unit, like 2000/s or 120/min, found '2000'");
  EXPECT_EQ(parse_rate_per_s("fast").error,
            "expected a rate with a unit, like 2000/s or 120/min, found 'fast'");
  EXPECT_EQ(parse_rate_per_s("2000 rps").error,
            "expected a rate with a unit, like 2000/s or 120/min, found '2000 rps'");
  EXPECT_EQ(parse_rate_per_s("2000/week").error,
            "unknown time unit in rate '2000/week'; use us, ms, s, m or min, h, d after the '/'");
  EXPECT_EQ(parse_rate_per_s("1.2m/h").error,
            "expected a rate with a unit, like 2000/s or 120/min, found '1.2m/h'");
  EXPECT_EQ(parse_rate_per_s("-5/s").error, "expected a non-negative rate, found '-5/s'");
  EXPECT_EQ(parse_rate_per_s("50/s", {.min = 1.0, .max = 10.0}).error,
            "expected a rate from 1/s to 10/s, found '50/s'");
}

TEST(Bandwidths, ReadBitsAndBytesPerSecond) {
  EXPECT_EQ(parse_bandwidth_bps("1Gbps").value, 1e9);
  EXPECT_EQ(parse_bandwidth_bps("100Mbps").value, 1e8);
  EXPECT_EQ(parse_bandwidth_bps("10kbps").value, 1e4);
  EXPECT_EQ(parse_bandwidth_bps("10Kbps").value, 1e4);
  EXPECT_EQ(parse_bandwidth_bps("800bps").value, 800.0);
  EXPECT_EQ(parse_bandwidth_bps("2Tbps").value, 2e12);
  EXPECT_EQ(parse_bandwidth_bps("1.5 Gbit/s").value, 1.5e9);
  EXPECT_EQ(parse_bandwidth_bps("125MB/s").value, 1e9);
}

TEST(Bandwidths, RejectMissingOrUnknownUnits) {
  EXPECT_EQ(parse_bandwidth_bps("100").error,
            "expected a bandwidth with a unit, like 1Gbps or 100Mbps, found '100'");
  EXPECT_EQ(parse_bandwidth_bps("1GB").error,
            "unknown bandwidth unit 'GB' in '1GB'; use bps, kbps, Mbps, Gbps, Tbps (or bit/s, or "
            "B/s for bytes)");
  EXPECT_EQ(parse_bandwidth_bps("-1Gbps").error,
            "expected a non-negative bandwidth, found '-1Gbps'");
}

TEST(Sizes, ReadDecimalAndBinaryUnitsExactly) {
  EXPECT_EQ(parse_size_bytes("10GB").value, 10'000'000'000);
  EXPECT_EQ(parse_size_bytes("512MiB").value, 512LL * 1024 * 1024);
  EXPECT_EQ(parse_size_bytes("1.5KiB").value, 1536);
  EXPECT_EQ(parse_size_bytes("1B").value, 1);
  EXPECT_EQ(parse_size_bytes("2 kB").value, 2000);
  EXPECT_EQ(parse_size_bytes("9000PB").value, 9'000'000'000'000'000'000);
  EXPECT_EQ(parse_size_bytes("512", {.bare_bytes = true}).value, 512);
}

TEST(Sizes, RejectPartialBytesOverflowAndMissingUnits) {
  EXPECT_EQ(parse_size_bytes("1.5B").error, "'1.5B' is not a whole number of bytes");
  EXPECT_EQ(parse_size_bytes("10000PB").error, "'10000PB' is too large");
  EXPECT_EQ(parse_size_bytes("512").error,
            "expected a size with a unit, like 512MiB or 10GB, found '512'");
  EXPECT_EQ(parse_size_bytes("10XB").error,
            "unknown size unit 'XB' in '10XB'; use B, kB, MB, GB, TB, PB or KiB, MiB, GiB, TiB, "
            "PiB");
  EXPECT_EQ(parse_size_bytes("-1GB").error, "expected a non-negative size, found '-1GB'");
}

}  // namespace
}  // namespace b24::scenarios
