// What the reader reports, and where: every position below is worked out by hand from the YAML
// text (1-based line and column of the value, the key, or the enclosing mapping).

#include <gtest/gtest.h>

#include "scenario_test_support.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using testing::Loaded;
using Lines = std::vector<std::string>;

TEST(ReaderErrors, ReportsTypeErrorsAtTheValueAndReturnsTheDefault) {
  Loaded s(
      "web:\n"                // 1
      "  min_nodes: abc\n");  // 2: value at column 14
  EXPECT_EQ(s.root().child("web").get_int("min_nodes", 2), 2);
  EXPECT_EQ(s.errors(), Lines{"s.yaml:2:14: error: web.min_nodes: expected an integer, found "
                              "'abc'"});
}

TEST(ReaderErrors, ReportsIntegersOutOfRangeOrNotWhole) {
  Loaded s(
      "a: 20000\n"  // value at column 4
      "b: 1.5\n"
      "c: 99999999999\n"
      "d: -3\n");
  const NodeView root = s.root();
  EXPECT_EQ(root.get_int("a", 1, {.min = 0, .max = 10'000}), 1);
  EXPECT_EQ(root.get_int("b", 1), 1);
  EXPECT_EQ(root.get_int("c", 1), 1);
  EXPECT_EQ(root.get_int("d", 1, {.min = 0}), 1);
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:1:4: error: a: expected an integer from 0 to 10000, found '20000'",
                   "s.yaml:2:4: error: b: expected an integer, found '1.5'",
                   "s.yaml:3:4: error: c: expected an integer from -2147483648 to 2147483647, "
                   "found '99999999999'",
                   "s.yaml:4:4: error: d: expected a non-negative integer, found '-3'"}));
}

TEST(ReaderErrors, RejectsYesNoOnOffAsBooleans) {
  Loaded s(
      "enabled: yes\n"    // value at column 10
      "paused: \"no\"\n"  // the quote at column 9
      "cached: On\n"      // column 9
      "warm: True\n");    // column 7
  const NodeView root = s.root();
  EXPECT_FALSE(root.get_bool("enabled", false));
  EXPECT_TRUE(root.get_bool("paused", true));
  EXPECT_FALSE(root.get_bool("cached", false));
  EXPECT_FALSE(root.get_bool("warm", false));
  const std::string hint = " (yes/no/on/off are not booleans here: write true or false)";
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:1:10: error: enabled: expected true or false, found 'yes'" + hint,
                   "s.yaml:2:9: error: paused: expected true or false, found 'no'" + hint,
                   "s.yaml:3:9: error: cached: expected true or false, found 'On'" + hint,
                   "s.yaml:4:7: error: warm: expected true or false, found 'True' (write it in "
                   "lower case)"}));
}

TEST(ReaderErrors, SuggestsTheClosestEnumValue) {
  Loaded s(
      "elb:\n"                     // 1
      "  algorithm: round_robn\n"  // 2: value at column 14
      "  kind: gateway\n");        // 3: value at column 9
  const NodeView elb = s.root().child("elb");
  EXPECT_EQ(
      elb.get_enum("algorithm", {"round_robin", "least_outstanding_requests", "weighted_random"},
                   "round_robin"),
      "round_robin");
  EXPECT_EQ(elb.get_enum("kind", {"application", "classic"}, "application"), "application");
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:2:14: error: elb.algorithm: expected one of round_robin, "
                   "least_outstanding_requests, weighted_random, found 'round_robn' (did you "
                   "mean 'round_robin'?)",
                   "s.yaml:3:9: error: elb.kind: expected one of application, classic, found "
                   "'gateway'"}));
}

TEST(ReaderErrors, ReportsUnknownKeysWithASuggestionOrTheKnownKeys) {
  Loaded s(
      "wbe:\n"             // 1: unknown top-level key at column 1
      "web:\n"             // 2
      "  min_node: 2\n"    // 3: key at column 3
      "  max_nodes: 5\n"   // 4
      "  colour: red\n");  // 5: key at column 3
  const NodeView web = s.root().child("web");
  (void)web.get_int("min_nodes", 1);
  (void)web.get_int("max_nodes", 1);
  EXPECT_TRUE(s.diagnostics.empty());  // unknown keys are found by finish()
  s.reader.finish();
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:1:1: error: wbe: unknown key 'wbe' (did you mean 'web'?)",
                   "s.yaml:3:3: error: web.min_node: unknown key 'min_node' (did you mean "
                   "'min_nodes'?)",
                   "s.yaml:5:3: error: web.colour: unknown key 'colour'; known keys here: "
                   "max_nodes, min_nodes"}));
  s.reader.finish();
  EXPECT_EQ(s.diagnostics.size(), 3U);  // a second finish() repeats nothing
}

