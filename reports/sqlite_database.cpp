#include "reports/sqlite_database.hpp"

#include <sqlite3.h>

#include <system_error>

#include "reports/report_error.hpp"
#include "sim/assert.hpp"

namespace b24::reports {

SqliteDatabase::SqliteDatabase(const std::filesystem::path& file, Mode mode)
    : file_(file.string()) {
  std::error_code ec;
  if (mode == Mode::create_new && std::filesystem::exists(file, ec)) {
    throw ReportError("run database " + file_ + " already exists; a run writes a new one");
  }
  const int flags =
      mode == Mode::create_new ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
  const int rc = sqlite3_open_v2(file_.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    // sqlite3_open_v2 may hand back a handle even on failure; it must still be closed.
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw ReportError("cannot open run database " + file_ + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

SqliteDatabase::~SqliteDatabase() {
  sqlite3_close_v2(db_);  // a no-op on nullptr
}

void SqliteDatabase::execute(std::string_view sql, const char* what) {
  B24_ASSERT(is_open());
  const std::string text(sql);  // sqlite3_exec needs a terminated string
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw ReportError("run database " + file_ + ": error while " + what + ": " + message);
  }
}

bool SqliteDatabase::in_transaction() const noexcept {
  return db_ != nullptr && sqlite3_get_autocommit(db_) == 0;
}

SqliteStatement SqliteDatabase::prepare(std::string_view sql) {
  B24_ASSERT(is_open());
  return SqliteStatement(db_, sql, file_);
}

void SqliteDatabase::close() {
  if (db_ == nullptr) return;
  const int rc = sqlite3_close(db_);
  // SQLITE_BUSY here means a statement outlived close(): our bug.
  B24_ASSERT_MSG(rc != SQLITE_BUSY, "SQLite statements must be finalized before close()");
  db_ = nullptr;
  if (rc != SQLITE_OK) {
    throw ReportError("run database " + file_ + ": error while closing: " + sqlite3_errstr(rc));
  }
}

}  // namespace b24::reports
