#pragma once
// Everything shown for one open run: its model, its map and its charts (side by side with
// another run's pane in compare mode), and its event log (which the main window puts in the
// event-log dock). The pane follows the shared clock; it owns no clock itself.

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;

namespace b24::viewer {

class ChartPanel;
class EventLogPanel;
class RunModel;
class WorldMapWidget;

class RunPane : public QWidget {
  Q_OBJECT

 public:
  explicit RunPane(QWidget* parent = nullptr);
  ~RunPane() override;

  void open(const QString& path);
  [[nodiscard]] RunModel* model() const { return model_; }
  [[nodiscard]] WorldMapWidget* map() const { return map_; }
  [[nodiscard]] ChartPanel* charts() const { return charts_; }
  // Not in this pane's layout: the main window places it (a tab of the event-log dock).
  [[nodiscard]] EventLogPanel* event_log() const;
  [[nodiscard]] QSplitter* splitter() const { return splitter_; }
  // Map beside the charts (one run), or above them (two runs side by side).
  void set_compact(bool compact);

 public slots:
  void set_time(qint64 time_us);
  // Selects an entity for the charts and highlights it on the map.
  void select(const QString& entity);

 signals:
  void loaded();
  void failed(const QString& message);
  void entity_selected(const QString& entity);
  // The user chose an event in this pane's log: the clock should go there.
  void event_chosen(qint64 time_us);

 private:
  void on_loaded();

  RunModel* model_;
  QLabel* title_;
  QSplitter* splitter_;
  WorldMapWidget* map_;
  ChartPanel* charts_;
  QPointer<EventLogPanel> event_log_;  // deleted by whoever holds it last (the dock or we)
  qint64 time_us_ = 0;
};

}  // namespace b24::viewer
