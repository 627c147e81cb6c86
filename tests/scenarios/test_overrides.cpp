// Command-line overrides (`--set key.path=value`, issue 6): they set a scalar, a nested key, an
// item of a list or a whole section, create missing keys, are checked like written values, and
// report their own mistakes at the override ("--set:1:COLUMN", columns worked out by hand from the
// override text). The scenario records them, and nothing they do not name changes.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/overrides.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;
using Overrides = std::vector<std::string>;

// Lines and columns below are those of this text.
constexpr std::string_view base_yaml =
    "name: base\n"                                                       // 1
    "seed: 7\n"                                                          // 2
    "x-group: &group {min_size: 2, max_size: 10}\n"                      // 3
    "workload: {peak_rate: 2400/s}\n"                                    // 4
    "web_node:\n"                                                        // 5
    "  cores: 8\n"                                                       // 6
    "  cpu_time: {distribution: lognormal, mean: 40ms, stddev: 30ms}\n"  // 7
    "dc: {utc_offset: 1h}\n"                                             // 8
    "auto_scaling:\n"                                                    // 9
    "  <<: *group\n"                                                     // 10
    "  desired_capacity: 3\n"                                            // 11
    "  target_tracking: {target: 50%}\n"                                 // 12
    "faults:\n"                                                          // 13
    "  - {at: \"14:00 local\", crash_nodes: 1}\n"                        // 14
    "  - {at: 20h, crash_nodes: 2}\n";                                   // 15

struct Loaded : testing::LoadedScenario {
  explicit Loaded(const Overrides& overrides, std::string_view yaml = base_yaml)
      : LoadedScenario(yaml, overrides) {}
};

using testing::shipped;

TEST(Overrides, TheBaseScenarioIsValidAndSaysWhatItSays) {
  const Loaded s({});
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.seed, 7u);
  EXPECT_EQ(s.scenario.web.auto_scaling.limits.max_size, 10);
  ASSERT_EQ(s.scenario.web.crashes.size(), 2u);
  EXPECT_EQ(s.scenario.web.crashes[0].at, 13h);  // 14:00 local in UTC+1
}

TEST(Overrides, SetATopLevelScalar) {
  const Loaded s({"seed=42"});
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.seed, 42u);
}

TEST(Overrides, SetNestedKeys) {
  const Loaded s({"auto_scaling.max_size=60", "workload.peak_rate=3000/s"});
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.auto_scaling.limits.max_size, 60);
  EXPECT_EQ(s.scenario.web.auto_scaling.limits.min_size, 2);  // merged from x-group, untouched
  EXPECT_DOUBLE_EQ(s.scenario.web.workload.peak_rate_per_s, 3000.0);
}

TEST(Overrides, SetAnItemOfASequenceOrAWholeItem) {
  const Loaded s({"faults[0].at=15:00 local", "faults[1]={at: 2h, crash_nodes: 3}"});
  ASSERT_EQ(s.errors(), Lines{});
  const auto& crashes = s.scenario.web.crashes;
  ASSERT_EQ(crashes.size(), 2u);
  EXPECT_EQ(crashes[0].at, 14h);  // 15:00 local in UTC+1
  EXPECT_EQ(crashes[0].nodes, 1u);
  EXPECT_EQ(crashes[1].at, 2h);
  EXPECT_EQ(crashes[1].nodes, 3u);
}

TEST(Overrides, SetAFlowMapping) {
  const Loaded s({"web_node.cpu_time={distribution: exponential, mean: 40ms}"});
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_TRUE(std::holds_alternative<sim::Exponential>(s.scenario.web.node.cpu_time_s));
  EXPECT_NEAR(sim::mean(s.scenario.web.node.cpu_time_s), 0.040, 1e-12);
}

TEST(Overrides, CreateMissingKeysAndTheMappingsOnTheWay) {
  const Loaded s({"load_balancer.health_check.interval=10s", "dc.name=ams", "description=x=y"});
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.web.health_check.interval, 10s);
  EXPECT_EQ(s.scenario.web.name, "ams");
  EXPECT_EQ(s.scenario.web.workload.utc_offset, 1h);  // dc's written key stays
  EXPECT_EQ(s.scenario.description, "x=y");           // the path ends at the first '='
}

