#pragma once
// The charts of the selected entity of one run (chart_specs.hpp decides which): an entity
// chooser above a grid of charts that share one x range (zooming one zooms all) and one
// cursor at the replay time. The series are read on the model's worker; the charts appear
// when they arrive. Qt Charts stays out of this header.

#include <QString>
#include <QWidget>
#include <cstdint>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;

namespace b24::viewer {

class ReplayChartView;
class RunModel;

class ChartPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartPanel(RunModel* model, QWidget* parent = nullptr);

  [[nodiscard]] QString entity() const { return entity_; }
  [[nodiscard]] int chart_count() const { return static_cast<int>(charts_.size()); }
  [[nodiscard]] ReplayChartView* chart(int i) const {
    return charts_.at(static_cast<std::size_t>(i));
  }
  // Nothing pending: the current entity's series arrived (or there is nothing to chart).
  [[nodiscard]] bool is_ready() const;
  // Charts per row (2 beside a map, 1 in a narrow side-by-side pane).
  void set_columns(int columns);

 public slots:
  // Selects an entity ("dc/par", "repl/fra->par") and starts reading its series.
  void set_entity(const QString& entity);
  void set_time(qint64 time_us);

 signals:
  void entity_changed(const QString& entity);
  // The charts of the current entity are built (its series arrived).
  void charts_ready();

 private:
  void on_loaded();
  void on_series_ready(const QString& entity);
  void clear_charts();
  void build_charts();
  void sync_range(ReplayChartView* source, qint64 t0_us, qint64 t1_us);

  RunModel* model_;
  QString entity_;
  QString built_for_;  // the entity whose charts are shown (empty while reading)
  std::int64_t time_us_ = 0;
  int columns_ = 2;
  QComboBox* chooser_;
  QLabel* status_;
  QGridLayout* grid_;
  std::vector<ReplayChartView*> charts_;
};

}  // namespace b24::viewer
