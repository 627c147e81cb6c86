#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "memory_recorder.hpp"
#include "models/replication_network.hpp"
#include "sim/simulator.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;
using testing::MemoryRecorder;
using Edges = std::vector<std::pair<DcId, DcId>>;

using testing::at;
using testing::seconds;

// Up to six European DCs, every pair linked (geo latencies of a few ms, 10 Gbit/s).
TopologyParams mesh(std::size_t n) {
  const std::vector<std::tuple<const char*, double, double>> cities = {
      {"fra", 50.11, 8.68},  {"par", 48.86, 2.35},  {"ams", 52.37, 4.90},
      {"waw", 52.23, 21.01}, {"mad", 40.42, -3.70}, {"lon", 51.51, -0.13}};
  TopologyParams p;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& [name, lat, lon] = cities[i];
    p.dcs.push_back(DcSpec{.name = name,
                           .city = name,
                           .latitude_deg = lat,
                           .longitude_deg = lon,
                           .utc_offset = 1h,
                           .jurisdiction = "EU"});
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      LinkSpec l;
      l.a = p.dcs[i].name;
      l.b = p.dcs[j].name;
      p.links.push_back(l);
    }
  }
  return p;
}

constexpr DcId A{0}, B{1}, C{2}, D{3}, E{4};

Edges ring(std::uint32_t n) {
  Edges e;
  for (std::uint32_t i = 0; i < n; ++i) e.push_back({DcId{i}, DcId{(i + 1) % n}});
  return e;
}

