#pragma once
// The headline figures of a platform run (issue 4) as summary.json and the run database's
// summary table hold them, and the lines `b24sim run` prints.

#include <cstdint>

#include "models/platform_totals.hpp"
#include "reports/summary.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {

// `run` is the block every summary starts with (scenario, seed, version, trace hash).
[[nodiscard]] reports::Summary make_platform_summary(reports::Summary run,
                                                     const models::PlatformTotals& totals);

void print_platform_totals(const models::PlatformTotals& totals);

}  // namespace b24::cli
