// Issue 8's picture, checked as values: dc-outage replayed at 11:30 local (10:30 into the run,
// half an hour into Frankfurt's outage) shows Frankfurt failed, its cohorts served by another
// DC, that DC scaling out, and the replication edges around Frankfurt lagging or disconnected;
// `b24view --screenshot --at "11:30 local"` renders it. A long test: the run is the scenario's
// first 11 hours (the outage starts at 10:00 UTC), about a minute of simulation.
#include <gtest/gtest.h>

#include <QImage>
#include <QProcess>
#include <set>

#include "../reports/sqlite_dump.hpp"
#include "viewer/map_snapshot.hpp"
#include "viewer/run_loader.hpp"
#include "viewer_test_support.hpp"

namespace b24::viewer {
namespace {
namespace fs = std::filesystem;
using reports::testing::ScratchDirectory;
using testing::at;
using testing::sql_event_time;
using testing::sql_value_at;

const fs::path& outage_run() {
  static const ScratchDirectory scratch;
  static const fs::path dir = [] {
    const fs::path run = scratch.path() / "dc-outage";
    const int status = QProcess::execute(
        B24SIM_PATH, {"run", B24_SOURCE_DIR "/scenarios/dc-outage.yaml", "--set", "duration=11h",
                      "--out", QString::fromStdString(run.string()), "-q"});
    // 3: a check failed, which a shortened run may; the run directory is complete either way.
    if (status != 0 && status != 3) throw std::runtime_error("b24sim run dc-outage failed");
    return run;
  }();
  return dir;
}

const RunData& outage() {
  static const LoadedRun loaded = load_run(outage_run());
  if (!loaded.data) throw std::runtime_error(loaded.error);
  return *loaded.data;
}

int total_cohorts(const MapSnapshot& snap) {
  int n = 0;
  for (const DcMarker& dc : snap.dcs) n += std::max(dc.cohorts, 0);
  return n;
}

TEST(DcOutageReplay, At1130FrankfurtIsDownItsTenantsServedElsewhereAndReplicationBehind) {
  const std::int64_t failed = sql_event_time(outage_run(), "dc_failed", "dc/fra");
  ASSERT_EQ(failed, at(10));  // 11:00 local in Frankfurt (UTC+1)
  const MapSnapshot before = make_map_snapshot(outage(), failed - 1);
  const MapSnapshot snap = make_map_snapshot(outage(), at(10, 30));
  ASSERT_NE(snap.dc("fra"), nullptr);
  EXPECT_EQ(before.dc("fra")->health, DcHealth::up);
  EXPECT_EQ(snap.dc("fra")->health, DcHealth::failed);
  ASSERT_GT(before.dc("fra")->cohorts, 0);
  EXPECT_EQ(snap.dc("fra")->cohorts, 0);
  EXPECT_EQ(total_cohorts(snap), total_cohorts(before)) << "every cohort is served somewhere";
  // The receiving DC: the one that gained cohorts. It serves more, and it is scaling out.
  const DcMarker* receiver = nullptr;
  for (const DcMarker& dc : snap.dcs) {
    if (dc.cohorts > before.dc(dc.name)->cohorts) receiver = &dc;
  }
  ASSERT_NE(receiver, nullptr);
  const DcMarker& was = *before.dc(receiver->name);
  EXPECT_EQ(receiver->health, DcHealth::up);
  EXPECT_GT(receiver->load_rps, was.load_rps);
  EXPECT_TRUE(receiver->scaling_out);
  EXPECT_GT(receiver->nodes_in_service, was.nodes_in_service);
  EXPECT_EQ(receiver->nodes_in_service,
            sql_value_at(outage_run(), "dc/" + receiver->name, "nodes_in_service", at(10, 30)));
  // Replication: every edge out of Frankfurt is disconnected, and one into it falls behind.
  bool lagging_into_fra = false;
  for (const ReplArrow& edge : snap.replication) {
    if (edge.source == "fra") {
      EXPECT_EQ(edge.state, ReplState::disconnected) << edge.replica;
    }
    if (edge.replica == "fra" && edge.lag_s > 60.0) lagging_into_fra = true;
  }
  EXPECT_TRUE(lagging_into_fra);
}

TEST(DcOutageReplay, TheScreenshotAt1130LocalIsAPicture) {
  testing::app();
  ScratchDirectory dir;
  const QString png = QString::fromStdString((dir.path() / "outage.png").string());
  QProcess process;
  process.start(B24VIEW_PATH, {"--screenshot", png, QString::fromStdString(outage_run().string()),
                               "--at", "11:30 local", "--select", "dc/par", "--size", "1600x1000"});
  ASSERT_TRUE(process.waitForFinished(180'000));
  ASSERT_EQ(process.exitStatus(), QProcess::NormalExit);
  ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  std::set<QRgb> colours;  // as test_screenshot.cpp: a blank window has a handful
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
  }
  EXPECT_GT(colours.size(), 200u);
}

}  // namespace
}  // namespace b24::viewer
