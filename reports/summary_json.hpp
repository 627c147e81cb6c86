#pragma once
// summary.json: a Summary printed as JSON, byte-identical for identical input.
//
// Format: two-space indentation, keys in insertion order, a final newline, UTF-8 kept as is
// (not \u-escaped). Integers print exactly. Doubles print in nlohmann::json's round-trip form:
// the shortest digit string that reads back as the same double (Grisu2, at most 17 significant
// digits, e.g. 0.1 -> 0.1, 2.0 -> 2.0, 1e-7 -> 1e-07), computed by nlohmann's own code, so it
// depends neither on the C locale nor on printf. JSON has no NaN or infinity: those print as
// null (an empty run's mean is 0/0; a reader sees "no value" rather than a parse error).

#include <filesystem>
#include <string>

#include "reports/summary.hpp"

namespace b24::reports {

[[nodiscard]] std::string to_json(const Summary& summary);

// Writes to_json(summary) to `file` (normally <run directory>/summary.json), replacing it.
// Throws ReportError naming the file if it cannot be written completely.
void write_summary_json(const std::filesystem::path& file, const Summary& summary);

}  // namespace b24::reports
