#pragma once
// A loaded, validated scenario: what b24sim runs. Plain data; every default is the sourced one
// of the model parameter structs (models/web_tier_params.hpp, shared/DOMAIN.md).

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/web_tier.hpp"
#include "models/web_tier_params.hpp"
#include "scenarios/diagnostic.hpp"
#include "sim/time.hpp"

namespace b24::scenarios {

struct Scenario {
  std::string name;         // the `name:` key, else the file's stem
  std::string description;  // what question the scenario answers
  std::uint64_t seed = 1;
  sim::Duration duration = std::chrono::hours{24};
  models::WebTierParams web{};  // issue 3: one data center's web tier
  models::SloParams slo{};
  std::string source_text;  // the file as read, stored in the run database
  std::filesystem::path source_path;
};

// Reads and validates a scenario file. Every problem found is added to `diagnostics` (file,
// line, column, key path, what was found and what was expected); the returned scenario is
// meaningful only when `diagnostics` is empty.
[[nodiscard]] Scenario load_scenario(const std::filesystem::path& path, Diagnostics& diagnostics);
// The same from text, for tests; `name` stands for the file name in diagnostics.
[[nodiscard]] Scenario load_scenario_text(std::string_view text, std::string_view name,
                                          Diagnostics& diagnostics);

}  // namespace b24::scenarios
