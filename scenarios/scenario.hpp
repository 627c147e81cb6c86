#pragma once
// A loaded, validated scenario: what b24sim runs. Plain data; every default is the sourced one
// of the model parameter structs (models/web_tier_params.hpp, shared/DOMAIN.md).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/object_store_params.hpp"
#include "models/platform_params.hpp"
#include "models/web_tier.hpp"
#include "models/web_tier_params.hpp"
#include "scenarios/check.hpp"
#include "scenarios/diagnostic.hpp"
#include "sim/time.hpp"

namespace b24::scenarios {

struct Scenario {
  std::string name;         // the `name:` key, else the file's stem
  std::string description;  // what question the scenario answers
  std::uint64_t seed = 1;
  sim::Duration duration = std::chrono::hours{24};
  models::WebTierParams web{};  // issue 3: one data center's web tier (unused by a platform)
  models::SloParams slo{};
  // Issue 4: a platform scenario (one with a top-level `topology:` key) fills this instead of
  // `web`: the topology, one tier per DC, cohorts, placement, replication and faults. Its `slo`
  // is the same as the one above.
  std::optional<models::PlatformParams> platform;
  // Issue 5: a storage scenario (a top-level `storage:` key) runs only one region's object
  // store: no topology, no web tier. Its sample step is the top-level `sample_step`.
  std::optional<models::ObjectStoreParams> storage;
  // The topology file as read (for reproduction, like source_text) and its path, resolved
  // against the directory of the file that names it; both empty when the topology is inline.
  std::string topology_text;
  std::filesystem::path topology_path;
  std::string source_text;  // the file as read, stored in the run database
  // The files `include:` merged in (nested ones too), with their text as read: with source_text
  // they are everything the run was built from.
  struct IncludedFile {
    std::filesystem::path path;
    std::string text;
  };
  std::vector<IncludedFile> included;
  // Issue 6: assertions over the run's figures (scenarios/check.hpp), evaluated after the run
  // by cli/checks.hpp; `b24sim run` exits with status 3 when one fails.
  std::vector<Check> checks;
  std::filesystem::path source_path;
  // The command-line overrides applied over source_text (`--set key.path=value`), as given and in
  // order: with the file, the seed and the version they reproduce the run.
  std::vector<std::string> overrides;
};

// Reads and validates a scenario file. Every problem found is added to `diagnostics` (file,
// line, column, key path, what was found and what was expected); the returned scenario is
// meaningful only when `diagnostics` is empty.
[[nodiscard]] Scenario load_scenario(const std::filesystem::path& path, Diagnostics& diagnostics);
// The same with command-line overrides ("auto_scaling.max_size=60", scenarios/overrides.hpp)
// applied over the file before it is read, so an overridden value is checked like a written one;
// errors in an override name it ("--set:1:23: ..."). The scenario records them in `overrides`.
[[nodiscard]] Scenario load_scenario(const std::filesystem::path& path,
                                     std::span<const std::string> overrides,
                                     Diagnostics& diagnostics);
// The same from text, for tests; `name` stands for the file name in diagnostics.
[[nodiscard]] Scenario load_scenario_text(std::string_view text, std::string_view name,
                                          Diagnostics& diagnostics);
[[nodiscard]] Scenario load_scenario_text(std::string_view text, std::string_view name,
                                          std::span<const std::string> overrides,
                                          Diagnostics& diagnostics);

}  // namespace b24::scenarios