TEST(ReaderErrors, ReportsMissingRequiredKeysAtTheEnclosingMapping) {
  Loaded s(
      "dcs:\n"              // 1
      "  - name: fra\n"     // 2
      "    region: eu\n"    // 3
      "  - region: us\n");  // 4: the second item's mapping starts at column 5
  for (const NodeView& dc : s.root().items("dcs")) {
    (void)dc.require_string("name");
    (void)dc.get_string("region", "");
  }
  (void)s.root().require_child("web").require_int("min_nodes");  // one error, not two
  s.reader.finish();
  EXPECT_EQ(s.errors(), (Lines{"s.yaml:1:1: error: web: missing required key 'web'",
                               "s.yaml:4:5: error: dcs[1].name: missing required key 'name'"}));
}

TEST(ReaderErrors, ReportsMissingKeysOfAnEmptySectionAtItsKey) {
  Loaded s(
      "seed: 1\n"
      "web:\n");  // line 2: an empty section
  (void)s.root().get_int("seed", 0);
  EXPECT_EQ(s.root().child("web").require_int("min_nodes"), 0);
  EXPECT_EQ(s.errors(), Lines{"s.yaml:2:1: error: web.min_nodes: missing required key "
                              "'min_nodes'"});
}

TEST(ReaderErrors, ReportsAWrongKindOnceNotPerKey) {
  Loaded s(
      "web: 5\n"        // value at column 6
      "dcs: fra\n"      // value at column 6
      "weights: [1]\n"  // the sequence at column 10
      "name:\n"         // 4
      "  first: a\n");  // 5: the mapping at column 3
  const NodeView web = s.root().child("web");
  EXPECT_EQ(web.get_int("min_nodes", 2), 2);
  EXPECT_EQ(web.require_int("max_nodes"), 0);
  web.error("never shown: the value is already reported");
  EXPECT_TRUE(s.root().items("dcs").empty());
  EXPECT_TRUE(s.root().entries("weights").empty());
  EXPECT_EQ(s.root().get_string("name", "x"), "x");
  s.reader.finish();
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:1:6: error: web: expected a mapping (key: value lines), found '5'",
                   "s.yaml:2:6: error: dcs: expected a sequence (a list of '- ' items), found "
                   "'fra'",
                   "s.yaml:3:10: error: weights: expected a mapping (key: value lines), found a "
                   "sequence",
                   "s.yaml:5:3: error: name: expected a string, found a mapping"}));
}

TEST(ReaderErrors, ReportsAnEmptyValueWhereAScalarIsExpected) {
  Loaded s("min_nodes:\nmax_nodes: 3\n");
  EXPECT_EQ(s.root().get_int("min_nodes", 2), 2);
  EXPECT_EQ(s.errors(), Lines{"s.yaml:1:1: error: min_nodes: expected an integer, found an "
                              "empty value"});
}

TEST(ReaderErrors, RejectsABareNumberForADuration) {
  Loaded s("interval: 30\n");  // value at column 11
  EXPECT_EQ(s.root().get_duration("interval", 5s), 5s);
  EXPECT_EQ(s.errors(), Lines{"s.yaml:1:11: error: interval: expected a duration with a unit, "
                              "like 30s, found '30'"});
}

