#include "cli/export_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "reports/export.hpp"
#include "reports/report_error.hpp"

namespace b24::cli {
namespace {

struct ExportArgs {
  std::string run;
  std::string format = "csv";
  std::string out;
};

void do_export(const ExportArgs& args) {
  reports::ExportOptions options;
  // CLI::IsMember has already refused anything else.
  options.format = reports::parse_export_format(args.format).value_or(reports::ExportFormat::csv);
  options.out = args.out;
  try {
    const auto files = reports::export_run(args.run, options);
    for (const reports::ExportedFile& f : files) {
      std::printf("%s: %lld rows\n", f.path.string().c_str(), static_cast<long long>(f.rows));
    }
  } catch (const reports::ReportError& e) {
    std::fprintf(stderr, "b24sim export: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write a run's series, events, histograms and summary as CSV or JSON Lines");
  cmd->add_option("run", args->run, "run directory (holding run.sqlite)")->required();
  cmd->add_option("--format", args->format,
                  "csv (RFC 4180, a header line) or jsonl (one JSON object per line)")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--out", args->out, "output directory (default: RUN_DIR/export)");
  cmd->footer(
      "Files: samples (time_s, entity, metric, value), events (time_s, kind, entity, reason), "
      "histograms (time_s, entity, metric, low_us, high_us, count), summary (key, value), "
      "run_meta (key, value). Long format; NULL is an empty CSV field and a JSON null.");
  cmd->callback([args] { do_export(*args); });
}

}  // namespace b24::cli
