#pragma once
// `b24sim report RUN_DIR`: (re)writes RUN_DIR/report.html from RUN_DIR/run.sqlite (issue 7).
// `b24sim run` writes the same report at the end of every run.

namespace CLI {
class App;
}

namespace b24::cli {
void add_report_command(CLI::App& app);
}  // namespace b24::cli
