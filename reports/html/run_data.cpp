#include "reports/html/run_data.hpp"

#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

#include "reports/report_error.hpp"
#include "reports/run_database_schema.hpp"
#include "reports/run_directory.hpp"

namespace b24::reports::html {

// The open database and the statements read per series.
struct RunData::Database {
  sqlite3* handle = nullptr;
  std::string file;
  ~Database() { sqlite3_close_v2(handle); }
};

namespace {

// A prepared statement for the duration of one query; errors name the file.
class Query {
 public:
  Query(sqlite3* db, const std::string& file, std::string_view sql) : db_(db), file_(file) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK) {
      fail("reading");
    }
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  void bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  // True while there is a row; throws on an error (a corrupt page found mid-read).
  bool next() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail("reading");
    return false;
  }
  [[nodiscard]] std::int64_t integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
  }
  [[nodiscard]] std::string text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(p),
                             static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  [[nodiscard]] double real_or_nan(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL
               ? std::numeric_limits<double>::quiet_NaN()
               : sqlite3_column_double(stmt_, column);
  }
  [[nodiscard]] SummaryValue value(int column) const {
    switch (sqlite3_column_type(stmt_, column)) {
      case SQLITE_INTEGER:
        return integer(column);
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt_, column);
      case SQLITE_NULL:
        return std::monostate{};
      default:
        return text(column);
    }
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw ReportError("run database " + file_ + ": error while " + what + ": " +
                      sqlite3_errmsg(db_) + " (is it a b24sim run database?)");
  }

  sqlite3* db_;
  const std::string& file_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> open_read_only(const std::string& file) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> owned(db, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    throw ReportError("cannot open run database " + file + ": " +
                      (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  return owned;
}

}  // namespace

RunData::RunData(const std::filesystem::path& run_dir)
    : directory_(run_dir), db_(std::make_unique<Database>()) {
  std::error_code ec;
  if (!std::filesystem::is_directory(run_dir, ec)) {
    throw ReportError("run directory " + run_dir.string() +
                      " does not exist or is not a directory");
  }
  db_->file = (run_dir / run_database_file_name).string();
  if (!std::filesystem::is_regular_file(db_->file, ec)) {
    throw ReportError("run directory " + run_dir.string() + " holds no " +
                      std::string(run_database_file_name) + " (not a b24sim run directory)");
  }
  db_->handle = open_read_only(db_->file).release();
  Query version(db_->handle, db_->file, "PRAGMA user_version");
  const std::int64_t v = version.next() ? version.integer(0) : -1;
  if (v != run_database_schema_version) {
    throw ReportError("run database " + db_->file + " has schema version " + std::to_string(v) +
                      ", this b24sim reads version " + std::to_string(run_database_schema_version));
  }
  read_meta();
  read_summary();
  read_entities();
  read_events();
}

RunData::~RunData() = default;

void RunData::read_meta() {
  Query q(db_->handle, db_->file, "SELECT key, value FROM run_meta ORDER BY rowid");
  while (q.next()) meta_.emplace_back(q.text(0), q.text(1));
  duration_us_ = meta_integer("duration_us").value_or(0);
  if (duration_us_ <= 0) {
    Query last(db_->handle, db_->file, "SELECT max(time_us) FROM samples");
    if (last.next()) duration_us_ = last.integer(0);
  }
}

void RunData::read_summary() {
  Query q(db_->handle, db_->file, "SELECT key, value FROM summary ORDER BY rowid");
  while (q.next()) summary_.emplace_back(q.text(0), q.value(1));
}

void RunData::read_entities() {
  Query e(db_->handle, db_->file, "SELECT id, name FROM entities ORDER BY id");
  while (e.next()) {
    entity_ids_.emplace_back(e.integer(0), e.text(1));
    entities_.push_back(e.text(1));
  }
  Query m(db_->handle, db_->file, "SELECT id, name FROM metrics ORDER BY id");
  while (m.next()) metric_ids_.emplace_back(m.integer(0), m.text(1));
}

void RunData::read_events() {
  Query q(db_->handle, db_->file,
          "SELECT time_us, kind, entity, reason FROM events ORDER BY time_us, rowid");
  while (q.next()) events_.push_back(RunEvent{q.integer(0), q.text(1), q.text(2), q.text(3)});
}

std::string RunData::meta(std::string_view key) const {
  for (const auto& [k, v] : meta_) {
    if (k == key) return v;
  }
  return {};
}

bool RunData::has_meta(std::string_view key) const {
  for (const auto& entry : meta_) {
    if (entry.first == key) return true;
  }
  return false;
}

std::optional<std::int64_t> RunData::meta_integer(std::string_view key) const {
  const std::string text = meta(key);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const SummaryValue* RunData::summary_value(std::string_view key) const {
  for (const auto& [k, v] : summary_) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::optional<double> RunData::summary_number(std::string_view key) const {
  const SummaryValue* v = summary_value(key);
  if (v == nullptr) return std::nullopt;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(v)) return *d;
  return std::nullopt;
}

std::optional<std::string> RunData::summary_text(std::string_view key) const {
  const SummaryValue* v = summary_value(key);
  if (v == nullptr) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(v)) return *s;
  return std::nullopt;
}

bool RunData::has_entity(std::string_view name) const {
  return entity_id(name).has_value();
}

// Linear lookups: a run has a few hundred entities and a few dozen metrics.
std::optional<std::int64_t> RunData::entity_id(std::string_view name) const {
  for (const auto& [id, n] : entity_ids_) {
    if (n == name) return id;
  }
  return std::nullopt;
}

std::optional<std::int64_t> RunData::metric_id(std::string_view name) const {
  for (const auto& [id, n] : metric_ids_) {
    if (n == name) return id;
  }
  return std::nullopt;
}

std::vector<std::string> RunData::metrics_of(std::string_view entity) const {
  std::vector<std::string> names;
  const std::optional<std::int64_t> e = entity_id(entity);
  if (!e) return names;
  Query q(db_->handle, db_->file,
          "SELECT DISTINCT metric_id FROM samples WHERE entity_id = ?1 ORDER BY metric_id");
  q.bind(1, *e);
  while (q.next()) {
    for (const auto& [id, n] : metric_ids_) {
      if (id == q.integer(0)) names.push_back(n);
    }
  }
  return names;
}

std::vector<Sample> RunData::series(std::string_view entity, std::string_view metric) const {
  std::vector<Sample> out;
  const std::optional<std::int64_t> e = entity_id(entity);
  const std::optional<std::int64_t> m = metric_id(metric);
  if (!e || !m) return out;
  // Served by the samples_by_series index; rowid breaks ties so equal times keep call order.
  Query q(db_->handle, db_->file,
          "SELECT time_us, value FROM samples WHERE entity_id = ?1 AND metric_id = ?2 "
          "ORDER BY time_us, rowid");
  q.bind(1, *e);
  q.bind(2, *m);
  while (q.next()) out.push_back(Sample{q.integer(0), q.real_or_nan(1)});
  return out;
}

}  // namespace b24::reports::html
