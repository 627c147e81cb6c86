#pragma once
// The text `b24sim explain` prints: the scenario after includes, overrides and defaults, as YAML
// that loads again into the same scenario (scenarios/yaml_writer.hpp). Every key the loader reads
// with a default and the scenario leaves out is written with that default (recorded while the
// scenario loads, scenarios/key_log.hpp) and marked "# default"; the keys whose absence means
// more than a value (a DC's default_instance_warmup, an ALB's surge_queue_limit, a section such
// as calls: or deploy: that is off unless written) stay out.

#include <string>
#include <vector>

#include "scenarios/diagnostic.hpp"

namespace b24::cli {

// Empty, with the errors in `diagnostics`, when the scenario does not load.
[[nodiscard]] std::string explain_text(const std::string& path,
                                       const std::vector<std::string>& overrides,
                                       scenarios::Diagnostics& diagnostics);

}  // namespace b24::cli
