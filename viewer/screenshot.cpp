#include "viewer/screenshot.hpp"

#include <QApplication>
#include <QImage>
#include <QTextStream>

#include "viewer/main_window.hpp"
#include "viewer/replay_clock.hpp"
#include "viewer/run_model.hpp"
#include "viewer/run_pane.hpp"
#include "viewer/time_text.hpp"
#include "viewer/world_map_widget.hpp"

namespace b24::viewer {
namespace {

// Loading a day of 17 DCs takes a second or two; a loaded CI machine, much longer.
constexpr int load_timeout_ms = 300'000;

int fail(const QString& message) {
  QTextStream(stderr) << "b24view: " << message << "\n";
  return 1;
}

}  // namespace

QString apply_start_options(MainWindow& window, const ViewerOptions& options) {
  if (window.pane_count() == 0 || !window.pane(0)->model()->data()) return {};
  const RunData& first = *window.pane(0)->model()->data();
  if (!options.at.isEmpty()) {
    const ParsedInstant at = parse_instant(options.at.toStdString(), first.first_dc_utc_offset_s());
    if (!at.time_us) return QString::fromStdString("--at: " + at.error);
    window.clock()->set_time(*at.time_us);
  }
  for (int i = 0; i < window.pane_count(); ++i) {
    RunPane* pane = window.pane(i);
    if (!options.select.isEmpty()) pane->select(options.select);
    if (!options.focus.isEmpty()) pane->map()->focus_on(options.focus);
  }
  return {};
}

int take_screenshot(const ViewerOptions& options) {
  MainWindow window(/*interactive=*/false);
  window.resize(options.size);
  window.show();  // offscreen: lays the window out without a screen
  window.open_runs(options.runs);
  if (!window.wait_until_ready(load_timeout_ms)) return fail("timed out opening the run");
  if (!window.errors().isEmpty()) return fail(window.errors().join("\n"));
  if (const QString error = apply_start_options(window, options); !error.isEmpty()) {
    return fail(error);
  }
  // --select may have started reading another entity's series.
  if (!window.wait_until_ready(load_timeout_ms)) return fail("timed out reading the series");
  QApplication::processEvents();
  const QImage image = window.grab().toImage();
  if (!image.save(options.screenshot, "PNG")) {
    return fail("cannot write " + options.screenshot);
  }
  return 0;
}

}  // namespace b24::viewer
