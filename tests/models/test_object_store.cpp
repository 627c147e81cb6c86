// The object store (models/object_store.hpp): acknowledgement only after N replica writes,
// copies in distinct zones, degraded placement groups still written N times, losses against the
// Markov model (durability_theory.hpp), conservation of objects and determinism.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

#include "memory_recorder.hpp"
#include "models/durability_theory.hpp"
#include "models/object_store.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;
using testing::at;

constexpr double seconds_per_year = 365.25 * 86'400.0;

// A store with uploads only (devices never fail unless a test fails one).
ObjectStoreParams upload_params() {
  ObjectStoreParams p;
  p.name = "t";
  p.zones = 4;
  p.devices_per_zone = 5;
  p.replicas = 3;
  p.placement_groups = 32;
  p.tenants = 7;
  p.initial_objects = 1000;
  p.upload_rate_per_s = 200.0;
  p.upload_window = 10s;
  p.device_afr = 0.0;
  return p;
}

TEST(ObjectStore, EveryPlacementGroupSpansDistinctZones) {
  sim::Simulator sim(3);
  sim::NullRecorder recorder;
  const ObjectStore store(sim, upload_params(), recorder);
  for (std::uint32_t pg = 0; pg < store.params().placement_groups; ++pg) {
    std::set<std::uint32_t> zones;
    for (const std::uint32_t d : store.pg_devices(pg)) zones.insert(store.zone_of(d));
    EXPECT_EQ(zones.size(), 3u) << pg;
  }
}

// The ack instant is the last of the N write completions: never before any of them, and not
// later than the last either (an ack that waited for nothing more would be a different bug).
TEST(ObjectStore, AcknowledgesOnlyAfterAllReplicaWrites) {
  sim::Simulator sim(5);
  sim::NullRecorder recorder;
  ObjectStore store(sim, upload_params(), recorder);
  std::uint64_t acks = 0;
  store.set_ack_observer([&](const UploadAck& a) {
    ++acks;
    ASSERT_EQ(a.write_done.size(), 3u);
    for (const sim::Instant w : a.write_done) {
      EXPECT_GE(w, a.started);
      EXPECT_LE(w, a.acked);
    }
    EXPECT_EQ(a.acked, *std::max_element(a.write_done.begin(), a.write_done.end()));
    EXPECT_GT(a.acked, a.started);  // lognormal write latencies are positive
    EXPECT_EQ(a.writes_to_repair_targets, 0u);
  });
  store.start();
  sim.run_until(at(1min));
  const StorageTotals t = store.totals();
  EXPECT_GT(acks, 1500u);  // 200/s for 10 s
  EXPECT_EQ(t.uploads_acked, acks);
  EXPECT_EQ(t.uploads_arrived, acks);
  EXPECT_EQ(t.replica_writes, 3 * acks);
  EXPECT_EQ(t.objects_stored, 1000 + acks);
  // The slowest of three lognormal writes (mean 8 ms): above one write's mean, below 50 ms.
  EXPECT_GT(t.ack_mean_s, 0.008);
  EXPECT_LT(t.ack_mean_s, 0.05);
}

// A failed device's copies go to its repair target: an upload to one of its PGs still makes N
// writes and waits for all N; the object joins a PG at risk.
TEST(ObjectStore, DegradedPlacementGroupStillWritesNCopies) {
  ObjectStoreParams p = upload_params();
  p.repair_time_s = sim::Constant(1e6);  // still down when the uploads end
  sim::Simulator sim(7);
  testing::MemoryRecorder recorder;
  ObjectStore store(sim, p, recorder);
  const std::uint32_t failed = store.pg_devices(0)[1];
  std::uint64_t degraded_acks = 0;
  store.set_ack_observer([&](const UploadAck& a) {
    ASSERT_EQ(a.write_done.size(), 3u);
    EXPECT_EQ(a.acked, *std::max_element(a.write_done.begin(), a.write_done.end()));
    const auto devices = store.pg_devices(a.placement_group);
    const bool on_failed = std::find(devices.begin(), devices.end(), failed) != devices.end();
    EXPECT_EQ(a.writes_to_repair_targets, on_failed ? 1u : 0u);
    degraded_acks += on_failed ? 1 : 0;
  });
  store.fail_device(failed);
  EXPECT_FALSE(store.device_up(failed));
  EXPECT_EQ(store.live_replicas(0), 2u);
  const std::uint64_t at_risk_before = store.objects_at_risk();
  EXPECT_GT(at_risk_before, 0u);
  store.start();
  sim.run_until(at(1min));
  const StorageTotals t = store.totals();
  EXPECT_GT(degraded_acks, 0u);
  EXPECT_EQ(t.writes_to_repair_targets, degraded_acks);
  EXPECT_EQ(store.objects_at_risk(), at_risk_before + degraded_acks);
  EXPECT_EQ(t.device_failures, 1u);
  EXPECT_EQ(t.objects_lost, 0u);
  ASSERT_FALSE(recorder.events.empty());
  EXPECT_EQ(recorder.events.front().kind, "device_failure");
}

