#include "cli/schema_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scenarios/json_schema.hpp"
#include "scenarios/key_log.hpp"

namespace b24::cli {
namespace {

struct SchemaArgs {
  std::string scenarios_dir = B24_SCENARIOS_DIR;  // the source tree's scenarios/ (CMake)
  std::vector<std::string> extra;
};

// The key list is what the section readers ask for while loading the shipped scenarios, the key
// corpus (scenarios/key-corpus/) and any extra files: the same code that accepts or rejects keys
// (scenarios/key_log.hpp).
void do_schema(const SchemaArgs& args) {
  std::vector<std::filesystem::path> files = scenarios::shipped_key_corpus(args.scenarios_dir);
  if (files.empty()) {  // an installed binary far from its source tree: say so, print nothing
    std::fprintf(stderr, "b24sim schema: no scenarios in %s (give --scenarios DIR)\n",
                 args.scenarios_dir.c_str());
    throw CLI::RuntimeError(1);
  }
  files.insert(files.end(), args.extra.begin(), args.extra.end());
  const scenarios::KeyLog keys = scenarios::scenario_key_list(files);
  std::fputs(scenarios::scenario_json_schema(keys).c_str(), stdout);
}

}  // namespace

void add_schema_command(CLI::App& app) {
  auto args = std::make_shared<SchemaArgs>();
  CLI::App* cmd = app.add_subcommand(
      "schema", "Print a JSON Schema of scenario files (b24sim schema > scenario.schema.json)");
  cmd->add_option("--scenarios", args->scenarios_dir,
                  "directory of the scenarios whose reading defines the keys")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("extra", args->extra, "more scenario files to harvest keys from")
      ->check(CLI::ExistingFile);
  cmd->callback([args] { do_schema(*args); });
}

}  // namespace b24::cli
