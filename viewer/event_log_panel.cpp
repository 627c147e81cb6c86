#include "viewer/event_log_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>
#include <set>

#include "viewer/event_filter_proxy.hpp"
#include "viewer/event_table_model.hpp"
#include "viewer/time_text.hpp"

namespace b24::viewer {

EventLogPanel::EventLogPanel(QWidget* parent)
    : QWidget(parent),
      model_(new EventTableModel(this)),
      proxy_(new EventFilterProxy(this)),
      kind_(new QComboBox),
      dc_(new QComboBox),
      text_(new QLineEdit),
      follow_(new QCheckBox(tr("follow clock"))),
      view_(new QTableView),
      reason_(new QLabel) {
  proxy_->setSourceModel(model_);
  view_->setModel(proxy_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setSortingEnabled(true);
  view_->sortByColumn(EventTableModel::time_column, Qt::AscendingOrder);
  view_->verticalHeader()->setVisible(false);
  view_->verticalHeader()->setDefaultSectionSize(20);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setWordWrap(false);
  text_->setPlaceholderText(tr("filter text"));
  text_->setClearButtonEnabled(true);
  follow_->setChecked(true);
  reason_->setWordWrap(true);
  reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  reason_->setVisible(false);  // until an event is chosen
  auto* filters = new QHBoxLayout;
  filters->addWidget(kind_);
  filters->addWidget(dc_);
  filters->addWidget(text_, 1);
  filters->addWidget(follow_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(filters);
  layout->addWidget(view_, 1);
  layout->addWidget(reason_);
  connect(kind_, &QComboBox::currentIndexChanged, this,
          [this] { proxy_->set_kind(kind_->currentData().toString()); });
  connect(dc_, &QComboBox::currentIndexChanged, this,
          [this] { proxy_->set_dc(dc_->currentData().toString()); });
  connect(text_, &QLineEdit::textChanged, proxy_, &EventFilterProxy::set_text);
  connect(view_, &QTableView::clicked, this, &EventLogPanel::choose);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { choose(current); });
}

void EventLogPanel::set_run(std::shared_ptr<const RunData> run) {
  run_ = std::move(run);
  model_->set_run(run_);
  fill_filters();
  reason_->clear();
  reason_->setVisible(false);
  view_->resizeColumnsToContents();
  // Room for the bold (current) row, which is wider than the plain text measured above.
  for (const int column : {0, 1, 2}) view_->setColumnWidth(column, view_->columnWidth(column) + 16);
}

void EventLogPanel::fill_filters() {
  const QSignalBlocker block_kind(kind_);
  const QSignalBlocker block_dc(dc_);
  kind_->clear();
  dc_->clear();
  kind_->addItem(tr("all kinds"), QString());
  dc_->addItem(tr("all DCs"), QString());
  if (run_) {
    std::set<std::string> kinds;
    for (const RunEvent& e : run_->events) kinds.insert(e.kind);
    for (const std::string& k : kinds)
      kind_->addItem(QString::fromStdString(k), QString::fromStdString(k));
    for (const DcSite& dc : run_->dcs)
      dc_->addItem(QString::fromStdString(dc.name), QString::fromStdString(dc.name));
  }
  proxy_->set_kind({});
  proxy_->set_dc({});
}

void EventLogPanel::set_kind_filter(const QString& kind) {
  kind_->setCurrentIndex(std::max(0, kind_->findData(kind)));
}

void EventLogPanel::set_dc_filter(const QString& dc) {
  dc_->setCurrentIndex(std::max(0, dc_->findData(dc)));
}

void EventLogPanel::set_text_filter(const QString& text) {
  text_->setText(text);
}

void EventLogPanel::choose(const QModelIndex& proxy_index) {
  if (!proxy_index.isValid()) return;
  const QModelIndex source = proxy_->mapToSource(proxy_index);
  const RunEvent* e = model_->event(source.row());
  if (e == nullptr) return;
  reason_->setText(QString("<b>%1 %2</b> %3: %4")
                       .arg(QString::fromStdString(format_instant(e->time_us)),
                            QString::fromStdString(e->kind).toHtmlEscaped(),
                            QString::fromStdString(e->entity).toHtmlEscaped(),
                            QString::fromStdString(e->reason).toHtmlEscaped()));
  reason_->setVisible(true);
  emit event_chosen(e->time_us);
}

void EventLogPanel::select_row(int proxy_row) {
  const QModelIndex index = proxy_->index(proxy_row, 0);
  if (view_->currentIndex().row() == proxy_row) {
    choose(index);  // already current: no currentRowChanged, choose it again explicitly
  } else {
    view_->setCurrentIndex(index);  // currentRowChanged chooses it
  }
}

QString EventLogPanel::reason_text() const {
  return reason_->text();
}

void EventLogPanel::set_time(qint64 time_us) {
  model_->set_time(time_us);
  if (!follow_->isChecked() || model_->current_row() < 0) return;
  const QModelIndex at = proxy_->mapFromSource(model_->index(model_->current_row(), 0));
  if (at.isValid()) view_->scrollTo(at, QAbstractItemView::EnsureVisible);
}

}  // namespace b24::viewer
