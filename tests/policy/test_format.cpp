// Reason text: numbers, instants and durations.

#include <gtest/gtest.h>

#include "policy/format.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

TEST(Format, NumbersDropTrailingZeros) {
  EXPECT_EQ(format_number(75.0), "75");
  EXPECT_EQ(format_number(3.3), "3.3");
  EXPECT_EQ(format_number(-0.25), "-0.25");
}

TEST(Format, TimestampsAreIso8601Utc) {
  EXPECT_EQ(format_timestamp(test::at(10h, 3min)), "2024-01-15T10:03:00Z");
  EXPECT_EQ(format_timestamp(test::at(23h, 59min, 59s) + 250ms), "2024-01-15T23:59:59.250000Z");
}

TEST(Format, DurationsAreInSeconds) {
  EXPECT_EQ(format_duration(300s), "300s");
  EXPECT_EQ(format_duration(1500ms), "1.5s");
}

}  // namespace
}  // namespace b24::policy
