#include "models/object_store.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "models/durability_theory.hpp"
#include "sim/assert.hpp"

namespace b24::models {

namespace {

constexpr double seconds_per_year = 365.25 * 86'400.0;  // Julian year, as AFRs are quoted
// A device whose next failure is further away than this (about 31,700 years) never fails in
// any run the clock can hold: not scheduling it keeps from_seconds far from overflow.
constexpr double longest_failure_delay_s = 1e12;

void require(bool ok, const char* message) {
  if (!ok) throw std::invalid_argument(std::string("object store: ") + message);
}

}  // namespace

ObjectStore::ObjectStore(sim::Simulator& sim, const ObjectStoreParams& params,
                         sim::Recorder& recorder)
    : sim_(&sim),
      params_(params),
      recorder_(&recorder),
      entity_("storage/" + params.name),
      upload_rng_(sim.stream(entity_ + "/uploads")),
      write_rng_(sim.stream(entity_ + "/writes")),
      failure_rng_(sim.stream(entity_ + "/failures")),
      repair_rng_(sim.stream(entity_ + "/repairs")),
      at_risk_gauge_(sim.now(), 0.0),
      stored_gauge_(sim.now(), 0.0),
      in_flight_gauge_(sim.now(), 0.0) {
  validate();
  if (params_.device_afr > 0.0) failure_mean_s_ = seconds_per_year / params_.device_afr;
  if (params_.upload_window) upload_end_ = sim.now() + *params_.upload_window;
  devices_.resize(std::size_t{params_.zones} * params_.devices_per_zone);
  pgs_.resize(params_.placement_groups);
  pg_tenant_objects_.assign(std::size_t{params_.placement_groups} * params_.tenants, 0);
  tenant_lost_.assign(params_.tenants, 0);
  place_groups();
  seed_objects();
}

void ObjectStore::validate() const {
  const ObjectStoreParams& p = params_;
  require(!p.name.empty(), "name must not be empty");
  require(p.zones >= 1 && p.devices_per_zone >= 1, "needs at least one zone and one device");
  require(p.replicas >= 1 && p.replicas <= max_replicas, "replicas must be in [1, 8]");
  require(p.replicas <= p.zones, "replicas must not exceed zones (one copy per zone)");
  require(p.placement_groups >= 1 && p.tenants >= 1, "needs a placement group and a tenant");
  require(std::uint64_t{p.placement_groups} * p.tenants <= max_pg_tenant_cells,
          "placement_groups x tenants is too large");
  require(std::uint64_t{p.zones} * p.devices_per_zone <= UINT32_MAX, "too many devices");
  require(std::isfinite(p.upload_rate_per_s) && p.upload_rate_per_s >= 0.0,
          "upload rate must be >= 0 and finite");
  require(std::isfinite(p.device_afr) && p.device_afr >= 0.0, "AFR must be >= 0 and finite");
  require(sim::mean(p.repair_time_s) > 0.0, "mean repair time must be positive");
  require(sim::mean(p.object_size_bytes) >= 0.0, "object sizes must not be negative");
  require(p.sample_step > sim::Duration::zero(), "sample step must be positive");
}

// Each PG gets `replicas` distinct zones (a partial Fisher-Yates shuffle of the zone list) and
// a uniformly chosen device in each: its own stream, so uploads never move a placement.
void ObjectStore::place_groups() {
  sim::Rng rng = sim_->stream(entity_ + "/placement");
  std::vector<std::uint32_t> zones(params_.zones);
  std::iota(zones.begin(), zones.end(), 0u);
  pg_devices_.resize(std::size_t{params_.placement_groups} * params_.replicas);
  std::vector<std::uint32_t> per_device(devices_.size() + 1, 0);
  for (std::uint32_t pg = 0; pg < params_.placement_groups; ++pg) {
    for (std::uint32_t r = 0; r < params_.replicas; ++r) {
      const auto pick = r + static_cast<std::uint32_t>(rng.below(params_.zones - r));
      std::swap(zones[r], zones[pick]);
      const auto slot = static_cast<std::uint32_t>(rng.below(params_.devices_per_zone));
      const std::uint32_t device = zones[r] * params_.devices_per_zone + slot;
      pg_devices_[std::size_t{pg} * params_.replicas + r] = device;
      ++per_device[device + 1];
    }
    pgs_[pg].live = params_.replicas;
  }
  std::partial_sum(per_device.begin(), per_device.end(), per_device.begin());
  device_pg_begin_ = per_device;
  device_pgs_.resize(pg_devices_.size());
  for (std::uint32_t pg = 0; pg < params_.placement_groups; ++pg) {
    for (const std::uint32_t device : pg_devices(pg)) device_pgs_[per_device[device]++] = pg;
  }
}

// The initial objects, spread as evenly as counts allow over PGs and, within a PG, over tenants
// (rotated so that no tenant always gets the remainder). Their bytes are taken at the mean
// object size rather than drawn one by one.
void ObjectStore::seed_objects() {
  const std::uint64_t total = params_.initial_objects;
  const std::uint64_t n_pg = params_.placement_groups;
  const std::uint64_t n_tenants = params_.tenants;
  const double mean_bytes = sim::mean(params_.object_size_bytes);
  for (std::uint32_t pg = 0; pg < n_pg; ++pg) {
    const std::uint64_t objects = total / n_pg + (pg < total % n_pg ? 1 : 0);
    pgs_[pg].objects = objects;
    pgs_[pg].bytes = static_cast<double>(objects) * mean_bytes;
    for (std::uint32_t t = 0; t < n_tenants; ++t) {
      const std::uint64_t rotated = (t + n_tenants - pg % n_tenants) % n_tenants;
      cell(pg, t) = objects / n_tenants + (rotated < objects % n_tenants ? 1 : 0);
    }
  }
  objects_stored_ = total;
  stored_gauge_.set(sim_->now(), static_cast<double>(total));
}

void ObjectStore::start() {
  if (params_.upload_rate_per_s > 0.0) schedule_next_upload();
  // A device failed by hand before the start gets its failure clock at its repair.
  for (std::uint32_t d = 0; d < devices_.size(); ++d) {
    if (devices_[d].up) schedule_failure(d);
  }
  schedule_sample();
}

void ObjectStore::set_ack_observer(std::function<void(const UploadAck&)> observer) {
  observer_ = std::move(observer);
}

// --- Uploads -------------------------------------------------------------------------------------

void ObjectStore::schedule_next_upload() {
  const double gap_s = sim::Exponential(1.0 / params_.upload_rate_per_s).sample(upload_rng_);
  if (gap_s > longest_failure_delay_s) return;
  const sim::Instant next = sim_->now() + sim::from_seconds(gap_s);
  if (next >= upload_end_) return;
  sim_->schedule_at(next, [this] {
    arrive();
    schedule_next_upload();
  });
}

void ObjectStore::arrive() {
  ++uploads_arrived_;
  ++in_flight_;
  in_flight_gauge_.set(sim_->now(), static_cast<double>(in_flight_));
  std::uint32_t slot = 0;
  if (free_uploads_.empty()) {
    slot = static_cast<std::uint32_t>(uploads_.size());
    uploads_.emplace_back();
  } else {
    slot = free_uploads_.back();
    free_uploads_.pop_back();
  }
  Upload& u = uploads_[slot];
  u = Upload{};
  u.started = sim_->now();
  u.tenant = static_cast<std::uint32_t>(upload_rng_.below(params_.tenants));
  u.pg = static_cast<std::uint32_t>(upload_rng_.below(params_.placement_groups));
  u.bytes = std::max(0.0, sim::sample(params_.object_size_bytes, upload_rng_));
  const std::span<const std::uint32_t> targets = pg_devices(u.pg);
  for (std::uint32_t r = 0; r < params_.replicas; ++r) {
    // A down device's copy goes to its repair target: still N copies in N zones.
    if (!devices_[targets[r]].up) ++u.to_repair_targets;
    const double latency_s = std::max(0.0, sim::sample(params_.write_latency_s, write_rng_));
    sim_->schedule_in(sim::from_seconds(latency_s), [this, slot, r] { write_done(slot, r); });
  }
}

void ObjectStore::write_done(std::uint32_t slot, std::uint32_t replica) {
  Upload& u = uploads_[slot];
  B24_ASSERT(u.writes_done < params_.replicas);
  u.write_done[replica] = sim_->now();
  ++u.writes_done;
  ++replica_writes_;
  if (u.writes_done == params_.replicas) ack(slot);
}

void ObjectStore::ack(std::uint32_t slot) {
  Upload& u = uploads_[slot];
  B24_ASSERT(u.writes_done == params_.replicas);
  const sim::Instant now = sim_->now();
  ack_latency_.record(now - u.started);
  ++uploads_acked_;
  --in_flight_;
  in_flight_gauge_.set(now, static_cast<double>(in_flight_));
  writes_to_repair_targets_ += u.to_repair_targets;
  PlacementGroup& pg = pgs_[u.pg];
  ++pg.objects;
  pg.bytes += u.bytes;
  ++cell(u.pg, u.tenant);
  ++objects_stored_;
  stored_gauge_.set(now, static_cast<double>(objects_stored_));
  if (pg.live < params_.replicas) set_at_risk(objects_at_risk_ + 1);
  sim_->emit("upload_ack", entity_, {{"pg", u.pg}, {"latency", now - u.started}});
  if (observer_) {
    observer_({u.pg, u.tenant, u.started, now,
               std::span<const sim::Instant>(u.write_done.data(), params_.replicas),
               u.to_repair_targets});
  }
  free_uploads_.push_back(slot);
}

// --- Failures and repairs ------------------------------------------------------------------------

void ObjectStore::schedule_failure(std::uint32_t device) {
  if (failure_mean_s_ <= 0.0) return;
  const double delay_s = sim::Exponential(failure_mean_s_).sample(failure_rng_);
  if (delay_s > longest_failure_delay_s) return;
  devices_[device].failure =
      sim_->schedule_in(sim::from_seconds(delay_s), [this, device] { fail(device); });
}

void ObjectStore::fail_device(std::uint32_t device) {
  B24_ASSERT(device < devices_.size());
  fail(device);
}

void ObjectStore::fail(std::uint32_t device) {
  Device& d = devices_[device];
  if (!d.up) return;
  sim_->cancel(d.failure);  // harmless when this is the scheduled failure running now
  d.up = false;
  ++device_failures_;
  ++devices_down_;
  sim_->emit("device_failure", entity_, {{"device", device}});
  recorder_->event(sim_->now(), "device_failure", entity_,
                   "device " + std::to_string(device) + " in zone " +
                       std::to_string(zone_of(device)) + " failed");
  for (std::uint32_t i = device_pg_begin_[device]; i < device_pg_begin_[device + 1]; ++i) {
    const std::uint32_t pg = device_pgs_[i];
    PlacementGroup& g = pgs_[pg];
    B24_ASSERT(g.live > 0);
    if (g.live == params_.replicas) set_at_risk(objects_at_risk_ + g.objects);
    --g.live;
    if (g.live == 0) lose(pg);
  }
  const double repair_s = std::max(0.0, sim::sample(params_.repair_time_s, repair_rng_));
  sim_->schedule_in(sim::from_seconds(repair_s), [this, device] { repair(device); });
}

void ObjectStore::repair(std::uint32_t device) {
  Device& d = devices_[device];
  B24_ASSERT(!d.up);
  d.up = true;
  ++repairs_;
  --devices_down_;
  sim_->emit("device_repaired", entity_, {{"device", device}});
  double bytes = 0.0;
  for (std::uint32_t i = device_pg_begin_[device]; i < device_pg_begin_[device + 1]; ++i) {
    PlacementGroup& g = pgs_[device_pgs_[i]];
    B24_ASSERT(g.live < params_.replicas);
    ++g.live;
    bytes += g.bytes;
    if (g.live == params_.replicas) set_at_risk(objects_at_risk_ - g.objects);
  }
  repair_traffic_bytes_ += bytes;
  recorder_->event(sim_->now(), "device_repaired", entity_,
                   "device " + std::to_string(device) + " re-replicated " +
                       std::to_string(static_cast<std::uint64_t>(bytes)) + " bytes");
  schedule_failure(device);
}

// Every copy of the PG is down: its objects are gone from the store and counted lost.
void ObjectStore::lose(std::uint32_t pg) {
  PlacementGroup& g = pgs_[pg];
  ++pgs_lost_;
  objects_lost_ += g.objects;
  objects_stored_ -= g.objects;
  set_at_risk(objects_at_risk_ - g.objects);
  stored_gauge_.set(sim_->now(), static_cast<double>(objects_stored_));
  for (std::uint32_t t = 0; t < params_.tenants; ++t) {
    tenant_lost_[t] += cell(pg, t);
    cell(pg, t) = 0;
  }
  sim_->emit("object_loss", entity_, {{"pg", pg}, {"objects", g.objects}});
  recorder_->event(sim_->now(), "object_loss", entity_,
                   "all " + std::to_string(params_.replicas) + " copies of placement group " +
                       std::to_string(pg) + " down: " + std::to_string(g.objects) +
                       " objects lost");
  g.objects = 0;
  g.bytes = 0.0;
}

void ObjectStore::set_at_risk(std::uint64_t value) {
  objects_at_risk_ = value;
  at_risk_gauge_.set(sim_->now(), static_cast<double>(value));
}

// --- Outputs -------------------------------------------------------------------------------------

void ObjectStore::schedule_sample() {
  sim_->schedule_in(params_.sample_step, [this] {
    sample();
    schedule_sample();
  });
}

void ObjectStore::sample() {
  recorder_->sample(sim_->now(), entity_,
                    {{"objects_stored", static_cast<double>(objects_stored_)},
                     {"objects_at_risk", static_cast<double>(objects_at_risk_)},
                     {"objects_lost", static_cast<double>(objects_lost_)},
                     {"devices_down", static_cast<double>(devices_down_)},
                     {"repair_traffic_bytes", repair_traffic_bytes_},
                     {"uploads_acked", static_cast<double>(uploads_acked_)},
                     {"uploads_in_flight", static_cast<double>(in_flight_)}});
}

}  // namespace b24::models
