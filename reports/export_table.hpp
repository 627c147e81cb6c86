#pragma once
// One exported table file: rows of cells written as CSV (a header line, then one line per row)
// or JSON Lines (one object per row, keys in column order), through an AtomicFile so the file
// appears only when complete.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reports/export_atomic_file.hpp"
#include "reports/export_format.hpp"
#include "reports/export_run_reader.hpp"

namespace b24::reports {

struct ExportColumn {
  std::string name;
  // The database holds simulated microseconds; the export shows exact decimal seconds, which
  // is what a person plotting the series wants on the x axis.
  bool seconds_from_microseconds = false;
};

class ExportTable {
 public:
  ExportTable(std::filesystem::path final_path, ExportFormat format,
              std::vector<ExportColumn> columns);

  // NULL is an empty CSV field and a JSON null; so is NaN. Infinities are "inf"/"-inf" in CSV
  // (pandas reads them) and null in JSON, which has no infinity.
  void add_row(std::span<const Cell> cells);
  void finish();
  void publish() { file_.publish(); }

  [[nodiscard]] std::int64_t rows() const noexcept { return rows_; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return file_.final_path(); }

 private:
  void append_csv(const Cell& cell, const ExportColumn& column);
  void append_json(const Cell& cell, const ExportColumn& column);
  void flush_if_full();

  AtomicFile file_;
  ExportFormat format_;
  std::vector<ExportColumn> columns_;
  std::string buffer_;  // written out in large blocks: one write per row would be slow
  std::int64_t rows_ = 0;
};

}  // namespace b24::reports
