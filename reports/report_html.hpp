#pragma once
// The HTML report of a run (issue 7): one self-contained report.html in the run directory,
// rendered from run.sqlite alone, so `b24sim report RUN_DIR` can write it again for any run.
// No network: inline CSS and SVG charts, no script, no font or image from anywhere else. The
// same run gives the same bytes (nothing from the wall clock goes in).

#include <filesystem>
#include <string>
#include <string_view>

namespace b24::reports {

inline constexpr std::string_view report_file_name = "report.html";

// The report of the run in `run_dir`. Throws ReportError, naming the path, when the directory
// or its run.sqlite is missing, unreadable or not a b24sim run database.
[[nodiscard]] std::string render_report_html(const std::filesystem::path& run_dir);

// Writes <run_dir>/report.html (through a temporary file renamed into place, so an earlier
// report is replaced whole or not at all) and returns its path. Throws ReportError.
std::filesystem::path write_report_html(const std::filesystem::path& run_dir);

}  // namespace b24::reports