TEST(Overrides, WorkOnAnEmptyScenario) {
  const Loaded s({"seed=3", "auto_scaling.max_size=30"}, "");
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.seed, 3u);
  EXPECT_EQ(s.scenario.web.auto_scaling.limits.max_size, 30);
}

TEST(Overrides, TargetTrackingNoneAndBack) {
  const Loaded none({"auto_scaling.target_tracking=none"});
  ASSERT_EQ(none.errors(), Lines{});
  EXPECT_FALSE(none.scenario.web.auto_scaling.target_tracking.has_value());

  const Loaded back({"auto_scaling.target_tracking={target: 60%}"},
                    "auto_scaling: {target_tracking: none}\n");
  ASSERT_EQ(back.errors(), Lines{});
  ASSERT_TRUE(back.scenario.web.auto_scaling.target_tracking.has_value());
  EXPECT_DOUBLE_EQ(back.scenario.web.auto_scaling.target_tracking->target_value, 60.0);
}

TEST(Overrides, ALaterOverrideWinsAndBlanksAroundThePathAreIgnored) {
  const Loaded s({"seed=1", " seed = 2"});
  ASSERT_EQ(s.errors(), Lines{});
  EXPECT_EQ(s.scenario.seed, 2u);
}

TEST(Overrides, AnInvalidValueIsReportedAtTheOverrideWithItsKeyPath) {
  // "auto_scaling.max_size=" is 22 bytes: the value starts at column 23.
  const Loaded one({"auto_scaling.max_size=1"});
  EXPECT_EQ(one.errors(), (Lines{"--set:1:23: error: auto_scaling.max_size: max_size (1) is less "
                                 "than min_size (2)"}));

  // The second of two is "--set[1]"; "web_node.cores=" is 15 bytes.
  const Loaded two({"seed=8", "web_node.cores=0"});
  EXPECT_EQ(two.errors(),
            (Lines{"--set[1]:1:16: error: web_node.cores: expected an integer from 1 to 1024, "
                   "found '0'"}));
}

TEST(Overrides, AMistakeInsideAFlowValueIsReportedAtItsOwnColumn) {
  // "web_node.cpu_time=" is 18 bytes, then "-5ms" is at offset 34 of the value: column 53.
  const Loaded s({"web_node.cpu_time={distribution: exponential, mean: -5ms}"});
  ASSERT_EQ(s.errors().size(), 1u);
  EXPECT_TRUE(s.errors()[0].starts_with("--set:1:53: error: web_node.cpu_time.mean: "))
      << s.errors()[0];
}

TEST(Overrides, InvalidYamlInTheValueIsReported) {
  const Loaded s({"workload.peak_rate={a: 1"});
  EXPECT_EQ(s.errors(), (Lines{"--set:1:20: error: workload.peak_rate: invalid YAML value: end "
                               "of map flow not found"}));
}

TEST(Overrides, MalformedOverridesAreEachReportedAndTheOthersStillApply) {
  const Loaded s({"auto_scaling.max_size", "=5", "a..b=1", "faults[x].at=1h", "faults[0=1",
                  "faults[-1].at=1h", "faults]=1", "faults[0]x=1", "seed=5"});
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "--set[0]:1:1: error: malformed override 'auto_scaling.max_size': expected "
          "key.path=value, found no '='",
          "--set[1]:1:1: error: malformed override '=5': the key path before '=' is empty; write "
          "key.path=value",
          "--set[2]:1:3: error: malformed override 'a..b=1': a key of the path is empty; "
          "separate keys with single dots, as in auto_scaling.max_size",
          "--set[3]:1:7: error: malformed override 'faults[x].at=1h': an index is a whole number "
          "from 0 in brackets, as in faults[0], found '[x]'",
          "--set[4]:1:7: error: malformed override 'faults[0=1': '[' is not closed by ']'",
          "--set[5]:1:7: error: malformed override 'faults[-1].at=1h': an index is a whole "
          "number from 0 in brackets, as in faults[0], found '[-1]'",
          "--set[6]:1:7: error: malformed override 'faults]=1': ']' without '['",
          "--set[7]:1:10: error: malformed override 'faults[0]x=1': expected '.' or '[' after "
          "']', found 'x'",
      }));
  EXPECT_EQ(s.scenario.seed, 5u);
}

