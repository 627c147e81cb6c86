#pragma once
// The run database: a sim::Recorder that writes everything a run publishes to
// <directory>/run.sqlite, plus the run's metadata and summary. The schema is documented, with
// queries, in reports/README.md.
//
// Determinism: every table except `wall_clock` depends only on the calls made, in their order
// (interned ids are assigned in first-use order; no unordered container is iterated), so two
// runs with the same scenario and seed dump identically. Wall-clock readings (when the run
// started, how long it took) go to `wall_clock` and nowhere else.
//
// Speed: rows are inserted through prepared statements, in transactions of
// Options::rows_per_transaction rows, with the rollback journal in memory and no fsync
// (journal_mode=MEMORY, synchronous=OFF). That trades crash safety for speed, which costs
// nothing here: a run that dies mid-way leaves only a partial temporary directory (see
// RunDirectory), never a database under the final name.
//
// Single-threaded, like the simulator that calls it. Errors the user can cause (the directory
// does not exist, the disk is full) throw ReportError naming the file.

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string_view>

#include "reports/summary.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/time.hpp"

namespace b24::reports {

class SqliteRecorder final : public sim::Recorder {
 public:
  struct Options {
    // Rows per transaction: large enough that commits cost little, small enough that a reader
    // (the viewer following a run) sees progress.
    std::int64_t rows_per_transaction = 10'000;
    // 0 for no limit. A cap on the file's size; when reached, writes fail as on a full disk.
    std::int64_t max_size_bytes = 0;
  };

  // Creates <directory>/run.sqlite with the schema; the directory must exist and the file must
  // not. Records the wall-clock start (UTC) in `wall_clock`.
  explicit SqliteRecorder(const std::filesystem::path& directory);
  SqliteRecorder(const std::filesystem::path& directory, Options options);
  // Calls close(), swallowing its errors: call close() to see them.
  ~SqliteRecorder() override;

  SqliteRecorder(const SqliteRecorder&) = delete;
  SqliteRecorder& operator=(const SqliteRecorder&) = delete;
  SqliteRecorder(SqliteRecorder&&) = delete;
  SqliteRecorder& operator=(SqliteRecorder&&) = delete;

  // sim::Recorder. Times are non-negative and non-decreasing across all three (asserted).
  void sample(sim::Instant t, std::string_view entity,
              std::initializer_list<sim::Metric> metrics) override;
  void event(sim::Instant t, std::string_view kind, std::string_view entity,
             std::string_view reason) override;
  // One row per non-empty bucket; an empty histogram adds no rows.
  void histogram(sim::Instant t, std::string_view entity, std::string_view metric,
                 const sim::LatencyHistogram& histogram) override;

  // run_meta: scenario text, seed, version, trace hash, simulated start/end... Setting a key
  // again replaces its value (and keeps its place in the table).
  void set_meta(std::string_view key, std::string_view value);
  // wall_clock: anything that differs between two runs of the same seed (e.g. a host name).
  void set_wall_clock(std::string_view key, std::string_view value);
  // summary: numbers stay numbers (INTEGER or REAL), strings TEXT, booleans 0/1.
  void set_summary(std::string_view key, const SummaryScalar& value);
  // Every leaf of `summary`, nested keys joined with '.' ("latency_ms.p99"), in order.
  void set_summary(const Summary& summary);

  // Records the elapsed wall time, commits, adds indexes and closes the file. Idempotent;
  // nothing may be recorded afterwards.
  void close();

  [[nodiscard]] const std::filesystem::path& file() const noexcept;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace b24::reports
