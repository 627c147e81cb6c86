#include "viewer/run_pane.hpp"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "viewer/chart_panel.hpp"
#include "viewer/event_log_panel.hpp"
#include "viewer/run_model.hpp"
#include "viewer/world_map_widget.hpp"

namespace b24::viewer {

RunPane::RunPane(QWidget* parent)
    : QWidget(parent),
      model_(new RunModel(this)),
      title_(new QLabel),
      splitter_(new QSplitter),
      map_(new WorldMapWidget),
      charts_(new ChartPanel(model_)),
      event_log_(new EventLogPanel) {
  title_->setTextFormat(Qt::RichText);
  title_->setContentsMargins(6, 2, 6, 0);
  splitter_->addWidget(map_);
  splitter_->addWidget(charts_);
  splitter_->setStretchFactor(0, 5);
  splitter_->setStretchFactor(1, 4);
  splitter_->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(title_);
  layout->addWidget(splitter_, 1);
  connect(model_, &RunModel::loaded, this, &RunPane::on_loaded);
  connect(model_, &RunModel::failed, this, [this](const QString& message) {
    title_->setText("<b>" + tr("cannot open") + "</b> " + message.toHtmlEscaped());
    emit failed(message);
  });
  connect(map_, &WorldMapWidget::entity_clicked, this, &RunPane::select);
  connect(charts_, &ChartPanel::entity_changed, this, [this](const QString& entity) {
    map_->set_selected(entity);
    emit entity_selected(entity);
  });
  connect(event_log_, &EventLogPanel::event_chosen, this, &RunPane::event_chosen);
}

// The event log may live in the main window's dock (reparented there); it is ours to delete.
RunPane::~RunPane() {
  delete event_log_.data();
}

EventLogPanel* RunPane::event_log() const {
  return event_log_.data();
}

void RunPane::open(const QString& path) {
  title_->setText(tr("opening %1…").arg(path.toHtmlEscaped()));
  model_->open(path);
}

void RunPane::on_loaded() {
  const RunData& run = *model_->data();
  title_->setText(QString("<b>%1</b> &nbsp;<span style='color:#666'>%2</span>")
                      .arg(QString::fromStdString(run.scenario_name).toHtmlEscaped(),
                           QString::fromStdString(run.directory.string()).toHtmlEscaped()));
  map_->set_run(model_->data());
  map_->set_time(time_us_);
  event_log_->set_run(model_->data());
  event_log_->set_time(time_us_);
  emit loaded();
}

void RunPane::set_compact(bool compact) {
  splitter_->setOrientation(compact ? Qt::Vertical : Qt::Horizontal);
  // Beside the map the charts get a little less than half; below it, a little more.
  const int total = compact ? std::max(height(), 600) : std::max(width(), 1000);
  splitter_->setSizes(compact ? QList<int>{total * 45 / 100, total * 55 / 100}
                              : QList<int>{total * 53 / 100, total * 47 / 100});
}

void RunPane::set_time(qint64 time_us) {
  time_us_ = time_us;
  map_->set_time(time_us);
  charts_->set_time(time_us);
  event_log_->set_time(time_us);
}

void RunPane::select(const QString& entity) {
  charts_->set_entity(entity);
}

}  // namespace b24::viewer
