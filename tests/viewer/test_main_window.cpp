// The window driven as a user would, offscreen: open the tour run, move the clock, and check
// what the map, the charts, the timeline and the event log show (values, not pixels).
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "../reports/sqlite_dump.hpp"
#include "viewer/chart_panel.hpp"
#include "viewer/event_filter_proxy.hpp"
#include "viewer/event_log_panel.hpp"
#include "viewer/event_table_model.hpp"
#include "viewer/incident_slider.hpp"
#include "viewer/main_window.hpp"
#include "viewer/recent_files.hpp"
#include "viewer/replay_chart_view.hpp"
#include "viewer/replay_clock.hpp"
#include "viewer/run_model.hpp"
#include "viewer/run_pane.hpp"
#include "viewer/scenario_runner.hpp"
#include "viewer/timeline_widget.hpp"
#include "viewer/world_map_widget.hpp"
#include "viewer_test_support.hpp"

namespace b24::viewer {
namespace {
using reports::testing::ScratchDirectory;
using reports::testing::write_file;
using testing::at;
using testing::sql_event_time;
using testing::sql_value_at;
using testing::tour_run;

constexpr int timeout_ms = 60'000;

class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::app();
    window_ = std::make_unique<MainWindow>(/*interactive=*/false);
    window_->resize(1400, 900);
    window_->show();
  }
  void open_tour() {
    window_->open_runs({QString::fromStdString(tour_run().string())});
    ASSERT_TRUE(window_->wait_until_ready(timeout_ms));
    ASSERT_TRUE(window_->errors().isEmpty()) << window_->errors().join("\n").toStdString();
  }
  RunPane& pane(int i = 0) { return *window_->pane(i); }
  ReplayChartView* chart_titled(const std::string& title, int pane_index = 0) {
    ChartPanel* charts = pane(pane_index).charts();
    for (int i = 0; i < charts->chart_count(); ++i) {
      if (charts->chart(i)->spec().title == title) return charts->chart(i);
    }
    return nullptr;
  }
  std::unique_ptr<MainWindow> window_;
};

TEST_F(MainWindowTest, SteppingTheClockMovesTheMapAndTheChartCursor) {
  open_tour();
  ReplayClock& clock = *window_->clock();
  EXPECT_EQ(clock.duration_us(), at(4));
  const std::int64_t failed = sql_event_time(tour_run(), "dc_failed", "dc/par");
  clock.set_time(failed + at(0, 15));
  EXPECT_EQ(pane().map()->snapshot().time_us, failed + at(0, 15));
  EXPECT_EQ(pane().map()->snapshot().dc("par")->health, DcHealth::failed);
  clock.step_forward();
  EXPECT_EQ(clock.time_us(), failed + at(0, 16));  // one sample step: 60 s
  clock.set_time(at(3, 30));
  EXPECT_EQ(pane().map()->snapshot().dc("par")->health, DcHealth::up);

  // The charts of the first DC (fra): nodes by state has points and the cursor at the clock.
  EXPECT_EQ(pane().charts()->entity(), "dc/fra");
  ReplayChartView* nodes = chart_titled("Nodes by state");
  ASSERT_NE(nodes, nullptr);
  EXPECT_GT(nodes->drawn_points(0), 100);
  EXPECT_EQ(nodes->cursor_us(), at(3, 30));
  EXPECT_DOUBLE_EQ(nodes->cursor_line_hours(), 3.5);
  EXPECT_EQ(nodes->drawn_value_near(0, at(3, 30)),
            sql_value_at(tour_run(), "dc/fra", "nodes_in_service", at(3, 30)));
}

