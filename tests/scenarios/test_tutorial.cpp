// The tutorial in scenarios/README.md: every step marked `<!-- tutorial step N -->` is a whole
// scenario file that must load without a diagnostic, so the tutorial cannot drift from the
// loader. Steps are saved in the repository's top directory, where the tutorial tells the
// reader to save them (step 6 includes scenarios/platform/world.yaml relative to it).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

namespace fs = std::filesystem;

const fs::path source_dir = B24_SOURCE_DIR;

struct TutorialStep {
  std::string number;
  std::string yaml;
};

std::vector<TutorialStep> tutorial_steps() {
  std::ifstream in(source_dir / "scenarios" / "README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  // [\s\S] rather than '.': ECMAScript's '.' stops at a newline.
  static const std::regex step(R"(<!-- tutorial step (\d+) -->\n```yaml\n([\s\S]*?)```)");
  std::vector<TutorialStep> steps;
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), step);
       it != std::sregex_iterator(); ++it) {
    steps.push_back({(*it)[1].str(), (*it)[2].str()});
  }
  return steps;
}

TEST(Tutorial, EveryStepLoads) {
  const std::vector<TutorialStep> steps = tutorial_steps();
  ASSERT_GE(steps.size(), 5U) << "the tutorial's step markers are missing from the README";
  for (const TutorialStep& s : steps) {
    const fs::path file = source_dir / (".tutorial-step-" + s.number + ".yaml.tmp");
    std::ofstream(file) << s.yaml;
    Diagnostics diagnostics;
    const Scenario scenario = load_scenario(file, diagnostics);
    fs::remove(file);
    EXPECT_TRUE(diagnostics.empty())
        << "step " << s.number << ": " << (diagnostics.empty() ? "" : diagnostics.begin()->message);
    EXPECT_FALSE(scenario.name.empty()) << "step " << s.number;
  }
}

// The steps build on each other: the last single-DC step has checks, the platform step a
// topology, as the text says.
TEST(Tutorial, StepsAddWhatTheTextSays) {
  const std::vector<TutorialStep> steps = tutorial_steps();
  ASSERT_GE(steps.size(), 5U);
  EXPECT_EQ(steps.front().yaml.find("checks:"), std::string::npos);
  bool checks = false;
  bool platform = false;
  for (const TutorialStep& s : steps) {
    checks = checks || s.yaml.find("checks:") != std::string::npos;
    platform =
        platform || s.yaml.find("include: scenarios/platform/world.yaml") != std::string::npos;
  }
  EXPECT_TRUE(checks);
  EXPECT_TRUE(platform);
}

}  // namespace
}  // namespace b24::scenarios
