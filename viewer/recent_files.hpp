#pragma once
// The "recent runs" list, kept in QSettings (newest first, at most eight, no duplicates).

#include <QString>
#include <QStringList>

class QSettings;

namespace b24::viewer {

inline constexpr int max_recent_runs = 8;

[[nodiscard]] QStringList recent_runs(const QSettings& settings);
// Moves or adds `path` to the front.
void remember_run(QSettings& settings, const QString& path);

}  // namespace b24::viewer
