// report.html as `b24sim run` writes it, for short runs of shipped scenarios (a platform run
// with a DC failure, a single-DC run, a run with calls, a storage run): every section the run
// calls for, every chart with data, no remote reference; and opened in headless Chromium
// (Debian's `chromium`), with no console message and the charts present in the rendered DOM.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "cli/scenario_run.hpp"
#include "report_html_checks.hpp"
#include "scenarios/scenario.hpp"
#include "sqlite_dump.hpp"

namespace b24::cli {
namespace {

namespace fs = std::filesystem;
using reports::testing::read_file;

struct ShortRun {
  const char* name;
  const char* scenario;
  std::vector<std::string> overrides;
  std::vector<std::string> sections;  // expected in its report
};

const std::vector<ShortRun>& short_runs() {
  static const std::vector<ShortRun> runs{
      {"platform",
       "dc-outage.yaml",
       {"duration=40min", "faults[0].at=10min", "faults[0].for=15min"},
       {"headline", "map", "dcs", "replication", "timeline", "reproduce"}},
      {"single_dc", "single-dc-day.yaml", {}, {"headline", "dcs", "timeline", "reproduce"}},
      {"calls", "call-storm.yaml", {"duration=30min"}, {"headline", "map", "dcs", "calls"}},
      {"storage", "storage-durability.yaml", {}, {"headline", "storage", "timeline"}},
  };
  return runs;
}

// The runs are made once for the suite: each test reads their reports.
class ReportOfRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = std::make_unique<reports::testing::ScratchDirectory>();
    for (const ShortRun& r : short_runs()) {
      scenarios::Diagnostics diagnostics;
      scenarios::Scenario s = scenarios::load_scenario(
          fs::path(B24_SOURCE_DIR) / "scenarios" / r.scenario, r.overrides, diagnostics);
      ASSERT_TRUE(diagnostics.empty()) << r.scenario;
      // The single-DC day's crash is at 13:00: 20 minutes show the charts all the same.
      if (r.overrides.empty() && !s.storage) s.duration = std::chrono::minutes{20};
      const RunOutcome o = run_scenario(s, {.out = scratch_->path() / r.name});
      reports_[r.name] = o.directory / "report.html";
    }
  }
  static void TearDownTestSuite() {
    reports_.clear();
    scratch_.reset();
  }
  static std::string html(const char* run) { return read_file(reports_.at(run)); }

  static inline std::unique_ptr<reports::testing::ScratchDirectory> scratch_;
  static inline std::map<std::string, fs::path> reports_;
};

TEST_F(ReportOfRun, EveryRunDirectoryHasItsReport) {
  for (const ShortRun& r : short_runs()) {
    ASSERT_TRUE(fs::is_regular_file(reports_.at(r.name))) << r.name;
    EXPECT_GT(fs::file_size(reports_.at(r.name)), 10'000u) << r.name;
  }
}

TEST_F(ReportOfRun, HasEverySection) {
  for (const ShortRun& r : short_runs()) {
    const std::string text = html(r.name);
    for (const std::string& id : r.sections) {
      EXPECT_TRUE(reports::testing::has_section(text, id)) << r.name << ": no section " << id;
    }
  }
}

TEST_F(ReportOfRun, EveryChartHasASeriesWithTwoPoints) {
  for (const ShortRun& r : short_runs()) {
    const std::string text = html(r.name);
    EXPECT_GE(reports::testing::charts_in(text).size(), 2u) << r.name;
    EXPECT_EQ(reports::testing::charts_without_data(text), std::vector<std::string>{}) << r.name;
  }
}

TEST_F(ReportOfRun, NoRemoteReference) {
  for (const ShortRun& r : short_runs()) {
    EXPECT_EQ(reports::testing::remote_references(html(r.name)), std::vector<std::string>{})
        << r.name;
  }
}

TEST_F(ReportOfRun, PlatformReportShowsTheFailureAndTheSlo) {
  const std::string text = html("platform");
  EXPECT_NE(text.find("class=\"dc failed\" data-dc=\"fra\""), std::string::npos);
  EXPECT_NE(text.find(">dc_failed</td>"), std::string::npos);
  EXPECT_NE(text.find(">cohort_move</td>"), std::string::npos);
  EXPECT_NE(text.find("SLO p99 800 ms"), std::string::npos);
  EXPECT_NE(text.find("Failover fra"), std::string::npos);
  // The resolved scenario carries the overrides it ran with.
  EXPECT_NE(text.find("duration: 40min"), std::string::npos);
  EXPECT_NE(text.find("--set &#39;faults[0].at=10min&#39;"), std::string::npos);
}

// --- headless Chromium ------------------------------------------------------------------------

// Debian's chromium; B24_CHROMIUM names another binary (or a missing one, to see the skip).
std::string chromium_path() {
  const char* env = std::getenv("B24_CHROMIUM");
  return env != nullptr && *env != '\0' ? env : "/usr/bin/chromium";
}

struct Rendered {
  std::string dom;  // --dump-dom: the DOM after loading
  std::string log;  // stderr with --enable-logging=stderr: console messages as "CONSOLE"
  int status = -1;
};

// As root Chromium needs --no-sandbox; a fresh profile directory keeps runs independent.
Rendered render(const fs::path& html_file, const fs::path& profile) {
  const fs::path log = profile.parent_path() / (profile.filename().string() + ".log");
  const std::string command = "timeout 120 '" + chromium_path() + "'" +
                              " --headless=new --no-sandbox --disable-gpu --no-first-run"
                              " --enable-logging=stderr --v=0 --user-data-dir='" +
                              profile.string() + "' --dump-dom 'file://" +
                              fs::absolute(html_file).string() + "' 2>'" + log.string() + "'";
  Rendered r;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return r;
  std::array<char, 65536> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    r.dom.append(buffer.data(), n);
  }
  r.status = pclose(pipe.release());
  r.log = read_file(log);
  return r;
}

