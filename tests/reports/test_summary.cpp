#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "reports/summary.hpp"

namespace b24::reports {
namespace {

template <class T>
bool holds(const SummaryScalar& s) {
  return std::holds_alternative<T>(s.value());
}

TEST(SummaryScalar, PlainTypesPickTheRightAlternative) {
  EXPECT_TRUE(holds<std::int64_t>(SummaryScalar(3)));
  EXPECT_TRUE(holds<std::int64_t>(SummaryScalar(std::size_t{3})));
  EXPECT_TRUE(holds<std::int64_t>(SummaryScalar(std::uint64_t{1} << 62)));
  EXPECT_TRUE(holds<double>(SummaryScalar(2.5f)));
  EXPECT_TRUE(holds<double>(SummaryScalar(2.0)));
  EXPECT_TRUE(holds<bool>(SummaryScalar(false)));
  // A literal must not become a bool through the pointer conversion.
  EXPECT_TRUE(holds<std::string>(SummaryScalar("text")));
  EXPECT_TRUE(holds<std::string>(SummaryScalar(std::string("text"))));
  EXPECT_TRUE(holds<std::string>(SummaryScalar(std::string_view("text"))));
  EXPECT_EQ(std::get<std::string>(SummaryScalar("text").value()), "text");
  EXPECT_EQ(std::get<std::int64_t>(SummaryScalar(-7).value()), -7);
}

TEST(Summary, KeepsInsertionOrder) {
  Summary s;
  s.add("zeta", 1).add("alpha", 2).add("mid", Summary().add("b", 1).add("a", 2));
  ASSERT_EQ(s.entries().size(), 3u);
  EXPECT_EQ(s.entries()[0].key, "zeta");
  EXPECT_EQ(s.entries()[1].key, "alpha");
  EXPECT_EQ(s.entries()[2].key, "mid");
  EXPECT_EQ(std::get<Summary>(s.entries()[2].value).entries()[0].key, "b");
  EXPECT_TRUE(s.contains("alpha"));
  EXPECT_FALSE(s.contains("beta"));
}

TEST(Summary, ComparesByContentAndOrder) {
  const Summary a = Summary().add("x", 1).add("y", 2.5);
  EXPECT_EQ(a, Summary().add("x", 1).add("y", 2.5));
  EXPECT_NE(a, Summary().add("y", 2.5).add("x", 1));
  EXPECT_NE(a, Summary().add("x", 1.0).add("y", 2.5));  // 1 and 1.0 differ in JSON
}

TEST(SummaryDeathTest, AKeyAppearsOncePerObject) {
  Summary s;
  s.add("requests", 1);
  EXPECT_DEATH(s.add("requests", 2), "duplicate key");
  EXPECT_DEATH(s.add("requests", Summary()), "duplicate key");
}

TEST(SummaryDeathTest, UnsignedValuesBeyondInt64AreRejected) {
  EXPECT_DEATH(SummaryScalar(std::uint64_t{1} << 63), "exceeds int64");
}

}  // namespace
}  // namespace b24::reports
