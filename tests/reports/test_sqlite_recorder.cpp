#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "reports/report_error.hpp"
#include "reports/sqlite_recorder.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/time.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using sim::start_instant;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using testing::query;
using testing::Row;
using testing::ScratchDirectory;

std::int64_t count_rows(const fs::path& file, const std::string& table) {
  return std::stoll(query(file, "SELECT count(*) FROM " + table)[0][0]);
}

TEST(SqliteRecorder, StoresSamplesInLongFormatWithInternedNames) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  sim::Recorder& r = recorder;  // through the interface the models use
  r.sample(start_instant, "dc/fra", {{"cpu_pct", 41.5}, {"arrivals", 120}});
  r.sample(start_instant, "dc/ams", {{"cpu_pct", 12.25}});
  r.sample(start_instant + 10s, "dc/fra", {{"cpu_pct", 43.0}, {"arrivals", 131}});
  recorder.close();

  const fs::path db = scratch.path() / "run.sqlite";
  EXPECT_EQ(recorder.file(), db);
  EXPECT_THAT(query(db, "SELECT id, name FROM entities ORDER BY id"),
              ElementsAre(Row{"1", "dc/fra"}, Row{"2", "dc/ams"}));
  EXPECT_THAT(query(db, "SELECT id, name FROM metrics ORDER BY id"),
              ElementsAre(Row{"1", "cpu_pct"}, Row{"2", "arrivals"}));
  EXPECT_THAT(query(db, "SELECT * FROM samples ORDER BY rowid"),
              ElementsAre(Row{"0", "1", "1", "41.5"}, Row{"0", "1", "2", "120.0"},
                          Row{"0", "2", "1", "12.25"}, Row{"10000000", "1", "1", "43.0"},
                          Row{"10000000", "1", "2", "131.0"}));
  EXPECT_THAT(query(db,
                    "SELECT time_us, time, entity, metric, value FROM samples_v "
                    "WHERE entity = 'dc/fra' AND metric = 'cpu_pct' ORDER BY time_us"),
              ElementsAre(Row{"0", "00:00:00", "dc/fra", "cpu_pct", "41.5"},
                          Row{"10000000", "00:00:10", "dc/fra", "cpu_pct", "43.0"}));
}

TEST(SqliteRecorder, ViewsFormatSimulatedTimeLikeFormatDuration) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  // In increasing order, as a Recorder receives them.
  const sim::Duration times[] = {0s, 90s, 24h - sim::Duration{1}, 24h + 3h + 15min + 250ms,
                                 10 * 24h + 59min + 59s};
  for (const sim::Duration d : times) recorder.sample(start_instant + d, "dc/fra", {{"x", 1}});
  recorder.close();

  const auto rows = query(recorder.file(), "SELECT time FROM samples_v ORDER BY time_us");
  ASSERT_EQ(rows.size(), std::size(times));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // format_duration always prints microseconds; the view drops ".000000" on whole seconds.
    std::string expected = sim::format_duration(times[i]);
    if (expected.ends_with(".000000")) expected.resize(expected.size() - 7);
    EXPECT_EQ(rows[i][0], expected);
  }
  EXPECT_EQ(rows[0][0], "00:00:00");
  EXPECT_EQ(rows[2][0], "23:59:59.999999");
  EXPECT_EQ(rows[3][0], "1d 03:15:00.250000");
  EXPECT_EQ(rows[4][0], "10d 00:59:59");
}

TEST(SqliteRecorder, StoresEventsWithTheirReasons) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  sim::Recorder& r = recorder;
  r.event(start_instant + 14h, "fault.crash", "dc/fra/web-3", "scheduled crash at 14:00");
  r.event(start_instant + 14h + 30s, "asg.launch", "dc/fra/asg",
          "HealthyHostCount 3 < min 4: launching 1 replacement");
  recorder.close();

  EXPECT_THAT(query(recorder.file(), "SELECT * FROM events_v ORDER BY rowid"),
              ElementsAre(Row{"50400000000", "14:00:00", "fault.crash", "dc/fra/web-3",
                              "scheduled crash at 14:00"},
                          Row{"50430000000", "14:00:30", "asg.launch", "dc/fra/asg",
                              "HealthyHostCount 3 < min 4: launching 1 replacement"}));
}

