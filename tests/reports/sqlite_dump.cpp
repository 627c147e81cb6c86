#include "sqlite_dump.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace b24::reports::testing {
namespace fs = std::filesystem;

namespace {

std::string render(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
      return "NULL";
    case SQLITE_INTEGER:
      return std::to_string(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt, column));
      std::string text = buf;
      if (text.find_first_of(".eni") == std::string::npos) text += ".0";
      return text;
    }
    default:
      return reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
  }
}

}  // namespace

std::vector<Row> query(const fs::path& file, std::string_view sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + file.string());
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("cannot prepare " + std::string(sql) + ": " + message);
  }
  std::vector<Row> rows;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    Row row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) row.push_back(render(stmt, c));
    rows.push_back(std::move(row));
  }
  const std::string message = sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (rc != SQLITE_DONE) throw std::runtime_error("query failed: " + message);
  return rows;
}

std::string dump_run_database(const fs::path& file) {
  std::ostringstream out;
  const auto append = [&out](const std::vector<Row>& rows) {
    for (const Row& row : rows) {
      for (const std::string& cell : row) out << '[' << cell << ']';
      out << '\n';
    }
  };
  append(query(file, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
  const std::vector<Row> tables =
      query(file,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'wall_clock' "
            "ORDER BY name");
  for (const Row& table : tables) {
    out << "== " << table[0] << '\n';
    append(query(file, "SELECT * FROM " + table[0] + " ORDER BY rowid"));
  }
  return out.str();
}

ScratchDirectory::ScratchDirectory() {
  // Outside a test (in SetUpTestSuite) there is no current test: name it after the suite.
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const ::testing::TestSuite* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
  const std::string test = info != nullptr
                               ? std::string(info->test_suite_name()) + "-" + info->name()
                           : suite != nullptr ? std::string(suite->name()) + "-suite"
                                              : std::string("global");
  const std::string name = "b24-reports-" + test + "-" + std::to_string(::getpid());
  path_ = fs::temp_directory_path() / name;
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::vector<std::string> ScratchDirectory::names() const {
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(path_)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

void write_file(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace b24::reports::testing