TEST_F(MainWindowTest, ChoosingAnEventMovesTheClockAndShowsItsReason) {
  open_tour();
  EventLogPanel& log = *pane().event_log();
  log.set_kind_filter("dc_failed");
  ASSERT_EQ(log.proxy()->rowCount(), 1);
  QSignalSpy moved(window_->clock(), &ReplayClock::time_changed);
  log.select_row(0);
  EXPECT_EQ(window_->clock()->time_us(), sql_event_time(tour_run(), "dc_failed", "dc/par"));
  EXPECT_FALSE(moved.isEmpty());
  EXPECT_TRUE(log.reason_text().contains("the whole DC is down"))
      << log.reason_text().toStdString();
  EXPECT_EQ(pane().map()->snapshot().dc("par")->health, DcHealth::failed);
  // The log follows the clock: the current row is the last event at or before it.
  const RunEvent* current = log.table_model()->event(log.table_model()->current_row());
  ASSERT_NE(current, nullptr);
  EXPECT_LE(current->time_us, window_->clock()->time_us());
}

TEST_F(MainWindowTest, TheEventLogFiltersByKindDcAndText) {
  open_tour();
  EventLogPanel& log = *pane().event_log();
  const int all = log.proxy()->rowCount();
  EXPECT_EQ(all, static_cast<int>(pane().model()->data()->events.size()));
  log.set_dc_filter("par");
  const int par = log.proxy()->rowCount();
  EXPECT_GT(par, 0);
  EXPECT_LT(par, all);
  for (int r = 0; r < par; ++r) {
    const QStringList dcs = log.proxy()->index(r, 0).data(EventTableModel::dcs_role).toStringList();
    EXPECT_TRUE(dcs.contains("par"));
  }
  log.set_dc_filter("");
  log.set_text_filter("TURN RELAYS");  // case-insensitive, in the reason
  ASSERT_GE(log.proxy()->rowCount(), 1);
  EXPECT_EQ(log.proxy()->index(0, EventTableModel::kind_column).data().toString(), "relay_failed");
}

TEST_F(MainWindowTest, TheTimelineMarksIncidentsAndJumpsToTheNext) {
  open_tour();
  TimelineWidget& timeline = *window_->timeline();
  EXPECT_GE(timeline.slider()->markers().size(), 5u);  // crash, partition, DC, DB, relay, deploy
  window_->clock()->set_time(0);
  timeline.next_incident();
  EXPECT_EQ(window_->clock()->time_us(), sql_event_time(tour_run(), "crash", "dc/fra/asg"));
  timeline.next_incident();
  EXPECT_EQ(window_->clock()->time_us(),
            sql_event_time(tour_run(), "partition_start", "links/fra-par"));
  timeline.previous_incident();
  EXPECT_EQ(window_->clock()->time_us(), sql_event_time(tour_run(), "crash", "dc/fra/asg"));
  EXPECT_TRUE(timeline.time_text().contains("local (fra)")) << timeline.time_text().toStdString();
  // The slider scrubs the clock.
  timeline.slider()->setValue(TimelineWidget::slider_steps / 2);
  EXPECT_NEAR(static_cast<double>(window_->clock()->time_us()), static_cast<double>(at(2)), 1e6);
}

TEST_F(MainWindowTest, PlayingAdvancesBySpeedTimesWallTime) {
  open_tour();
  ReplayClock& clock = *window_->clock();
  clock.set_time(0);
  clock.set_speed(600);
  clock.advance_wall(1000.0);  // one wall second at 600x: ten simulated minutes
  EXPECT_EQ(clock.time_us(), at(0, 10));
  clock.set_time(at(4) - 1);
  clock.play();
  clock.advance_wall(1000.0);
  EXPECT_EQ(clock.time_us(), at(4));
  EXPECT_FALSE(clock.playing());  // stops at the end
  // And the real timer: playing from the start moves the clock within a few ticks.
  clock.set_time(0);
  QSignalSpy ticks(&clock, &ReplayClock::time_changed);
  clock.play();
  ASSERT_TRUE(ticks.wait(5000));
  clock.pause();
  EXPECT_GT(clock.time_us(), 0);
}

