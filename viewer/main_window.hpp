#pragma once
// b24view's window: one run pane, or two side by side (compare mode), on one replay clock;
// the timeline at the bottom; the event logs in a dock (a tab per run). Menus, shortcuts,
// recent runs and the window layout (QSettings) are in main_window_menus.cpp.

#include <QMainWindow>
#include <QStringList>
#include <vector>

class QDockWidget;
class QMenu;
class QSplitter;
class QTabWidget;

namespace b24::viewer {

class ReplayClock;
class RunPane;
class ScenarioRunner;
class TimelineWidget;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `interactive`: errors show a dialog and the layout is saved and restored (QSettings);
  // off for --screenshot and tests (errors are only collected, nothing persists).
  explicit MainWindow(bool interactive, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Replaces the open runs with these (one, or two side by side).
  void open_runs(const QStringList& paths);
  // Adds a run beside the first one (compare mode); replaces the second if there are two.
  void open_compare(const QString& path);

  [[nodiscard]] ReplayClock* clock() const { return clock_; }
  [[nodiscard]] TimelineWidget* timeline() const { return timeline_; }
  [[nodiscard]] int pane_count() const { return static_cast<int>(panes_.size()); }
  [[nodiscard]] RunPane* pane(int i) const { return panes_.at(static_cast<std::size_t>(i)); }
  [[nodiscard]] QTabWidget* event_tabs() const { return log_tabs_; }
  // The errors of runs that failed to open since the last open_runs().
  [[nodiscard]] const QStringList& errors() const noexcept { return errors_; }

  // Every pane has loaded (or failed) and built its charts.
  [[nodiscard]] bool is_ready() const;
  // Runs the event loop until every pane has loaded (or failed) and its charts are built;
  // false on timeout.
  bool wait_until_ready(int timeout_ms);

 public slots:
  void open_run_dialog();
  void open_compare_dialog();
  void open_scenario_dialog();
  void save_screenshot_dialog();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  RunPane* add_pane(const QString& path);
  void clear_panes();
  void on_pane_loaded();
  void on_pane_failed(const QString& message);
  void link_selection(RunPane* pane);
  void update_clock_range();
  void build_menus();
  void build_replay_actions(QMenu* menu);
  void rebuild_recent_menu();
  void remember(const QString& path);
  void restore_layout();
  void save_layout();
  void start_scenario(const QString& scenario);

  bool interactive_;
  ReplayClock* clock_;
  TimelineWidget* timeline_;
  QSplitter* pane_splitter_;
  QDockWidget* log_dock_;
  QTabWidget* log_tabs_;
  QMenu* recent_menu_ = nullptr;
  ScenarioRunner* runner_ = nullptr;
  std::vector<RunPane*> panes_;
  QStringList errors_;
};

}  // namespace b24::viewer
