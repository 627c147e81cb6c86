#pragma once
// Reading a finished run database back, read-only: what `b24sim export` and `b24sim compare`
// start from. Opening checks that the path is a run directory (or its run.sqlite) and that the
// schema version is one this build understands, so that every later query can assume the tables
// of reports/README.md. Every failure is a ReportError naming the path, because the usual causes
// (a mistyped directory, a file that is not a database, a database from a newer b24sim) are
// the user's to fix. sqlite3.h stays out of this header.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

struct sqlite3;

namespace b24::reports {

// One cell of a result row as SQLite stored it: NULL, INTEGER, REAL or TEXT (the schema has no
// BLOB columns; one would be read as TEXT).
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

class RunReader {
 public:
  // `path` is a run directory holding run.sqlite, or the run.sqlite file itself.
  explicit RunReader(const std::filesystem::path& path);
  ~RunReader();

  RunReader(const RunReader&) = delete;
  RunReader& operator=(const RunReader&) = delete;
  RunReader(RunReader&&) noexcept;
  RunReader& operator=(RunReader&&) = delete;

  // The run directory (the folder holding the database) and the database file.
  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }
  [[nodiscard]] const std::filesystem::path& database() const noexcept { return database_; }

  // Runs `sql` and calls `row` once per result row, in the order SQLite returns them. The span
  // is valid during the call only (one buffer is reused, so a million rows cost no allocation
  // each).
  void for_each_row(std::string_view sql, const std::function<void(std::span<const Cell>)>& row);
  // The single value of a one-row, one-column query (NULL when there is no row).
  [[nodiscard]] Cell scalar(std::string_view sql);
  // A run_meta value, if the run recorded that key.
  [[nodiscard]] std::optional<std::string> meta(std::string_view key);

 private:
  struct Closer {
    void operator()(sqlite3* db) const noexcept;
  };
  std::filesystem::path directory_;
  std::filesystem::path database_;
  std::unique_ptr<sqlite3, Closer> db_;
};

// Renders a cell as text for messages and keys: NULL as "", numbers in decimal.
[[nodiscard]] std::string cell_text(const Cell& cell);

}  // namespace b24::reports
