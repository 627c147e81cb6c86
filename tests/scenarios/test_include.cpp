// `include:` at the top of a scenario (scenarios/include.hpp): the included files' keys are the
// scenario's starting point, keys written in the scenario win (scalars and sequences replaced
// whole, mappings merged key by key), later includes win over earlier ones, included files may
// include others (paths relative to the including file), a cycle and a missing file are errors
// at the include's line and column, and an error in an included value is reported in the
// included file. Each test writes its files into a scratch directory of its own, so file names in
// the expected diagnostics are that directory's; lines and columns are worked out by hand from
// the texts below.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Lines = std::vector<std::string>;

// A fresh directory under the system's temporary directory, removed with everything in it.
class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "b24-include-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    // Canonical, so that the names in diagnostics are exactly dir_ / "file".
    dir_ = fs::canonical(pattern);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  // Writes `text` to dir/relative (creating directories) and returns the full path.
  fs::path write(std::string_view relative, std::string_view text) const {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
    return path;
  }
  // dir/relative as diagnostics name it.
  [[nodiscard]] std::string name(std::string_view relative) const {
    return (dir_ / relative).string();
  }
  [[nodiscard]] const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

struct Load {
  Diagnostics diagnostics;
  Scenario scenario;

  explicit Load(const fs::path& path, std::span<const std::string> overrides = {})
      : scenario(load_scenario(path, overrides, diagnostics)) {}

  [[nodiscard]] Lines errors() const {
    Lines out;
    for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
    return out;
  }
};

// A single-DC scenario to include; lines 1 to 11.
constexpr std::string_view base_yaml =
    "name: base\n"                                     // 1
    "seed: 5\n"                                        // 2
    "duration: 12h\n"                                  // 3
    "slo: {p99_latency: 500ms, max_error_rate: 1%}\n"  // 4
    "dc: {name: fra, utc_offset: 1h}\n"                // 5
    "workload:\n"                                      // 6
    "  peak_rate: 100/s\n"                             // 7
    "  daily_profile:\n"                               // 8
    "    - {at: \"00:00\", of_peak: 50%}\n"            // 9
    "    - {at: \"12:00\", of_peak: 100%}\n"           // 10
    "web_node: {cores: 4, queue_limit: 10}\n";         // 11

TEST(Include, ScenarioKeysWinOverIncludedOnes) {
  const Scratch scratch;
  scratch.write("base.yaml", base_yaml);
  const fs::path top = scratch.write("top.yaml",
                                     "include: base.yaml\n"
                                     "seed: 9\n"
                                     "slo: {p99_latency: 900ms}\n"
                                     "workload:\n"
                                     "  daily_profile: [{at: \"00:00\", of_peak: 100%}]\n");
  const Load loaded(top);
  ASSERT_EQ(loaded.errors(), Lines{});
  const Scenario& s = loaded.scenario;
  // Included keys the scenario does not write.
  EXPECT_EQ(s.name, "base");
  EXPECT_EQ(s.duration, 12h);
  EXPECT_EQ(s.web.name, "fra");
  EXPECT_EQ(s.web.workload.utc_offset, 1h);
  EXPECT_EQ(s.web.node.cores, 4u);
  EXPECT_EQ(s.web.node.queue_limit, 10u);
  // A scalar is replaced.
  EXPECT_EQ(s.seed, 9u);
  // A mapping is merged key by key: p99_latency from the scenario, max_error_rate included.
  EXPECT_EQ(s.slo.p99_latency, 900ms);
  EXPECT_EQ(s.slo.max_error_rate, 0.01);
  // ... recursively: peak_rate stays, while a sequence is replaced whole (one point, not two).
  EXPECT_EQ(s.web.workload.peak_rate_per_s, 100.0);
  ASSERT_EQ(s.web.workload.profile.points.size(), 1u);
  EXPECT_EQ(s.web.workload.profile.points[0].multiplier, 1.0);
  // The scenario's text is its own file's.
  EXPECT_EQ(s.source_text.find("name: base"), std::string::npos);
}

