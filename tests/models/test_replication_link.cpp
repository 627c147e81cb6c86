#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "memory_recorder.hpp"
#include "models/replication_link.hpp"
#include "sim/simulator.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;
using testing::MemoryRecorder;

using testing::at;
double hours(double h) {
  return h * 3600.0;
}

// w = 100 tx/s, a = 150 tx/s, c = 125e6 B/s / 2000 B = 62 500 tx/s: the applier is the
// bottleneck, the network is fast enough.
ReplicationLinkParams base_params() {
  ReplicationLinkParams p;
  p.write_rate_tps = 100;
  p.applier_tps = 150;
  p.applier_speedup = 1;
  p.bandwidth_bytes_per_s = 125e6;
  p.mean_transaction_bytes = 2000;
  return p;
}

const MemoryRecorder::Event* find_event(const MemoryRecorder& r, const std::string& kind) {
  for (const auto& e : r.events) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

int count_events(const MemoryRecorder& r, const std::string& kind) {
  int n = 0;
  for (const auto& e : r.events) n += e.kind == kind ? 1 : 0;
  return n;
}

// Cuts the link at `down` and heals it at `up` through scheduled events, as a partition would.
void schedule_outage(sim::Simulator& sim, ReplicationLink& link, sim::Instant down,
                     sim::Instant up) {
  sim.schedule_at(down, [&link] { link.set_connected(false, "partition fra-ams"); });
  sim.schedule_at(up, [&link] { link.set_connected(true, "partition healed"); });
}

// Samples the link every `step`, as the platform's sampler will.
struct Sampler {
  sim::Simulator* sim;
  ReplicationLink* link;
  sim::Duration step;
  void tick() {
    link->sample();
    sim->schedule_in(step, [this] { tick(); });
  }
};

// The hand calculation: partition for 3 h with constant w and a > w.
TEST(ReplicationLink, Partition3hBacklogLagAndCatchUpMatchHandCalculation) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  const ReplicationLinkParams p = base_params();
  ReplicationLink link(sim, p, rec, "link/fra-ams");
  const sim::Instant cut = at(2h);
  const sim::Instant heal = at(5h);
  schedule_outage(sim, link, cut, heal);

  sim.run_until(at(1h));
  EXPECT_EQ(link.backlog(), 0.0);
  EXPECT_EQ(link.lag_s(), 0.0);

  sim.run_until(heal);  // the heal event at 5 h has run
  ASSERT_EQ(link.state(), ReplicationState::replicating);
  const double expected_backlog = p.write_rate_tps * hours(3);  // 1 080 000 tx
  const double backlog = link.backlog();
  // Issue: within 1%. The fluid model integrates the constant rate exactly; only floating-point
  // rounding remains, so assert 1e-9 relative.
  EXPECT_NEAR(backlog, expected_backlog, expected_backlog * 0.01);
  EXPECT_NEAR(backlog, expected_backlog, expected_backlog * 1e-9);
  // Oldest unapplied transaction was written at the cut: lag = 3 h.
  EXPECT_NEAR(link.lag_s(), hours(3), 1e-6);

  // Half-way through catch-up: lag = 3 h - tau (a/w - 1) = 3 h - 1.5 h at tau = 3 h.
  sim.run_until(heal + 3h);
  EXPECT_NEAR(link.lag_s(), hours(1.5), 1e-6);
  EXPECT_NEAR(link.backlog(), expected_backlog - 50.0 * hours(3), 1e-3);

  sim.run_until(at(24h));
  const double expected_catch_up = catch_up_seconds(backlog, p.write_rate_tps, p);
  EXPECT_NEAR(expected_catch_up, hours(6), 1e-6);  // 1 080 000 / (150 - 100)
  const auto* caught = find_event(rec, "caught_up");
  ASSERT_NE(caught, nullptr);
  const double measured = sim::to_seconds(caught->time - heal);
  // Issue: within 2%. The drain instants are computed from the rates and rounded to 1 us (two
  // regime changes: relay-log fill ends, then the relay log drains), so 10 us is ample.
  EXPECT_NEAR(measured, expected_catch_up, expected_catch_up * 0.02);
  EXPECT_NEAR(measured, expected_catch_up, 10e-6);
  EXPECT_NEAR(sim::to_seconds(link.last_catch_up()), expected_catch_up, 10e-6);
  EXPECT_EQ(link.backlog(), 0.0);
  EXPECT_EQ(link.lag_s(), 0.0);
  EXPECT_EQ(count_events(rec, "disconnect"), 1);
  EXPECT_EQ(count_events(rec, "reconnect"), 1);
  EXPECT_EQ(count_events(rec, "caught_up"), 1);
  EXPECT_EQ(count_events(rec, "resync_start"), 0);
  // Event-driven: cut, heal, unshipped binlog drained, relay log drained.
  EXPECT_LE(sim.events_handled(), 6u);
}

