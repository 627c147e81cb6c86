#include "cli/report_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "reports/report_error.hpp"
#include "reports/report_html.hpp"

namespace b24::cli {
namespace {

// Status 1, as `b24sim run` exits on a ReportError: what went wrong is the user's to fix (a
// wrong path, a file that is not a run database), and the message names the path.
void do_report(const std::string& run_dir) {
  try {
    const std::filesystem::path file = reports::write_report_html(run_dir);
    std::printf("report: %s\n", file.string().c_str());
  } catch (const reports::ReportError& e) {
    std::fprintf(stderr, "b24sim report: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto run_dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write RUN_DIR/report.html: a self-contained HTML report of a run");
  cmd->add_option("run", *run_dir, "run directory (holding run.sqlite)")->required();
  cmd->footer(
      "The report is rendered from run.sqlite alone and needs no network: headline figures "
      "against the SLO, a map of the DCs, charts per DC, replication and calls, the incident "
      "timeline and how to reproduce the run. `b24sim run` writes it too.");
  cmd->callback([run_dir] { do_report(*run_dir); });
}

}  // namespace b24::cli
