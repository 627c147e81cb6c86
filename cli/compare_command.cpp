#include "cli/compare_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "reports/compare_output.hpp"
#include "reports/compare_result.hpp"
#include "reports/compare_text.hpp"
#include "reports/report_error.hpp"

namespace b24::cli {
namespace {

struct CompareArgs {
  std::vector<std::string> runs;                 // positionals: one group each
  std::vector<std::vector<std::string>> groups;  // -g DIR...: one group each
  std::vector<std::string> labels;
  std::string out;
  bool all = false;
  bool unpaired = false;
};

// "A", "B", ..., "Z", then "G27", "G28", ...
std::string default_label(std::size_t index) {
  if (index < 26) return std::string(1, static_cast<char>('A' + index));
  return "G" + std::to_string(index + 1);
}

std::vector<std::vector<std::string>> group_paths(const CompareArgs& args) {
  if (!args.runs.empty() && !args.groups.empty()) {
    throw CLI::ValidationError("compare",
                               "give runs either as arguments (one group each) or with -g "
                               "(a group of replications each), not both");
  }
  if (!args.groups.empty()) return args.groups;
  std::vector<std::vector<std::string>> out;
  for (const std::string& r : args.runs) out.push_back({r});
  if (out.empty()) throw CLI::ValidationError("compare", "no run given");
  return out;
}

std::vector<reports::CompareGroup> load_groups(const CompareArgs& args) {
  const auto paths = group_paths(args);
  if (!args.labels.empty() && args.labels.size() != paths.size()) {
    throw CLI::ValidationError("--label", "give one label per group (" +
                                              std::to_string(paths.size()) + " groups, " +
                                              std::to_string(args.labels.size()) + " labels)");
  }
  std::vector<reports::CompareGroup> groups;
  for (std::size_t g = 0; g < paths.size(); ++g) {
    reports::CompareGroup group;
    group.label = args.labels.empty() ? default_label(g) : args.labels[g];
    for (const std::string& p : paths[g]) group.runs.push_back(reports::load_compare_run(p));
    groups.push_back(std::move(group));
  }
  return groups;
}

void do_compare(const CompareArgs& args) {
  try {
    const reports::CompareResult result =
        reports::compare_groups(load_groups(args), {.unpaired = args.unpaired});
    std::fputs(reports::compare_text(result, args.all).c_str(), stdout);
    if (args.out.empty()) return;
    const reports::CompareFiles files = reports::write_compare_outputs(result, args.out);
    std::printf("\nwrote %s and %s\n", files.html.string().c_str(), files.json.string().c_str());
  } catch (const reports::ReportError& e) {
    std::fprintf(stderr, "b24sim compare: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Compare runs or groups of replications: figures, differences, 95% intervals");
  cmd->add_option("runs", args->runs, "run directories, each its own group (A, B, ...)");
  cmd->add_option("-g,--group", args->groups,
                  "a group of replications (same scenario and overrides, different seeds); "
                  "repeat for each group: -g a1 a2 a3 -g b1 b2 b3")
      ->type_name("RUN_DIR...")
      ->expected(1, -1);
  cmd->add_option("--label", args->labels, "a name per group, in order (default A, B, ...)")
      ->type_name("NAME");
  cmd->add_option("--out", args->out,
                  "also write compare.html and compare.json into this directory "
                  "(default: print the table only)");
  cmd->add_flag("--all", args->all, "print every numeric summary figure, not only the headline");
  cmd->add_flag("--unpaired", args->unpaired,
                "Welch's t even when both groups hold the same seeds (default: paired by seed)");
  cmd->footer(
      "The first group is the baseline: every other group X is shown as X - A, with its "
      "interval paired by seed when both groups hold the same seeds (common random numbers), "
      "otherwise Welch's t. reports/README.md, \"Comparing runs\", describes the method.");
  cmd->callback([args] { do_compare(*args); });
}

}  // namespace b24::cli
