#pragma once
// Writing a comparison to a directory: compare.json (every figure) and compare.html (the
// table and, once the chart hook draws them, overlaid charts). Both are written under temporary
// names and renamed into place when both are complete; the directory is created if needed.

#include <filesystem>

#include "reports/compare_result.hpp"

namespace b24::reports {

struct CompareFiles {
  std::filesystem::path json;
  std::filesystem::path html;
};

// Throws ReportError naming the path when the directory or a file cannot be written.
CompareFiles write_compare_outputs(const CompareResult& result, const std::filesystem::path& out);

}  // namespace b24::reports
