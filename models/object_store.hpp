#pragma once
// One region's object store (issue 5, "Storage"): tenants' buckets whose objects are kept as
// `replicas` copies on devices in distinct zones, devices that fail at an annual failure rate
// and are repaired after a repair delay, and uploads acknowledged only once every copy is
// written.
//
// Representation. Objects are not stored one by one: each belongs to one of a fixed number of
// placement groups (PGs, as in Ceph), and a PG maps to `replicas` devices in distinct zones,
// chosen once from the run seed. The store counts objects and bytes per PG (and per PG per
// tenant), so a device failure touches the PGs on that device, never the objects. A PG whose
// devices are all down at once loses all its objects: losses within a PG are perfectly
// correlated, which is also how placement-group stores lose data.
//
// Uploads. An upload picks a tenant (uniformly) and a PG (uniformly: the hash of bucket and key)
// and writes one copy to each of the PG's `replicas` devices; each write completes after a
// write latency drawn independently, and the upload is acknowledged at the last completion
// (the slowest of the N), never earlier. When one of the PG's devices is down, its copy goes to
// that device's repair target (the replacement that is being refilled, Ceph's backfilling OSD),
// so an acknowledgement always stands for N durable copies in N distinct zones; such writes are
// counted. The acknowledged object then joins its PG's count. Accounting is per PG, so an object
// written to a degraded PG is counted at the PG's replica count although its own copy on the
// repair target is complete: conservative, by at most the objects uploaded during repairs.
//
// Failures and repairs. Each device fails as a Poisson process at rate AFR per year while it is
// up; a failed device is down for a repair time (default exponential), after which its PGs'
// copies are re-created from the survivors (repair traffic: the bytes of those PGs) and it can
// fail again. A PG that reaches zero live copies has lost its objects; they leave the store.

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "models/object_store_params.hpp"
#include "sim/distributions.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/rng.hpp"
#include "sim/simulator.hpp"
#include "sim/time_weighted_gauge.hpp"

namespace b24::models {

// The figures of a run, as summary.json reports them.
struct StorageTotals {
  std::uint64_t uploads_arrived = 0;
  std::uint64_t uploads_acked = 0;
  std::uint64_t uploads_in_flight_at_end = 0;
  std::uint64_t replica_writes = 0;            // completed copy writes
  std::uint64_t writes_to_repair_targets = 0;  // copies written for a down device
  double ack_mean_s = 0.0;
  std::int64_t ack_p50_us = 0;
  std::int64_t ack_p99_us = 0;
  std::int64_t ack_max_us = 0;
  std::uint64_t objects_initial = 0;
  std::uint64_t objects_stored = 0;  // live at the end
  std::uint64_t objects_lost = 0;
  std::uint64_t placement_groups_lost = 0;  // loss events (a PG can be lost again later)
  std::uint32_t tenants_with_loss = 0;
  std::uint64_t device_failures = 0;
  std::uint64_t repairs_completed = 0;
  std::uint32_t devices_down_at_end = 0;
  double repair_traffic_bytes = 0.0;
  std::uint64_t objects_at_risk_max = 0;  // in PGs with fewer than N live copies
  double objects_at_risk_mean = 0.0;      // time-weighted
  double object_years = 0.0;              // exposure: stored objects x years
  // lost / object_years when anything was lost, else 0 (then see the analytic figure).
  double empirical_annual_loss_rate = 0.0;
  // Markov model with mu = 1 / mean repair time (exact for exponential repairs).
  double analytic_annual_loss_probability = 0.0;
  double analytic_mttdl_years = 0.0;
  // The initial objects' expected losses over the run: initial x P(loss within the run).
  double analytic_expected_initial_losses = 0.0;
  // Little's law over uploads: time-average uploads in flight, and rate x mean ack time.
  double littles_l = 0.0;
  double littles_lambda_w = 0.0;
};

// What a test sees of one acknowledged upload.
struct UploadAck {
  std::uint32_t placement_group = 0;
  std::uint32_t tenant = 0;
  sim::Instant started{};
  sim::Instant acked{};
  std::span<const sim::Instant> write_done;  // one per replica, in replica order
  std::uint32_t writes_to_repair_targets = 0;
};

class ObjectStore {
 public:
  // Throws std::invalid_argument on parameters no store can have.
  ObjectStore(sim::Simulator& sim, const ObjectStoreParams& params, sim::Recorder& recorder);
  ObjectStore(const ObjectStore&) = delete;
  ObjectStore& operator=(const ObjectStore&) = delete;

  // Schedules the first upload, every device's first failure and the sampling.
  void start();
  // Fails device `device` now (a test's or a fault plan's hand), cancelling its scheduled
  // failure; a device already down is left alone.
  void fail_device(std::uint32_t device);
  // Called once per acknowledged upload, after the store has counted it (tests).
  void set_ack_observer(std::function<void(const UploadAck&)> observer);

