#pragma once
// compare.json: every figure of a comparison with its per-run values, means, standard
// deviations, intervals and differences, for tests and tools (reports/README.md, "Comparing
// runs", documents the fields). Deterministic bytes for the same input; NaN (a figure that
// cannot be computed, an interval of a single run) is null.

#include <string>

#include "reports/compare_result.hpp"

namespace b24::reports {

// Bumped when a field changes meaning.
inline constexpr int compare_json_version = 1;

[[nodiscard]] std::string compare_json(const CompareResult& result);

}  // namespace b24::reports
