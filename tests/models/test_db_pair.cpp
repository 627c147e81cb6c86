// A DC's master-master pair of DB servers: clients switch at once when the active server
// crashes, never back by themselves; the unshipped writes of a crashed server are at risk and
// lost if it never returns; a recovered server catches up in backlog / (a - w).

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "memory_recorder.hpp"
#include "models/db_pair.hpp"
#include "sim/simulator.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;
using testing::MemoryRecorder;

using testing::at;

constexpr double w = 100.0;  // client writes, tx/s

// The intra-DC defaults (c = 1.25e9 B/s / 2000 B = 625 000 tx/s) with a = 500 tx/s: the applier
// is the bottleneck and a > w, so the standby keeps up.
DbPairParams fast_params() {
  DbPairParams p;
  p.link.write_rate_tps = w;
  p.link.applier_tps = 500;
  p.link.applier_speedup = 1;
  p.link.mean_transaction_bytes = 2000;
  return p;
}

// A link slower than the writes: c = 1e5 B/s / 2000 B = 50 tx/s < w, a = 500 tx/s > c, so the
// unshipped binlog grows at w - c and the relay log stays empty.
constexpr double slow_c = 50.0;
DbPairParams slow_params() {
  DbPairParams p = fast_params();
  p.link.bandwidth_bytes_per_s = slow_c * 2000;
  return p;
}

int count_events(const MemoryRecorder& r, const std::string& kind) {
  int n = 0;
  for (const auto& e : r.events) n += e.kind == kind ? 1 : 0;
  return n;
}

const MemoryRecorder::Event* find_event(const MemoryRecorder& r, const std::string& kind) {
  for (const auto& e : r.events) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

double last_sample(const MemoryRecorder& r, const std::string& entity, const std::string& metric) {
  double value = -1;
  for (const auto& s : r.samples) {
    if (s.entity == entity && s.metric == metric) value = s.value;
  }
  return value;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DbPair, StartsOnServerZeroWithNamedLinks) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, fast_params(), rec, "db/fra");
  EXPECT_EQ(pair.active(), 0);
  EXPECT_TRUE(pair.available());
  EXPECT_EQ(pair.link(0).entity(), "db/fra/s0->s1");
  EXPECT_EQ(pair.link(1).entity(), "db/fra/s1->s0");
  EXPECT_EQ(pair.link(0).write_rate(), w);
  EXPECT_EQ(pair.link(1).write_rate(), 0.0);
  sim.run_until(at(1h));
  EXPECT_NEAR(pair.writes_committed(), w * 3600, 1e-6);
  EXPECT_EQ(pair.writes_failed(), 0.0);
}

TEST(DbPair, CrashOfActiveSwitchesClientsAtOnce) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, fast_params(), rec, "db/fra");
  sim.schedule_at(at(1h), [&pair] {
    pair.crash(0, "disk failure");
    // Within the same event: no detection delay, no window without a server.
    EXPECT_EQ(pair.active(), 1);
    EXPECT_TRUE(pair.available());
  });
  sim.run_until(at(2h));
  EXPECT_EQ(pair.active(), 1);
  EXPECT_EQ(pair.switchovers(), 1u);
  EXPECT_FALSE(pair.server_up(0));
  EXPECT_EQ(pair.link(0).write_rate(), 0.0);
  EXPECT_EQ(pair.link(1).write_rate(), w);
  const auto* switchover = find_event(rec, "db_switchover");
  ASSERT_NE(switchover, nullptr);
  EXPECT_EQ(switchover->time, at(1h));
  EXPECT_EQ(switchover->entity, "db/fra");
  EXPECT_TRUE(contains(switchover->reason, "switch over to server 1")) << switchover->reason;
  const auto* crash = find_event(rec, "db_server_crash");
  ASSERT_NE(crash, nullptr);
  EXPECT_TRUE(contains(crash->reason, "disk failure")) << crash->reason;
  EXPECT_EQ(count_events(rec, "db_unavailable"), 0);
  // Every write of the two hours was committed: the switch lost no time.
  EXPECT_NEAR(pair.writes_committed(), w * 7200, 1e-6);
  EXPECT_EQ(pair.writes_failed(), 0.0);
}

TEST(DbPair, CrashOfStandbyDoesNotSwitch) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, fast_params(), rec, "db/fra");
  sim.schedule_at(at(1h), [&pair] { pair.crash(1, "kernel panic"); });
  sim.run_until(at(2h));
  EXPECT_EQ(pair.active(), 0);
  EXPECT_TRUE(pair.available());
  EXPECT_EQ(pair.switchovers(), 0u);
  EXPECT_EQ(count_events(rec, "db_switchover"), 0);
  EXPECT_EQ(pair.link(0).write_rate(), w);
  // The standby wrote nothing of its own: nothing is at risk.
  EXPECT_EQ(pair.writes_at_risk(), 0.0);
  EXPECT_NEAR(pair.writes_committed(), w * 7200, 1e-6);
}

