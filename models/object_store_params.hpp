#pragma once
// Parameters of one region's object store (issue 5, "Storage"): S3-like per-tenant buckets whose
// objects are kept as N replicas in N distinct failure domains (availability zones).
// Defaults: sourced where DOMAIN.md or a cited page has a figure; "Assumption" otherwise.

#include <cstdint>
#include <optional>
#include <string>

#include "sim/distributions.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct ObjectStoreParams {
  std::string name = "region";  // the DC whose store this is: entity "storage/<name>"
  // S3 Standard stores every object in >= 3 AZs (DOMAIN.md 6): 3 zones, 3 replicas.
  std::uint32_t zones = 3;
  std::uint32_t devices_per_zone = 100;  // Assumption: a small region's disks per zone
  std::uint32_t replicas = 3;            // DOMAIN.md 6 (>= 3 AZs); <= zones, <= max_replicas
  // Ceph-style placement groups: each object hashes to one, each maps to `replicas` devices in
  // distinct zones. Assumption: Ceph's guidance of ~100 PGs per device divided by the replica
  // count is far more than needed here; 1024 keeps per-failure work small.
  std::uint32_t placement_groups = 1024;
  std::uint32_t tenants = 100;                // one bucket each. Assumption
  std::uint64_t initial_objects = 1'000'000;  // stored at the start, spread evenly. Assumption
  // Bytes per object, for repair traffic. Assumption: lognormal, mean 256 KiB, sd 1 MiB
  // (many small objects, a heavy tail of large ones).
  sim::Distribution object_size_bytes = sim::LogNormal::from_mean_stddev(262'144.0, 1'048'576.0);
  double upload_rate_per_s = 1.0;  // Poisson uploads. Assumption
  // Uploads arrive only during [0, upload_window); nullopt: the whole run. A burst at the start
  // lets a multi-year run of device failures stay fast.
  std::optional<sim::Duration> upload_window{};
  // One replica write: the intra-region round trip to another AZ plus the disk write, in
  // seconds. Assumption: lognormal, mean 8 ms, sd 4 ms (AWS describes inter-AZ latency as
  // single-digit milliseconds; no sourced per-write figure).
  sim::Distribution write_latency_s = sim::LogNormal::from_mean_stddev(0.008, 0.004);
  // Annual failure rate per device, used as a Poisson rate (failures per device-year), which is
  // how Backblaze defines AFR: failures / (drive days / 365). Backblaze's fleet-wide AFR was
  // 1.25-1.95 %/year in 2016-2018 and 1.54-2.28 % per quarter in 2023 (3p: myce.com,
  // arstechnica via techplayce.com): 1.5 % is in that range.
  double device_afr = 0.015;
  // Time to re-create a failed device's replicas from the survivors, in seconds. Assumption:
  // exponential, mean 24 h (refilling a multi-TB disk at ~100-200 MB/s takes about a day);
  // exponential so that the Markov model (durability_theory.hpp) applies exactly.
  sim::Distribution repair_time_s = sim::Exponential(86'400.0);
  sim::Duration sample_step = std::chrono::hours{1};  // time-series resolution
};

// The largest replica count the store supports (an upload keeps one completion instant per
// replica in place).
inline constexpr std::uint32_t max_replicas = 8;
// PGs x tenants counters are kept per cell; this bounds their memory (16 MiB).
inline constexpr std::uint64_t max_pg_tenant_cells = std::uint64_t{1} << 22;

}  // namespace b24::models
