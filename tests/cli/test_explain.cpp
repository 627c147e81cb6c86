// `b24sim explain`: the resolved scenario (includes merged, --set overrides applied) as YAML that
// loads again into the same scenario. "The same" is checked where it matters: the run built from
// the explained text is event for event the run of the original (same trace hash), and explaining
// the explained text changes nothing.

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/explain_text.hpp"
#include "cli/scenario_run.hpp"
#include "scenarios/key_log.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {
namespace {

namespace fs = std::filesystem;

const fs::path source_dir = B24_SOURCE_DIR;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("b24-explain-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

// The explained text without its first line (a comment naming the file it came from).
std::string body(const std::string& text) {
  return text.substr(text.find('\n') + 1);
}

// The text without its "# default" marks: explained again, a default is a written value.
std::string unmarked(std::string text) {
  constexpr std::string_view mark = "  # default\n";
  for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
    text.replace(at, mark.size(), "\n");
  }
  return text;
}

scenarios::Scenario load_ok(const fs::path& path, const std::vector<std::string>& overrides = {}) {
  scenarios::Diagnostics diagnostics;
  scenarios::Scenario s = scenarios::load_scenario(path, overrides, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << path << ": " << diagnostics.size() << " errors, first "
                                   << (diagnostics.empty() ? "" : diagnostics.begin()->message);
  return s;
}

// A short web-tier scenario split over an include, with an override on the command line.
TEST(Explain, ResolvedTextRunsTheSameAsTheOriginal) {
  const fs::path dir = fresh_dir("same-run");
  write(dir / "base.yaml",
        "duration: 20m\n"
        "seed: 7\n"
        "workload: {peak_rate: 40/s}\n"
        "web_node: {cores: 2, cpu_time: {distribution: exponential, mean: 50ms}}\n"
        "auto_scaling: {min_size: 2, max_size: 4, desired_capacity: 2}\n");
  write(dir / "scenario.yaml",
        "include: base.yaml\n"
        "description: \"yes\"\n"
        "workload: {peak_rate: 60/s}\n");
  const std::vector<std::string> overrides = {"auto_scaling.max_size=6"};
  scenarios::Diagnostics diagnostics;
  const std::string text = explain_text((dir / "scenario.yaml").string(), overrides, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  // Resolved: the include is gone, the later values and the override win.
  EXPECT_EQ(text.find("include:"), std::string::npos) << text;
  EXPECT_NE(text.find("peak_rate: 60/s"), std::string::npos) << text;
  EXPECT_NE(text.find("max_size: 6"), std::string::npos) << text;
  EXPECT_NE(text.find("description: \"yes\""), std::string::npos) << "quoted text stays text";
  write(dir / "resolved.yaml", text);

  const scenarios::Scenario original = load_ok(dir / "scenario.yaml", overrides);
  const scenarios::Scenario resolved = load_ok(dir / "resolved.yaml");
  EXPECT_EQ(resolved.name, original.name);
  EXPECT_EQ(resolved.seed, original.seed);
  EXPECT_EQ(resolved.duration, original.duration);
  EXPECT_EQ(resolved.description, "yes");
  const RunOutcome a = run_scenario(original, {.out = dir / "run-original"});
  const RunOutcome b = run_scenario(resolved, {.out = dir / "run-resolved"});
  EXPECT_GT(a.events, 0U);
  EXPECT_EQ(b.events, a.events);
  EXPECT_EQ(b.trace_hash, a.trace_hash);
  EXPECT_EQ(b.totals.requests.arrived, a.totals.requests.arrived);
  fs::remove_all(dir);
}

TEST(Explain, InvalidScenarioGivesItsErrorsAndNoText) {
  const fs::path dir = fresh_dir("invalid");
  write(dir / "bad.yaml", "duration: 30\nauto_scaling: {max_sise: 3}\n");
  scenarios::Diagnostics diagnostics;
  EXPECT_TRUE(explain_text((dir / "bad.yaml").string(), {}, diagnostics).empty());
  EXPECT_EQ(diagnostics.size(), 2U);  // the bare duration and the misspelt key
  fs::remove_all(dir);
}

// Every shipped scenario and key-corpus file that loads: its explained text, saved next to it,
// loads without errors and explains to the same text again (a fixpoint), except that the values
// filled in are no longer marked as defaults (they are written now).
TEST(Explain, ShippedScenariosReloadAndAreAFixpoint) {
  int explained = 0;
  for (const fs::path& file : scenarios::shipped_key_corpus(source_dir / "scenarios")) {
    scenarios::Diagnostics diagnostics;
    const std::string text = explain_text(file.string(), {}, diagnostics);
    if (!diagnostics.empty()) continue;  // the shipped-scenario tests report those
    const fs::path copy =
        file.parent_path() / (".explain-test-" + file.filename().string() + ".tmp");
    write(copy, text);
    scenarios::Diagnostics again_diagnostics;
    const std::string again = explain_text(copy.string(), {}, again_diagnostics);
    fs::remove(copy);
    EXPECT_TRUE(again_diagnostics.empty()) << file;
    EXPECT_EQ(body(again), unmarked(body(text))) << file;
    EXPECT_EQ(again.find("# default\n"), std::string::npos) << file << ": a default left out";
    ++explained;
  }
  EXPECT_GE(explained, 5);
}

// With no key written but the duration, every default is written out and marked: those of
// scenarios/README.md's tables (auto_scaling.min_size 2, an application load balancer with round
// robin and its health check thresholds, ...), and nothing that a written value would change.
TEST(Explain, MinimalScenarioWritesItsDefaults) {
  const fs::path dir = fresh_dir("minimal");
  write(dir / "minimal.yaml", "duration: 1h\n");
  scenarios::Diagnostics diagnostics;
  const std::string text = explain_text((dir / "minimal.yaml").string(), {}, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  for (const char* line :
       {"\nname: \"minimal\"  # default\n", "\nseed: 1  # default\n",
        "\nauto_scaling:  # default\n", "\n  min_size: 2\n", "\n  max_size: 20\n",
        "\n  desired_capacity: 2\n", "\nload_balancer:  # default\n", "\n  type: application\n",
        "\n  algorithm: round_robin\n", "\n    healthy_threshold: 5\n", "\n    interval: 30s\n",
        "\n  idle_timeout: 1min\n",
        "\n  cpu_time:\n    distribution: exponential\n    mean: 50ms\n",
        "\n  replacement_batch: 10%\n", "\n  period: 1min\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << "no '" << line << "' in\n" << text;
  }
  EXPECT_EQ(text.find("\nduration: 1h  # default"), std::string::npos) << "written, not default";
  // Absent, these mean more than a value: an ALB has no surge queue, no instance warm-up is
  // set, there is no rolling deploy.
  for (const char* absent : {"surge_queue_limit", "default_instance_warmup", "deploy"}) {
    EXPECT_EQ(text.find(absent), std::string::npos) << absent << " in\n" << text;
  }
  fs::remove_all(dir);
}

// A default that depends on another key follows it: a Classic Load Balancer's algorithm, health
// check and surge queue.
TEST(Explain, DefaultsFollowTheKeysTheyDependOn) {
  const fs::path dir = fresh_dir("dependent");
  write(dir / "classic.yaml", "load_balancer: {type: classic}\n");
  scenarios::Diagnostics diagnostics;
  const std::string text = explain_text((dir / "classic.yaml").string(), {}, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  for (const char* line : {"\n  algorithm: least_outstanding_requests  # default\n",
                           "\n    healthy_threshold: 10\n", "\n  surge_queue_limit: "}) {
    EXPECT_NE(text.find(line), std::string::npos) << "no '" << line << "' in\n" << text;
  }
  fs::remove_all(dir);
}

// In a platform scenario each DC reads its dcs.<name> overrides merged over web_defaults, which
// gets the defaults: a DC whose override changes a default's premise (a Classic Load Balancer,
// a larger min_size) gets its own default, so that web_defaults' written default does not
// replace it.
TEST(Explain, DcOverridesKeepTheirOwnDefaults) {
  const fs::path dir = fresh_dir("dc-overrides");
  const std::string topology = (source_dir / "scenarios/topology/europe-5.yaml").string();
  write(dir / "platform.yaml",
        "duration: 10m\n"
        "topology: \"" +
            topology +
            "\"\n"
            "cohorts: [{name: de, home: fra, peak_rate: 20/s}]\n"
            "dcs:\n"
            "  fra: {load_balancer: {type: classic}, auto_scaling: {min_size: 4}}\n");
  scenarios::Diagnostics diagnostics;
  const std::string text = explain_text((dir / "platform.yaml").string(), {}, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  EXPECT_NE(text.find("\n      algorithm: least_outstanding_requests  # default\n"),
            std::string::npos)
      << text;
  write(dir / "resolved.yaml", text);
  const scenarios::Scenario original = load_ok(dir / "platform.yaml");
  const scenarios::Scenario resolved = load_ok(dir / "resolved.yaml");
  ASSERT_TRUE(original.platform && resolved.platform);
  ASSERT_EQ(resolved.platform->tiers.size(), original.platform->tiers.size());
  for (std::size_t i = 0; i < original.platform->tiers.size(); ++i) {
    const models::WebTierParams& a = original.platform->tiers[i];
    const models::WebTierParams& b = resolved.platform->tiers[i];
    EXPECT_EQ(b.load_balancer.balancer.algorithm, a.load_balancer.balancer.algorithm) << a.name;
    EXPECT_EQ(b.load_balancer.balancer.type, a.load_balancer.balancer.type) << a.name;
    EXPECT_EQ(b.health_check.healthy_threshold, a.health_check.healthy_threshold) << a.name;
    EXPECT_EQ(b.auto_scaling.initial_desired, a.auto_scaling.initial_desired) << a.name;
  }
  const RunOutcome x = run_scenario(original, {.out = dir / "run-original"});
  const RunOutcome y = run_scenario(resolved, {.out = dir / "run-resolved"});
  EXPECT_EQ(y.trace_hash, x.trace_hash);
  fs::remove_all(dir);
}

// --- Every shipped scenario, explained, runs as the original -------------------------------------

std::vector<fs::path> shipped_scenarios() {
  std::vector<fs::path> out;
  for (const fs::path& file : scenarios::shipped_key_corpus(source_dir / "scenarios")) {
    if (file.parent_path() == source_dir / "scenarios") out.push_back(file);
  }
  return out;
}

// Overrides that keep a run short: 20 minutes (a storage scenario: 30 days), with every timed
// event (faults, a rolling deploy, call storms) moved inside them so that their keys, defaults
// included, take part in the run.
std::vector<std::string> short_run(const scenarios::Scenario& s) {
  if (s.storage) return {"duration=30d"};
  std::vector<std::string> out = {"duration=20m"};
  const std::size_t faults = s.platform ? s.platform->faults.size() : s.web.crashes.size();
  for (std::size_t i = 0; i < faults; ++i) out.push_back("faults[" + std::to_string(i) + "].at=5m");
  if ((s.platform && s.platform->deploy) || s.web.deploy) out.emplace_back("deploy.at=5m");
  const std::size_t storms = s.platform && s.platform->calls ? s.platform->calls->storms.size() : 0;
  for (std::size_t i = 0; i < storms; ++i) {
    out.push_back("calls.storms[" + std::to_string(i) + "].at=10m");
  }
  return out;
}

class ExplainedShippedScenario : public testing::TestWithParam<fs::path> {};

// The explained text (without overrides), saved next to the original, loads into a scenario that
// runs event for event like the original; both are shortened by the same overrides.
TEST_P(ExplainedShippedScenario, RunsLikeTheOriginal) {
  const fs::path& file = GetParam();
  scenarios::Diagnostics diagnostics;
  const std::string text = explain_text(file.string(), {}, diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << file;
  const fs::path copy = file.parent_path() / (".explain-run-" + file.filename().string() + ".tmp");
  write(copy, text);
  const std::vector<std::string> overrides = short_run(load_ok(file));
  const scenarios::Scenario original = load_ok(file, overrides);
  const scenarios::Scenario resolved = load_ok(copy, overrides);
  fs::remove(copy);
  const fs::path dir = fresh_dir("run-" + file.stem().string());
  const RunOutcome a = run_scenario(original, {.out = dir / "original"});
  const RunOutcome b = run_scenario(resolved, {.out = dir / "resolved"});
  EXPECT_GT(a.events, 0U);
  EXPECT_EQ(b.events, a.events) << file;
  EXPECT_EQ(b.trace_hash, a.trace_hash) << file;
  fs::remove_all(dir);
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Shipped, ExplainedShippedScenario, testing::ValuesIn(shipped_scenarios()),
                         test_name);

}  // namespace
}  // namespace b24::cli
