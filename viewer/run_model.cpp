#include "viewer/run_model.hpp"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace b24::viewer {
namespace {

// Runs `work` on the global thread pool and `done` with its result on this object's thread.
template <typename Result, typename Work, typename Done>
void run_in_background(QObject* owner, Work work, Done done) {
  auto* watcher = new QFutureWatcher<Result>(owner);
  QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner, [watcher, done]() mutable {
    done(watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace

RunModel::RunModel(QObject* parent) : QObject(parent) {}

// A worker still reading holds only its own copies (path, entity); its watcher is our child and
// is destroyed with us, so a late result is never delivered to a dead model. The pool thread
// finishes its read on its own.
RunModel::~RunModel() = default;

void RunModel::open(const QString& path) {
  emit about_to_reset();
  const int generation = ++generation_;
  path_ = path;
  error_.clear();
  data_.reset();
  series_.clear();
  pending_.clear();
  loading_ = true;
  const std::filesystem::path file = path.toStdString();
  run_in_background<LoadedRun>(
      this, [file] { return load_run(file); },
      [this, generation](LoadedRun result) { finish_open(generation, std::move(result)); });
}

void RunModel::finish_open(int generation, LoadedRun result) {
  if (generation != generation_) return;
  loading_ = false;
  if (!result.data) {
    error_ = QString::fromStdString(result.error);
    emit failed(error_);
    return;
  }
  data_ = std::move(result.data);
  emit loaded();
}

void RunModel::request_series(const std::string& entity) {
  if (!data_) return;
  if (series_.count(entity) != 0) {
    QTimer::singleShot(0, this,
                       [this, name = QString::fromStdString(entity)] { emit series_ready(name); });
    return;
  }
  if (!pending_.insert(entity).second) return;
  const int generation = generation_;
  const std::filesystem::path file = data_->directory;
  run_in_background<LoadedSeries>(
      this, [file, entity] { return load_entity_series(file, entity); },
      [this, generation, entity](LoadedSeries result) {
        finish_series(generation, entity, std::move(result));
      });
}

void RunModel::finish_series(int generation, const std::string& entity, LoadedSeries result) {
  if (generation != generation_) return;
  pending_.erase(entity);
  // A read error (the file replaced under us) leaves the charts empty, not the viewer broken.
  series_[entity] = std::move(result.series);
  emit series_ready(QString::fromStdString(entity));
}

const EntitySeries* RunModel::entity_series(const std::string& entity) const {
  const auto it = series_.find(entity);
  return it == series_.end() ? nullptr : &it->second;
}

const Series* RunModel::series(const std::string& entity, std::string_view metric) const {
  if (const EntitySeries* cached = entity_series(entity)) {
    const auto it = cached->find(metric);
    if (it != cached->end()) return &it->second;
  }
  return data_ ? data_->series(entity, metric) : nullptr;
}

bool RunModel::wait_until_loaded(int timeout_ms) {
  if (!loading_) return true;
  QEventLoop loop;
  connect(this, &RunModel::loaded, &loop, &QEventLoop::quit);
  connect(this, &RunModel::failed, &loop, &QEventLoop::quit);
  QTimer::singleShot(timeout_ms, &loop, &QEventLoop::quit);
  loop.exec();
  return !loading_;
}

}  // namespace b24::viewer