// Slow link, constant rates from 0: U(T) = (w - c) T, and the applier keeps pace with shipping,
// so the standby's lag is T - (c T) / w and w x lag = (w - c) T as well.
TEST(DbPair, AtRiskIsWriteRateTimesReplicationLagAtTheCrash) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, slow_params(), rec, "db/fra");
  const double crash_s = 600;
  double lag_at_crash = -1;
  sim.schedule_at(at(600s), [&] {
    lag_at_crash = pair.link(0).lag_s();
    pair.crash(0, "power supply");
  });
  sim.run_until(at(700s));
  EXPECT_NEAR(lag_at_crash, crash_s * (1 - slow_c / w), 1e-6);  // 300 s
  const double expected = (w - slow_c) * crash_s;               // 30 000 tx
  // Fluid model: exact up to floating-point rounding.
  EXPECT_NEAR(pair.writes_at_risk(), expected, expected * 1e-9);
  EXPECT_NEAR(pair.writes_at_risk(), w * lag_at_crash, expected * 1e-9);
  EXPECT_NEAR(pair.writes_at_risk_total(), expected, expected * 1e-9);
  EXPECT_EQ(pair.active(), 1);
  const auto* crash = find_event(rec, "db_server_crash");
  ASSERT_NE(crash, nullptr);
  EXPECT_TRUE(contains(crash->reason, "30000 writes not yet shipped")) << crash->reason;
}

// Server 0 (active) is down 2 h; meanwhile server 1 takes w: the link 1 -> 0 holds B = w x 2 h at
// the recovery and drains at a - w (the network is far faster than the applier).
TEST(DbPair, RecoveredServerCatchesUpInBacklogOverApplyMinusWrite) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  const DbPairParams p = fast_params();
  DbPair pair(sim, p, rec, "db/fra");
  sim.schedule_at(at(1h), [&pair] { pair.crash(0, "crash"); });
  double backlog_at_recovery = -1;
  sim.schedule_at(at(3h), [&] {
    backlog_at_recovery = pair.link(1).backlog();
    pair.recover(0, "repaired");
  });
  sim.run_until(at(6h));
  EXPECT_NEAR(backlog_at_recovery, w * 7200, 1e-6);
  const double expected_s = w * 7200 / (p.link.apply_rate_tps() - w);  // 1 800 s
  ASSERT_GE(pair.last_catch_up(0).count(), 0);
  // Drain instants are rounded to 1 us (two regime changes).
  EXPECT_NEAR(sim::to_seconds(pair.last_catch_up(0)), expected_s, 10e-6);
  EXPECT_EQ(pair.link(1).backlog(), 0.0);
  // Master-master: no failback to the recovered server.
  EXPECT_EQ(pair.active(), 1);
  EXPECT_EQ(pair.switchovers(), 1u);
  EXPECT_EQ(count_events(rec, "db_server_recover"), 1);
}

TEST(DbPair, AtRiskWritesAreShippedWhenTheServerRecovers) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, slow_params(), rec, "db/fra");
  sim.schedule_at(at(600s), [&pair] { pair.crash(0, "crash"); });
  sim.schedule_at(at(1h), [&pair] { pair.recover(0); });
  sim.run_until(at(1h));
  EXPECT_EQ(pair.writes_at_risk(), 0.0);
  // The 30 000 unshipped writes leave at c with nothing new behind them: 600 s.
  sim.run_until(at(1h + 601s));
  EXPECT_EQ(pair.link(0).shipped(), pair.link(0).written());
  pair.finish();
  EXPECT_EQ(pair.writes_lost(), 0.0);
  EXPECT_EQ(count_events(rec, "db_writes_lost"), 0);
  EXPECT_NEAR(pair.writes_at_risk_total(), (w - slow_c) * 600, 1e-6);
}

TEST(DbPair, AtRiskWritesAreLostWhenTheServerNeverRecovers) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, slow_params(), rec, "db/fra");
  sim.schedule_at(at(600s), [&pair] { pair.crash(0, "crash"); });
  sim.run_until(at(24h));
  EXPECT_EQ(pair.writes_lost(), 0.0);  // only decided at the end
  pair.finish();
  const double expected = (w - slow_c) * 600;
  EXPECT_NEAR(pair.writes_lost(), expected, expected * 1e-9);
  EXPECT_EQ(count_events(rec, "db_writes_lost"), 1);
}

