// Edit distance and the "did you mean" choice.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenarios/suggest.hpp"

namespace b24::scenarios {
namespace {

TEST(Suggest, CountsEditsWithTranspositionsAsOne) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("abc", "abc"), 0U);
  EXPECT_EQ(edit_distance("min_ndoes", "min_nodes"), 1U);
  EXPECT_EQ(edit_distance("ab", "ba"), 1U);
}

TEST(Suggest, PicksTheClosestLikelyTypo) {
  const std::vector<std::string> keys{"max_nodes", "min_nodes", "interval"};
  EXPECT_EQ(closest_match("min_node", keys), "min_nodes");
  EXPECT_EQ(closest_match("intervall", keys), "interval");
  EXPECT_EQ(closest_match("minNodes", keys), "min_nodes");  // another naming convention
  EXPECT_EQ(closest_match("MIN-NODES", keys), "min_nodes");
  EXPECT_EQ(closest_match("region", keys), std::nullopt);
  EXPECT_EQ(closest_match("x", std::vector<std::string>{}), std::nullopt);
}

TEST(Suggest, BreaksTiesByCandidateOrder) {
  const std::vector<std::string_view> choices{"abcd", "abce"};
  EXPECT_EQ(closest_match("abcf", choices), "abcd");
  const std::vector<std::string_view> reversed{"abce", "abcd"};
  EXPECT_EQ(closest_match("abcf", reversed), "abce");
}

TEST(Suggest, DoesNotSuggestFarOffWordsForShortKeys) {
  const std::vector<std::string_view> choices{"dc", "web"};
  EXPECT_EQ(closest_match("ab", choices), std::nullopt);  // 2 edits from "dc": too many for 2 chars
  EXPECT_EQ(closest_match("wbe", choices), "web");
}

}  // namespace
}  // namespace b24::scenarios
