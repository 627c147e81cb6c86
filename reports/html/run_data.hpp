#pragma once
// Read-only access to a run directory's run.sqlite for the report: metadata, the flattened
// summary, entities, events, and one series at a time (a day of a 17-DC platform is millions
// of samples; the report reads only the series it draws). sqlite3.h stays in the .cpp.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace b24::reports::html {

// A summary value as the `summary` table stores it: INTEGER (booleans are 0/1), REAL, TEXT, or
// NULL (a NaN).
using SummaryValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct RunEvent {
  std::int64_t time_us = 0;
  std::string kind;
  std::string entity;
  std::string reason;
};

struct Sample {
  std::int64_t time_us = 0;
  double value = 0.0;  // NaN where the database has NULL
};

class RunData {
 public:
  // Opens <run_dir>/run.sqlite read-only and reads metadata, summary, entities and events.
  // Throws ReportError naming the path when the directory or database is missing, is not a
  // SQLite database, or has a schema version this reader does not know.
  explicit RunData(const std::filesystem::path& run_dir);
  ~RunData();
  RunData(const RunData&) = delete;
  RunData& operator=(const RunData&) = delete;
  RunData(RunData&&) = delete;
  RunData& operator=(RunData&&) = delete;

  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }

  // run_meta; the empty string when the key is absent.
  [[nodiscard]] std::string meta(std::string_view key) const;
  [[nodiscard]] bool has_meta(std::string_view key) const;
  // A run_meta value that is a whole decimal number; nullopt when absent or not a number.
  [[nodiscard]] std::optional<std::int64_t> meta_integer(std::string_view key) const;

  // The summary table in insertion order ("latency.p99_ms" = 152.6).
  [[nodiscard]] const std::vector<std::pair<std::string, SummaryValue>>& summary() const noexcept {
    return summary_;
  }
  [[nodiscard]] const SummaryValue* summary_value(std::string_view key) const;
  // An INTEGER or REAL summary value; nullopt when absent, NULL or text.
  [[nodiscard]] std::optional<double> summary_number(std::string_view key) const;
  [[nodiscard]] std::optional<std::string> summary_text(std::string_view key) const;

  // Entity names in order of first use (the `entities` table's ids).
  [[nodiscard]] const std::vector<std::string>& entities() const noexcept { return entities_; }
  [[nodiscard]] bool has_entity(std::string_view name) const;
  // The metric names recorded for `entity`, in the metrics table's order.
  [[nodiscard]] std::vector<std::string> metrics_of(std::string_view entity) const;
  // One series in time order; empty when the entity or metric is unknown.
  [[nodiscard]] std::vector<Sample> series(std::string_view entity, std::string_view metric) const;

  // Every event in time (row) order.
  [[nodiscard]] const std::vector<RunEvent>& events() const noexcept { return events_; }

  // The run's simulated length in microseconds: run_meta duration_us, else the last sample.
  [[nodiscard]] std::int64_t duration_us() const noexcept { return duration_us_; }

 private:
  struct Database;
  void read_meta();
  void read_summary();
  void read_entities();
  void read_events();
  [[nodiscard]] std::optional<std::int64_t> entity_id(std::string_view name) const;
  [[nodiscard]] std::optional<std::int64_t> metric_id(std::string_view name) const;

  std::filesystem::path directory_;
  std::unique_ptr<Database> db_;
  std::vector<std::pair<std::string, std::string>> meta_;
  std::vector<std::pair<std::string, SummaryValue>> summary_;
  std::vector<std::string> entities_;
  std::vector<std::pair<std::int64_t, std::string>> entity_ids_;
  std::vector<std::pair<std::int64_t, std::string>> metric_ids_;
  std::vector<RunEvent> events_;
  std::int64_t duration_us_ = 0;
};

}  // namespace b24::reports::html