TEST(ReaderErrors, ReportsEveryErrorOfAPassInFileOrder) {
  Loaded s(
      "seed: 42\n"            // 1
      "web:\n"                // 2
      "  min_nodes: -1\n"     // 3: value at column 14
      "  max_nodes: 10\n"     // 4
      "  interval: 30\n"      // 5: value at column 13
      "  target_cpu: 150%\n"  // 6: value at column 15
      "  enabled: on\n"       // 7: value at column 12
      "dcs:\n"                // 8
      "  - name: fra\n"       // 9
      "    nodes: many\n"     // 10: value at column 12
      "  - nodes: 3\n"        // 11: the item's mapping at column 5
      "    colour: blue\n");  // 12: key at column 5
  const NodeView root = s.root();
  EXPECT_EQ(root.get_int("seed", 0), 42);
  // The dcs first: errors come out in file order whatever the reading order.
  for (const NodeView& dc : root.items("dcs")) {
    (void)dc.require_string("name");
    (void)dc.get_int("nodes", 1, {.min = 1});
  }
  const NodeView web = root.child("web");
  EXPECT_EQ(web.get_int("min_nodes", 2, {.min = 0}), 2);
  EXPECT_EQ(web.get_int("max_nodes", 8, {.min = 0}), 10);
  EXPECT_EQ(web.get_duration("interval", 60s), 60s);
  EXPECT_EQ(web.get_fraction("target_cpu", 0.5), 0.5);
  EXPECT_TRUE(web.get_bool("enabled", true));
  s.reader.finish();
  EXPECT_EQ(
      s.errors(),
      (Lines{"s.yaml:3:14: error: web.min_nodes: expected a non-negative integer, found '-1'",
             "s.yaml:5:13: error: web.interval: expected a duration with a unit, like 30s, found "
             "'30'",
             "s.yaml:6:15: error: web.target_cpu: expected a fraction from 0 to 1 (0% to 100%), "
             "found '150%'",
             "s.yaml:7:12: error: web.enabled: expected true or false, found 'on' (yes/no/on/off "
             "are not booleans here: write true or false)",
             "s.yaml:10:12: error: dcs[0].nodes: expected an integer of at least 1, found 'many'",
             "s.yaml:11:5: error: dcs[1].name: missing required key 'name'",
             "s.yaml:12:5: error: dcs[1].colour: unknown key 'colour'; known keys here: name, "
             "nodes"}));
}

TEST(ReaderErrors, ReportsModelValidationAtTheKey) {
  Loaded s(
      "web:\n"              // 1
      "  min_nodes: 5\n"    // 2
      "  max_nodes: 3\n");  // 3: value at column 14
  const NodeView web = s.root().child("web");
  const int min_nodes = web.get_int("min_nodes", 1);
  const int max_nodes = web.get_int("max_nodes", 10);
  if (max_nodes < min_nodes) {
    web.error("max_nodes", "max_nodes (" + std::to_string(max_nodes) +
                               ") is less than min_nodes (" + std::to_string(min_nodes) + ")");
  }
  EXPECT_EQ(s.errors(), Lines{"s.yaml:3:14: error: web.max_nodes: max_nodes (3) is less than "
                              "min_nodes (5)"});
}

TEST(ReaderErrors, StaysQuietAfterADocumentFailedToLoad) {
  Loaded s("a: b: c\n");
  EXPECT_EQ(s.root().require_int("seed"), 0);
  EXPECT_EQ(s.root().child("web").get_int("min_nodes", 2), 2);
  s.reader.finish();
  EXPECT_EQ(s.errors(), Lines{"s.yaml:1:5: error: invalid YAML: illegal map value"});
}

TEST(ReaderErrors, ReportsARootThatIsNotAMappingOnce) {
  Loaded s("- a\n- b\n");
  EXPECT_EQ(s.root().get_int("seed", 1), 1);
  EXPECT_EQ(s.root().get_int("days", 1), 1);
  EXPECT_EQ(s.errors(),
            Lines{"s.yaml:1:1: error: expected a mapping (key: value lines), found a sequence"});
}

TEST(ReaderErrors, ReportsAnAliasedBadValueOnce) {
  Loaded s("x-bad: &n abc\np: *n\nq: *n\n");
  EXPECT_EQ(s.root().get_int("p", 1), 1);
  EXPECT_EQ(s.root().get_int("q", 1), 1);
  ASSERT_EQ(s.diagnostics.size(), 1U);
  EXPECT_EQ(s.diagnostics[0].key_path, "p");
  EXPECT_EQ(s.diagnostics[0].line, 1);  // where the value is written, not where it is used
}

TEST(ReaderErrors, ReportsAMissingTypedEnum) {
  enum class Kind { application, classic };
  Loaded s("elb: {}\n");  // the flow mapping at column 6
  EXPECT_EQ(s.root().child("elb").require_enum<Kind>(
                "kind", {{"application", Kind::application}, {"classic", Kind::classic}}),
            Kind::application);
  EXPECT_EQ(s.errors(), Lines{"s.yaml:1:6: error: elb.kind: missing required key 'kind'"});
}

TEST(ReaderErrors, ThrowsAllOfThemTogetherWhenTheCallerAsks) {
  Loaded s("a: x\nb: y\n");
  (void)s.root().get_int("a", 0);
  (void)s.root().get_int("b", 0);
  ASSERT_EQ(s.diagnostics.size(), 2U);
  try {
    throw ScenarioError(s.diagnostics);
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 2U);
    EXPECT_EQ(e.diagnostics()[1].key_path, "b");
  }
}

}  // namespace
}  // namespace b24::scenarios