std::string rejection(const Topology& topo, const Edges& edges) {
  try {
    validate_replication_graph(topo, edges);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ReplicationNetworkValidation, AcceptsPairRingAndRingWithBackupSink) {
  const Topology topo(mesh(5));
  EXPECT_EQ(rejection(topo, {{A, B}, {B, A}}), "");
  EXPECT_EQ(rejection(topo, ring(4)), "");
  Edges with_backup = ring(4);
  with_backup.push_back({A, E});  // ams-like read replica / backup off fra
  EXPECT_EQ(rejection(topo, with_backup), "");
  Edges with_feeder = ring(4);
  with_feeder.push_back({E, A});  // a single-DC jurisdiction shipping a copy into the ring
  EXPECT_EQ(rejection(topo, with_feeder), "");
  EXPECT_EQ(rejection(topo, {}), "");
}

TEST(ReplicationNetworkValidation, RejectsBadEdgesWithNamedMessages) {
  const Topology topo(mesh(4));
  EXPECT_EQ(rejection(topo, {{A, A}}), "replication: edge 0 (fra->fra) is a self loop");
  EXPECT_EQ(rejection(topo, {{A, B}, {B, A}, {A, B}}),
            "replication: edge 2 (fra->par) is a duplicate");
  EXPECT_EQ(rejection(topo, {{A, DcId{9}}}),
            "replication: edge 0 names unknown dc id 9 (the topology has 4 dcs)");
  // A ring missing one edge: fra -> par -> ams -> waw, waw -> ams. fra only feeds (allowed), but
  // par relays into the ams <-> waw pair, which never sends back to par.
  EXPECT_EQ(rejection(topo, {{A, B}, {B, C}, {C, D}, {D, C}}),
            "replication: writes of dc 'ams' never reach 'par'");
  // Two relays in one group that do not reach each other: par <-> ams and waw <-> fra joined by
  // a one-way edge ams -> waw.
  EXPECT_EQ(rejection(topo, {{B, C}, {C, B}, {D, A}, {A, D}, {C, D}}),
            "replication: writes of dc 'fra' never reach 'par'");
  // The constructor runs the same check.
  sim::Simulator sim(1);
  Topology t(mesh(4));
  MemoryRecorder rec;
  ReplicationNetworkParams p;
  p.edges = {{A, B}, {B, C}, {C, D}, {D, C}};
  EXPECT_THROW(ReplicationNetwork(sim, t, p, rec), std::invalid_argument);
}

// Loop prevention: in a ring each edge carries every origin's writes except its replica's.
TEST(ReplicationNetworkFlow, RingEdgeCarriesAllOriginsButItsReplica) {
  sim::Simulator sim(1);
  Topology topo(mesh(3));
  MemoryRecorder rec;
  ReplicationNetworkParams p;
  p.edges = ring(3);
  ReplicationNetwork net(sim, topo, p, rec);
  const std::vector<double> w = {10, 20, 40};
  for (std::uint32_t o = 0; o < 3; ++o) net.set_write_rate(DcId{o}, w[o]);
  sim.run_until(at(1h));
  const double total = w[0] + w[1] + w[2];
  for (const auto& [s, r] : p.edges) {
    const double expected = total - w[r.index];
    // Substitution along the trees adds the same few doubles: 1e-9 relative is ample.
    EXPECT_NEAR(net.link(s, r)->write_rate(), expected, expected * 1e-9);
    EXPECT_EQ(net.link(s, r)->backlog(), 0.0);
  }
  // Caught up, nothing is unshipped: only what is on the wire, the write rate times the latency.
  for (std::uint32_t o = 0; o < 3; ++o) {
    const ReplicationLink& out = *net.link(DcId{o}, DcId{(o + 1) % 3});
    EXPECT_NEAR(net.unreplicated_tx(DcId{o}), w[o] * sim::to_seconds(out.params().one_way_latency),
                1e-12);
  }
  // Caught up: lag along fra -> par -> ams is the two one-way latencies.
  const double latency = sim::to_seconds(net.link(A, B)->params().one_way_latency) +
                         sim::to_seconds(net.link(B, C)->params().one_way_latency);
  EXPECT_GT(latency, 0.001);
  EXPECT_NEAR(*net.lag_s(C, A), latency, 1e-12);
  EXPECT_EQ(*net.lag_s(A, A), 0.0);
}

// Link saturation: an edge whose input exceeds min(c, a) applies at capacity and forwards only
// that downstream.
TEST(ReplicationNetworkFlow, SaturatedLinkForwardsOnlyItsCapacity) {
  sim::Simulator sim(1);
  Topology topo(mesh(3));
  MemoryRecorder rec;
  ReplicationNetworkParams p;
  p.edges = ring(3);
  p.link.applier_tps = 100;
  ReplicationNetwork net(sim, topo, p, rec);
  net.set_write_rate(A, 150);  // fra -> par carries 150 > 100
  net.set_write_rate(C, 20);
  EXPECT_NEAR(net.link(A, B)->write_rate(), 170, 1e-9);
  // par -> ams: what par applies of fra's writes (100 x 150/170; ams's own share, 20/170, is
  // not sent back to ams), not the 150 fra writes.
  EXPECT_NEAR(net.link(B, C)->write_rate(), 100.0 * 150 / 170, 1e-9);
  EXPECT_NEAR(net.link(C, A)->write_rate(), 20 + 0.0, 1e-9);  // fra's writes stop at ams
  sim.run_until(at(1h));
  EXPECT_NEAR(net.link(A, B)->backlog(), 70.0 * 3600, 1e-6);
  EXPECT_NEAR(net.link(B, C)->write_rate(), 100.0 * 150 / 170, 1e-9);
  EXPECT_EQ(net.link(B, C)->backlog(), 0.0);
}

// The link's marker hook: fires exactly when applied passes the position, across regime changes.
TEST(ReplicationLinkWaiters, FireAtTheComputedApplyInstant) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLinkParams p;
  p.write_rate_tps = 100;
  p.applier_tps = 150;
  ReplicationLink link(sim, p, rec, "link/x");
  sim.schedule_at(at(1h), [&link] { link.set_connected(false, "cut"); });
  sim.schedule_at(at(2h), [&link] { link.set_connected(true, "heal"); });
  std::vector<double> fired;
  sim.schedule_at(at(90min), [&] {
    // 540 000 written; 360 000 applied at the cut; the applier drains at 150/s after the heal.
    link.when_applied(link.written(), [&] { fired.push_back(seconds(sim.now())); });
    link.when_applied(0.0, [&] { fired.push_back(seconds(sim.now())); });  // already applied
  });
  sim.run_until(at(5h));
  ASSERT_EQ(fired.size(), 2u);
  EXPECT_EQ(fired[0], 5400.0);
  EXPECT_NEAR(fired[1], 7200.0 + 180000.0 / 150.0, 1e-6);  // firing instant rounded up to 1 us
  EXPECT_EQ(link.waiters(), 0u);
}

