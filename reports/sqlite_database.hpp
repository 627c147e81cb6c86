#pragma once
// An open SQLite database file: opens (creating it), runs SQL scripts, prepares statements,
// closes. Every failure becomes a ReportError naming the file, since the usual causes (a
// directory that does not exist, a full disk, a file that is not a database) are the user's to
// fix. sqlite3.h stays out of this header.

#include <filesystem>
#include <string>
#include <string_view>

#include "reports/sqlite_statement.hpp"

namespace b24::reports {

class SqliteDatabase {
 public:
  enum class Mode { create_new, open_existing };

  // create_new refuses an existing file (a run never appends to another run's database).
  SqliteDatabase(const std::filesystem::path& file, Mode mode);
  // Closes without reporting errors; call close() to see them.
  ~SqliteDatabase();

  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;
  SqliteDatabase(SqliteDatabase&&) = delete;
  SqliteDatabase& operator=(SqliteDatabase&&) = delete;

  // Runs one or more SQL statements that return no rows; `what` names the step in errors.
  void execute(std::string_view sql, const char* what);
  [[nodiscard]] SqliteStatement prepare(std::string_view sql);
  // Every statement prepared from this database must have been destroyed first.
  void close();

  [[nodiscard]] bool is_open() const noexcept { return db_ != nullptr; }
  // Asks SQLite rather than tracking BEGIN/COMMIT ourselves: after an error such as a full
  // disk, SQLite may have rolled the transaction back on its own.
  [[nodiscard]] bool in_transaction() const noexcept;
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

 private:
  sqlite3* db_ = nullptr;
  std::string file_;
};

}  // namespace b24::reports
