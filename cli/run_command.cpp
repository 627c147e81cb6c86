#include "cli/run_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "b24/version.hpp"
#include "cli/checks.hpp"
#include "cli/platform_summary.hpp"
#include "cli/progress.hpp"
#include "cli/scenario_run.hpp"
#include "cli/storage_summary.hpp"
#include "reports/report_error.hpp"
#include "reports/report_html.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {
namespace {

struct RunArgs {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::string out;
  bool quiet = false;
  std::vector<std::string> overrides;  // --set key.path=value, in order
};

struct ValidateArgs {
  std::string scenario;
  std::vector<std::string> overrides;
};

// `--set key.path=value`, repeatable; each occurrence takes exactly one argument, so
// `--set a=1 s.yaml` leaves the scenario positional alone.
void add_set_option(CLI::App& cmd, std::vector<std::string>& overrides) {
  cmd.add_option("--set", overrides,
                 "override one scenario value for this run, as YAML (repeatable): "
                 "--set auto_scaling.max_size=60 --set 'faults[0].at=15:00 local'")
      ->type_name("KEY.PATH=VALUE")
      ->allow_extra_args(false)
      ->take_all();
}

// Loads the scenario or prints every error and exits with status 2.
scenarios::Scenario load_or_exit(const std::string& path,
                                 const std::vector<std::string>& overrides) {
  scenarios::Diagnostics diagnostics;
  scenarios::Scenario s = scenarios::load_scenario(path, overrides, diagnostics);
  if (!diagnostics.empty()) {
    throw CLI::RuntimeError(scenarios::report(diagnostics, std::cerr));
  }
  return s;
}

void print_web_tier_totals(const models::WebTierTotals& t) {
  std::printf("  requests %llu, failed %llu, availability %.4f%%\n",
              static_cast<unsigned long long>(t.requests.arrived),
              static_cast<unsigned long long>(t.requests.failed()), 100.0 * t.availability);
  std::printf("  latency p50 %.1f ms, p99 %.1f ms; SLO-violation minutes %llu\n",
              static_cast<double>(t.p50_us) / 1000.0, static_cast<double>(t.p99_us) / 1000.0,
              static_cast<unsigned long long>(t.slo_violation_minutes));
  print_deploys(t.deploys);
  std::printf("  nodes peak %d, mean %.2f, %.1f node-hours, cost %.2f USD, %llu scaling actions\n",
              t.peak_nodes, t.mean_nodes, t.node_hours, t.cost_usd,
              static_cast<unsigned long long>(t.scaling_actions));
}

void print_outcome(const scenarios::Scenario& s, const RunOutcome& o) {
  std::printf("b24sim: %s, seed %llu, %s simulated in %.1f s wall (%llu events)\n", s.name.c_str(),
              static_cast<unsigned long long>(s.seed), sim::format_duration(s.duration).c_str(),
              o.wall_s, static_cast<unsigned long long>(o.events));
  if (o.storage) {
    print_storage_totals(*o.storage);
  } else if (o.platform) {
    print_platform_totals(*o.platform);
  } else {
    print_web_tier_totals(o.totals);
  }
  std::printf(
      "  trace hash %s; reproduce: b24sim run %s --seed %llu %s (scenario hash %s, b24sim %s)\n",
      sim::format_hash(o.trace_hash).c_str(), s.source_path.string().c_str(),
      static_cast<unsigned long long>(s.seed), join_overrides(s).c_str(), scenario_hash(s).c_str(),
      version_string);
  std::printf("  run directory: %s (run.sqlite, summary.json, report.html)\n",
              o.directory.string().c_str());
  print_checks(o.checks, stdout);
  // Last, so that it is what the terminal shows at the end: the file to open.
  std::printf("  report: %s\n", (o.directory / reports::report_file_name).string().c_str());
}

void do_run(const RunArgs& args) {
  scenarios::Scenario s = load_or_exit(args.scenario, args.overrides);
  if (args.seed) s.seed = *args.seed;
  RunOptions options;
  options.out =
      args.out.empty() ? std::filesystem::path("runs") / s.name : std::filesystem::path(args.out);
  options.progress = progress_wanted(args.quiet);
  bool passed = true;
  try {
    const RunOutcome outcome = run_scenario(s, options);
    print_outcome(s, outcome);
    passed = all_passed(outcome.checks);
  } catch (const reports::ReportError& e) {
    std::fprintf(stderr, "b24sim: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  // Issue 6: a failed check fails the run, so a capacity plan can gate a CI pipeline.
  if (!passed) {
    std::fflush(stdout);  // the verdicts first
    std::fprintf(stderr, "b24sim: a check failed\n");
    throw CLI::RuntimeError(failed_check_exit_status);
  }
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and write its run directory");
  cmd->add_option("scenario", args->scenario, "scenario YAML file")->required();
  cmd->add_option("--seed", args->seed, "run seed (overrides the scenario's)");
  cmd->add_option("--out", args->out, "run directory (default: runs/<scenario name>)");
  add_set_option(*cmd, args->overrides);
  cmd->add_flag("-q,--quiet", args->quiet, "no progress bar");
  cmd->callback([args] { do_run(*args); });
}

void add_validate_command(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check a scenario and report every error (exit status 2 if any)");
  cmd->add_option("scenario", args->scenario, "scenario YAML file")->required();
  add_set_option(*cmd, args->overrides);
  cmd->callback([args] {
    const scenarios::Scenario s = load_or_exit(args->scenario, args->overrides);
    std::printf("%s: valid scenario '%s'\n", args->scenario.c_str(), s.name.c_str());
  });
}

}  // namespace b24::cli