// Network slower than the write rate: lag grows although the link is up, and the relay log
// stays empty (MySQL's Seconds_Behind_Source would show 0 here).
TEST(ReplicationLink, SlowNetworkLagGrowsWhileConnected) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLinkParams p = base_params();
  p.bandwidth_bytes_per_s = 100e3;  // c = 50 tx/s < w = 100 tx/s
  ReplicationLink link(sim, p, rec, "link/fra-ams");

  sim.run_until(at(1h));
  // Shipped = applied = 50 x 3600; the oldest unapplied was written at 1800 s.
  EXPECT_NEAR(link.written(), 360000.0, 1e-6);
  EXPECT_NEAR(link.applied(), 180000.0, 1e-6);
  EXPECT_EQ(link.shipped(), link.applied());
  EXPECT_NEAR(link.lag_s(), 1800.0, 1e-6);
  sim.run_until(at(2h));
  EXPECT_NEAR(link.lag_s(), 3600.0, 1e-6);
  EXPECT_EQ(link.state(), ReplicationState::replicating);
  EXPECT_EQ(find_event(rec, "caught_up"), nullptr);
  EXPECT_TRUE(std::isinf(catch_up_seconds(1.0, p.write_rate_tps, p)));
}

// a > w and no partition: lag stays exactly 0 under a changing (diurnal) write rate.
TEST(ReplicationLink, NoPartitionKeepsLagZero) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLink link(sim, base_params(), rec, "link/fra-ams");
  for (int h = 1; h < 24; ++h) {
    const double w = 20.0 + 120.0 * std::sin(3.14159265 * h / 24.0);  // <= 140 < a = 150
    sim.schedule_at(at(std::chrono::hours(h)), [&link, w] { link.set_write_rate(w); });
  }
  Sampler sampler{&sim, &link, 5min};
  sim.schedule_at(at(0s), [&sampler] { sampler.tick(); });
  sim.run_until(at(24h));

  int lag_samples = 0;
  for (const auto& s : rec.samples) {
    if (s.metric == "lag_s" || s.metric == "backlog_tx") {
      EXPECT_EQ(s.value, 0.0) << s.metric;
    }
    lag_samples += s.metric == "lag_s" ? 1 : 0;
  }
  EXPECT_EQ(lag_samples, 24 * 12 + 1);
  EXPECT_GT(link.written(), 1e6);
  EXPECT_EQ(link.applied(), link.written());
  EXPECT_NEAR(link.staleness_s(), 0.020, 1e-12);  // latency only
  EXPECT_TRUE(rec.events.empty());
}

// The write rate exceeds the applier for an hour while connected: backlog builds and drains.
TEST(ReplicationLink, OverloadWhileConnectedBuildsAndDrainsBacklog) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLink link(sim, base_params(), rec, "link/fra-ams");
  sim.schedule_at(at(10h), [&link] { link.set_write_rate(200); });
  sim.schedule_at(at(11h), [&link] { link.set_write_rate(100); });
  sim.run_until(at(11h));
  EXPECT_NEAR(link.backlog(), 50.0 * 3600, 1e-6);  // (200 - 150) x 1 h, in the relay log
  EXPECT_EQ(link.shipped(), link.written());
  // Oldest unapplied: applied = 150 x 3600 tx past 10:00 at w = 200 -> written at 10:45.
  EXPECT_NEAR(link.lag_s(), 900.0, 1e-6);
  sim.run_until(at(24h));
  const auto* caught = find_event(rec, "caught_up");
  ASSERT_NE(caught, nullptr);
  EXPECT_NEAR(sim::to_seconds(caught->time - at(11h)), 3600.0, 1e-5);  // 180 000 / 50
}

// Network-bound catch-up (c < a): the drain rate is c - w, not a - w.
TEST(ReplicationLink, CatchUpIsBoundByTheSlowerOfNetworkAndApplier) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLinkParams p = base_params();
  p.bandwidth_bytes_per_s = 120.0 * 2000;  // c = 120 tx/s < a = 150 tx/s
  ReplicationLink link(sim, p, rec, "link/fra-ams");
  schedule_outage(sim, link, at(1h), at(2h));
  sim.run_until(at(2h));
  const double backlog = link.backlog();
  EXPECT_NEAR(backlog, 360000.0, 1e-6);
  const double expected = catch_up_seconds(backlog, 100, p);
  EXPECT_NEAR(expected, 360000.0 / 20.0, 1e-9);
  sim.run_until(at(24h));
  const auto* caught = find_event(rec, "caught_up");
  ASSERT_NE(caught, nullptr);
  EXPECT_NEAR(sim::to_seconds(caught->time - at(2h)), expected, 1e-5);
}

struct ResyncRun {
  std::vector<std::string> kinds;
  sim::Instant purged, resync_start, resync_end;
  std::uint64_t resyncs = 0;
};