// A caught-up link cut off from a source that writes nothing new: a waiter registered during the
// cut (a marker written after it) must wait for the reconnect, not pass at once because applied
// already equals its position.
TEST(ReplicationLinkWaiters, WrittenDuringACutWaitsForTheReconnect) {
  sim::Simulator sim(1);
  MemoryRecorder rec;
  ReplicationLinkParams p;
  p.write_rate_tps = 0;
  ReplicationLink link(sim, p, rec, "link/x");
  sim.schedule_at(at(1h), [&link] { link.set_connected(false, "cut"); });
  sim.schedule_at(at(2h), [&link] { link.set_connected(true, "heal"); });
  std::vector<double> fired;
  sim.schedule_at(at(90min), [&] {
    link.when_applied(link.written(), [&] { fired.push_back(seconds(sim.now())); });
  });
  sim.run_until(at(3h));
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0], 7200.0);
}

struct Arrivals {
  std::vector<ReplicationNetwork::MarkerArrival> all;
  // seqs arriving at holder from origin, in arrival order
  std::vector<std::uint64_t> seqs(DcId origin, DcId holder) const {
    std::vector<std::uint64_t> out;
    for (const auto& a : all) {
      if (a.origin == origin && a.holder == holder) out.push_back(a.seq);
    }
    return out;
  }
};

struct RingRun {
  Arrivals arrivals;
  std::uint64_t out_of_order = 0;
  std::uint64_t written = 0;
  std::size_t in_flight_end = 0;
  double lag_c_from_a_mid = 0;  // at 1h35
  double lag_d_from_c_mid = 0;
  double unreplicated_end = 0;
};

// Ring fra -> par -> ams -> waw -> fra, 10 tx/s at each DC, markers every 10 s; par (B) is down
// from 1h00:05 to 2h00:05.
constexpr sim::Duration fail_at = 1h + 5s;
constexpr sim::Duration repair_at = 2h + 5s;

RingRun run_ring_break(bool repoint) {
  sim::Simulator sim(7);
  Topology topo(mesh(4));
  MemoryRecorder rec;
  ReplicationNetworkParams p;
  p.edges = ring(4);
  p.marker_interval = 10s;
  p.repoint_on_failure = repoint;
  ReplicationNetwork net(sim, topo, p, rec);
  RingRun run;
  net.set_marker_observer([&run](const auto& a) { run.arrivals.all.push_back(a); });
  for (std::uint32_t o = 0; o < 4; ++o) net.set_write_rate(DcId{o}, 10);
  net.start();
  sim.schedule_at(at(fail_at), [&] {
    topo.set_dc_up(B, false);
    net.on_topology_changed("dc par failed");
  });
  sim.schedule_at(at(repair_at), [&] {
    topo.set_dc_up(B, true);
    net.on_topology_changed("dc par repaired");
  });
  sim.run_until(at(1h + 35min));
  run.lag_c_from_a_mid = *net.lag_s(C, A);
  run.lag_d_from_c_mid = *net.lag_s(D, C);
  sim.run_until(at(4h));
  run.out_of_order = net.markers_out_of_order();
  run.written = net.markers_written();
  run.in_flight_end = net.markers_in_flight();
  run.unreplicated_end = net.unreplicated_tx(A);
  for (const auto& [s, r] : p.edges) EXPECT_EQ(net.link(s, r)->backlog(), 0.0);
  return run;
}

