#pragma once
// The event log of one run: filters (kind, DC, text), the table, and the selected event's
// reason in full. It follows the replay clock (the current event in bold, scrolled into view
// when "follow" is on); choosing an event asks for the clock to move to it.

#include <QWidget>
#include <memory>

#include "viewer/run_data.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace b24::viewer {

class EventFilterProxy;
class EventTableModel;

class EventLogPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EventLogPanel(QWidget* parent = nullptr);

  void set_run(std::shared_ptr<const RunData> run);
  [[nodiscard]] EventFilterProxy* proxy() const { return proxy_; }
  [[nodiscard]] EventTableModel* table_model() const { return model_; }
  [[nodiscard]] QTableView* view() const { return view_; }
  [[nodiscard]] QString reason_text() const;
  // Selects row `proxy_row` of the filtered table as a user would (emits event_chosen).
  void select_row(int proxy_row);
  void set_kind_filter(const QString& kind);
  void set_dc_filter(const QString& dc);
  void set_text_filter(const QString& text);

 public slots:
  void set_time(qint64 time_us);

 signals:
  void event_chosen(qint64 time_us);

 private:
  void choose(const QModelIndex& proxy_index);
  void fill_filters();

  std::shared_ptr<const RunData> run_;
  EventTableModel* model_;
  EventFilterProxy* proxy_;
  QComboBox* kind_;
  QComboBox* dc_;
  QLineEdit* text_;
  QCheckBox* follow_;
  QTableView* view_;
  QLabel* reason_;
};

}  // namespace b24::viewer
