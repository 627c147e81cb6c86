// Loading a real run (student-tour) and what the map makes of it, checked against SQL read
// independently of the viewer; and every way opening a database can fail.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "../reports/sqlite_dump.hpp"
#include "viewer/map_snapshot.hpp"
#include "viewer/run_loader.hpp"
#include "viewer_test_support.hpp"

namespace b24::viewer {
namespace {
namespace fs = std::filesystem;
using reports::testing::query;
using reports::testing::ScratchDirectory;
using reports::testing::write_file;
using testing::at;
using testing::sql_event_time;
using testing::sql_value_at;
using testing::tour_run;

const RunData& tour() {
  static const LoadedRun loaded = load_run(tour_run());
  if (!loaded.data) throw std::runtime_error(loaded.error);
  return *loaded.data;
}

TEST(RunLoader, ReadsTheTopologyEventsAndMapSeries) {
  const RunData& run = tour();
  EXPECT_EQ(run.scenario_name, "student-tour");
  EXPECT_EQ(run.duration_us, at(4));
  EXPECT_EQ(run.sample_step_us, 60'000'000);
  ASSERT_EQ(run.dcs.size(), 5u);
  EXPECT_EQ(run.dcs[0].name, "fra");
  EXPECT_NEAR(run.dcs[0].latitude_deg.value_or(0), 50.1109, 1e-9);
  EXPECT_EQ(run.dcs[0].utc_offset_s, 3600);
  EXPECT_EQ(run.links.size(), 6u);
  EXPECT_EQ(run.replication.size(), 5u);
  const auto events = query(tour_run() / "run.sqlite", "SELECT count(*) FROM events");
  EXPECT_EQ(run.events.size(), std::stoul(events[0][0]));
  EXPECT_TRUE(
      std::is_sorted(run.events.begin(), run.events.end(),
                     [](const RunEvent& a, const RunEvent& b) { return a.time_us < b.time_us; }));
  ASSERT_NE(run.series("dc/fra", "nodes_in_service"), nullptr);
  EXPECT_EQ(run.series("dc/fra", "nodes_in_service")->value_at(at(2)),
            sql_value_at(tour_run(), "dc/fra", "nodes_in_service", at(2)));
}

TEST(RunLoader, ReadsEverySeriesOfOneEntity) {
  const LoadedSeries loaded = load_entity_series(tour_run(), "dc/fra");
  ASSERT_TRUE(loaded.error.empty()) << loaded.error;
  const auto rows = query(tour_run() / "run.sqlite",
                          "SELECT count(DISTINCT metric), count(*) FROM samples_v WHERE entity = "
                          "'dc/fra' AND metric = 'cpu_pct'");
  ASSERT_EQ(loaded.series.count("cpu_pct"), 1u);
  EXPECT_EQ(loaded.series.at("cpu_pct").size(), std::stoul(rows[0][1]));
  EXPECT_EQ(loaded.series.at("p99_latency_ms").value_at(at(3)),
            sql_value_at(tour_run(), "dc/fra", "p99_latency_ms", at(3)));
}

TEST(MapSnapshot, ParisFailedItsCohortServedElsewhereAndTheReceivingDcScalingOut) {
  const RunData& run = tour();
  const std::int64_t failed = sql_event_time(tour_run(), "dc_failed", "dc/par");
  const std::int64_t moved = sql_event_time(tour_run(), "cohort_move", "cohort/fr");
  const std::int64_t t = moved + at(0, 10);
  const MapSnapshot snap = make_map_snapshot(run, t);
  ASSERT_NE(snap.dc("par"), nullptr);
  EXPECT_EQ(snap.dc("par")->health, DcHealth::failed);
  EXPECT_EQ(make_map_snapshot(run, failed - 1).dc("par")->health, DcHealth::up);
  EXPECT_EQ(snap.dc("par")->cohorts, 0);
  // The cohort went to Stockholm (the placement policy's reason says "par -> sto").
  EXPECT_EQ(snap.dc("sto")->cohorts, sql_value_at(tour_run(), "dc/sto", "cohorts", t));
  EXPECT_GT(snap.dc("sto")->cohorts, make_map_snapshot(run, failed - 1).dc("sto")->cohorts);
  EXPECT_TRUE(snap.dc("sto")->scaling_out);
  EXPECT_EQ(snap.dc("sto")->nodes_in_service,
            sql_value_at(tour_run(), "dc/sto", "nodes_in_service", t));
  EXPECT_EQ(snap.dc("fra")->health, DcHealth::up);
}

TEST(MapSnapshot, APartitionCutsTheLinkAndTheReplicationEdgeFallsBehind) {
  const RunData& run = tour();
  const std::int64_t t = sql_event_time(tour_run(), "partition_start", "links/fra-par") + at(0, 15);
  const MapSnapshot snap = make_map_snapshot(run, t);
  const auto link = std::find_if(snap.links.begin(), snap.links.end(),
                                 [](const LinkLine& l) { return l.a == "fra" && l.b == "par"; });
  ASSERT_NE(link, snap.links.end());
  EXPECT_EQ(link->state, LinkState::cut);
  const ReplArrow* edge = snap.edge("fra", "par");
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->state, ReplState::disconnected);
  EXPECT_EQ(edge->lag_s, sql_value_at(tour_run(), "repl/fra->par", "lag_s", t));
  EXPECT_GT(edge->lag_s, 60.0);
  EXPECT_EQ(snap.edge("par", "sto")->state, ReplState::replicating);
  const MapSnapshot healed = make_map_snapshot(run, at(3, 30));
  EXPECT_EQ(healed.edge("fra", "par")->state, ReplState::replicating);
}

TEST(MapSnapshot, ARecoveredDcIsDeclaredFailedUntilHealthChecksSeeIt) {
  const RunData& run = tour();
  const std::int64_t back = sql_event_time(tour_run(), "dc_recovered", "dc/par");
  const std::int64_t healthy = sql_event_time(tour_run(), "dc_declared_healthy", "dc/par");
  ASSERT_LT(back, healthy);
  EXPECT_EQ(make_map_snapshot(run, back).dc("par")->health, DcHealth::declared_failed);
  EXPECT_EQ(make_map_snapshot(run, healthy).dc("par")->health, DcHealth::up);
}

// --- Opening what is not a run: a message naming the path, never a crash. -------------------

TEST(RunLoaderErrors, MissingDirectory) {
  const LoadedRun r = load_run("/nonexistent/b24view-run");
  EXPECT_FALSE(r.data);
  EXPECT_NE(r.error.find("/nonexistent/b24view-run"), std::string::npos) << r.error;
}

TEST(RunLoaderErrors, DirectoryWithoutADatabase) {
  ScratchDirectory dir;
  const LoadedRun r = load_run(dir.path());
  EXPECT_FALSE(r.data);
  EXPECT_NE(r.error.find("run.sqlite"), std::string::npos) << r.error;
}

TEST(RunLoaderErrors, AFileThatIsNotSqlite) {
  ScratchDirectory dir;
  write_file(dir.path() / "run.sqlite", std::string(5000, 'x') + "not a database");
  const LoadedRun r = load_run(dir.path());
  EXPECT_FALSE(r.data);
  EXPECT_FALSE(r.error.empty());
}

void make_database(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.string().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(RunLoaderErrors, AnSqliteFileWithoutOurSchemaVersion) {
  ScratchDirectory dir;
  make_database(dir.path() / "run.sqlite", "CREATE TABLE t(x);");
  const LoadedRun r = load_run(dir.path());
  EXPECT_FALSE(r.data);
  EXPECT_NE(r.error.find("schema version"), std::string::npos) << r.error;
}

TEST(RunLoaderErrors, ANewerSchemaVersion) {
  ScratchDirectory dir;
  make_database(dir.path() / "run.sqlite", "CREATE TABLE t(x); PRAGMA user_version = 99;");
  const LoadedRun r = load_run(dir.path());
  EXPECT_FALSE(r.data);
  EXPECT_NE(r.error.find("99"), std::string::npos) << r.error;
}

TEST(RunLoaderErrors, OurVersionButTablesMissing) {
  ScratchDirectory dir;
  make_database(dir.path() / "run.sqlite", "CREATE TABLE t(x); PRAGMA user_version = 1;");
  const LoadedRun r = load_run(dir.path());
  EXPECT_FALSE(r.data);
  EXPECT_FALSE(r.error.empty());
}

}  // namespace
}  // namespace b24::viewer