// A store with failures raised so that placement groups are lost within a year.
ObjectStoreParams lossy_params(std::uint32_t replicas, double afr = 12.0) {
  ObjectStoreParams p;
  p.name = "lossy";
  p.zones = 3;
  p.devices_per_zone = 8;
  p.replicas = replicas;
  p.placement_groups = 64;
  p.tenants = 4;
  p.initial_objects = 64 * 100;  // 100 per PG
  p.upload_rate_per_s = 0.0;     // only the initial objects: all exposed for the whole year
  p.device_afr = afr;            // 12: once a month
  p.repair_time_s = sim::Exponential(5 * 86'400.0);
  p.sample_step = std::chrono::days{30};
  return p;
}

StorageTotals run_year(const ObjectStoreParams& p, std::uint64_t seed) {
  sim::Simulator sim(seed);
  sim::NullRecorder recorder;
  ObjectStore store(sim, p, recorder);
  store.start();
  sim.run_until(sim::start_instant + sim::from_seconds(seconds_per_year));
  return store.totals();
}

// Expected losses = objects x P(loss within a year) by linearity of expectation, whatever the
// correlation. The variance is another matter: PGs share devices, so PG losses are correlated
// (one device failure degrades ~8 PGs at once) and a binomial interval over PGs would be too
// narrow. Independent replications are independent, though: R runs with different seeds give
// i.i.d. loss counts, and their mean has the t-interval mean +- t * s / sqrt(R). With R = 200
// the t quantile is ~ the normal one; 3.29 is the two-sided 99.9 % point, so a correct model
// fails this test for one seed set in a thousand; the seeds are fixed, so it never flakes.
// Power: the half-width is checked to be under 8 % of the expectation, and serial instead of
// parallel repair, or a rate off by 10 %, moves the expectation by more than that.
void expect_losses_match_theory(std::uint32_t replicas, double afr) {
  const ObjectStoreParams p = lossy_params(replicas, afr);
  const int runs = 200;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int r = 0; r < runs; ++r) {
    const StorageTotals t = run_year(p, 1000 + static_cast<std::uint64_t>(r));
    ASSERT_EQ(t.objects_lost + t.objects_stored, t.objects_initial);
    const auto lost = static_cast<double>(t.objects_lost);
    sum += lost;
    sum_sq += lost * lost;
  }
  const double mean = sum / runs;
  const double sd = std::sqrt((sum_sq - runs * mean * mean) / (runs - 1));
  const double half_width = 3.29 * sd / std::sqrt(static_cast<double>(runs));
  const DurabilityModel model{replicas, p.device_afr,
                              seconds_per_year / sim::mean(p.repair_time_s)};
  const double expected = static_cast<double>(p.initial_objects) * loss_probability(model, 1.0);
  EXPECT_NEAR(mean, expected, half_width) << "replicas " << replicas;
  EXPECT_LT(half_width, 0.08 * expected);
  EXPECT_GT(expected, 0.05 * static_cast<double>(p.initial_objects));  // losses do happen
}

TEST(ObjectStore, LossesMatchTheMarkovModelWithThreeReplicas) {
  expect_losses_match_theory(3, 12.0);  // ~43 % of PGs lost in the year
}

TEST(ObjectStore, LossesMatchTheMarkovModelWithTwoReplicas) {
  expect_losses_match_theory(2, 4.5);  // a lower rate keeps two copies off saturation
}

// Uploads and failures together: every object ever stored is either still stored or lost.
TEST(ObjectStore, ObjectsAreConserved) {
  ObjectStoreParams p = lossy_params(2);
  p.upload_rate_per_s = 0.002;  // ~63,000 uploads over the year, into degraded PGs too
  const StorageTotals t = run_year(p, 42);
  EXPECT_GT(t.objects_lost, 0u);
  EXPECT_GT(t.writes_to_repair_targets, 0u);
  EXPECT_EQ(t.objects_initial + t.uploads_acked, t.objects_stored + t.objects_lost);
  EXPECT_LE(t.objects_at_risk_mean, static_cast<double>(t.objects_at_risk_max));
  EXPECT_GT(t.repair_traffic_bytes, 0.0);
  EXPECT_GE(t.device_failures, t.repairs_completed);
  EXPECT_EQ(t.device_failures - t.repairs_completed, t.devices_down_at_end);
  EXPECT_GT(t.tenants_with_loss, 0u);
  EXPECT_GT(t.empirical_annual_loss_rate, 0.0);
}

TEST(ObjectStore, SameSeedSameFigures) {
  ObjectStoreParams p = lossy_params(3);
  p.upload_rate_per_s = 0.001;
  const StorageTotals a = run_year(p, 9);
  const StorageTotals b = run_year(p, 9);
  const StorageTotals c = run_year(p, 10);
  EXPECT_EQ(a.objects_lost, b.objects_lost);
  EXPECT_EQ(a.uploads_acked, b.uploads_acked);
  EXPECT_EQ(a.device_failures, b.device_failures);
  EXPECT_EQ(a.repair_traffic_bytes, b.repair_traffic_bytes);
  EXPECT_EQ(a.ack_p99_us, b.ack_p99_us);
  EXPECT_EQ(a.objects_at_risk_mean, b.objects_at_risk_mean);
  EXPECT_NE(a.repair_traffic_bytes, c.repair_traffic_bytes);
}

TEST(ObjectStore, RejectsImpossibleParameters) {
  sim::Simulator sim;
  sim::NullRecorder recorder;
  ObjectStoreParams p = upload_params();
  p.replicas = 5;  // more than the 4 zones
  EXPECT_THROW(ObjectStore(sim, p, recorder), std::invalid_argument);
  p = upload_params();
  p.device_afr = -0.1;
  EXPECT_THROW(ObjectStore(sim, p, recorder), std::invalid_argument);
}

}  // namespace
}  // namespace b24::models
