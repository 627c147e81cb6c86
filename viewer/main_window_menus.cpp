// MainWindow's menus, shortcuts, dialogs, recent runs and saved layout (main_window.hpp).
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>

#include "viewer/main_window.hpp"
#include "viewer/recent_files.hpp"
#include "viewer/replay_clock.hpp"
#include "viewer/run_pane.hpp"
#include "viewer/scenario_runner.hpp"
#include "viewer/timeline_widget.hpp"

namespace b24::viewer {

void MainWindow::build_menus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open run…"), QKeySequence::Open, this, &MainWindow::open_run_dialog);
  file->addAction(tr("Open run to &compare…"), this, &MainWindow::open_compare_dialog);
  file->addAction(tr("Open &scenario…"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                  &MainWindow::open_scenario_dialog);
  recent_menu_ = file->addMenu(tr("&Recent runs"));
  rebuild_recent_menu();
  file->addSeparator();
  file->addAction(tr("Save screens&hot…"), this, &MainWindow::save_screenshot_dialog);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  build_replay_actions(menuBar()->addMenu(tr("&Replay")));
  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(log_dock_->toggleViewAction());
}

// Window-wide shortcuts; a line edit with focus still gets its own keys (Qt asks it first).
void MainWindow::build_replay_actions(QMenu* menu) {
  auto add = [&](const QString& text, const QKeySequence& key, auto slot_owner, auto slot) {
    QAction* a = menu->addAction(text);
    a->setShortcut(key);
    connect(a, &QAction::triggered, slot_owner, slot);
    addAction(a);
  };
  add(tr("Play / pause"), QKeySequence(Qt::Key_Space), clock_, &ReplayClock::toggle_play);
  add(tr("Step back"), QKeySequence(Qt::Key_Left), clock_, &ReplayClock::step_back);
  add(tr("Step forward"), QKeySequence(Qt::Key_Right), clock_, &ReplayClock::step_forward);
  add(tr("Next incident"), QKeySequence(Qt::Key_N), timeline_, &TimelineWidget::next_incident);
  add(tr("Previous incident"), QKeySequence(Qt::SHIFT | Qt::Key_N), timeline_,
      &TimelineWidget::previous_incident);
}

void MainWindow::rebuild_recent_menu() {
  recent_menu_->clear();
  // Tests and --screenshot neither read nor write the user's settings.
  const QStringList runs = interactive_ ? recent_runs(QSettings()) : QStringList();
  for (const QString& path : runs) {
    recent_menu_->addAction(path, this, [this, path] { open_runs({path}); });
  }
  recent_menu_->setEnabled(!runs.isEmpty());
}

void MainWindow::remember(const QString& path) {
  if (!interactive_) return;
  QSettings settings;
  remember_run(settings, path);
  rebuild_recent_menu();
}

void MainWindow::open_run_dialog() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open run directory"), "runs");
  if (!dir.isEmpty()) open_runs({dir});
}

void MainWindow::open_compare_dialog() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open run to compare"), "runs");
  if (!dir.isEmpty()) open_compare(dir);
}

void MainWindow::open_scenario_dialog() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Run scenario"), "scenarios",
                                                    tr("Scenarios (*.yaml *.yml)"));
  if (!file.isEmpty()) start_scenario(file);
}

// Runs the scenario into runs/<scenario file name> under the current directory (what
// `b24sim run` does without --out, but named after the file), then opens it.
void MainWindow::start_scenario(const QString& scenario) {
  const QString out =
      QDir::current().absoluteFilePath("runs/" + QFileInfo(scenario).completeBaseName());
  if (runner_ == nullptr) {
    runner_ = new ScenarioRunner(this);
    connect(runner_, &ScenarioRunner::finished, this,
            [this](const QString& dir) { open_runs({dir}); });
    connect(runner_, &ScenarioRunner::failed, this, [this](const QString& message) {
      QMessageBox::critical(this, tr("The scenario did not run"), message);
    });
  }
  auto* progress = new QProgressDialog(tr("Running %1…").arg(QFileInfo(scenario).fileName()),
                                       tr("Cancel"), 0, 0, this);
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(0);
  progress->setAttribute(Qt::WA_DeleteOnClose);
  connect(progress, &QProgressDialog::canceled, runner_, &ScenarioRunner::cancel);
  connect(runner_, &ScenarioRunner::finished, progress, &QWidget::close);
  connect(runner_, &ScenarioRunner::failed, progress, &QWidget::close);
  runner_->start(scenario, out);
  progress->show();
}

void MainWindow::save_screenshot_dialog() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Save screenshot"), "b24view.png",
                                                    tr("PNG images (*.png)"));
  if (!file.isEmpty() && !grab().save(file, "PNG")) {
    QMessageBox::critical(this, tr("Screenshot"), tr("Cannot write %1").arg(file));
  }
}

void MainWindow::restore_layout() {
  const QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::save_layout() {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
}

}  // namespace b24::viewer
