#include "cli/explain_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/explain_text.hpp"

namespace b24::cli {
namespace {

struct ExplainArgs {
  std::string scenario;
  std::vector<std::string> overrides;
};

void do_explain(const ExplainArgs& args) {
  scenarios::Diagnostics diagnostics;
  const std::string text = explain_text(args.scenario, args.overrides, diagnostics);
  if (!diagnostics.empty()) {
    throw CLI::RuntimeError(scenarios::report(diagnostics, std::cerr));
  }
  std::fputs(text.c_str(), stdout);
}

}  // namespace
void add_explain_command(CLI::App& app) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Print the resolved scenario (after includes, overrides and defaults) as YAML; "
      "defaults are marked # default");
  cmd->add_option("scenario", args->scenario, "scenario YAML file")->required();
  cmd->add_option("--set", args->overrides, "override one scenario value, as for run")
      ->type_name("KEY.PATH=VALUE")
      ->allow_extra_args(false)
      ->take_all();
  cmd->callback([args] { do_explain(*args); });
}

}  // namespace b24::cli
