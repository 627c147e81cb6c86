#pragma once
// The headline figures of a platform run (issue 4) as summary.json and the run database's
// summary table hold them, and the lines `b24sim run` prints.

#include <cstdint>
#include <vector>

#include "models/platform_totals.hpp"
#include "reports/summary.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {

// `run` is the block every summary starts with (scenario, seed, version, trace hash).
[[nodiscard]] reports::Summary make_platform_summary(reports::Summary run,
                                                     const models::PlatformTotals& totals);

void print_platform_totals(const models::PlatformTotals& totals);
// The cost per tenant-month of each plan that counts tenants, one line each.
void print_plans(const models::PlatformTotals& totals);

// Rolling deploys (issue 5; scenarios/README.md "deploy"): the `deploys` block of summary.json,
// per DC deployed plus totals; empty when the run had no deploy. `deploys` of every tier, in
// start order.
[[nodiscard]] std::vector<models::DeployTotals> all_deploys(const models::PlatformTotals& totals);
[[nodiscard]] reports::Summary deploys_summary(const std::vector<models::DeployTotals>& deploys);
void print_deploys(const std::vector<models::DeployTotals>& deploys);

}  // namespace b24::cli