// Expected seqs of one origin over the run: 1 .. 4h / 10 s (down DCs write none).
std::vector<std::uint64_t> one_to(std::uint64_t n) {
  std::vector<std::uint64_t> v;
  for (std::uint64_t i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

TEST(ReplicationNetwork, RingBreakStopsUpstreamMarkersUntilRepairThenDeliversAllInOrder) {
  const RingRun run = run_ring_break(false);
  EXPECT_EQ(run.out_of_order, 0u);
  const std::uint64_t per_origin = 4 * 360;  // fra, ams, waw write 1440 markers each
  for (const DcId holder : {B, C, D}) {
    // All of fra's markers arrive, once each, in seq order, with no gap (the last one, written
    // at 4h, is in flight by a few ms at most).
    auto seqs = run.arrivals.seqs(A, holder);
    EXPECT_EQ(seqs, one_to(seqs.size()));
    EXPECT_GE(seqs.size(), per_origin - 1);
  }
  double last_applied_at_c = 0;
  for (const auto& a : run.arrivals.all) {
    const double w = seconds(a.written), t = seconds(a.applied);
    const bool in_break = w > seconds(at(fail_at)) && w < seconds(at(repair_at));
    if (a.origin == A && (a.holder == C || a.holder == D) && in_break) {
      EXPECT_GE(t, seconds(at(repair_at))) << "fra marker " << a.seq << " crossed the dead par";
      last_applied_at_c = std::max(last_applied_at_c, a.holder == C ? t : 0.0);
    }
    // ams's markers keep reaching waw (and fra) during the break within a hop's latency.
    if (a.origin == C && (a.holder == D || a.holder == A) && in_break) {
      EXPECT_LT(t - w, 0.1) << "ams marker " << a.seq;
    }
    if (a.origin == C && a.holder == B) {
      EXPECT_FALSE(in_break && t < seconds(at(repair_at)));
    }
  }
  // The 1 h backlog (30 tx/s into fra -> par) drains at 500 - 30 tx/s: about 230 s.
  EXPECT_GT(last_applied_at_c, seconds(at(repair_at)) + 100);
  EXPECT_LT(last_applied_at_c, seconds(at(repair_at)) + 300);
  // Lag of ams's copy of fra's writes half-way: the break's age (plus latencies).
  EXPECT_NEAR(run.lag_c_from_a_mid, 35 * 60 - 5, 0.1);
  EXPECT_LT(run.lag_d_from_c_mid, 0.1);
  EXPECT_LE(run.in_flight_end, 4u);  // memory: only the markers of the last instant
  // Nothing unshipped at the end: only the latency's worth on the wire (10 tx/s x a few ms).
  EXPECT_LT(run.unreplicated_end, 0.1);
}

TEST(ReplicationNetwork, RingBreakWithRepointDeliversUpstreamMarkersAfterRepointDelay) {
  const RingRun run = run_ring_break(true);
  EXPECT_EQ(run.out_of_order, 0u);
  const double repointed = seconds(at(fail_at + 5min));
  int during = 0;
  for (const auto& a : run.arrivals.all) {
    if (a.origin != A || a.holder != C) continue;
    const double w = seconds(a.written), t = seconds(a.applied);
    if (w <= seconds(at(fail_at)) || w >= seconds(at(repair_at))) continue;
    EXPECT_GE(t, repointed);
    EXPECT_LT(t, seconds(at(repair_at))) << "fra marker " << a.seq << " waited for par";
    // After the 6000-tx head start drains (6000 / (500 - 20) = 12.5 s) markers are fresh.
    if (w > repointed + 20) {
      EXPECT_LT(t - w, 0.1);
    }
    ++during;
  }
  EXPECT_EQ(during, 360);  // written at 1h00:10 .. 2h00:00
  for (const DcId holder : {B, C, D}) {
    auto seqs = run.arrivals.seqs(A, holder);
    EXPECT_EQ(seqs, one_to(seqs.size()));
  }
  // Re-pointing measurably shortens how stale ams's copy of fra's writes is.
  EXPECT_LT(run.lag_c_from_a_mid, 1.0);
  EXPECT_LE(run.in_flight_end, 4u);
}

// Same inputs, same arrivals at the same microseconds (no hash or pointer order anywhere).
TEST(ReplicationNetwork, RingBreakRunsAreDeterministic) {
  const RingRun first = run_ring_break(true);
  const RingRun second = run_ring_break(true);
  ASSERT_EQ(first.arrivals.all.size(), second.arrivals.all.size());
  for (std::size_t i = 0; i < first.arrivals.all.size(); ++i) {
    const auto& a = first.arrivals.all[i];
    const auto& b = second.arrivals.all[i];
    ASSERT_TRUE(a.origin == b.origin && a.holder == b.holder && a.seq == b.seq &&
                a.applied == b.applied)
        << "arrival " << i;
  }
}

// A pair split by a 3 h partition of the fra-par link.
TEST(ReplicationNetwork, PairPartitionBacklogGrowsAtWriteRateAndCatchesUp) {
  sim::Simulator sim(1);
  Topology topo(mesh(2));
  MemoryRecorder rec;
  ReplicationNetworkParams p;
  p.edges = {{A, B}, {B, A}};
  ReplicationNetwork net(sim, topo, p, rec);
  net.set_write_rate(A, 100);
  net.set_write_rate(B, 50);
  const LinkId fra_par{0};
  sim.schedule_at(at(1h), [&] {
    topo.set_link_up(fra_par, false);
    net.on_topology_changed("partition fra-par");
  });
  sim.schedule_at(at(4h), [&] {
    topo.set_link_up(fra_par, true);
    net.on_topology_changed("healed");
  });
  const double latency = sim::to_seconds(net.link(A, B)->params().one_way_latency);
  std::vector<double> lags, unreplicated;
  for (int half_hours = 2; half_hours <= 8; ++half_hours) {
    sim.run_until(at(half_hours * 30min));
    lags.push_back(*net.lag_s(B, A) - latency);
    unreplicated.push_back(net.unreplicated_tx(A));
    EXPECT_NEAR(net.link(A, B)->backlog(), 100.0 * (half_hours - 2) * 1800, 1e-6);
  }
  for (std::size_t i = 0; i < lags.size(); ++i) {
    EXPECT_NEAR(lags[i], 1800.0 * static_cast<double>(i), 1e-6);  // lag grows at 1 s/s
    // Unshipped, plus the latency's worth on the wire while the link is up: the sample at 4 h,
    // taken after the heal at the same instant (at 1 h the cut has already happened).
    const double on_wire = i + 1 == lags.size() ? 100.0 * latency : 0.0;
    EXPECT_NEAR(unreplicated[i], 100.0 * 1800 * static_cast<double>(i) + on_wire, 1e-6);
  }
  // After the heal: fra's writes are shipped within 1.08e6 / (62 500 - 100) = 17.3 s, so none is
  // at risk long before the applier (500 tx/s) has caught up.
  sim.run_until(at(4h) + 17s);
  EXPECT_GT(net.unreplicated_tx(A), 0.0);
  sim.run_until(at(4h) + 18s);
  EXPECT_NEAR(net.unreplicated_tx(A), 100.0 * latency, 1e-9);  // only what is on the wire
  EXPECT_GT(net.link(A, B)->backlog(), 0.0);
  sim.run_until(at(6h));
  EXPECT_EQ(net.link(A, B)->backlog(), 0.0);
  const double catch_up = 1.08e6 / (500.0 - 100.0);
  EXPECT_NEAR(sim::to_seconds(net.link(A, B)->last_catch_up()), catch_up, 1e-3);
  EXPECT_NEAR(*net.lag_s(B, A), latency, 1e-12);
  // par -> fra was cut too; its 3 h of par's writes (50 tx/s) have drained as well.
  EXPECT_EQ(net.link(B, A)->backlog(), 0.0);
}

TEST(ReplicationNetwork, SampleAndTotalsReportEachEdge) {
  sim::Simulator sim(1);
  Topology topo(mesh(2));
  MemoryRecorder rec;
  ReplicationNetworkParams p;
  p.edges = {{A, B}, {B, A}};
  ReplicationNetwork net(sim, topo, p, rec);
  net.set_write_rate(A, 100);
  sim.schedule_at(at(1h), [&] {
    topo.set_link_up(LinkId{0}, false);
    net.on_topology_changed("cut");
  });
  sim.schedule_at(at(2h), [&] {
    topo.set_link_up(LinkId{0}, true);
    net.on_topology_changed("heal");
  });
  for (int m = 0; m <= 240; m += 10) {
    sim.run_until(at(std::chrono::minutes(m)));
    net.sample();
  }
  std::map<std::string, double> last;
  for (const auto& s : rec.samples) last[s.entity + "/" + s.metric] = s.value;
  EXPECT_EQ(last.count("repl/fra->par/write_tps"), 1u);
  EXPECT_EQ(last["repl/fra->par/write_tps"], 100.0);
  EXPECT_EQ(last["repl/par->fra/write_tps"], 0.0);
  const auto totals = net.totals();
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].name, "repl/fra->par");
  // The sample at 2h sees the whole hour of lag: 3600 s + latency.
  EXPECT_NEAR(totals[0].max_lag_s, 3600.0, 0.1);
  EXPECT_NEAR(totals[0].max_backlog_tx, 360000.0, 1e-6);
  EXPECT_NEAR(sim::to_seconds(totals[0].last_catch_up), 360000.0 / 400.0, 1e-3);
  EXPECT_EQ(totals[1].max_backlog_tx, 0.0);
  // Caught up again long before 4 h: every write of the 4 h (100 tx/s) reached par.
  EXPECT_NEAR(totals[0].applied_tx, 100.0 * 4 * 3600, 1e-6);
  EXPECT_EQ(totals[1].applied_tx, 0.0);
}

}  // namespace
}  // namespace b24::models
