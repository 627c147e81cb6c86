#pragma once
// `b24sim export`: a run database's series, events, histograms, summary and metadata as flat
// files for pandas, spreadsheets and SQL tools (reports/README.md, "Exporting a run"). One file
// per table, CSV or JSON Lines, long format, rows in a deterministic order, so the same run
// always exports to the same bytes.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "reports/export_format.hpp"

namespace b24::reports {

struct ExportOptions {
  ExportFormat format = ExportFormat::csv;
  std::filesystem::path out;  // empty: <run directory>/export
};

struct ExportedFile {
  std::filesystem::path path;
  std::int64_t rows = 0;  // data rows, without the CSV header
};

// Reads the run (a run directory or its run.sqlite) and writes samples, events, histograms,
// summary and run_meta files into options.out, creating it if needed. Every file is written
// under a temporary name and renamed into place only once all of them are complete: a failure
// leaves the earlier export (if any) as it was, and no partial file. Throws ReportError naming
// the path (missing directory, not a run database, unwritable output).
std::vector<ExportedFile> export_run(const std::filesystem::path& run,
                                     const ExportOptions& options);

}  // namespace b24::reports
