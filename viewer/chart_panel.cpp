#include "viewer/chart_panel.hpp"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "viewer/chart_specs.hpp"
#include "viewer/replay_chart_view.hpp"
#include "viewer/run_model.hpp"

namespace b24::viewer {

ChartPanel::ChartPanel(RunModel* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      chooser_(new QComboBox),
      status_(new QLabel),
      grid_(new QGridLayout) {
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Charts for")));
  chooser_->setMinimumContentsLength(18);
  chooser_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  top->addWidget(chooser_, 1);
  top->addWidget(status_);
  auto* holder = new QWidget;
  holder->setLayout(grid_);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(2);
  auto* scroll = new QScrollArea;
  scroll->setWidget(holder);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(top);
  layout->addWidget(scroll, 1);
  connect(chooser_, &QComboBox::currentTextChanged, this, &ChartPanel::set_entity);
  connect(model_, &RunModel::loaded, this, &ChartPanel::on_loaded);
  connect(model_, &RunModel::about_to_reset, this, [this] {
    clear_charts();
    chooser_->clear();
  });
  connect(model_, &RunModel::series_ready, this, &ChartPanel::on_series_ready);
}

void ChartPanel::set_columns(int columns) {
  if (columns == columns_) return;
  columns_ = std::max(columns, 1);
  build_charts();
}

bool ChartPanel::is_ready() const {
  if (!model_->data()) return false;
  return entity_.isEmpty() || built_for_ == entity_;
}

void ChartPanel::on_loaded() {
  const QString previous = entity_;
  QSignalBlocker block(chooser_);
  chooser_->clear();
  for (const std::string& e : chartable_entities(*model_->data())) {
    chooser_->addItem(QString::fromStdString(e));
  }
  block.unblock();
  // Keep the selection across a reload when the new run has it too.
  const int keep = chooser_->findText(previous);
  set_entity(keep >= 0 ? previous : chooser_->itemText(0));
}

void ChartPanel::set_entity(const QString& entity) {
  if (entity.isEmpty() || !model_->data()) return;
  const int index = chooser_->findText(entity);
  if (index < 0) return;  // this run has no such entity (the other pane's choice)
  if (entity == entity_ && !charts_.empty()) return;
  entity_ = entity;
  {
    QSignalBlocker block(chooser_);
    chooser_->setCurrentIndex(index);
  }
  clear_charts();
  status_->setText(tr("reading…"));
  emit entity_changed(entity_);
  model_->request_series(entity_.toStdString());
}

void ChartPanel::on_series_ready(const QString& entity) {
  if (entity != entity_) return;
  build_charts();
}

void ChartPanel::clear_charts() {
  for (ReplayChartView* chart : charts_) {
    grid_->removeWidget(chart);
    delete chart;
  }
  charts_.clear();
  built_for_.clear();
}

void ChartPanel::build_charts() {
  clear_charts();
  if (!model_->data() || entity_.isEmpty() || !model_->entity_series(entity_.toStdString())) return;
  const RunData& run = *model_->data();
  const std::vector<ChartSpec> specs = chart_specs(run, entity_.toStdString());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    auto* chart = new ReplayChartView(specs[i], run.duration_us);
    std::vector<const Series*> series;
    for (const SeriesSpec& s : specs[i].series)
      series.push_back(model_->series(s.entity, s.metric));
    chart->set_series(series);
    chart->set_cursor(time_us_);
    connect(chart, &ReplayChartView::x_range_changed, this,
            [this, chart](qint64 t0, qint64 t1) { sync_range(chart, t0, t1); });
    const int row = static_cast<int>(i) / columns_;
    const int column = static_cast<int>(i) % columns_;
    grid_->addWidget(chart, row, column);
    charts_.push_back(chart);
  }
  status_->setText(specs.empty() ? tr("no series") : QString());
  built_for_ = entity_;
  emit charts_ready();
}

void ChartPanel::sync_range(ReplayChartView* source, qint64 t0_us, qint64 t1_us) {
  for (ReplayChartView* chart : charts_) {
    if (chart != source) chart->set_x_range(t0_us, t1_us);
  }
}

void ChartPanel::set_time(qint64 time_us) {
  time_us_ = time_us;
  for (ReplayChartView* chart : charts_) chart->set_cursor(time_us);
}

}  // namespace b24::viewer