ResyncRun run_outage(const ReplicationLinkParams& p, sim::Duration outage) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLink link(sim, p, rec, "link/fra-ams");
  const sim::Instant heal = at(1h) + outage;
  schedule_outage(sim, link, at(1h), heal);
  sim.run_until(heal + 1s);
  const double applied_after_heal = link.applied();
  if (link.state() == ReplicationState::resyncing) {
    sim.run_until(heal + 1000s);
    EXPECT_EQ(link.applied(), applied_after_heal);  // applies nothing while resyncing
    EXPECT_TRUE(link.needs_resync());
  }
  sim.run_until(heal + 72h);  // 23 h of backlog at w = 100, a = 150 drains in 46 h
  ResyncRun r;
  for (const auto& e : rec.events) {
    r.kinds.push_back(e.kind);
    if (e.kind == "binlog_purged") r.purged = e.time;
    if (e.kind == "resync_start") r.resync_start = e.time;
    if (e.kind == "resync_end") r.resync_end = e.time;
  }
  r.resyncs = link.resyncs_completed();
  EXPECT_EQ(link.backlog(), 0.0);
  EXPECT_EQ(link.state(), ReplicationState::replicating);
  EXPECT_FALSE(link.needs_resync());
  return r;
}

TEST(ReplicationLink, DisconnectLongerThanRetentionTriggersResync) {
  ReplicationLinkParams p = base_params();
  p.binlog_retention = 24h;
  p.data_size_bytes = 1e12;  // / 125e6 B/s = 8000 s
  EXPECT_DOUBLE_EQ(p.resync_seconds(), 8000.0);

  const ResyncRun shorter = run_outage(p, 23h);
  EXPECT_EQ(shorter.resyncs, 0u);
  EXPECT_EQ(shorter.kinds, (std::vector<std::string>{"disconnect", "reconnect", "caught_up"}));

  const ResyncRun longer = run_outage(p, 25h);
  EXPECT_EQ(longer.resyncs, 1u);
  EXPECT_EQ(longer.kinds, (std::vector<std::string>{"disconnect", "binlog_purged", "reconnect",
                                                    "resync_start", "resync_end"}));
  EXPECT_EQ(longer.purged, at(1h) + 24h);
  EXPECT_EQ(longer.resync_start, at(26h));
  EXPECT_EQ(longer.resync_end, at(26h) + 8000s);
}

TEST(ReplicationLink, DefaultRetentionIsThirtyDays) {
  ReplicationLinkParams p = base_params();
  EXPECT_EQ(p.binlog_retention, std::chrono::seconds(2592000));
  p.write_rate_tps = 1;  // keeps the 29-day catch-up within the run
  EXPECT_EQ(run_outage(p, std::chrono::hours(24 * 29)).resyncs, 0u);
  EXPECT_EQ(run_outage(p, std::chrono::hours(24 * 31)).resyncs, 1u);
}

TEST(ReplicationLink, DisconnectDuringResyncAbortsAndRestartsIt) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLinkParams p = base_params();
  p.binlog_retention = 1h;
  p.data_size_bytes = 125e6 * 100;  // 100 s
  ReplicationLink link(sim, p, rec, "link/fra-ams");
  schedule_outage(sim, link, at(1h), at(3h));
  schedule_outage(sim, link, at(3h) + 50s, at(4h));
  sim.run_until(at(5h));
  EXPECT_EQ(count_events(rec, "resync_aborted"), 1);
  EXPECT_EQ(count_events(rec, "resync_start"), 2);
  EXPECT_EQ(link.resyncs_completed(), 1u);
  const auto* end = find_event(rec, "resync_end");
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(end->time, at(4h) + 100s);
}

std::uint64_t scripted_hash(double applier_tps) {
  sim::Simulator sim(7);
  MemoryRecorder rec;
  ReplicationLinkParams p = base_params();
  p.applier_tps = applier_tps;
  p.binlog_retention = 2h;
  p.data_size_bytes = 1e11;
  ReplicationLink link(sim, p, rec, "link/fra-ams");
  schedule_outage(sim, link, at(1h), at(4h));
  schedule_outage(sim, link, at(6h), at(7h));
  sim.schedule_at(at(8h), [&link] { link.set_write_rate(120); });
  sim.schedule_at(at(9h), [&link] { link.set_connected(false, "replica DC down"); });
  sim.schedule_at(at(10h), [&link] { link.set_connected(true, "replica DC back"); });
  Sampler sampler{&sim, &link, 1min};
  sim.schedule_at(at(0s), [&sampler] { sampler.tick(); });
  sim.run_until(at(24h));
  return sim.trace().hash();
}

TEST(ReplicationLink, SameCallsGiveTheSameTraceHash) {
  EXPECT_EQ(scripted_hash(150), scripted_hash(150));
  // Only the catch-up figures differ: the hash covers the link's numbers, not just its calls.
  EXPECT_NE(scripted_hash(150), scripted_hash(151));
}

TEST(ReplicationLink, InvalidParamsThrow) {
  ReplicationLinkParams p = base_params();
  p.applier_tps = 0;
  EXPECT_THROW(validate(p), std::invalid_argument);
  p = base_params();
  p.bandwidth_bytes_per_s = -1;
  EXPECT_THROW(validate(p), std::invalid_argument);
  p = base_params();
  p.write_rate_tps = std::nan("");
  sim::Simulator sim;
  MemoryRecorder rec;
  EXPECT_THROW(ReplicationLink(sim, p, rec, "link/x"), std::invalid_argument);
  EXPECT_NO_THROW(validate(base_params()));
}

}  // namespace
}  // namespace b24::models
