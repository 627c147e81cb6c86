#include "viewer/event_table_model.hpp"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <algorithm>

#include "viewer/event_facts.hpp"
#include "viewer/time_text.hpp"

namespace b24::viewer {

EventTableModel::EventTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventTableModel::set_run(std::shared_ptr<const RunData> run) {
  beginResetModel();
  run_ = std::move(run);
  dcs_.clear();
  current_row_ = -1;
  if (run_) {
    for (const RunEvent& e : run_->events) {
      QStringList names;
      for (const std::string& dc : dcs_of_event(e)) names << QString::fromStdString(dc);
      dcs_.push_back(names);
    }
  }
  endResetModel();
}

void EventTableModel::set_time(qint64 time_us) {
  if (!run_) return;
  const auto& events = run_->events;
  const auto after = std::upper_bound(events.begin(), events.end(), time_us,
                                      [](qint64 t, const RunEvent& e) { return t < e.time_us; });
  const int row = static_cast<int>(after - events.begin()) - 1;
  if (row == current_row_) return;
  const int old = current_row_;
  current_row_ = row;
  for (const int r : {old, row}) {
    if (r >= 0) emit dataChanged(index(r, 0), index(r, column_count - 1), {Qt::FontRole});
  }
}

const RunEvent* EventTableModel::event(int row) const {
  if (!run_ || row < 0 || row >= static_cast<int>(run_->events.size())) return nullptr;
  return &run_->events[static_cast<std::size_t>(row)];
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !run_ ? 0 : static_cast<int>(run_->events.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : column_count;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
  const RunEvent* e = event(index.row());
  if (e == nullptr) return {};
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case time_column:
          return QString::fromStdString(format_instant(e->time_us));
        case kind_column:
          return QString::fromStdString(e->kind);
        case entity_column:
          return QString::fromStdString(e->entity);
        case reason_column:
          return QString::fromStdString(e->reason);
        default:
          return {};
      }
    case Qt::ToolTipRole:
      return QString::fromStdString(e->reason);
    case time_us_role:
      return QVariant::fromValue<qint64>(e->time_us);
    case dcs_role:
      return dcs_[static_cast<std::size_t>(index.row())];
    case incident_role:
      return is_incident(e->kind);
    case Qt::FontRole: {
      QFont font;
      font.setBold(index.row() == current_row_);
      return font;
    }
    case Qt::ForegroundRole:
      if (is_incident(e->kind)) return QBrush(QColor(0xc9, 0x2a, 0x2a));
      return {};
    default:
      return {};
  }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case time_column:
      return tr("time");
    case kind_column:
      return tr("kind");
    case entity_column:
      return tr("entity");
    case reason_column:
      return tr("reason");
    default:
      return {};
  }
}

}  // namespace b24::viewer
