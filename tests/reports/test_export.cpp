// `b24sim export` over a small run database written here with the real recorder: the files,
// their columns and order, RFC 4180 quoting of awkward text, NULL and NaN, JSON Lines that
// parse, identical bytes on a second export, and errors that name the path and leave nothing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "export_test_support.hpp"
#include "reports/export.hpp"
#include "reports/export_format.hpp"
#include "reports/report_error.hpp"
#include "reports/sqlite_recorder.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using sim::start_instant;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::parse_csv;
using testing::read_file;
using testing::read_lines;
using testing::ScratchDirectory;

// A reason with everything CSV must quote: a comma, double quotes, a line break.
constexpr std::string_view awkward = "replacing 2 of \"web\", then\nwaiting 300 s";

// A run directory with samples out of name order, a NaN, an awkward reason, a histogram and a
// summary of every type.
fs::path write_run(const fs::path& dir) {
  fs::create_directories(dir);
  SqliteRecorder r(dir);
  r.set_meta("scenario_name", "tiny");
  r.set_meta("scenario_text", "name: tiny\nduration: 20s  # a, \"comment\"\n");
  r.sample(start_instant, "dc/fra", {{"cpu_pct", 41.5}, {"arrivals", 120}});
  r.sample(start_instant, "dc/ams", {{"cpu_pct", std::numeric_limits<double>::quiet_NaN()}});
  r.event(start_instant + 10s, "scale_in", "dc/fra/asg", "first");
  r.event(start_instant + 10s, "alarm", "dc/ams/asg", awkward);
  sim::LatencyHistogram h;
  h.record_value(1000, 3);
  h.record_value(250000);
  r.histogram(start_instant + 10500ms, "dc/fra", "latency_us", h);
  r.sample(start_instant + 10500ms, "dc/fra", {{"cpu_pct", 0.1}});
  r.set_summary(Summary{}
                    .add("requests", 120)
                    .add("availability_pct", 99.5)
                    .add("scenario", "tiny, \"quoted\"")
                    .add("ok", true));
  r.close();
  return dir;
}

TEST(ExportFormat, WritesSecondsExactlyAndRealsInShortestRoundTripForm) {
  const auto seconds = [](std::int64_t us) {
    std::string s;
    append_seconds(s, us);
    return s;
  };
  EXPECT_EQ(seconds(0), "0");
  EXPECT_EQ(seconds(1), "0.000001");
  EXPECT_EQ(seconds(1500), "0.0015");
  EXPECT_EQ(seconds(10'000'000), "10");
  EXPECT_EQ(seconds(86'400'000'001), "86400.000001");
  EXPECT_EQ(seconds(-2'500'000), "-2.5");
  const auto real = [](double v) {
    std::string s;
    append_real(s, v);
    return s;
  };
  EXPECT_EQ(real(0.1), "0.1");
  EXPECT_EQ(real(2.0), "2");
  EXPECT_EQ(real(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(std::stod(real(1.0 / 3.0)), 1.0 / 3.0);
}

TEST(ExportFormat, QuotesCsvFieldsPerRfc4180) {
  const auto field = [](std::string_view v) {
    std::string s;
    append_csv_field(s, v);
    return s;
  };
  EXPECT_EQ(field("plain"), "plain");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(parse_export_format("csv"), ExportFormat::csv);
  EXPECT_EQ(parse_export_format("jsonl"), ExportFormat::jsonl);
  EXPECT_EQ(parse_export_format("xlsx"), std::nullopt);
}

TEST(Export, CsvHasOneFilePerTableInLongFormatSortedByTimeEntityMetric) {
  ScratchDirectory scratch;
  const fs::path run = write_run(scratch.path() / "run");
  const auto files = export_run(run, {.format = ExportFormat::csv, .out = {}});
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[0].path, run / "export" / "samples.csv");
  EXPECT_EQ(files[0].rows, 4);
  EXPECT_EQ(read_file(run / "export" / "samples.csv"),
            "time_s,entity,metric,value\n"
            "0,dc/ams,cpu_pct,\n"  // NaN is stored as NULL: an empty field
            "0,dc/fra,arrivals,120\n"
            "0,dc/fra,cpu_pct,41.5\n"
            "10.5,dc/fra,cpu_pct,0.1\n");
  // Events keep the order they happened in within an instant.
  const auto events = parse_csv(read_file(run / "export" / "events.csv"));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_THAT(events[0], ElementsAre("time_s", "kind", "entity", "reason"));
  EXPECT_THAT(events[1], ElementsAre("10", "scale_in", "dc/fra/asg", "first"));
  EXPECT_THAT(events[2], ElementsAre("10", "alarm", "dc/ams/asg", std::string(awkward)));
  // Histogram buckets as the database holds them, with the time in seconds.
  const auto buckets = testing::query(run / "run.sqlite",
                                      "SELECT '10.5', entity, metric, low_us, high_us, count "
                                      "FROM histograms ORDER BY low_us");
  std::vector<std::vector<std::string>> expected{
      {"time_s", "entity", "metric", "low_us", "high_us", "count"}};
  expected.insert(expected.end(), buckets.begin(), buckets.end());
  EXPECT_EQ(parse_csv(read_file(run / "export" / "histograms.csv")), expected);
  EXPECT_EQ(expected.size(), 3u);
  const auto summary = parse_csv(read_file(run / "export" / "summary.csv"));
  EXPECT_THAT(summary,
              ElementsAre(ElementsAre("key", "value"), ElementsAre("requests", "120"),
                          ElementsAre("availability_pct", "99.5"),
                          ElementsAre("scenario", "tiny, \"quoted\""), ElementsAre("ok", "1")));
  const auto meta = parse_csv(read_file(run / "export" / "run_meta.csv"));
  ASSERT_EQ(meta.size(), 3u);
  EXPECT_THAT(meta[2],
              ElementsAre("scenario_text", "name: tiny\nduration: 20s  # a, \"comment\"\n"));
}

TEST(Export, JsonLinesParseLineByLineWithNullForNaN) {
  ScratchDirectory scratch;
  const fs::path run = write_run(scratch.path() / "run");
  const fs::path out = scratch.path() / "out" / "jsonl";
  const auto files = export_run(run, {.format = ExportFormat::jsonl, .out = out});
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[1].path, out / "events.jsonl");
  const auto samples = read_lines(out / "samples.jsonl");
  ASSERT_EQ(samples.size(), 4u);
  EXPECT_EQ(samples[0], R"({"time_s":0,"entity":"dc/ams","metric":"cpu_pct","value":null})");
  EXPECT_EQ(nlohmann::json::parse(samples[3])["time_s"].get<double>(), 10.5);
  const auto events = read_lines(out / "events.jsonl");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(events[1])["reason"].get<std::string>(), awkward);
  for (const char* name : {"histograms", "summary", "run_meta"}) {
    for (const std::string& line : read_lines(out / (std::string(name) + ".jsonl"))) {
      EXPECT_TRUE(nlohmann::json::accept(line)) << name << ": " << line;
    }
  }
  const auto summary = read_lines(out / "summary.jsonl");
  ASSERT_EQ(summary.size(), 4u);
  EXPECT_TRUE(nlohmann::json::parse(summary[0])["value"].is_number_integer());
  EXPECT_EQ(nlohmann::json::parse(summary[2])["value"].get<std::string>(), "tiny, \"quoted\"");
}

TEST(Export, SameRunGivesIdenticalBytesAndLeavesNoTemporaryFile) {
  ScratchDirectory scratch;
  const fs::path run = write_run(scratch.path() / "run");
  for (const ExportFormat format : {ExportFormat::csv, ExportFormat::jsonl}) {
    const auto a = export_run(run, {.format = format, .out = scratch.path() / "a"});
    const auto b = export_run(run, {.format = format, .out = scratch.path() / "b"});
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(read_file(a[i].path), read_file(b[i].path)) << a[i].path;
    }
  }
  for (const auto& entry : fs::directory_iterator(scratch.path() / "a")) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(".")) << entry.path();
  }
}

