#include "viewer_test_support.hpp"

#include <QProcess>
#include <cstdlib>
#include <stdexcept>

#include "../reports/sqlite_dump.hpp"

namespace b24::viewer::testing {
namespace fs = std::filesystem;

QApplication& app() {
  static int argc = 1;
  static char name[] = "b24_viewer_tests";
  static char* argv[] = {name, nullptr};
  static QApplication* application = [] {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    return new QApplication(argc, argv);
  }();
  return *application;
}

const fs::path& tour_run() {
  static const fs::path dir = [] {
    const fs::path run = B24_VIEWER_TOUR_RUN;
    if (!fs::exists(run / "run.sqlite")) {
      // Outside ctest (no fixture): write it the way the fixture does.
      const int status =
          QProcess::execute(B24SIM_PATH, {"run", B24_SOURCE_DIR "/scenarios/student-tour.yaml",
                                          "--out", QString::fromStdString(run.string()), "-q"});
      if (status != 0) throw std::runtime_error("b24sim run student-tour failed");
    }
    return run;
  }();
  return dir;
}

double sql_value_at(const fs::path& run, const std::string& entity, const std::string& metric,
                    std::int64_t time_us) {
  const auto rows = reports::testing::query(
      run / "run.sqlite",
      "SELECT value FROM samples_v WHERE entity = '" + entity + "' AND metric = '" + metric +
          "' AND time_us <= " + std::to_string(time_us) + " ORDER BY time_us DESC LIMIT 1");
  if (rows.empty()) throw std::runtime_error("no sample of " + entity + " " + metric);
  return std::stod(rows[0][0]);
}

std::int64_t sql_event_time(const fs::path& run, const std::string& kind,
                            const std::string& entity) {
  const auto rows = reports::testing::query(
      run / "run.sqlite", "SELECT time_us FROM events WHERE kind = '" + kind + "' AND entity = '" +
                              entity + "' ORDER BY time_us LIMIT 1");
  if (rows.empty()) throw std::runtime_error("no event " + kind + " on " + entity);
  return std::stoll(rows[0][0]);
}

}  // namespace b24::viewer::testing
