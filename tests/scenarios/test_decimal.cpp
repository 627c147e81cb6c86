// Strict number reading: integers (with '_' separators), reals (no inf/nan/hex), exact decimals.

#include <gtest/gtest.h>

#include "scenarios/decimal.hpp"

namespace b24::scenarios {
namespace {

TEST(Decimal, ReadsIntegersWithSeparators) {
  EXPECT_EQ(parse_integer("42").value, 42);
  EXPECT_EQ(parse_integer("+5").value, 5);
  EXPECT_EQ(parse_integer("-17").value, -17);
  EXPECT_EQ(parse_integer("1_000_000").value, 1'000'000);
  EXPECT_EQ(parse_integer("-9223372036854775808").value, INT64_MIN);
}

TEST(Decimal, RejectsMalformedIntegers) {
  for (const char* bad : {"", "-", "1.5", "1e3", "0x10", "abc", "1__0", "_1", "1_", " 1", "2 "}) {
    const IntegerParse p = parse_integer(bad);
    EXPECT_FALSE(p.value) << bad;
    EXPECT_FALSE(p.out_of_range) << bad;
  }
}

TEST(Decimal, FlagsIntegersOutsideInt64) {
  const IntegerParse p = parse_integer("9223372036854775808");
  EXPECT_FALSE(p.value);
  EXPECT_TRUE(p.out_of_range);
}

TEST(Decimal, ReadsRealsStrictly) {
  EXPECT_EQ(parse_real("1e3"), 1000.0);
  EXPECT_EQ(parse_real(".5"), 0.5);
  EXPECT_EQ(parse_real("5."), 5.0);
  EXPECT_EQ(parse_real("+2"), 2.0);
  EXPECT_EQ(parse_real("-2.5E-3"), -0.0025);
  EXPECT_EQ(parse_real("0.1"), 0.1);
  for (const char* bad :
       {"", "inf", "nan", "-inf", "0x10", "1e", "1e+", "1e999", "1.2.3", "e5", "1,5", "1 "}) {
    EXPECT_FALSE(parse_real(bad)) << bad;
  }
}

TEST(Decimal, ScansExactDecimalsDroppingTrailingFractionZeros) {
  ExactDecimal d;
  EXPECT_EQ(scan_decimal("1.500s", d), 5U);
  EXPECT_EQ(d.digits, 15U);
  EXPECT_EQ(d.scale, 1);
  EXPECT_EQ(d.text, "1.500");
  EXPECT_EQ(scan_decimal("-0.000001x", d), 9U);
  EXPECT_TRUE(d.negative);
  EXPECT_EQ(d.digits, 1U);
  EXPECT_EQ(d.scale, 6);
  EXPECT_EQ(scan_decimal("123456789012345678901234", d), 24U);
  EXPECT_TRUE(d.overflow);
  EXPECT_EQ(scan_decimal("s", d), 0U);
  EXPECT_EQ(scan_decimal(".", d), 0U);
  EXPECT_EQ(scan_decimal("-", d), 0U);
}

TEST(Decimal, ScalesByPowersOfTenWithOneRounding) {
  // 12.5% and 0.1% land on the doubles nearest 0.125 and 0.001, as literals do.
  EXPECT_EQ(decimal_to_double("12.5", -2), 0.125);
  EXPECT_EQ(decimal_to_double("0.1", -2), 0.001);
  EXPECT_EQ(decimal_to_double("1.2", 6), 1.2e6);
  EXPECT_FALSE(decimal_to_double("1", 400));
}

}  // namespace
}  // namespace b24::scenarios