TEST_F(MainWindowTest, SelectingALinkChartsItsLagAndZoomingOneChartZoomsAll) {
  open_tour();
  window_->clock()->set_time(at(1, 15));
  pane().select("repl/fra->par");
  ASSERT_TRUE(window_->wait_until_ready(timeout_ms));
  EXPECT_EQ(pane().map()->snapshot().edge("fra", "par")->state, ReplState::disconnected);
  ReplayChartView* lag = chart_titled("Lag");
  ASSERT_NE(lag, nullptr);
  EXPECT_EQ(lag->drawn_value_near(0, at(1, 15)),
            sql_value_at(tour_run(), "repl/fra->par", "lag_s", at(1, 15)));
  ReplayChartView* backlog = chart_titled("Backlog");
  ASSERT_NE(backlog, nullptr);
  lag->set_x_range(at(1), at(2));
  emit lag->x_range_changed(at(1), at(2));
  EXPECT_EQ(backlog->x_range(), std::make_pair(at(1), at(2)));
  // Thinned to the visible resolution: never more than two points per pixel column.
  EXPECT_LE(backlog->drawn_points(0),
            2 * std::max(100, static_cast<int>(backlog->chart()->plotArea().width())) + 2);
}

TEST_F(MainWindowTest, TwoRunsSideBySideShareTheClockAndTheSelection) {
  const QString run = QString::fromStdString(tour_run().string());
  window_->open_runs({run, run});
  ASSERT_TRUE(window_->wait_until_ready(timeout_ms));
  ASSERT_EQ(window_->pane_count(), 2);
  EXPECT_EQ(window_->event_tabs()->count(), 2);
  window_->clock()->set_time(at(2));
  EXPECT_EQ(pane(0).map()->snapshot().time_us, at(2));
  EXPECT_EQ(pane(1).map()->snapshot().time_us, at(2));
  pane(0).select("dc/sto");
  EXPECT_EQ(pane(1).charts()->entity(), "dc/sto");
  ASSERT_TRUE(window_->wait_until_ready(timeout_ms));
  ASSERT_NE(chart_titled("Load", 1), nullptr);
  EXPECT_EQ(chart_titled("Load", 1)->cursor_us(), at(2));
}

TEST_F(MainWindowTest, AMissingOrCorruptRunIsAnErrorNotACrash) {
  window_->open_runs({"/nonexistent/b24view-run"});
  ASSERT_TRUE(window_->wait_until_ready(timeout_ms));
  ASSERT_EQ(window_->errors().size(), 1);
  EXPECT_TRUE(window_->errors()[0].contains("/nonexistent/b24view-run"));
  ScratchDirectory dir;
  write_file(dir.path() / "run.sqlite", "SQLite format 3" + std::string(4000, '\x7f'));
  window_->open_runs({QString::fromStdString(dir.path().string())});
  ASSERT_TRUE(window_->wait_until_ready(timeout_ms));
  EXPECT_EQ(window_->errors().size(), 1);
  window_->clock()->set_time(at(1));  // a pane without data still follows the clock
  window_->grab();                    // and paints
  open_tour();                        // the window recovers with a good run
  EXPECT_EQ(window_->pane_count(), 1);
}

TEST_F(MainWindowTest, KeyboardShortcutsPlayStepAndJump) {
  open_tour();
  auto action = [&](const QKeySequence& key) -> QAction* {
    for (QAction* a : window_->actions()) {
      if (a->shortcut() == key) return a;
    }
    return nullptr;
  };
  ASSERT_NE(action(QKeySequence(Qt::Key_Space)), nullptr);
  ASSERT_NE(action(QKeySequence(Qt::Key_Right)), nullptr);
  ASSERT_NE(action(QKeySequence(Qt::Key_Left)), nullptr);
  ASSERT_NE(action(QKeySequence(Qt::Key_N)), nullptr);
  window_->clock()->set_time(0);
  action(QKeySequence(Qt::Key_Right))->trigger();
  EXPECT_EQ(window_->clock()->time_us(), at(0, 1));
  action(QKeySequence(Qt::Key_Left))->trigger();
  EXPECT_EQ(window_->clock()->time_us(), 0);
  action(QKeySequence(Qt::Key_N))->trigger();
  EXPECT_EQ(window_->clock()->time_us(), sql_event_time(tour_run(), "crash", "dc/fra/asg"));
  action(QKeySequence(Qt::Key_Space))->trigger();
  EXPECT_TRUE(window_->clock()->playing());
  action(QKeySequence(Qt::Key_Space))->trigger();
  EXPECT_FALSE(window_->clock()->playing());
}

