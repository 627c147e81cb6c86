#include "reports/export_run_reader.hpp"

#include <sqlite3.h>

#include <charconv>
#include <system_error>
#include <vector>

#include "reports/report_error.hpp"
#include "reports/run_database_schema.hpp"
#include "reports/run_directory.hpp"

namespace b24::reports {
namespace {

namespace fs = std::filesystem;

// Finalizes a statement however the query ends (a callback may throw).
struct StatementCloser {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

// Where the database is: a directory must hold run.sqlite; a file is taken as the database.
fs::path locate_database(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    throw ReportError("run directory " + path.string() + " does not exist");
  }
  if (!fs::is_directory(status)) return path;
  const fs::path file = path / run_database_file_name;
  if (!fs::is_regular_file(file, ec)) {
    throw ReportError(path.string() + " is not a run directory: it holds no " +
                      std::string(run_database_file_name));
  }
  return file;
}

Statement prepare(sqlite3* db, std::string_view sql, const fs::path& file) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement stmt(raw);
  if (rc != SQLITE_OK) {
    // Our SQL is fixed, so a failure here is a file that is not (or no longer) a run database.
    throw ReportError(file.string() + " is not a readable run database: " + sqlite3_errmsg(db));
  }
  return stmt;
}

Cell read_cell(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, column);
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
      const int bytes = sqlite3_column_bytes(stmt, column);
      return std::string(text != nullptr ? text : "", static_cast<std::size_t>(bytes));
    }
  }
}

// Steps through every row; `row` sees the reused cell buffer.
void step_all(sqlite3* db, sqlite3_stmt* stmt, const fs::path& file,
              const std::function<void(std::span<const Cell>)>& row) {
  std::vector<Cell> cells(static_cast<std::size_t>(sqlite3_column_count(stmt)));
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return;
    if (rc != SQLITE_ROW) {
      throw ReportError("run database " + file.string() +
                        ": error while reading: " + sqlite3_errmsg(db));
    }
    for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = read_cell(stmt, static_cast<int>(i));
    row(cells);
  }
}

}  // namespace

void RunReader::Closer::operator()(sqlite3* db) const noexcept {
  sqlite3_close_v2(db);
}

RunReader::RunReader(const fs::path& path) : database_(locate_database(path)) {
  directory_ = database_.has_parent_path() ? database_.parent_path() : fs::path(".");
  sqlite3* raw = nullptr;
  // Read-only: exporting or comparing must never modify a run, not even its journal.
  const int rc = sqlite3_open_v2(database_.string().c_str(), &raw,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(raw);  // closed on every path, even when opening failed
  if (rc != SQLITE_OK) {
    throw ReportError("cannot open run database " + database_.string() + ": " +
                      (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  // SQLite opens any file lazily; the first query is what finds out it is not a database.
  const Cell version = scalar("PRAGMA user_version");
  const auto* number = std::get_if<std::int64_t>(&version);
  if (number == nullptr || *number == 0) {
    throw ReportError(database_.string() + " is not a run database (no schema version)");
  }
  if (*number != run_database_schema_version) {
    throw ReportError(database_.string() + ": run database schema version " +
                      std::to_string(*number) + ", this b24sim reads version " +
                      std::to_string(run_database_schema_version));
  }
}

RunReader::~RunReader() = default;
RunReader::RunReader(RunReader&&) noexcept = default;

void RunReader::for_each_row(std::string_view sql,
                             const std::function<void(std::span<const Cell>)>& row) {
  const Statement stmt = prepare(db_.get(), sql, database_);
  step_all(db_.get(), stmt.get(), database_, row);
}

Cell RunReader::scalar(std::string_view sql) {
  Cell out;
  bool seen = false;
  for_each_row(sql, [&](std::span<const Cell> cells) {
    if (seen || cells.empty()) return;
    out = cells[0];
    seen = true;
  });
  return out;
}

std::optional<std::string> RunReader::meta(std::string_view key) {
  const Statement stmt = prepare(db_.get(), "SELECT value FROM run_meta WHERE key = ?1", database_);
  sqlite3_bind_text64(stmt.get(), 1, key.data(), key.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  std::optional<std::string> out;
  step_all(db_.get(), stmt.get(), database_,
           [&](std::span<const Cell> cells) { out = cell_text(cells[0]); });
  return out;
}

std::string cell_text(const Cell& cell) {
  struct Render {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
      char buffer[32];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
      return std::string(buffer, result.ptr);
    }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Render{}, cell);
}

}  // namespace b24::reports
