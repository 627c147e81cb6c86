#include "reports/sqlite_recorder.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "reports/run_database_schema.hpp"
#include "reports/run_directory.hpp"
#include "reports/sqlite_database.hpp"
#include "sim/assert.hpp"

namespace b24::reports {
namespace {

// Lookup only (name -> id); ids come from first use, never from iterating the map.
using InternTable = std::map<std::string, std::int64_t, std::less<>>;

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string format_seconds(double s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

// The prepared statements, destroyed before the database is closed.
struct SqliteRecorderStatements {
  explicit SqliteRecorderStatements(SqliteDatabase& db)
      : insert_entity(db.prepare("INSERT INTO entities(id, name) VALUES (?1, ?2)")),
        insert_metric(db.prepare("INSERT INTO metrics(id, name) VALUES (?1, ?2)")),
        insert_sample(db.prepare(
            "INSERT INTO samples(time_us, entity_id, metric_id, value) VALUES (?1, ?2, ?3, ?4)")),
        insert_event(db.prepare(
            "INSERT INTO events(time_us, kind, entity, reason) VALUES (?1, ?2, ?3, ?4)")),
        insert_histogram(
            db.prepare("INSERT INTO histograms(time_us, entity, metric, low_us, high_us, count) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
        // Upserts keep a key's rowid, so replacing a value does not reorder the table.
        set_meta(db.prepare("INSERT INTO run_meta(key, value) VALUES (?1, ?2) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value")),
        set_wall_clock(db.prepare("INSERT INTO wall_clock(key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value")),
        set_summary(db.prepare("INSERT INTO summary(key, value) VALUES (?1, ?2) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {}

  SqliteStatement insert_entity;
  SqliteStatement insert_metric;
  SqliteStatement insert_sample;
  SqliteStatement insert_event;
  SqliteStatement insert_histogram;
  SqliteStatement set_meta;
  SqliteStatement set_wall_clock;
  SqliteStatement set_summary;
};

}  // namespace

class SqliteRecorder::Impl {
 public:
  Impl(const std::filesystem::path& directory, Options options);

  void sample(std::int64_t t_us, std::string_view entity, std::initializer_list<sim::Metric> ms);
  void event(std::int64_t t_us, std::string_view kind, std::string_view entity,
             std::string_view reason);
  void histogram(std::int64_t t_us, std::string_view entity, std::string_view metric,
                 const sim::LatencyHistogram& h);
  void set_key_value(SqliteStatement SqliteRecorderStatements::*table, std::string_view key,
                     std::string_view value, const char* what);
  void set_summary(std::string_view key, const SummaryScalar& value);
  void close();

  [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
  // Checks the Recorder contract: times are non-negative and never go back.
  [[nodiscard]] std::int64_t checked_time(sim::Instant t);

 private:
  void configure(const Options& options);
  void begin_rows();
  void end_rows(std::int64_t rows);
  void commit();
  std::int64_t intern(InternTable& table, SqliteStatement& insert, std::string_view name,
                      const char* what);
  void finish();

  std::filesystem::path file_;
  std::int64_t rows_per_transaction_;
  std::unique_ptr<SqliteDatabase> db_;
  std::unique_ptr<SqliteRecorderStatements> statements_;
  InternTable entity_ids_;
  InternTable metric_ids_;
  std::int64_t rows_in_transaction_ = 0;
  std::int64_t last_time_us_ = 0;
  std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
};

SqliteRecorder::Impl::Impl(const std::filesystem::path& directory, Options options)
    : file_(directory / run_database_file_name),
      rows_per_transaction_(options.rows_per_transaction),
      db_(std::make_unique<SqliteDatabase>(file_, SqliteDatabase::Mode::create_new)) {
  B24_ASSERT(options.rows_per_transaction >= 1 && options.max_size_bytes >= 0);
  configure(options);
  db_->execute(run_database_schema(), "creating the schema");
  statements_ = std::make_unique<SqliteRecorderStatements>(*db_);
  set_key_value(&SqliteRecorderStatements::set_wall_clock, "started_utc", utc_now_iso8601(),
                "recording the start time");
  // From here on the file is a valid run database, and batches count only recorded rows.
  commit();
}

void SqliteRecorder::Impl::configure(const Options& options) {
  // Speed over durability: an interrupted run is discarded whole (see the header).
  db_->execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;", "configuring");
  if (options.max_size_bytes > 0) {
    // The page size is fixed here so that bytes convert to pages; at least the header page.
    const std::int64_t pages = std::max<std::int64_t>(1, options.max_size_bytes / 4096);
    db_->execute("PRAGMA page_size = 4096; PRAGMA max_page_count = " + std::to_string(pages),
                 "limiting the size");
  }
}

std::int64_t SqliteRecorder::Impl::checked_time(sim::Instant t) {
  const std::int64_t us = t.time_since_epoch().count();
  B24_ASSERT_MSG(us >= 0, "recorded times are not before the start of the run");
  B24_ASSERT_MSG(us >= last_time_us_, "Recorder calls come in non-decreasing time order");
  last_time_us_ = us;
  return us;
}

void SqliteRecorder::Impl::begin_rows() {
  B24_ASSERT_MSG(statements_ != nullptr, "nothing may be recorded after close()");
  if (db_->in_transaction()) return;
  db_->execute("BEGIN", "starting a transaction");
  rows_in_transaction_ = 0;
}

void SqliteRecorder::Impl::end_rows(std::int64_t rows) {
  rows_in_transaction_ += rows;
  if (rows_in_transaction_ >= rows_per_transaction_) commit();
}

void SqliteRecorder::Impl::commit() {
  if (db_->in_transaction()) db_->execute("COMMIT", "committing a transaction");
}

std::int64_t SqliteRecorder::Impl::intern(InternTable& table, SqliteStatement& insert,
                                          std::string_view name, const char* what) {
  if (const auto it = table.find(name); it != table.end()) return it->second;
  const auto id = static_cast<std::int64_t>(table.size()) + 1;
  insert.bind_int64(1, id);
  insert.bind_text(2, name);
  insert.execute(what);
  table.emplace(std::string(name), id);
  return id;
}

void SqliteRecorder::Impl::sample(std::int64_t t_us, std::string_view entity,
                                  std::initializer_list<sim::Metric> ms) {
  begin_rows();
  SqliteRecorderStatements& st = *statements_;
  const std::int64_t entity_id = intern(entity_ids_, st.insert_entity, entity, "adding an entity");
  for (const sim::Metric& m : ms) {
    const std::int64_t metric_id = intern(metric_ids_, st.insert_metric, m.name, "adding a metric");
    st.insert_sample.bind_int64(1, t_us);
    st.insert_sample.bind_int64(2, entity_id);
    st.insert_sample.bind_int64(3, metric_id);
    st.insert_sample.bind_double(4, m.value);  // SQLite stores NaN as NULL
    st.insert_sample.execute("inserting a sample");
  }
  end_rows(static_cast<std::int64_t>(ms.size()));
}

void SqliteRecorder::Impl::event(std::int64_t t_us, std::string_view kind, std::string_view entity,
                                 std::string_view reason) {
  begin_rows();
  SqliteStatement& insert = statements_->insert_event;
  insert.bind_int64(1, t_us);
  insert.bind_text(2, kind);
  insert.bind_text(3, entity);
  insert.bind_text(4, reason);
  insert.execute("inserting an event");
  end_rows(1);
}

void SqliteRecorder::Impl::histogram(std::int64_t t_us, std::string_view entity,
                                     std::string_view metric, const sim::LatencyHistogram& h) {
  begin_rows();
  SqliteStatement& insert = statements_->insert_histogram;
  std::int64_t rows = 0;
  h.for_each_bucket([&](std::int64_t low, std::int64_t high, std::uint64_t count) {
    B24_ASSERT(count <= static_cast<std::uint64_t>(INT64_MAX));
    insert.bind_int64(1, t_us);
    insert.bind_text(2, entity);
    insert.bind_text(3, metric);
    insert.bind_int64(4, low);
    insert.bind_int64(5, high);
    insert.bind_int64(6, static_cast<std::int64_t>(count));
    insert.execute("inserting a histogram bucket");
    ++rows;
  });
  end_rows(rows);
}

void SqliteRecorder::Impl::set_key_value(SqliteStatement SqliteRecorderStatements::*table,
                                         std::string_view key, std::string_view value,
                                         const char* what) {
  begin_rows();
  SqliteStatement& upsert = (*statements_).*table;
  upsert.bind_text(1, key);
  upsert.bind_text(2, value);
  upsert.execute(what);
  end_rows(1);
}

void SqliteRecorder::Impl::set_summary(std::string_view key, const SummaryScalar& value) {
  begin_rows();
  SqliteStatement& upsert = statements_->set_summary;
  upsert.bind_text(1, key);
  std::visit(
      [&upsert](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          upsert.bind_int64(2, v ? 1 : 0);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          upsert.bind_int64(2, v);
        } else if constexpr (std::is_same_v<T, double>) {
          upsert.bind_double(2, v);
        } else {
          upsert.bind_text(2, v);
        }
      },
      value.value());
  upsert.execute("setting a summary value");
  end_rows(1);
}

void SqliteRecorder::Impl::finish() {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - opened_;
  set_key_value(&SqliteRecorderStatements::set_wall_clock, "elapsed_s",
                format_seconds(elapsed.count()), "recording the elapsed time");
  commit();
  db_->execute(run_database_indexes(), "creating indexes");
}

void SqliteRecorder::Impl::close() {
  if (db_ == nullptr) return;
  try {
    finish();
  } catch (...) {
    // Release the statements and the handle anyway (the handle closes quietly), then report.
    statements_.reset();
    db_.reset();
    throw;
  }
  statements_.reset();
  const std::unique_ptr<SqliteDatabase> db = std::move(db_);
  db->close();
}

SqliteRecorder::SqliteRecorder(const std::filesystem::path& directory)
    : SqliteRecorder(directory, Options{}) {}

SqliteRecorder::SqliteRecorder(const std::filesystem::path& directory, Options options)
    : impl_(std::make_unique<Impl>(directory, options)) {}

SqliteRecorder::~SqliteRecorder() {
  try {
    impl_->close();
  } catch (const std::exception&) {
    // A destructor must not throw; a caller who cares calls close() and sees the error.
  }
}

void SqliteRecorder::sample(sim::Instant t, std::string_view entity,
                            std::initializer_list<sim::Metric> metrics) {
  impl_->sample(impl_->checked_time(t), entity, metrics);
}

void SqliteRecorder::event(sim::Instant t, std::string_view kind, std::string_view entity,
                           std::string_view reason) {
  impl_->event(impl_->checked_time(t), kind, entity, reason);
}

void SqliteRecorder::histogram(sim::Instant t, std::string_view entity, std::string_view metric,
                               const sim::LatencyHistogram& histogram) {
  impl_->histogram(impl_->checked_time(t), entity, metric, histogram);
}

void SqliteRecorder::set_meta(std::string_view key, std::string_view value) {
  impl_->set_key_value(&SqliteRecorderStatements::set_meta, key, value, "setting run metadata");
}

void SqliteRecorder::set_wall_clock(std::string_view key, std::string_view value) {
  impl_->set_key_value(&SqliteRecorderStatements::set_wall_clock, key, value,
                       "setting a wall-clock value");
}

void SqliteRecorder::set_summary(std::string_view key, const SummaryScalar& value) {
  impl_->set_summary(key, value);
}

namespace {

void flatten_summary(SqliteRecorder& recorder, const std::string& prefix, const Summary& summary) {
  for (const Summary::Entry& entry : summary.entries()) {
    const std::string key = prefix.empty() ? entry.key : prefix + "." + entry.key;
    if (const auto* scalar = std::get_if<SummaryScalar>(&entry.value)) {
      recorder.set_summary(key, *scalar);
    } else {
      flatten_summary(recorder, key, std::get<Summary>(entry.value));
    }
  }
}

}  // namespace

void SqliteRecorder::set_summary(const Summary& summary) {
  flatten_summary(*this, "", summary);
}

void SqliteRecorder::close() {
  impl_->close();
}

const std::filesystem::path& SqliteRecorder::file() const noexcept {
  return impl_->file();
}

}  // namespace b24::reports