TEST(InteractiveWindow, AMissingRunShowsAnErrorDialog) {
  testing::app();
  ScratchDirectory settings_dir;  // the interactive window reads and writes QSettings
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                     QString::fromStdString(settings_dir.path().string()));
  MainWindow window(/*interactive=*/true);
  window.show();
  QString shown;
  QTimer closer;
  QObject::connect(&closer, &QTimer::timeout, [&] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      shown = box->text();
      box->accept();
    }
  });
  closer.start(20);
  window.open_runs({"/nonexistent/b24view-run"});
  ASSERT_TRUE(window.wait_until_ready(timeout_ms));
  for (int i = 0; i < 100 && shown.isEmpty(); ++i) QTest::qWait(20);
  EXPECT_TRUE(shown.contains("/nonexistent/b24view-run")) << shown.toStdString();
  EXPECT_EQ(window.errors().size(), 1);
}

TEST(RecentFiles, NewestFirstWithoutDuplicatesAtMostEight) {
  testing::app();
  ScratchDirectory dir;
  QSettings settings(QString::fromStdString((dir.path() / "b24view.ini").string()),
                     QSettings::IniFormat);
  for (int i = 0; i < 10; ++i) remember_run(settings, QString("/runs/r%1").arg(i));
  remember_run(settings, "/runs/r5");
  const QStringList runs = recent_runs(settings);
  ASSERT_EQ(runs.size(), max_recent_runs);
  EXPECT_EQ(runs.front(), "/runs/r5");
  EXPECT_EQ(runs.count("/runs/r5"), 1);
  EXPECT_EQ(runs.at(1), "/runs/r9");
}

TEST(ScenarioRunner, RunsAScenarioAndReportsFailures) {
  testing::app();
  ScratchDirectory dir;
  ScenarioRunner runner;
  runner.set_b24sim(B24SIM_PATH);
  QSignalSpy failed(&runner, &ScenarioRunner::failed);
  QSignalSpy finished(&runner, &ScenarioRunner::finished);
  runner.start("/nonexistent/scenario.yaml", QString::fromStdString((dir.path() / "out").string()));
  ASSERT_TRUE(failed.wait(timeout_ms));
  EXPECT_TRUE(failed.at(0).at(0).toString().contains("status 2"))
      << failed.at(0).at(0).toString().toStdString();
  runner.start(B24_SOURCE_DIR "/tests/cli/data/checks-small.yaml",
               QString::fromStdString((dir.path() / "small").string()));
  ASSERT_TRUE(finished.wait(timeout_ms));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "small" / "run.sqlite"));

  // A single-DC run has no coordinates: one marker, placed without a map projection.
  MainWindow window(/*interactive=*/false);
  window.resize(1000, 700);
  window.open_runs({finished.at(0).at(0).toString()});
  ASSERT_TRUE(window.wait_until_ready(timeout_ms));
  ASSERT_TRUE(window.errors().isEmpty());
  window.clock()->set_time(at(0, 5));
  const MapSnapshot& snap = window.pane(0)->map()->snapshot();
  ASSERT_EQ(snap.dcs.size(), 1u);
  EXPECT_EQ(snap.dcs[0].name, "small");
  EXPECT_FALSE(snap.dcs[0].latitude_deg);
  EXPECT_EQ(snap.dcs[0].nodes_in_service, 4);
  EXPECT_GT(window.pane(0)->charts()->chart_count(), 2);
  EXPECT_FALSE(window.grab().isNull());
}

}  // namespace
}  // namespace b24::viewer
