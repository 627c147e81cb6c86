#pragma once
// The headline figures of a storage run (issue 5) as summary.json and the run database's
// summary table hold them, and the lines `b24sim run` prints.

#include "models/object_store.hpp"
#include "models/object_store_params.hpp"
#include "reports/summary.hpp"

namespace b24::cli {

// S3's design durability, 99.999999999 % per object per year (DOMAIN.md 6): 11 nines.
inline constexpr double design_annual_loss_probability = 1e-11;

// `run` is the block every summary starts with (scenario, seed, version, trace hash).
[[nodiscard]] reports::Summary make_storage_summary(reports::Summary run,
                                                    const models::ObjectStoreParams& params,
                                                    const models::StorageTotals& totals);

void print_storage_totals(const models::StorageTotals& totals);

}  // namespace b24::cli
