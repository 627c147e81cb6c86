// `b24sim export` of a real run (single-dc-day's first 20 minutes: scaling, alarms, health
// checks, histograms): every file holds as many rows as the table it comes from, the CSV reads
// back field for field (the policies' reasons hold commas), and every JSON line parses.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../reports/export_test_support.hpp"
#include "../reports/sqlite_dump.hpp"
#include "cli/scenario_run.hpp"
#include "reports/export.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {
namespace {

namespace fs = std::filesystem;
using reports::testing::parse_csv;
using reports::testing::query;
using reports::testing::read_file;
using reports::testing::read_lines;

class ExportRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new reports::testing::ScratchDirectory();
    scenarios::Diagnostics diagnostics;
    const std::vector<std::string> overrides{"duration=20min", "faults=[]"};
    const scenarios::Scenario s = scenarios::load_scenario(
        fs::path(B24_SOURCE_DIR) / "scenarios" / "single-dc-day.yaml", overrides, diagnostics);
    ASSERT_TRUE(diagnostics.empty());
    run_ = run_scenario(s, {.out = scratch_->path() / "run"}).directory;
  }
  static void TearDownTestSuite() { delete scratch_; }

  static std::int64_t count(const std::string& table) {
    return std::stoll(query(run_ / "run.sqlite", "SELECT count(*) FROM " + table)[0][0]);
  }

  static inline reports::testing::ScratchDirectory* scratch_ = nullptr;
  static inline fs::path run_;
};

TEST_F(ExportRun, CsvRowCountsEqualTheTablesAndReasonsSurviveQuoting) {
  const auto files = reports::export_run(run_, {.format = reports::ExportFormat::csv, .out = {}});
  ASSERT_EQ(files.size(), 5u);
  const char* tables[] = {"samples", "events", "histograms", "summary", "run_meta"};
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(files[i].path, run_ / "export" / (std::string(tables[i]) + ".csv"));
    EXPECT_EQ(files[i].rows, count(tables[i])) << tables[i];
    EXPECT_EQ(parse_csv(read_file(files[i].path)).size(), files[i].rows + 1) << tables[i];
  }
  EXPECT_GT(files[0].rows, 1000);
  EXPECT_GT(files[1].rows, 0);
  EXPECT_GT(files[2].rows, 0);
  // Every event, field for field, against the database in the export's order.
  const auto expected =
      query(run_ / "run.sqlite", "SELECT kind, entity, reason FROM events ORDER BY time_us, rowid");
  const auto events = parse_csv(read_file(run_ / "export" / "events.csv"));
  ASSERT_EQ(events.size(), expected.size() + 1);
  bool comma = false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(std::vector<std::string>(events[i + 1].begin() + 1, events[i + 1].end()),
              expected[i]);
    comma = comma || expected[i][2].find(',') != std::string::npos;
  }
  EXPECT_TRUE(comma) << "no reason with a comma: the quoting went untested";
  // The scenario text (many lines, quotes, commas in comments) reads back whole.
  const auto meta = parse_csv(read_file(run_ / "export" / "run_meta.csv"));
  const auto text =
      query(run_ / "run.sqlite", "SELECT value FROM run_meta WHERE key = 'scenario_text'");
  const auto row =
      std::find_if(meta.begin(), meta.end(), [](const auto& r) { return r[0] == "scenario_text"; });
  ASSERT_NE(row, meta.end());
  EXPECT_EQ((*row)[1], text[0][0]);
}

TEST_F(ExportRun, JsonLinesParseAndCountTheTables) {
  const fs::path out = scratch_->path() / "jsonl";
  const auto files =
      reports::export_run(run_, {.format = reports::ExportFormat::jsonl, .out = out});
  for (const reports::ExportedFile& f : files) {
    const auto lines = read_lines(f.path);
    EXPECT_EQ(static_cast<std::int64_t>(lines.size()), f.rows) << f.path;
    for (const std::string& line : lines) {
      ASSERT_TRUE(nlohmann::json::accept(line)) << f.path << ": " << line;
    }
  }
  // A sample, as SQL has it (the first by time, entity, metric).
  const auto first = nlohmann::json::parse(read_lines(out / "samples.jsonl").at(0));
  const auto row = query(run_ / "run.sqlite",
                         "SELECT time_us, entity, metric, value FROM samples_v "
                         "ORDER BY time_us, entity, metric LIMIT 1");
  EXPECT_EQ(first["time_s"].get<double>(), std::stod(row[0][0]) / 1e6);
  EXPECT_EQ(first["entity"], row[0][1]);
  EXPECT_EQ(first["metric"], row[0][2]);
  EXPECT_EQ(first["value"].get<double>(), std::stod(row[0][3]));
}

}  // namespace
}  // namespace b24::cli