TEST(Include, AnIncludeAloneGivesTheIncludedScenario) {
  const Scratch scratch;
  scratch.write("base.yaml", base_yaml);
  const Load loaded(scratch.write("top.yaml", "include: [base.yaml]\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  EXPECT_EQ(loaded.scenario.seed, 5u);
  EXPECT_EQ(loaded.scenario.web.workload.profile.points.size(), 2u);
}

TEST(Include, LaterIncludesWinOverEarlierOnes) {
  const Scratch scratch;
  scratch.write("one.yaml",
                "seed: 1\nduration: 1h\nslo: {p99_latency: 100ms, max_error_rate: 1%}\n");
  scratch.write("two.yaml", "seed: 2\nslo: {p99_latency: 200ms}\nweb_node: {cores: 3}\n");
  const Load loaded(
      scratch.write("top.yaml", "include: [one.yaml, two.yaml]\nweb_node: {queue_limit: 7}\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const Scenario& s = loaded.scenario;
  EXPECT_EQ(s.seed, 2u);
  EXPECT_EQ(s.duration, 1h);
  EXPECT_EQ(s.slo.p99_latency, 200ms);
  EXPECT_EQ(s.slo.max_error_rate, 0.01);
  EXPECT_EQ(s.web.node.cores, 3u);
  EXPECT_EQ(s.web.node.queue_limit, 7u);
}

TEST(Include, NestedIncludeIsRelativeToTheIncludedFile) {
  const Scratch scratch;
  // shared/common.yaml includes deeper/base.yaml, relative to shared/, not to the scenario.
  scratch.write("shared/deeper/base.yaml", base_yaml);
  scratch.write("shared/common.yaml", "include: deeper/base.yaml\nseed: 6\n");
  const Load loaded(scratch.write("scenarios/top.yaml", "include: ../shared/common.yaml\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  EXPECT_EQ(loaded.scenario.seed, 6u);       // common.yaml wins over the file it includes
  EXPECT_EQ(loaded.scenario.duration, 12h);  // from base.yaml
  EXPECT_EQ(loaded.scenario.name, "base");
}

TEST(Include, ADiamondIsNotACycle) {
  const Scratch scratch;
  scratch.write("base.yaml", base_yaml);
  scratch.write("a.yaml", "include: base.yaml\nseed: 10\n");
  scratch.write("b.yaml", "include: base.yaml\nduration: 2h\n");
  const Load loaded(scratch.write("top.yaml", "include: [a.yaml, b.yaml]\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  // b.yaml brings base.yaml's seed again, over a.yaml's.
  EXPECT_EQ(loaded.scenario.seed, 5u);
  EXPECT_EQ(loaded.scenario.duration, 2h);
}

TEST(Include, ACycleIsAnErrorNamingTheChain) {
  const Scratch scratch;
  scratch.write("b.yaml", "seed: 3\ninclude: a.yaml\n");
  const fs::path a = scratch.write("a.yaml", "include: b.yaml\nduration: 2h\n");
  const Load loaded(a);
  EXPECT_FALSE(loaded.diagnostics.empty());
  EXPECT_EQ(loaded.errors(),
            (Lines{scratch.name("b.yaml") + ":2:10: error: include: include cycle: " +
                   scratch.name("a.yaml") + ":1:10 includes " + scratch.name("b.yaml") + ", " +
                   scratch.name("b.yaml") + ":2:10 includes " + scratch.name("a.yaml")}));
  // What could be merged still is: b.yaml's seed under a.yaml's duration.
  EXPECT_EQ(loaded.scenario.seed, 3u);
  EXPECT_EQ(loaded.scenario.duration, 2h);
}

TEST(Include, IncludingItselfIsACycle) {
  const Scratch scratch;
  const fs::path self = scratch.write("self.yaml", "include: [./self.yaml]\n");
  const Load loaded(self);
  EXPECT_EQ(loaded.errors(),
            (Lines{scratch.name("self.yaml") + ":1:11: error: include[0]: include cycle: " +
                   scratch.name("self.yaml") + ":1:11 includes " + scratch.name("self.yaml")}));
}

TEST(Include, AMissingFileIsReportedAtTheIncludeValue) {
  const Scratch scratch;
  const Load loaded(
      scratch.write("top.yaml", "seed: 2\ninclude: [base.yaml,\n  nowhere/none.yaml]\n"));
  EXPECT_EQ(
      loaded.errors(),
      (Lines{scratch.name("top.yaml") + ":2:11: error: include[0]: cannot read included file '" +
                 scratch.name("base.yaml") +
                 "' (no such file); a relative path is relative to the directory of the "
                 "file that includes it",
             scratch.name("top.yaml") + ":3:3: error: include[1]: cannot read included file '" +
                 scratch.name("nowhere/none.yaml") +
                 "' (no such file); a relative path is relative to the directory of the "
                 "file that includes it"}));
  EXPECT_EQ(loaded.scenario.seed, 2u);
}

TEST(Include, AValueThatIsNotAPathIsAnError) {
  const Scratch scratch;
  {
    const Load loaded(scratch.write("number.yaml", "include: 42\n"));
    EXPECT_EQ(loaded.errors(),
              (Lines{scratch.name("number.yaml") +
                     ":1:10: error: include: expected a file path or a list of file paths, like "
                     "platform/world.yaml, found '42' (quote it if it is a file name)"}));
  }
  {
    const Load loaded(scratch.write("mapping-item.yaml", "include: [ {a: 1} ]\n"));
    EXPECT_EQ(loaded.errors(),
              (Lines{scratch.name("mapping-item.yaml") +
                     ":1:12: error: include[0]: expected a file path, like platform/world.yaml, "
                     "found a mapping"}));
  }
  {
    const Load loaded(scratch.write("mapping.yaml", "include: {a: 1}\n"));
    EXPECT_EQ(loaded.errors(),
              (Lines{scratch.name("mapping.yaml") +
                     ":1:10: error: include: expected a file path or a list of file paths, like "
                     "platform/world.yaml, found a mapping"}));
  }
  {
    const Load loaded(scratch.write("empty.yaml", "include:\nseed: 1\n"));
    ASSERT_EQ(loaded.errors().size(), 1u);
    EXPECT_NE(loaded.errors()[0].find("empty.yaml:1:1: error: include: expected a file path or a "
                                      "list of file paths, like platform/world.yaml, found an "
                                      "empty value"),
              std::string::npos)
        << loaded.errors()[0];
  }
  {
    // Quoted, 42 is a file name.
    scratch.write("42", "seed: 42\n");
    const Load loaded(scratch.write("quoted.yaml", "include: \"42\"\n"));
    EXPECT_EQ(loaded.errors(), Lines{});
    EXPECT_EQ(loaded.scenario.seed, 42u);
  }
}

TEST(Include, AnIncludedFileMustBeAMappingButMayBeEmpty) {
  const Scratch scratch;
  scratch.write("list.yaml", "- seed: 1\n");
  scratch.write("empty.yaml", "# nothing yet\n");
  const Load loaded(scratch.write("top.yaml", "include: [empty.yaml, list.yaml]\n"));
  EXPECT_EQ(loaded.errors(),
            (Lines{scratch.name("top.yaml") + ":1:23: error: include[1]: included file '" +
                   scratch.name("list.yaml") +
                   "' is not a mapping of scenario keys (found a sequence)"}));
}

TEST(Include, ErrorsInAnIncludedValueAreReportedInTheIncludedFile) {
  const Scratch scratch;
  scratch.write("base.yaml", "seed: 1\nduration: 12\nweb_node: {cores: 4, colour: red}\n");
  const Load loaded(scratch.write("top.yaml", "include: base.yaml\nseed: -1\n"));
  const Lines errors = loaded.errors();
  ASSERT_EQ(errors.size(), 3u) << ::testing::PrintToString(errors);
  // Files in the order they were first mentioned: the scenario, then the included file.
  EXPECT_TRUE(errors[0].starts_with(scratch.name("top.yaml") + ":2:7: error: seed: ")) << errors[0];
  EXPECT_TRUE(errors[1].starts_with(scratch.name("base.yaml") + ":2:11: error: duration: "))
      << errors[1];
  EXPECT_NE(errors[1].find("'12'"), std::string::npos) << errors[1];
  EXPECT_TRUE(errors[2].starts_with(scratch.name("base.yaml") +
                                    ":3:22: error: web_node.colour: unknown key 'colour'"))
      << errors[2];
}

TEST(Include, ASyntaxErrorInAnIncludedFileIsReportedThere) {
  const Scratch scratch;
  scratch.write("bad.yaml", "seed: [1\n");
  const Load loaded(scratch.write("top.yaml", "include: bad.yaml\n"));
  ASSERT_EQ(loaded.errors().size(), 1u);
  EXPECT_TRUE(loaded.errors()[0].starts_with(scratch.name("bad.yaml") + ":")) << loaded.errors()[0];
}

TEST(Include, OverridesApplyOverIncludedValues) {
  const Scratch scratch;
  scratch.write("base.yaml", base_yaml);
  const fs::path top = scratch.write("top.yaml", "include: base.yaml\nseed: 9\n");
  {
    const std::vector<std::string> overrides = {"seed=3", "web_node.cores=16",
                                                "workload.daily_profile[0].of_peak=40%"};
    const Load loaded(top, overrides);
    ASSERT_EQ(loaded.errors(), Lines{});
    EXPECT_EQ(loaded.scenario.seed, 3u);
    EXPECT_EQ(loaded.scenario.web.node.cores, 16u);
    EXPECT_EQ(loaded.scenario.web.node.queue_limit, 10u);  // the rest of web_node stays
    ASSERT_EQ(loaded.scenario.web.workload.profile.points.size(), 2u);
    EXPECT_EQ(loaded.scenario.web.workload.profile.points[0].multiplier, 0.4);
    EXPECT_EQ(loaded.scenario.overrides, overrides);
  }
  {
    // An override through an included scalar names where that scalar is written.
    const std::vector<std::string> overrides = {"name.x=1"};
    const Load loaded(top, overrides);
    EXPECT_EQ(
        loaded.errors(),
        (Lines{"--set:1:6: error: name.x: name is 'base' (at " + scratch.name("base.yaml") +
               ":1:7), not a mapping, so it has no key 'x'; to replace it, set name itself"}));
  }
}

// --- Platform scenarios: topology paths and the replication graph through includes ----------

constexpr std::string_view small_topology =
    "dcs:\n"
    "  - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: EU}\n"
    "  - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: EU}\n"
    "  - {name: sto, city: S, latitude: 59.3, longitude: 18.1, utc_offset: 1h, jurisdiction: EU}\n"
    "  - {name: dub, city: D, latitude: 53.3, longitude: -6.3, utc_offset: 0h, jurisdiction: EU}\n"
    "links:\n"
    "  - {a: fra, b: par, bandwidth: 40Gbps}\n"
    "  - {a: par, b: sto, bandwidth: 40Gbps}\n"
    "  - {a: sto, b: dub, bandwidth: 40Gbps}\n";

TEST(IncludeTopology, APathInAnIncludedFileIsRelativeToThatFile) {
  const Scratch scratch;
  scratch.write("topology/small.yaml", small_topology);
  scratch.write("platform/world.yaml",
                "topology: ../topology/small.yaml\ncohorts: [{name: eu, home: fra}]\n");
  const Load loaded(scratch.write("top.yaml", "include: platform/world.yaml\nseed: 4\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  ASSERT_TRUE(loaded.scenario.platform.has_value());
  EXPECT_EQ(loaded.scenario.platform->topology.dcs.size(), 4u);
  EXPECT_EQ(loaded.scenario.topology_path, scratch.dir() / "topology" / "small.yaml");
  EXPECT_NE(loaded.scenario.topology_text.find("name: sto"), std::string::npos);
}

TEST(IncludeTopology, AMissingFileNamedInAnIncludedFileIsReportedThere) {
  const Scratch scratch;
  // Relative to the scenario's directory this would exist; relative to platform/ it does not.
  scratch.write("topology/small.yaml", small_topology);
  scratch.write("platform/world.yaml",
                "cohorts: [{name: eu, home: fra}]\ntopology: topology/small.yaml\n");
  const Load loaded(scratch.write("top.yaml", "include: platform/world.yaml\n"));
  ASSERT_EQ(loaded.errors().size(), 1u);
  EXPECT_TRUE(
      loaded.errors()[0].starts_with(scratch.name("platform/world.yaml") +
                                     ":2:11: error: topology: cannot read the topology file '" +
                                     scratch.name("platform/topology/small.yaml") + "'"))
      << loaded.errors()[0];
}

TEST(IncludeTopology, ATopLevelValueOrAnOverrideIsRelativeToTheScenario) {
  const Scratch scratch;
  scratch.write("topology/small.yaml", small_topology);
  scratch.write("platform/world.yaml",
                "topology: ../topology/missing.yaml\ncohorts: [{name: eu, home: fra}]\n");
  {
    // Written in the scenario, the path wins over the included one and resolves from its dir.
    const Load loaded(
        scratch.write("top.yaml", "include: platform/world.yaml\ntopology: topology/small.yaml\n"));
    ASSERT_EQ(loaded.errors(), Lines{});
    EXPECT_EQ(loaded.scenario.topology_path, scratch.dir() / "topology/small.yaml");
  }
  {
    const std::vector<std::string> overrides = {"topology=topology/small.yaml"};
    const Load loaded(scratch.write("top2.yaml", "include: platform/world.yaml\n"), overrides);
    ASSERT_EQ(loaded.errors(), Lines{});
    EXPECT_EQ(loaded.scenario.topology_path, scratch.dir() / "topology/small.yaml");
  }
}

TEST(IncludeTopology, ABrokenReplicationGraphIsReportedAtTheReplicationKey) {
  const Scratch scratch;
  scratch.write("topology/small.yaml", small_topology);
  // A ring fra -> par -> sto -> dub whose last edge goes back to sto instead of fra: the writes of
  // sto (and dub) never reach par.
  scratch.write("platform/world.yaml",
                "topology: ../topology/small.yaml\n"                                     // 1
                "cohorts: [{name: eu, home: fra}]\n"                                     // 2
                "replication:\n"                                                         // 3
                "  edges: [{source: fra, replica: par}, {source: par, replica: sto},\n"  // 4
                "          {source: sto, replica: dub}, {source: dub, replica: sto}]\n"  // 5
                "  applier_tps: 100/s\n");                                               // 6
  const std::string message =
      "error: replication: writes of dc 'sto' never reach 'par' (in a group of DCs that "
      "replicate to each other, each member's writes must reach every other member: close the "
      "ring or add the missing edge)";
  {
    const Load loaded(scratch.write("broken.yaml", "include: platform/world.yaml\n"));
    EXPECT_EQ(loaded.errors(), (Lines{scratch.name("platform/world.yaml") + ":3:1: " + message}));
  }
  {
    // Merged with the scenario's replication: the key the scenario writes is the one reported.
    const Load loaded(scratch.write("merged.yaml",
                                    "include: platform/world.yaml\nseed: 2\n"
                                    "replication: {marker_interval: 10s}\n"));
    EXPECT_EQ(loaded.errors(), (Lines{scratch.name("merged.yaml") + ":3:1: " + message}));
  }
  {
    // The scenario's edges replace the included list whole: closing the ring makes it valid.
    const Load loaded(
        scratch.write("fixed.yaml",
                      "include: platform/world.yaml\n"
                      "replication:\n"
                      "  edges: [{source: fra, replica: par}, {source: par, replica: sto},\n"
                      "          {source: sto, replica: dub}, {source: dub, replica: fra}]\n"));
    EXPECT_EQ(loaded.errors(), Lines{});
    ASSERT_TRUE(loaded.scenario.platform.has_value());
    EXPECT_EQ(loaded.scenario.platform->replication.edges.size(), 4u);
    EXPECT_EQ(loaded.scenario.platform->replication.link.applier_tps, 100.0);
  }
}

}  // namespace
}  // namespace b24::scenarios
