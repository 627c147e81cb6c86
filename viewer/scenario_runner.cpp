#include "viewer/scenario_runner.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace b24::viewer {

ScenarioRunner::ScenarioRunner(QObject* parent) : QObject(parent) {
  process_.setProcessChannelMode(QProcess::MergedChannels);
  connect(&process_, &QProcess::finished, this, &ScenarioRunner::on_finished);
  connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart)
      emit failed(tr("cannot start b24sim: %1").arg(process_.errorString()));
  });
}

ScenarioRunner::~ScenarioRunner() {
  cancel();
}

QString ScenarioRunner::find_b24sim() {
  const QString bin = QCoreApplication::applicationDirPath();
  for (const QString& candidate : {bin + "/../cli/b24sim", bin + "/b24sim"}) {
    const QFileInfo info(candidate);
    if (info.isFile() && info.isExecutable()) return info.canonicalFilePath();
  }
  return QStandardPaths::findExecutable("b24sim");
}

void ScenarioRunner::start(const QString& scenario, const QString& out_dir) {
  cancelled_ = false;
  out_dir_ = out_dir;
  const QString b24sim = b24sim_.isEmpty() ? find_b24sim() : b24sim_;
  if (b24sim.isEmpty()) {
    emit failed(tr("b24sim not found next to b24view or on PATH"));
    return;
  }
  process_.start(b24sim, {"run", scenario, "--out", out_dir, "-q"});
}

bool ScenarioRunner::running() const {
  return process_.state() != QProcess::NotRunning;
}

void ScenarioRunner::cancel() {
  if (!running()) return;
  cancelled_ = true;
  const qint64 pid = process_.processId();
  process_.kill();  // a simulation holds nothing worth a graceful stop
  process_.waitForFinished(5000);
  // A killed run runs no destructor: remove the temporary directory it was writing.
  QDir(out_dir_ + ".partial-" + QString::number(pid)).removeRecursively();
}

void ScenarioRunner::on_finished(int exit_code, QProcess::ExitStatus status) {
  if (cancelled_) return;
  const QString output = QString::fromLocal8Bit(process_.readAll()).trimmed();
  // Exit status 3: the run was written but one of the scenario's checks failed; still a run.
  if (status == QProcess::NormalExit && (exit_code == 0 || exit_code == 3)) {
    emit finished(out_dir_);
    return;
  }
  emit failed(tr("b24sim exited with status %1:\n%2").arg(exit_code).arg(output));
}

}  // namespace b24::viewer
