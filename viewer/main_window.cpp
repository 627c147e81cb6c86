#include "viewer/main_window.hpp"

#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "viewer/chart_panel.hpp"
#include "viewer/event_facts.hpp"
#include "viewer/event_log_panel.hpp"
#include "viewer/replay_clock.hpp"
#include "viewer/run_model.hpp"
#include "viewer/run_pane.hpp"
#include "viewer/timeline_widget.hpp"

namespace b24::viewer {

MainWindow::MainWindow(bool interactive, QWidget* parent)
    : QMainWindow(parent),
      interactive_(interactive),
      clock_(new ReplayClock(this)),
      timeline_(new TimelineWidget(clock_)),
      pane_splitter_(new QSplitter(Qt::Horizontal)),
      log_dock_(new QDockWidget(tr("Events"))),
      log_tabs_(new QTabWidget) {
  setWindowTitle("b24view");
  auto* central = new QWidget;
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  pane_splitter_->setChildrenCollapsible(false);
  layout->addWidget(pane_splitter_, 1);
  layout->addWidget(timeline_);
  setCentralWidget(central);
  log_dock_->setObjectName("events_dock");  // saveState() needs object names
  log_dock_->setWidget(log_tabs_);
  addDockWidget(Qt::BottomDockWidgetArea, log_dock_);
  resizeDocks({log_dock_}, {210}, Qt::Vertical);
  build_menus();
  if (interactive_) restore_layout();
}

MainWindow::~MainWindow() {
  clear_panes();
}

void MainWindow::clear_panes() {
  clock_->pause();
  while (log_tabs_->count() > 0) {
    QWidget* tab = log_tabs_->widget(0);
    log_tabs_->removeTab(0);
    tab->setParent(nullptr);  // the pane deletes its event log
  }
  for (RunPane* pane : panes_) delete pane;
  panes_.clear();
  errors_.clear();
}

void MainWindow::open_runs(const QStringList& paths) {
  clear_panes();
  for (const QString& path : paths.mid(0, 2)) add_pane(path);
}

void MainWindow::open_compare(const QString& path) {
  if (panes_.size() == 2) {
    QWidget* tab = log_tabs_->widget(1);
    log_tabs_->removeTab(1);
    tab->setParent(nullptr);  // the pane deletes its event log
    delete panes_.back();
    panes_.pop_back();
  }
  add_pane(path);
}

RunPane* MainWindow::add_pane(const QString& path) {
  auto* pane = new RunPane;
  panes_.push_back(pane);
  pane_splitter_->addWidget(pane);
  log_tabs_->addTab(pane->event_log(), path.section('/', -1, -1, QString::SectionSkipEmpty));
  const bool compact = panes_.size() > 1;
  for (RunPane* p : panes_) p->set_compact(compact);
  connect(clock_, &ReplayClock::time_changed, pane, &RunPane::set_time);
  connect(pane, &RunPane::event_chosen, clock_, [this](qint64 t) {
    clock_->pause();  // looking at an event: stay there
    clock_->set_time(t);
  });
  connect(pane, &RunPane::loaded, this, &MainWindow::on_pane_loaded);
  connect(pane, &RunPane::failed, this, &MainWindow::on_pane_failed);
  link_selection(pane);
  pane->set_time(clock_->time_us());
  pane->open(path);
  return pane;
}

// Side by side, both panes chart the same entity: choosing it in one chooses it in the other.
void MainWindow::link_selection(RunPane* pane) {
  connect(pane, &RunPane::entity_selected, this, [this, pane](const QString& entity) {
    for (RunPane* other : panes_) {
      if (other != pane && other->charts()->entity() != entity) other->select(entity);
    }
  });
}

void MainWindow::on_pane_loaded() {
  auto* pane = qobject_cast<RunPane*>(sender());
  if (pane != nullptr) remember(pane->model()->path());
  update_clock_range();
}

void MainWindow::on_pane_failed(const QString& message) {
  errors_ << message;
  if (interactive_) QMessageBox::critical(this, tr("Cannot open the run"), message);
}

void MainWindow::update_clock_range() {
  std::int64_t duration = 0;
  std::int64_t step = 0;
  std::vector<std::int64_t> incidents;
  for (RunPane* pane : panes_) {
    const auto& run = pane->model()->data();
    if (!run) continue;
    duration = std::max(duration, run->duration_us);
    if (run->sample_step_us > 0) {
      step = step == 0 ? run->sample_step_us : std::min(step, run->sample_step_us);
    }
    const auto times = incident_times(run->events);
    incidents.insert(incidents.end(), times.begin(), times.end());
  }
  std::sort(incidents.begin(), incidents.end());
  incidents.erase(std::unique(incidents.begin(), incidents.end()), incidents.end());
  clock_->set_duration(duration);
  clock_->set_step(step > 0 ? step : 60'000'000);
  timeline_->set_incidents(std::move(incidents));
  const auto& first = panes_.front()->model()->data();
  if (first && !first->dcs.empty()) {
    timeline_->set_local_zone(first->first_dc_utc_offset_s(),
                              QString::fromStdString(first->dcs.front().name));
  }
}

bool MainWindow::is_ready() const {
  return std::all_of(panes_.begin(), panes_.end(), [](RunPane* p) {
    if (p->model()->is_loading()) return false;
    return !p->model()->data() || p->charts()->is_ready();
  });
}

bool MainWindow::wait_until_ready(int timeout_ms) {
  QElapsedTimer elapsed;
  elapsed.start();
  while (!is_ready()) {
    if (elapsed.elapsed() > timeout_ms) return false;
    QEventLoop loop;
    QTimer::singleShot(20, &loop, &QEventLoop::quit);
    loop.exec();
  }
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (interactive_) save_layout();
  event->accept();
}

}  // namespace b24::viewer
