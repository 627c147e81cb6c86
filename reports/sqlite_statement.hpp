#pragma once
// A prepared SQLite statement: prepared once, then bound, executed and reset per row, which is
// what makes inserting millions of rows cheap. sqlite3.h stays out of this header (the handle
// types are forward-declared) so that including reports/ costs little.

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace b24::reports {

class SqliteStatement {
 public:
  // `file` only names the database in error messages.
  SqliteStatement(sqlite3* db, std::string_view sql, std::string file);
  ~SqliteStatement();

  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;

  // Parameters are 1-based, as in SQL's ?1, ?2. Text is copied by SQLite.
  void bind_int64(int index, std::int64_t value);
  void bind_double(int index, double value);
  void bind_text(int index, std::string_view value);

  // Runs a statement that returns no rows and readies it for the next bindings. Throws
  // ReportError naming the file and `what` (e.g. "inserting a sample") on failure.
  void execute(const char* what);

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string file_;
};

}  // namespace b24::reports
