#pragma once
// The SQL that creates the run database: one place for the schema that reports/README.md
// documents.

#include <string>
#include <string_view>

namespace b24::reports {

// Bumped whenever a table or column changes meaning; stored as PRAGMA user_version so that a
// reader can refuse a file it does not understand.
inline constexpr int run_database_schema_version = 1;

// Tables and views, created in one transaction (see README.md for what each column holds).
[[nodiscard]] std::string run_database_schema();
// Indexes for readers (a time series of one entity and metric), built once at close: cheaper
// than maintaining them row by row during the run. Histograms get none: an index on their
// repeated entity and metric names would almost double the file (measured: 5.7 MB next to
// 7.2 MB for one day of one load balancer), and a scan of a day's buckets takes milliseconds.
[[nodiscard]] std::string_view run_database_indexes();

}  // namespace b24::reports
