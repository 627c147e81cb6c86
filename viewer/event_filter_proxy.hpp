#pragma once
// The event log's filters: by kind (exact), by DC (the event concerns it), and by text (a
// case-insensitive substring of kind, entity or reason). Empty filters pass everything.

#include <QSortFilterProxyModel>
#include <QString>

namespace b24::viewer {

class EventFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit EventFilterProxy(QObject* parent = nullptr);

  void set_kind(const QString& kind);
  void set_dc(const QString& dc);
  void set_text(const QString& text);

 protected:
  [[nodiscard]] bool filterAcceptsRow(int source_row,
                                      const QModelIndex& source_parent) const override;
  [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  QString kind_;
  QString dc_;
  QString text_;
};

}  // namespace b24::viewer
