#include "viewer/recent_files.hpp"

#include <QFileInfo>
#include <QSettings>

namespace b24::viewer {

QStringList recent_runs(const QSettings& settings) {
  return settings.value("recent_runs").toStringList();
}

void remember_run(QSettings& settings, const QString& path) {
  // The absolute path, so that a run opened from another directory is found again.
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList list = recent_runs(settings);
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > max_recent_runs) list.removeLast();
  settings.setValue("recent_runs", list);
}

}  // namespace b24::viewer