TEST(SqliteRecorder, StoresTheNonEmptyBucketsOfAHistogram) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  sim::LatencyHistogram h;
  for (const std::int64_t v : {5, 5, 1000, 250'000, 250'001}) h.record_value(v);
  const sim::LatencyHistogram empty;
  recorder.histogram(start_instant + 60s, "dc/fra/elb", "latency", h);
  recorder.histogram(start_instant + 60s, "dc/fra/elb", "queue_wait", empty);
  recorder.close();

  std::vector<Row> expected;
  h.for_each_bucket([&](std::int64_t low, std::int64_t high, std::uint64_t count) {
    expected.push_back(Row{"60000000", "dc/fra/elb", "latency", std::to_string(low),
                           std::to_string(high), std::to_string(count)});
  });
  ASSERT_EQ(expected.size(), 3u);  // 250000 and 250001 share a bucket
  EXPECT_EQ(query(recorder.file(), "SELECT * FROM histograms ORDER BY rowid"), expected);
  EXPECT_EQ(query(recorder.file(), "SELECT sum(count) FROM histograms")[0][0], "5");
  EXPECT_THAT(expected[0], ElementsAre("60000000", "dc/fra/elb", "latency", "5", "5", "2"));
}

TEST(SqliteRecorder, MetaValuesAreReplacedInPlace) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  recorder.set_meta("scenario", "name: single-dc-day\n");
  recorder.set_meta("seed", "42");
  recorder.set_meta("scenario", "name: mmc-validation\n");
  recorder.close();
  EXPECT_THAT(query(recorder.file(), "SELECT key, value FROM run_meta ORDER BY rowid"),
              ElementsAre(Row{"scenario", "name: mmc-validation\n"}, Row{"seed", "42"}));
}

TEST(SqliteRecorder, SummaryValuesKeepTheirTypes) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  recorder.set_summary("requests", std::uint64_t{86'400'000});
  recorder.set_summary("availability_pct", 99.95);
  recorder.set_summary("policy", "target-tracking");
  recorder.set_summary("slo_met", true);
  recorder.set_summary("node_hours", 2);  // an int stays an integer
  recorder.close();
  EXPECT_THAT(query(recorder.file(), "SELECT key, typeof(value), value FROM summary"),
              ElementsAre(Row{"requests", "integer", "86400000"},
                          Row{"availability_pct", "real", "99.950000000000003"},
                          Row{"policy", "text", "target-tracking"}, Row{"slo_met", "integer", "1"},
                          Row{"node_hours", "integer", "2"}));
}

TEST(SqliteRecorder, FlattensANestedSummaryWithDottedKeys) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  Summary summary;
  summary.add("requests", 1000)
      .add("latency_ms", Summary().add("p50", 80.5).add("p99", 412))
      .add("cost", Summary().add("usd", 12.5).add("by", Summary().add("dc/fra", 12.5)));
  recorder.set_summary(summary);
  recorder.close();
  EXPECT_THAT(query(recorder.file(), "SELECT key, value FROM summary ORDER BY rowid"),
              ElementsAre(Row{"requests", "1000"}, Row{"latency_ms.p50", "80.5"},
                          Row{"latency_ms.p99", "412"}, Row{"cost.usd", "12.5"},
                          Row{"cost.by.dc/fra", "12.5"}));
}

TEST(SqliteRecorder, WallClockDataGoesToItsOwnTable) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  recorder.set_wall_clock("host", "build-1");
  recorder.close();
  const auto rows = query(recorder.file(), "SELECT key, value FROM wall_clock ORDER BY rowid");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "started_utc");
  EXPECT_THAT(rows[0][1], MatchesRegex("20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:"
                                       "[0-6][0-9]Z"));
  EXPECT_EQ(rows[1], (Row{"host", "build-1"}));
  EXPECT_EQ(rows[2][0], "elapsed_s");
  EXPECT_THAT(rows[2][1], MatchesRegex("[0-9]+\\.[0-9][0-9][0-9]"));
}

