#include "cli/explain_text.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include "scenarios/include.hpp"
#include "scenarios/overrides.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/units.hpp"
#include "scenarios/yaml_loader.hpp"
#include "scenarios/yaml_writer.hpp"

namespace b24::cli {
namespace {

// The resolved text in the same steps as the loader (scenario_loader.cpp): the file, its
// includes merged in, then the overrides.
scenarios::Document resolved_document(const std::string& path,
                                      const std::vector<std::string>& overrides,
                                      scenarios::Diagnostics& ignored) {
  scenarios::Document document = scenarios::load_yaml_file(path, ignored);
  (void)scenarios::resolve_includes(document, path, ignored);
  scenarios::apply_overrides(document, overrides, ignored);
  return document;
}

// An included file's `topology: path` is relative to that file: rewrite it relative to the
// scenario's own directory, so the explained text loads again when saved next to the scenario.
void rebase_topology_path(scenarios::Document& document, const scenarios::Scenario& s) {
  if (s.topology_path.empty() || !document.loaded()) return;
  const scenarios::MapEntry* entry = document.find(document.root(), "topology");
  if (entry == nullptr) return;
  scenarios::Node& node = document.node(entry->value);
  if (node.kind != scenarios::NodeKind::scalar) return;
  const std::filesystem::path dir = s.source_path.parent_path();
  const std::filesystem::path rebased =
      dir.empty() ? s.topology_path : s.topology_path.lexically_relative(dir);
  if (rebased.empty()) return;
  node.text = rebased.generic_string();
  node.quoted = true;
}

// Keys that are not written take their defaults: the top-level ones are filled in here; the
// defaults of every other key are in scenarios/README.md.
void fill_top_level_defaults(scenarios::Document& document, const scenarios::Scenario& s) {
  if (!document.loaded()) return;
  const auto add = [&](const char* key, std::string text, bool quoted) {
    if (document.find(document.root(), key) != nullptr) return;
    scenarios::Node value;
    value.kind = scenarios::NodeKind::scalar;
    value.text = std::move(text);
    value.quoted = quoted;
    const scenarios::NodeId id = document.add(std::move(value));
    auto& entries = document.node(document.root()).entries;
    entries.insert(entries.begin(), scenarios::MapEntry{key, {}, id});
  };
  add("duration", scenarios::format_duration_short(s.duration), false);
  add("seed", std::to_string(s.seed), false);
  add("name", s.name, true);
}

}  // namespace

std::string explain_text(const std::string& path, const std::vector<std::string>& overrides,
                         scenarios::Diagnostics& diagnostics) {
  const scenarios::Scenario s = scenarios::load_scenario(path, overrides, diagnostics);
  if (!diagnostics.empty()) return {};
  scenarios::Diagnostics ignored;  // the same text loaded without errors just above
  scenarios::Document document = resolved_document(path, overrides, ignored);
  rebase_topology_path(document, s);
  fill_top_level_defaults(document, s);
  std::string header = "# " + path + " resolved by b24sim explain: includes merged";
  header += overrides.empty() ? "\n" : ", --set overrides applied\n";
  return header + scenarios::write_yaml(document);
}

}  // namespace b24::cli
