#include "viewer/command_line.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstring>

namespace b24::viewer {
namespace {

struct Parser {
  QCommandLineParser parser;
  QCommandLineOption at{"at",
                        "Start the replay at TIME: HH:MM since the start, 10h30m, or "
                        "'HH:MM local' (the first DC's time zone).",
                        "TIME"};
  QCommandLineOption select{"select", "Show the charts of ENTITY (dc/par, repl/fra->par).",
                            "ENTITY"};
  QCommandLineOption focus{"focus", "Zoom the map to these DCs (fra,par,lon).", "DCS"};
  QCommandLineOption screenshot{"screenshot", "Render the window to OUT.png offscreen and exit.",
                                "OUT.png"};
  QCommandLineOption size{"size", "Window size for --screenshot (default 1600x1000).", "WxH"};

  Parser() {
    parser.setApplicationDescription(
        "b24view: replays b24sim runs (run directories holding run.sqlite). Two runs open "
        "side by side on one clock.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("runs", "One or two run directories.", "[RUN_DIR [RUN_DIR2]]");
    for (const QCommandLineOption* o : {&at, &select, &focus, &screenshot, &size}) {
      parser.addOption(*o);
    }
  }

  ViewerOptions read() const {
    ViewerOptions out;
    out.runs = parser.positionalArguments();
    out.at = parser.value(at);
    out.select = parser.value(select);
    if (parser.isSet(focus)) out.focus = parser.value(focus).split(',', Qt::SkipEmptyParts);
    out.screenshot = parser.value(screenshot);
    if (out.runs.size() > 2) out.error = "at most two run directories (side by side)";
    if (parser.isSet(size)) {
      const QStringList wh = parser.value(size).split('x');
      const int w = wh.size() == 2 ? wh[0].toInt() : 0;
      const int h = wh.size() == 2 ? wh[1].toInt() : 0;
      if (w < 320 || h < 240 || w > 8000 || h > 8000) {
        out.error = "--size: expected WxH, e.g. 1600x1000";
      }
      out.size = QSize(w, h);
    }
    if (!out.screenshot.isEmpty() && out.runs.isEmpty()) {
      out.error = "--screenshot needs a run directory";
    }
    return out;
  }
};

}  // namespace

ViewerOptions parse_command_line(const QCoreApplication& app) {
  Parser p;
  p.parser.process(app);  // exits for --help, --version and unknown options
  return p.read();
}

ViewerOptions parse_arguments(const QStringList& arguments) {
  Parser p;
  if (!p.parser.parse(arguments)) {
    ViewerOptions out;
    out.error = p.parser.errorText();
    return out;
  }
  return p.read();
}

bool wants_screenshot(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--screenshot", 12) == 0) return true;
  }
  return false;
}

}  // namespace b24::viewer
