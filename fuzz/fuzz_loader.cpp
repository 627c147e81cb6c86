// Fuzz target for the scenario loader (issue 6): any byte string handed to
// scenarios::load_scenario_text must end in diagnostics or a scenario, never in a crash, a hang,
// an uncaught exception or a sanitizer report.
//
// The text is named as a file in the shipped scenarios folder, so that the seed corpus (the
// shipped scenarios, several of which `include: platform/world.yaml`) resolves its includes and
// topology files and the fuzzer reaches every section. Includes read only regular files
// (scenarios/include.cpp) and so do topology files (read_file_text), so a mutated path cannot
// make the target block on a device or a pipe.
//
// Built two ways (fuzz/CMakeLists.txt): with clang as a libFuzzer binary, and with any compiler
// linked with replay_main.cpp, which feeds it every file of a corpus (ctest: fuzz.replay).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scenarios/diagnostic.hpp"
#include "scenarios/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string name = std::string(B24_SOURCE_DIR) + "/scenarios/fuzz-input.yaml";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  b24::scenarios::Diagnostics diagnostics;
  const b24::scenarios::Scenario scenario =
      b24::scenarios::load_scenario_text(text, name, diagnostics);
  // Every diagnostic must format (quote() escapes control bytes; a bad mark would show here).
  std::size_t formatted = 0;
  for (const b24::scenarios::Diagnostic& diagnostic : diagnostics) {
    formatted += b24::scenarios::format(diagnostic).size();
  }
  static_cast<void>(formatted);
  static_cast<void>(scenario);
  return 0;
}
