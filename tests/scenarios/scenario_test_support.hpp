#pragma once
// Loads a YAML string as "s.yaml" and gives a Reader over it, with the diagnostics formatted the
// way the command line prints them (in file order).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"
#include "scenarios/reader.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios::testing {

struct Loaded {
  // Declaration order matters: the reader refers to both members above it.
  Diagnostics diagnostics;
  Document document;
  Reader reader;

  explicit Loaded(std::string_view yaml)
      : document(load_yaml_string(yaml, "s.yaml", diagnostics)), reader(document, diagnostics) {}

  NodeView root() { return reader.root(); }

  [[nodiscard]] std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
    return out;
  }
};

// Loads a whole scenario from a YAML string as "s.yaml", with optional --set overrides.
struct LoadedScenario {
  Diagnostics diagnostics;
  Scenario scenario;

  explicit LoadedScenario(std::string_view yaml, std::span<const std::string> overrides = {})
      : scenario(load_scenario_text(yaml, "s.yaml", overrides, diagnostics)) {}

  [[nodiscard]] std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
    return out;
  }
};

#ifdef B24_SOURCE_DIR
// A scenario file shipped in scenarios/.
inline std::filesystem::path shipped(std::string_view file) {
  return std::filesystem::path(B24_SOURCE_DIR) / "scenarios" / file;
}
#endif

}  // namespace b24::scenarios::testing