  [[nodiscard]] StorageTotals totals() const;
  [[nodiscard]] const sim::LatencyHistogram& ack_latency() const noexcept { return ack_latency_; }
  [[nodiscard]] const std::string& entity() const noexcept { return entity_; }
  [[nodiscard]] std::uint32_t device_count() const noexcept {
    return static_cast<std::uint32_t>(devices_.size());
  }
  // Device index = zone x devices_per_zone + slot.
  [[nodiscard]] std::uint32_t zone_of(std::uint32_t device) const noexcept {
    return device / params_.devices_per_zone;
  }
  [[nodiscard]] std::span<const std::uint32_t> pg_devices(std::uint32_t pg) const noexcept {
    return {pg_devices_.data() + std::size_t{pg} * params_.replicas, params_.replicas};
  }
  [[nodiscard]] std::uint32_t live_replicas(std::uint32_t pg) const noexcept {
    return pgs_[pg].live;
  }
  [[nodiscard]] bool device_up(std::uint32_t device) const noexcept { return devices_[device].up; }
  [[nodiscard]] std::uint64_t objects_stored() const noexcept { return objects_stored_; }
  [[nodiscard]] std::uint64_t objects_lost() const noexcept { return objects_lost_; }
  [[nodiscard]] std::uint64_t objects_at_risk() const noexcept { return objects_at_risk_; }
  [[nodiscard]] const ObjectStoreParams& params() const noexcept { return params_; }

 private:
  struct Device {
    bool up = true;
    sim::EventHandle failure{};
  };
  struct PlacementGroup {
    std::uint32_t live = 0;
    std::uint64_t objects = 0;
    double bytes = 0.0;
  };
  struct Upload {
    sim::Instant started{};
    std::uint32_t pg = 0;
    std::uint32_t tenant = 0;
    double bytes = 0.0;
    std::uint32_t writes_done = 0;
    std::uint32_t to_repair_targets = 0;
    std::array<sim::Instant, max_replicas> write_done{};
  };

  void validate() const;
  void place_groups();
  void seed_objects();
  void schedule_next_upload();
  void arrive();
  void write_done(std::uint32_t slot, std::uint32_t replica);
  void ack(std::uint32_t slot);
  void schedule_failure(std::uint32_t device);
  void fail(std::uint32_t device);
  void repair(std::uint32_t device);
  void lose(std::uint32_t pg);
  void set_at_risk(std::uint64_t value);
  void schedule_sample();
  void sample();
  [[nodiscard]] std::uint64_t& cell(std::uint32_t pg, std::uint32_t tenant) noexcept {
    return pg_tenant_objects_[std::size_t{pg} * params_.tenants + tenant];
  }

  sim::Simulator* sim_;
  ObjectStoreParams params_;
  sim::Recorder* recorder_;
  std::string entity_;
  sim::Rng upload_rng_;
  sim::Rng write_rng_;
  sim::Rng failure_rng_;
  sim::Rng repair_rng_;
  double failure_mean_s_ = 0.0;  // 0: devices never fail
  sim::Instant upload_end_ = sim::end_of_time;

  std::vector<Device> devices_;
  std::vector<PlacementGroup> pgs_;
  std::vector<std::uint32_t> pg_devices_;       // replicas per PG, zone order random
  std::vector<std::uint32_t> device_pg_begin_;  // CSR: PGs of device d in
  std::vector<std::uint32_t> device_pgs_;       // device_pgs_[begin[d], begin[d+1])
  std::vector<std::uint64_t> pg_tenant_objects_;
  std::vector<std::uint64_t> tenant_lost_;
  std::vector<Upload> uploads_;  // slot pool: grows to the peak in flight, then reused
  std::vector<std::uint32_t> free_uploads_;
  std::function<void(const UploadAck&)> observer_;

  std::uint64_t uploads_arrived_ = 0;
  std::uint64_t uploads_acked_ = 0;
  std::uint64_t in_flight_ = 0;
  std::uint64_t replica_writes_ = 0;
  std::uint64_t writes_to_repair_targets_ = 0;
  std::uint64_t objects_stored_ = 0;
  std::uint64_t objects_lost_ = 0;
  std::uint64_t pgs_lost_ = 0;
  std::uint64_t device_failures_ = 0;
  std::uint64_t repairs_ = 0;
  std::uint32_t devices_down_ = 0;
  double repair_traffic_bytes_ = 0.0;
  std::uint64_t objects_at_risk_ = 0;
  sim::LatencyHistogram ack_latency_;
  sim::TimeWeightedGauge at_risk_gauge_;
  sim::TimeWeightedGauge stored_gauge_;
  sim::TimeWeightedGauge in_flight_gauge_;
};

}  // namespace b24::models
