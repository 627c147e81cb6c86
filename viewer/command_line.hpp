#pragma once
// b24view's command line:
//   b24view [RUN_DIR [RUN_DIR2]] [--at TIME] [--select ENTITY] [--focus DC,DC...]
//           [--screenshot OUT.png [--size WxH]]
// Two run directories open side by side on one clock. TIME as time_text.hpp reads it.

#include <QSize>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace b24::viewer {

struct ViewerOptions {
  QStringList runs;
  QString at;          // empty: the start
  QString select;      // entity for the charts ("dc/par"); empty: the first DC
  QStringList focus;   // DCs to zoom the map to; empty: all
  QString screenshot;  // render to this PNG and exit
  QSize size{1600, 1000};
  QString error;  // set when the command line is wrong
};

// Parses the application's arguments (handles --help and --version itself, as Qt does).
[[nodiscard]] ViewerOptions parse_command_line(const QCoreApplication& app);
// The same from an argument list (argv[0] first), for tests.
[[nodiscard]] ViewerOptions parse_arguments(const QStringList& arguments);

// True when argv asks for --screenshot: main() then selects the offscreen platform before
// QApplication exists, so a screenshot needs no display.
[[nodiscard]] bool wants_screenshot(int argc, char** argv);

}  // namespace b24::viewer
