// `b24sim explain`: the resolved scenario (includes merged, --set overrides applied) as YAML that
// loads again into the same scenario. "The same" is checked where it matters: the run built from
// the explained text is event for event the run of the original (same trace hash), and explaining
// the explained text changes nothing.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
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
// loads without errors and explains to the same text again (a fixpoint).
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
    EXPECT_EQ(body(again), body(text)) << file;
    ++explained;
  }
  EXPECT_GE(explained, 5);
}

}  // namespace
}  // namespace b24::cli
