#include "viewer/event_filter_proxy.hpp"

#include "viewer/event_table_model.hpp"

namespace b24::viewer {

EventFilterProxy::EventFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void EventFilterProxy::set_kind(const QString& kind) {
  kind_ = kind;
  invalidateFilter();
}

void EventFilterProxy::set_dc(const QString& dc) {
  dc_ = dc;
  invalidateFilter();
}

void EventFilterProxy::set_text(const QString& text) {
  text_ = text;
  invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
  const QAbstractItemModel* m = sourceModel();
  auto cell = [&](int column) {
    return m->index(source_row, column, source_parent).data().toString();
  };
  if (!kind_.isEmpty() && cell(EventTableModel::kind_column) != kind_) return false;
  if (!dc_.isEmpty()) {
    const QStringList dcs =
        m->index(source_row, 0, source_parent).data(EventTableModel::dcs_role).toStringList();
    if (!dcs.contains(dc_)) return false;
  }
  if (!text_.isEmpty()) {
    const bool found = cell(EventTableModel::kind_column).contains(text_, Qt::CaseInsensitive) ||
                       cell(EventTableModel::entity_column).contains(text_, Qt::CaseInsensitive) ||
                       cell(EventTableModel::reason_column).contains(text_, Qt::CaseInsensitive);
    if (!found) return false;
  }
  return true;
}

bool EventFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  // The time column sorts by instant (its text stops sorting after day 9); others as text.
  if (left.column() == EventTableModel::time_column) {
    const qint64 a = left.data(EventTableModel::time_us_role).toLongLong();
    const qint64 b = right.data(EventTableModel::time_us_role).toLongLong();
    if (a != b) return a < b;
    return left.row() < right.row();
  }
  return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace b24::viewer
