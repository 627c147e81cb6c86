// b24sim: the command-line front end. Subcommands live in cli/*_command.cpp.

#include <CLI/CLI.hpp>

#include "b24/version.hpp"
#include "cli/compare_command.hpp"
#include "cli/demo_command.hpp"
#include "cli/explain_command.hpp"
#include "cli/export_command.hpp"
#include "cli/report_command.hpp"
#include "cli/run_command.hpp"
#include "cli/schema_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "b24sim: a deterministic discrete-event simulator of a multi-region SaaS platform "
      "(web tiers under autoscaling, MySQL replication between data centers, failover, calls)."};
  app.set_version_flag("--version", std::string("b24sim ") + b24::version_string);
  app.require_subcommand(1);
  b24::cli::add_run_command(app);
  b24::cli::add_validate_command(app);
  b24::cli::add_demo_command(app);
  b24::cli::add_explain_command(app);
  b24::cli::add_schema_command(app);
  b24::cli::add_report_command(app);
  b24::cli::add_export_command(app);
  b24::cli::add_compare_command(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