TEST(DbPair, BothDownMeansWritesFailUntilOneReturns) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, fast_params(), rec, "db/fra");
  sim.schedule_at(at(1h), [&pair] { pair.crash(0, "first"); });
  sim.schedule_at(at(2h), [&pair] { pair.crash(1, "second"); });
  sim.schedule_at(at(3h), [&pair] { pair.recover(0); });
  sim.run_until(at(2h + 30min));
  EXPECT_FALSE(pair.available());
  EXPECT_EQ(pair.link(0).write_rate(), 0.0);
  EXPECT_EQ(pair.link(1).write_rate(), 0.0);
  sim.run_until(at(4h));
  // Server 0 came back first while 1 (the last active) is still down: clients move to it.
  EXPECT_TRUE(pair.available());
  EXPECT_EQ(pair.active(), 0);
  EXPECT_EQ(pair.switchovers(), 2u);
  EXPECT_NEAR(pair.writes_failed(), w * 3600, 1e-6);
  EXPECT_NEAR(pair.writes_committed(), w * 3 * 3600, 1e-6);
  const auto* down = find_event(rec, "db_unavailable");
  ASSERT_NE(down, nullptr);
  EXPECT_EQ(down->time, at(2h));
  EXPECT_TRUE(contains(down->reason, "writes fail")) << down->reason;
  const auto* up = find_event(rec, "db_available");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->time, at(3h));
}

TEST(DbPair, DcDownStopsWritesWithoutSwitchingAndKeepsTheLinks) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, slow_params(), rec, "db/fra");
  sim.schedule_at(at(1h), [&pair] { pair.set_dc_up(false, "power cut"); });
  sim.schedule_at(at(90min), [&pair] { pair.crash(0, "did not reboot"); });
  sim.schedule_at(at(2h), [&pair] { pair.set_dc_up(true, "power back"); });
  sim.run_until(at(80min));
  EXPECT_FALSE(pair.available());
  EXPECT_EQ(pair.link(0).state(), ReplicationState::replicating);
  EXPECT_EQ(pair.link(0).write_rate(), 0.0);
  sim.run_until(at(100min));
  // The active server crashed while the DC was down: no decision until the DC returns.
  EXPECT_EQ(pair.active(), 0);
  EXPECT_EQ(pair.switchovers(), 0u);
  sim.run_until(at(3h));
  EXPECT_EQ(pair.active(), 1);
  EXPECT_EQ(pair.switchovers(), 1u);
  EXPECT_TRUE(pair.available());
  EXPECT_NEAR(pair.writes_failed(), w * 3600, 1e-6);
  EXPECT_NEAR(pair.writes_committed(), w * 2 * 3600, 1e-6);
  EXPECT_EQ(count_events(rec, "db_unavailable"), 1);
  EXPECT_EQ(count_events(rec, "db_available"), 1);
}

TEST(DbPair, SamplePublishesActiveAvailabilityAndStandbyLag) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, slow_params(), rec, "db/fra");
  sim.run_until(at(600s));
  pair.sample();
  EXPECT_EQ(last_sample(rec, "db/fra", "active"), 0.0);
  EXPECT_EQ(last_sample(rec, "db/fra", "available"), 1.0);
  EXPECT_NEAR(last_sample(rec, "db/fra", "standby_lag_s"), 600 * (1 - slow_c / w), 1e-6);
  EXPECT_NEAR(last_sample(rec, "db/fra", "backlog_tx"), (w - slow_c) * 600, 1e-6);
  EXPECT_GE(last_sample(rec, "db/fra/s0->s1", "lag_s"), 0.0);  // the links sample too
}

TEST(DbPair, RepeatedCrashOrRecoveryIsIgnored) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  DbPair pair(sim, fast_params(), rec, "db/fra");
  pair.recover(0);
  pair.crash(1, "x");
  pair.crash(1, "again");
  EXPECT_EQ(count_events(rec, "db_server_crash"), 1);
  EXPECT_EQ(count_events(rec, "db_server_recover"), 0);
}

TEST(DbPair, RejectsAnEmptyEntityAndInvalidLinkParams) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  EXPECT_THROW(DbPair(sim, fast_params(), rec, ""), std::invalid_argument);
  DbPairParams bad = fast_params();
  bad.link.applier_tps = 0;
  EXPECT_THROW(DbPair(sim, bad, rec, "db/fra"), std::invalid_argument);
}

}  // namespace
}  // namespace b24::models
