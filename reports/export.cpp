#include "reports/export.hpp"

#include <memory>
#include <string>
#include <system_error>

#include "reports/export_run_reader.hpp"
#include "reports/export_table.hpp"
#include "reports/report_error.hpp"

namespace b24::reports {
namespace {

namespace fs = std::filesystem;

struct TableSpec {
  const char* name;  // the file name without extension
  std::vector<ExportColumn> columns;
  const char* sql;  // selects the columns in order
};

// The order makes the bytes deterministic and the files easy to read: series by time, then
// entity and metric (names compare bytewise); events by time, then in the order they happened
// (within one instant a cause precedes its effect, which sorting by name would break);
// histograms by time, series and bucket; summary and metadata in the order they were written
// (the order of summary.json).
std::vector<TableSpec> table_specs() {
  return {
      {"samples",
       {{"time_s", true}, {"entity"}, {"metric"}, {"value"}},
       "SELECT s.time_us, e.name, m.name, s.value FROM samples s "
       "JOIN entities e ON e.id = s.entity_id JOIN metrics m ON m.id = s.metric_id "
       "ORDER BY s.time_us, e.name, m.name, s.rowid"},
      {"events",
       {{"time_s", true}, {"kind"}, {"entity"}, {"reason"}},
       "SELECT time_us, kind, entity, reason FROM events ORDER BY time_us, rowid"},
      {"histograms",
       {{"time_s", true}, {"entity"}, {"metric"}, {"low_us"}, {"high_us"}, {"count"}},
       "SELECT time_us, entity, metric, low_us, high_us, count FROM histograms "
       "ORDER BY time_us, entity, metric, low_us, rowid"},
      {"summary", {{"key"}, {"value"}}, "SELECT key, value FROM summary ORDER BY rowid"},
      {"run_meta", {{"key"}, {"value"}}, "SELECT key, value FROM run_meta ORDER BY rowid"},
  };
}

// Creates `out` if needed and remembers whether it did, so that a failed export removes a
// directory it created (when still empty) instead of leaving it behind.
class OutputDirectory {
 public:
  explicit OutputDirectory(fs::path out) : path_(std::move(out)) {
    std::error_code ec;
    if (fs::exists(path_, ec) && !fs::is_directory(path_, ec)) {
      throw ReportError("export output " + path_.string() + " exists and is not a directory");
    }
    created_ = fs::create_directories(path_, ec);
    if (ec) throw ReportError("cannot create " + path_.string() + ": " + ec.message());
  }
  ~OutputDirectory() {
    std::error_code ignored;
    if (created_ && !kept_) fs::remove(path_, ignored);  // fails harmlessly unless empty
  }
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;

  [[nodiscard]] const fs::path& path() const noexcept { return path_; }
  void keep() noexcept { kept_ = true; }

 private:
  fs::path path_;
  bool created_ = false;
  bool kept_ = false;
};

}  // namespace

std::vector<ExportedFile> export_run(const fs::path& run, const ExportOptions& options) {
  // Open (and so validate) the run before creating anything.
  RunReader reader(run);
  OutputDirectory out(options.out.empty() ? reader.directory() / "export" : options.out);
  const std::string extension = std::string(".").append(export_extension(options.format));

  std::vector<std::unique_ptr<ExportTable>> tables;
  for (TableSpec& spec : table_specs()) {
    auto table = std::make_unique<ExportTable>(out.path() / (spec.name + extension), options.format,
                                               std::move(spec.columns));
    reader.for_each_row(spec.sql, [&](std::span<const Cell> row) { table->add_row(row); });
    table->finish();
    tables.push_back(std::move(table));
  }
  std::vector<ExportedFile> files;
  for (const auto& table : tables) {
    table->publish();
    files.push_back({table->path(), table->rows()});
  }
  out.keep();
  return files;
}

}  // namespace b24::reports
