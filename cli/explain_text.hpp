#pragma once
// The text `b24sim explain` prints: the scenario after includes and overrides, as YAML that
// loads again into the same scenario (scenarios/yaml_writer.hpp). The top-level `name`, `seed`
// and `duration` are written out even when they take their defaults; the defaults of other
// absent keys are those of scenarios/README.md.

#include <string>
#include <vector>

#include "scenarios/diagnostic.hpp"

namespace b24::cli {

// Empty, with the errors in `diagnostics`, when the scenario does not load.
[[nodiscard]] std::string explain_text(const std::string& path,
                                       const std::vector<std::string>& overrides,
                                       scenarios::Diagnostics& diagnostics);

}  // namespace b24::cli