TEST(SqliteRecorder, NanIsStoredAsNull) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  recorder.sample(start_instant, "dc/fra", {{"mean_ms", std::nan("")}, {"x", INFINITY}});
  recorder.close();
  EXPECT_THAT(query(recorder.file(), "SELECT metric, value FROM samples_v ORDER BY rowid"),
              ElementsAre(Row{"mean_ms", "NULL"}, Row{"x", "inf"}));
}

TEST(SqliteRecorder, CommitsEveryNRowsSoThatReadersSeeProgress) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path(), SqliteRecorder::Options{.rows_per_transaction = 3});
  const fs::path db = recorder.file();
  recorder.event(start_instant, "k", "e", "1");
  recorder.event(start_instant, "k", "e", "2");
  EXPECT_EQ(count_rows(db, "events"), 0);  // still in the open transaction
  recorder.event(start_instant, "k", "e", "3");
  EXPECT_EQ(count_rows(db, "events"), 3);
  recorder.event(start_instant, "k", "e", "4");
  EXPECT_EQ(count_rows(db, "events"), 3);
  recorder.close();
  EXPECT_EQ(count_rows(db, "events"), 4);
}

TEST(SqliteRecorder, RecordsTheSchemaVersionAndBuildsIndexesAtClose) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  const fs::path db = recorder.file();
  EXPECT_EQ(query(db, "PRAGMA user_version")[0][0], "1");
  EXPECT_EQ(count_rows(db, "sqlite_master WHERE type = 'index' AND sql IS NOT NULL"), 0);
  recorder.close();
  recorder.close();  // idempotent
  EXPECT_THAT(query(db,
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    "ORDER BY name"),
              ElementsAre(Row{"events_by_entity"}, Row{"samples_by_series"}));
  EXPECT_THAT(query(db, "PRAGMA integrity_check"), ElementsAre(Row{"ok"}));
}

void expect_report_error(const fs::path& directory, const std::string& fragment) {
  try {
    SqliteRecorder recorder(directory);
    FAIL() << "expected a ReportError for " << directory;
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr((directory / "run.sqlite").string()));
    EXPECT_THAT(e.what(), HasSubstr(fragment));
  }
}

TEST(SqliteRecorder, CannotOpenIsAnErrorNamingTheFile) {
  ScratchDirectory scratch;
  expect_report_error(scratch.path() / "missing", "cannot open");
  testing::write_file(scratch.path() / "file", "x");
  expect_report_error(scratch.path() / "file", "cannot open");
  testing::write_file(scratch.path() / "run.sqlite", "earlier");
  expect_report_error(scratch.path(), "already exists");
}

TEST(SqliteRecorder, AFullDiskIsAnErrorNamingTheFile) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path(), SqliteRecorder::Options{.rows_per_transaction = 10,
                                                                  .max_size_bytes = 64 * 1024});
  const std::string reason(1000, 'r');
  try {
    for (int i = 0; i < 1000; ++i) recorder.event(start_instant, "k", "e", reason);
    FAIL() << "1 MB of events fitted into 64 KB";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr(recorder.file().string()));
    EXPECT_THAT(e.what(), HasSubstr("full"));
  }
  // Whether the elapsed time still fits depends on how much SQLite rolled back; either way
  // close() releases the handle, so a second close() has nothing left to do.
  try {
    recorder.close();
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr(recorder.file().string()));
  }
  EXPECT_NO_THROW(recorder.close());
}

TEST(SqliteRecorderDeathTest, TimeMustNotGoBack) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  recorder.event(start_instant + 10s, "k", "e", "r");
  EXPECT_DEATH(recorder.event(start_instant + 9s, "k", "e", "r"), "non-decreasing");
}

TEST(SqliteRecorderDeathTest, NothingIsRecordedAfterClose) {
  ScratchDirectory scratch;
  SqliteRecorder recorder(scratch.path());
  recorder.close();
  EXPECT_DEATH(recorder.event(start_instant, "k", "e", "r"), "after close");
}

}  // namespace
}  // namespace b24::reports
