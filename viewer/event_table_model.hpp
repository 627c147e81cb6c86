#pragma once
// A run's events as a table (time, kind, entity, reason) for the event log. The row of the
// latest event at or before the replay time is shown in bold, so the log follows the clock
// without moving the user's selection.

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "viewer/run_data.hpp"

namespace b24::viewer {

class EventTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { time_column, kind_column, entity_column, reason_column, column_count };
  enum Role {
    time_us_role = Qt::UserRole + 1,  // qint64
    dcs_role,                         // QStringList: the DCs the event concerns
    incident_role,                    // bool
  };

  explicit EventTableModel(QObject* parent = nullptr);

  void set_run(std::shared_ptr<const RunData> run);
  // The row the clock is at: the last event at or before `time_us` (-1 before the first).
  void set_time(qint64 time_us);
  [[nodiscard]] int current_row() const noexcept { return current_row_; }
  [[nodiscard]] const RunEvent* event(int row) const;

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                    int role) const override;

 private:
  std::shared_ptr<const RunData> run_;
  std::vector<QStringList> dcs_;  // per row, computed once
  int current_row_ = -1;
};

}  // namespace b24::viewer