TEST(Overrides, PathsThatCannotBeFollowedAreReportedAtTheStepThatFails) {
  const Loaded s({"name.first=x", "faults.at=1h", "auto_scaling[0]=1", "faults[2].at=1h",
                  "checks[0]=1", "faults[99999999999999999999999]=1"});
  EXPECT_EQ(
      s.errors(),
      (Lines{
          "--set[0]:1:6: error: name.first: name is 'base' (at s.yaml:1:7), not a mapping, so "
          "it has no key 'first'; to replace it, set name itself",
          "--set[1]:1:8: error: faults.at: faults is a sequence (at s.yaml:14:3), not a "
          "mapping: choose an item, as in faults[0].at",
          "--set[2]:1:13: error: auto_scaling[0]: auto_scaling is a mapping (at s.yaml:10:3), "
          "not a sequence, so it has no item [0]; to replace it, set auto_scaling itself",
          "--set[3]:1:7: error: faults[2].at: index [2] is out of range: faults has 2 items",
          "--set[4]:1:7: error: checks[0]: index [0] is out of range: checks is not written, so "
          "it has no items; set checks=[...] to write the whole list",
          "--set[5]:1:7: error: faults[18446744073709551615]: index [18446744073709551615] is "
          "out of range: faults has 2 items",
      }));
}

TEST(Overrides, AnOverrideThatFailsChangesNothing) {
  // The path is checked before anything is created: no "unknown key 'newsection'" follows.
  // "newsection.list" is 15 bytes, so its '[' is at column 16.
  const Loaded s({"newsection.list[0]=1", "faults[0].at.x=1"});
  EXPECT_EQ(s.errors(),
            (Lines{"--set[0]:1:16: error: newsection.list[0]: index [0] is out of range: "
                   "newsection.list is not written, so it has no items; set "
                   "newsection.list=[...] to write the whole list",
                   "--set[1]:1:14: error: faults[0].at.x: faults[0].at is '14:00 local' (at "
                   "s.yaml:14:10), not a mapping, so it has no key 'x'; to replace it, set "
                   "faults[0].at itself"}));
  EXPECT_EQ(s.scenario.web.crashes.at(0).at, 13h);
}

TEST(Overrides, AnUnknownKeyGetsASuggestionAtTheOverride) {
  const Loaded s({"auto_scaling.max_sise=60", "auto_scalin.min_size=1"});
  EXPECT_EQ(s.errors(),
            (Lines{"--set[0]:1:14: error: auto_scaling.max_sise: unknown key 'max_sise' (did you "
                   "mean 'max_size'?)",
                   "--set[1]:1:1: error: auto_scalin: unknown key 'auto_scalin' (did you mean "
                   "'auto_scaling'?)"}));
  EXPECT_EQ(s.scenario.web.auto_scaling.limits.max_size, 10);
}