// Console output of the page: Chromium prints each message as "...:CONSOLE(...)] ..." (an
// uncaught exception as "Uncaught ..."), whatever its level. The report has no script, so any
// console message at all is a failure.
std::vector<std::string> console_lines(const std::string& log) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < log.size()) {
    const std::size_t end = std::min(log.find('\n', pos), log.size());
    const std::string line = log.substr(pos, end - pos);
    if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos) {
      lines.push_back(line);
    }
    pos = end + 1;
  }
  return lines;
}

#define SKIP_WITHOUT_CHROMIUM()                                                         \
  if (!fs::exists(chromium_path())) {                                                   \
    GTEST_SKIP() << "chromium not installed: apt install chromium (" << chromium_path() \
                 << " is missing)";                                                     \
  }

// The harness itself: a page with a script error must be caught, or a green result below
// would mean nothing.
TEST_F(ReportOfRun, ChromiumConsoleErrorsAreDetected) {
  SKIP_WITHOUT_CHROMIUM();
  const fs::path page = scratch_->path() / "broken.html";
  reports::testing::write_file(
      page, "<!DOCTYPE html><html><body><script>no_such_function();</script></body></html>");
  const Rendered r = render(page, scratch_->path() / "profile-broken");
  ASSERT_EQ(r.status, 0) << r.log;
  EXPECT_FALSE(console_lines(r.log).empty()) << r.log;
}

TEST_F(ReportOfRun, OpensInHeadlessChromiumWithoutConsoleErrorsAndChartsHaveData) {
  SKIP_WITHOUT_CHROMIUM();
  for (const char* run : {"platform", "single_dc"}) {
    const Rendered r = render(reports_.at(run), scratch_->path() / (std::string("profile-") + run));
    ASSERT_EQ(r.status, 0) << run << ": " << r.log;
    EXPECT_EQ(console_lines(r.log), std::vector<std::string>{}) << run;
    // What the browser parsed: the charts are elements of its DOM, each with its series.
    ASSERT_NE(r.dom.find("</html>"), std::string::npos) << run << ": no DOM dumped";
    const auto charts = reports::testing::charts_in(r.dom);
    EXPECT_EQ(charts.size(), reports::testing::charts_in(html(run)).size()) << run;
    EXPECT_GE(charts.size(), 4u) << run;
    EXPECT_EQ(reports::testing::charts_without_data(r.dom), std::vector<std::string>{}) << run;
    EXPECT_NE(r.dom.find("id=\"headline\""), std::string::npos) << run;
  }
  const Rendered platform =
      render(reports_.at("platform"), scratch_->path() / "profile-platform-map");
  EXPECT_NE(platform.dom.find("<svg class=\"map\" id=\"map-world\""), std::string::npos);
}

}  // namespace
}  // namespace b24::cli
