// policy/ must run unchanged in a real control plane and deterministically in the simulator: no
// include of our other folders, no clock read, no hidden randomness, no threads or sleeps.
// (cmake/check_layering.cmake checks the includes for the whole tree; this also checks the rest.)

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::filesystem::path> policy_sources() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(B24_POLICY_SOURCE_DIR)) {
    const auto extension = entry.path().extension();
    if (extension == ".hpp" || extension == ".cpp") files.push_back(entry.path());
  }
  return files;
}

TEST(PolicyPurity, NoClockRandomnessThreadOrOtherFolderInPolicySources) {
  const std::vector<std::string> forbidden{"system_clock",  "steady_clock", "high_resolution_clock",
                                           "file_clock",    "utc_clock",    "rand(",
                                           "random_device", "<random>",     "<thread>",
                                           "std::thread",   "std::jthread", "sleep_for",
                                           "sleep_until",   "usleep",       "time(nullptr)",
                                           "time(NULL)",    "gettimeofday", "clock_gettime",
                                           "\"sim/",        "\"models/",    "\"reports/",
                                           "\"scenarios/",  "\"viewer/",    "\"cli/"};
  const std::vector<std::filesystem::path> files = policy_sources();
  ASSERT_GE(files.size(), 10u) << "policy sources not found in " << B24_POLICY_SOURCE_DIR;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    for (const std::string& word : forbidden) {
      EXPECT_EQ(text.str().find(word), std::string::npos) << file << " contains " << word;
    }
  }
}

}  // namespace
