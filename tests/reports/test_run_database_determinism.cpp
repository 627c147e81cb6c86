#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "reports/run_directory.hpp"
#include "reports/sqlite_recorder.hpp"
#include "reports/summary_json.hpp"
#include "sim/latency_histogram.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using sim::start_instant;
using testing::dump_run_database;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read_file;
using testing::ScratchDirectory;

// A small run through everything the recorder offers; `perturb` changes one sample value by
// one ulp, to show that the dump would notice.
// Written the way a run is: into a RunDirectory, with summary.json beside run.sqlite.
void record_run(const fs::path& out, bool perturb = false) {
  RunDirectory run(out);
  SqliteRecorder recorder(run.path(), SqliteRecorder::Options{.rows_per_transaction = 7});
  recorder.set_meta("scenario", "name: single-dc-day\nseed: 42\n");
  recorder.set_meta("seed", "42");
  sim::LatencyHistogram latency;
  for (int step = 0; step < 50; ++step) {
    const sim::Instant t = start_instant + step * 10s;
    const double cpu = 30.0 + 20.0 * std::sin(step * 0.1);
    recorder.sample(t, "dc/fra",
                    {{"cpu_pct", perturb && step == 17 ? std::nextafter(cpu, 100.0) : cpu},
                     {"arrivals", step * 13.0}});
    recorder.sample(t, "link/fra-ams", {{"lag_s", step / 3.0}});
    latency.record_value(1000 + step * step * 37);
    if (step % 10 == 9) {
      recorder.event(t, "asg.scale_out", "dc/fra/asg", "CPUUtilization 71% > 60% for 3 periods");
      recorder.histogram(t, "dc/fra/elb", "latency", latency);
      latency.clear();
    }
  }
  recorder.set_meta("trace_hash", "0x1234abcd");
  const Summary summary = Summary().add("requests", 325).add("p99_ms", 4.2).add("policy", "tt");
  recorder.set_summary(summary);
  recorder.close();
  write_summary_json(run.path() / "summary.json", summary);
  run.commit();
}

TEST(RunDatabaseDeterminism, TheSameCallsGiveTheSameDump) {
  ScratchDirectory scratch;
  record_run(scratch.path() / "a");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a different started_utc
  record_run(scratch.path() / "b");
  const std::string a = dump_run_database(scratch.path() / "a" / "run.sqlite");
  const std::string b = dump_run_database(scratch.path() / "b" / "run.sqlite");
  EXPECT_EQ(a, b);
  EXPECT_EQ(read_file(scratch.path() / "a" / "summary.json"),
            read_file(scratch.path() / "b" / "summary.json"));
  // The dump covers every table but wall_clock, schema included.
  for (const char* table : {"== entities", "== events", "== histograms", "== metrics",
                            "== run_meta", "== samples", "== summary", "CREATE VIEW samples_v"}) {
    EXPECT_THAT(a, HasSubstr(table));
  }
  EXPECT_THAT(a, Not(HasSubstr("== wall_clock")));
  EXPECT_THAT(a, Not(HasSubstr("started_utc")));
}

TEST(RunDatabaseDeterminism, TheDumpNoticesAOneUlpDifference) {
  ScratchDirectory scratch;
  record_run(scratch.path() / "a");
  record_run(scratch.path() / "b", /*perturb=*/true);
  EXPECT_NE(dump_run_database(scratch.path() / "a" / "run.sqlite"),
            dump_run_database(scratch.path() / "b" / "run.sqlite"));
}

}  // namespace
}  // namespace b24::reports