TEST(Overrides, ASectionSharedThroughAnAnchorChangesOnlyAtThePath) {
  Diagnostics diagnostics;
  Document document = load_yaml_string(
      "a: &shared {k: 1}\n"
      "b: *shared\n"
      "c: {<<: *shared}\n",
      "s.yaml", diagnostics);
  const Overrides overrides{"b.k=2", "c.k=3"};
  apply_overrides(document, overrides, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  const auto text_at = [&](std::string_view section) {
    const MapEntry* entry = document.find(document.root(), section);
    if (entry == nullptr) return std::string("<no section>");
    const MapEntry* k = document.find(entry->value, "k");
    return k == nullptr ? std::string("<no k>") : document.node(k->value).text;
  };
  EXPECT_EQ(text_at("a"), "1");
  EXPECT_EQ(text_at("b"), "2");
  EXPECT_EQ(text_at("c"), "3");
  // The new value's position is in the override: the first override ("b.k=" is 4 bytes), line 1,
  // column 5.
  const MapEntry* b = document.find(document.root(), "b");
  const Mark mark = document.node(document.find(b->value, "k")->value).mark;
  EXPECT_EQ(document.file_name(mark.file), "--set[0]");
  EXPECT_EQ(mark.line, 1);
  EXPECT_EQ(mark.column, 5);
}

TEST(Overrides, OverridesOfAnUnloadableScenarioAreStillChecked) {
  const Loaded s({"seed=2", "oops"}, "a: [1\n");
  const Lines errors = s.errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_TRUE(errors[0].starts_with("s.yaml:")) << errors[0];
  EXPECT_EQ(
      errors[1],
      "--set[1]:1:1: error: malformed override 'oops': expected key.path=value, found no '='");
}

TEST(Overrides, SourceNames) {
  EXPECT_EQ(override_source_name(0, 1), "--set");
  EXPECT_EQ(override_source_name(0, 3), "--set[0]");
  EXPECT_EQ(override_source_name(2, 3), "--set[2]");
}

TEST(Overrides, TheScenarioRecordsItsOverridesAndKeepsTheFileText) {
  const Overrides overrides{"auto_scaling.max_size=60", "faults[0].at=15:00 local"};
  Diagnostics diagnostics;
  const Scenario s = load_scenario(shipped("single-dc-day.yaml"), overrides, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  EXPECT_EQ(s.overrides, overrides);
  EXPECT_NE(s.source_text.find("max_size: 40"), std::string::npos);  // the file, as written
  EXPECT_EQ(s.source_path, shipped("single-dc-day.yaml"));

  Diagnostics plain_diagnostics;
  const Scenario plain = load_scenario(shipped("single-dc-day.yaml"), plain_diagnostics);
  EXPECT_TRUE(plain.overrides.empty());
  EXPECT_EQ(plain.source_text, s.source_text);

  Diagnostics missing_diagnostics;
  const Scenario missing = load_scenario("no-such-file.yaml", overrides, missing_diagnostics);
  EXPECT_EQ(missing.overrides, overrides);
}

TEST(Overrides, NothingElseChanges) {
  Diagnostics d1;
  const Scenario plain = load_scenario(shipped("single-dc-day.yaml"), d1);
  Diagnostics d2;
  const Overrides overrides{"auto_scaling.max_size=60"};
  const Scenario s = load_scenario(shipped("single-dc-day.yaml"), overrides, d2);
  ASSERT_TRUE(d1.empty());
  ASSERT_TRUE(d2.empty());
  EXPECT_EQ(plain.web.auto_scaling.limits.max_size, 40);
  EXPECT_EQ(s.web.auto_scaling.limits.max_size, 60);
  // Everything else, field by field on a sample of every section.
  EXPECT_EQ(s.name, plain.name);
  EXPECT_EQ(s.seed, plain.seed);
  EXPECT_EQ(s.duration, plain.duration);
  EXPECT_EQ(s.slo.p99_latency, plain.slo.p99_latency);
  EXPECT_EQ(s.web.name, plain.web.name);
  EXPECT_EQ(s.web.sample_step, plain.web.sample_step);
  EXPECT_DOUBLE_EQ(s.web.workload.peak_rate_per_s, plain.web.workload.peak_rate_per_s);
  ASSERT_EQ(s.web.workload.profile.points.size(), plain.web.workload.profile.points.size());
  for (std::size_t i = 0; i < s.web.workload.profile.points.size(); ++i) {
    EXPECT_DOUBLE_EQ(s.web.workload.profile.points[i].hour,
                     plain.web.workload.profile.points[i].hour);
    EXPECT_DOUBLE_EQ(s.web.workload.profile.points[i].multiplier,
                     plain.web.workload.profile.points[i].multiplier);
  }
  EXPECT_EQ(s.web.node.cores, plain.web.node.cores);
  EXPECT_DOUBLE_EQ(sim::mean(s.web.node.cpu_time_s), sim::mean(plain.web.node.cpu_time_s));
  EXPECT_EQ(s.web.health_check.interval, plain.web.health_check.interval);
  EXPECT_EQ(s.web.auto_scaling.limits.min_size, plain.web.auto_scaling.limits.min_size);
  EXPECT_EQ(s.web.auto_scaling.initial_desired, plain.web.auto_scaling.initial_desired);
  ASSERT_TRUE(s.web.auto_scaling.target_tracking.has_value());
  EXPECT_DOUBLE_EQ(s.web.auto_scaling.target_tracking->target_value,
                   plain.web.auto_scaling.target_tracking->target_value);
  ASSERT_EQ(s.web.crashes.size(), plain.web.crashes.size());
  EXPECT_EQ(s.web.crashes[0].at, plain.web.crashes[0].at);
}

}  // namespace
}  // namespace b24::scenarios
