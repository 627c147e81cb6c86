// b24view: replays b24sim runs (see viewer/README.md and the "Viewer" section of README.md).
#include <QApplication>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include "b24/version.hpp"
#include "viewer/command_line.hpp"
#include "viewer/main_window.hpp"
#include "viewer/screenshot.hpp"

namespace {

// After the runs have loaded (asynchronously), apply --at/--select/--focus once.
void apply_when_loaded(b24::viewer::MainWindow& window, const b24::viewer::ViewerOptions& options) {
  auto* poll = new QTimer(&window);
  QObject::connect(poll, &QTimer::timeout, &window, [&window, options, poll] {
    if (!window.is_ready()) return;
    poll->deleteLater();
    if (const QString error = b24::viewer::apply_start_options(window, options); !error.isEmpty()) {
      QMessageBox::warning(&window, "b24view", error);
    }
  });
  poll->start(50);
}

}  // namespace

int main(int argc, char** argv) {
  // A screenshot needs no display: choose the offscreen platform before Qt looks for one.
  if (b24::viewer::wants_screenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  QApplication::setOrganizationName("b24sim");
  QApplication::setApplicationName("b24view");
  QApplication::setApplicationVersion(b24::version_string);
  const b24::viewer::ViewerOptions options = b24::viewer::parse_command_line(app);
  if (!options.error.isEmpty()) {
    QTextStream(stderr) << "b24view: " << options.error << "\n";
    return 2;
  }
  if (!options.screenshot.isEmpty()) return b24::viewer::take_screenshot(options);
  b24::viewer::MainWindow window(/*interactive=*/true);
  window.show();
  if (!options.runs.isEmpty()) {
    window.open_runs(options.runs);
    apply_when_loaded(window, options);
  }
  return QApplication::exec();
}
