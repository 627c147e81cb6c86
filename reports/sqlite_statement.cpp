#include "reports/sqlite_statement.hpp"

#include <sqlite3.h>

#include <utility>

#include "reports/report_error.hpp"
#include "sim/assert.hpp"

namespace b24::reports {
namespace {

// Binding fails only for a bad index or an over-long value: our bug, not the user's.
void check_bind(int rc) {
  B24_ASSERT_MSG(rc == SQLITE_OK, "sqlite3_bind failed");
}

}  // namespace

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql, std::string file)
    : db_(db), file_(std::move(file)) {
  B24_ASSERT(db_ != nullptr);
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    // Our SQL is fixed, so this is mostly a database that could not be read (not a valid file).
    throw ReportError("run database " + file_ + ": cannot prepare \"" + std::string(sql) +
                      "\": " + sqlite3_errmsg(db_));
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(stmt_);  // a no-op on nullptr (moved from)
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), file_(std::move(other.file_)) {}

void SqliteStatement::bind_int64(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value));
}

void SqliteStatement::bind_double(int index, double value) {
  check_bind(sqlite3_bind_double(stmt_, index, value));
}

void SqliteStatement::bind_text(int index, std::string_view value) {
  check_bind(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqliteStatement::execute(const char* what) {
  const int rc = sqlite3_step(stmt_);
  // Read the message before reset; reset even on failure so the statement holds no lock.
  const std::string message = rc == SQLITE_DONE ? std::string() : sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (rc != SQLITE_DONE) {
    throw ReportError("run database " + file_ + ": error while " + what + ": " + message);
  }
}

}  // namespace b24::reports
