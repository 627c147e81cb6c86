#pragma once
// File > Open scenario: runs `b24sim run SCENARIO --out DIR -q` as a child process and reports
// the run directory or the error. b24sim is looked up next to b24view's build directory
// (<bin>/../cli/b24sim), then beside b24view, then on PATH. Cancelling kills the process and
// removes the partial directory it leaves (<DIR>.partial-<pid>, reports/README.md).

#include <QObject>
#include <QProcess>
#include <QString>

namespace b24::viewer {

class ScenarioRunner : public QObject {
  Q_OBJECT

 public:
  explicit ScenarioRunner(QObject* parent = nullptr);
  ~ScenarioRunner() override;

  // The b24sim executable this viewer would run (empty when none is found).
  [[nodiscard]] static QString find_b24sim();

  // Runs this executable instead of find_b24sim()'s (tests; a b24sim elsewhere).
  void set_b24sim(const QString& path) { b24sim_ = path; }

  // Starts the run; finished() or failed() follows (unless cancelled).
  void start(const QString& scenario, const QString& out_dir);
  void cancel();
  [[nodiscard]] bool running() const;

 signals:
  void finished(const QString& run_dir);
  void failed(const QString& message);

 private:
  void on_finished(int exit_code, QProcess::ExitStatus status);

  QProcess process_;
  QString out_dir_;
  QString b24sim_;
  bool cancelled_ = false;
};

}  // namespace b24::viewer
