#pragma once
// Test helpers that read a run database through SQLite's C API, independently of the writer,
// and a scratch directory per test.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace b24::reports::testing {

using Row = std::vector<std::string>;

// Runs `sql` on `file` (opened read-only) and renders every cell: NULL as "NULL", integers in
// decimal, reals with 17 significant digits and a ".0" when integral (so 2 and 2.0 differ),
// text as is.
[[nodiscard]] std::vector<Row> query(const std::filesystem::path& file, std::string_view sql);

// The schema (sqlite_master) and every row of every table except wall_clock, in rowid order,
// as text: equal dumps mean equal run databases for everything a reader can see.
[[nodiscard]] std::string dump_run_database(const std::filesystem::path& file);

// A fresh empty directory under the system's temporary directory, removed with its contents.
class ScratchDirectory {
 public:
  ScratchDirectory();
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  // The names in path(), sorted: to check that nothing was left behind.
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& file, std::string_view text);
[[nodiscard]] std::string read_file(const std::filesystem::path& file);

}  // namespace b24::reports::testing
