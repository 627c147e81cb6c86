#pragma once
// Loads a YAML string as "s.yaml" and gives a Reader over it, with the diagnostics formatted the
// way the command line prints them (in file order).

#include <string>
#include <string_view>
#include <vector>

#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"
#include "scenarios/reader.hpp"
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

}  // namespace b24::scenarios::testing
