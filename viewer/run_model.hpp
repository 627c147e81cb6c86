#pragma once
// One run as the GUI sees it: opens the run database on a worker thread (QtConcurrent), then
// holds the loaded RunData and, per entity, the series its charts need, also read on a worker.
// Everything it emits arrives on the GUI thread; the data it hands out is immutable.

#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "viewer/run_data.hpp"
#include "viewer/run_loader.hpp"

namespace b24::viewer {

class RunModel : public QObject {
  Q_OBJECT

 public:
  explicit RunModel(QObject* parent = nullptr);
  ~RunModel() override;

  // Starts loading `path` (a run directory or its run.sqlite); emits loaded() or failed().
  void open(const QString& path);
  [[nodiscard]] bool is_loading() const noexcept { return loading_; }
  [[nodiscard]] const std::shared_ptr<const RunData>& data() const noexcept { return data_; }
  [[nodiscard]] const QString& path() const noexcept { return path_; }
  [[nodiscard]] const QString& error() const noexcept { return error_; }

  // Starts reading every series of `entity` unless it is cached or being read; emits
  // series_ready(entity) when it is available (at once, queued, when cached).
  void request_series(const std::string& entity);
  // The cached series of an entity, or nullptr while it has not been read.
  [[nodiscard]] const EntitySeries* entity_series(const std::string& entity) const;
  // One series: the entity's cache first, then the map's series read at open.
  [[nodiscard]] const Series* series(const std::string& entity, std::string_view metric) const;

  // Blocks (running the event loop) until the current load finished; false on timeout.
  bool wait_until_loaded(int timeout_ms);

 signals:
  // Emitted by open() before the old data and series are dropped: drop pointers into them.
  void about_to_reset();
  void loaded();
  void failed(const QString& message);
  void series_ready(const QString& entity);

 private:
  void finish_open(int generation, LoadedRun result);
  void finish_series(int generation, const std::string& entity, LoadedSeries result);

  std::shared_ptr<const RunData> data_;
  QString path_;
  QString error_;
  bool loading_ = false;
  // Bumped by every open(): results of an older load (or its series) are dropped.
  int generation_ = 0;
  std::map<std::string, EntitySeries, std::less<>> series_;
  std::set<std::string, std::less<>> pending_;
};

}  // namespace b24::viewer