TEST(Export, MissingDirectoryIsAnErrorNamingThePathAndCreatesNothing) {
  ScratchDirectory scratch;
  const fs::path missing = scratch.path() / "no-such-run";
  try {
    (void)export_run(missing, {});
    FAIL() << "expected a ReportError";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr(missing.string()));
    EXPECT_THAT(e.what(), HasSubstr("does not exist"));
  }
  EXPECT_TRUE(scratch.names().empty());
}

TEST(Export, DirectoryWithoutRunDatabaseOrWithAFileThatIsNotOneIsRefused) {
  ScratchDirectory scratch;
  const fs::path empty = scratch.path() / "empty";
  fs::create_directories(empty);
  EXPECT_THROW((void)export_run(empty, {}), ReportError);
  EXPECT_TRUE(fs::is_empty(empty));
  const fs::path bogus = scratch.path() / "bogus";
  fs::create_directories(bogus);
  testing::write_file(bogus / "run.sqlite", "this is not a database, just text\n");
  try {
    (void)export_run(bogus, {});
    FAIL() << "expected a ReportError";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr((bogus / "run.sqlite").string()));
  }
  EXPECT_FALSE(fs::exists(bogus / "export"));
}

// A database that opens but fails halfway (a table dropped after the run) leaves the earlier
// export untouched, no partial file, and no new file beside it.
TEST(Export, FailureHalfwayLeavesTheEarlierExportAsItWas) {
  ScratchDirectory scratch;
  const fs::path run = write_run(scratch.path() / "run");
  const fs::path out = scratch.path() / "out";
  (void)export_run(run, {.out = out});
  const std::string samples_before = read_file(out / "samples.csv");
  testing::execute_sql(run / "run.sqlite",
                       "DELETE FROM samples; DROP TABLE histograms; PRAGMA user_version = 1");
  EXPECT_THROW((void)export_run(run, {.out = out}), ReportError);
  EXPECT_EQ(read_file(out / "samples.csv"), samples_before);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(out)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_THAT(names, ElementsAre("events.csv", "histograms.csv", "run_meta.csv", "samples.csv",
                                 "summary.csv"));
}

TEST(Export, RefusesAnOutputPathThatIsAFile) {
  ScratchDirectory scratch;
  const fs::path run = write_run(scratch.path() / "run");
  testing::write_file(scratch.path() / "taken", "x");
  EXPECT_THROW((void)export_run(run, {.out = scratch.path() / "taken"}), ReportError);
}

}  // namespace
}  // namespace b24::reports
