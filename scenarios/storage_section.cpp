// `storage:` (issue 5): one region's object store, a scenario of its own (no topology, no web
// tier). Every key is optional; the defaults and their sources are in
// models/object_store_params.hpp and the reference is scenarios/README.md ("storage").
//
//   storage:
//     name: fra
//     zones: 3
//     devices_per_zone: 200
//     replicas: 3
//     placement_groups: 4096
//     tenants: 500
//     initial_objects: 20000000
//     object_size: {mean: 256KiB, stddev: 1MiB}     # or a constant: 256KiB
//     upload_rate: 5/s
//     upload_window: 1h
//     write_latency: {distribution: lognormal, mean: 8ms, stddev: 4ms}
//     device_afr: 1.5%
//     repair_time: {distribution: exponential, mean: 24h}

#include <cmath>
#include <string>

#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

// Sizes up to a terabyte: far beyond any object, far below double's exact integers.
constexpr std::int64_t largest_object_bytes = 1'000'000'000'000;

// A bare size (every object the same) or {mean, stddev} (lognormal with those moments).
void read_object_size(const NodeView& storage, sim::Distribution& out) {
  const NodeView value = storage.value("object_size");
  if (!value.present()) {
    if (value.records_default()) value.note_default(size_distribution_text(out));
    return;
  }
  if (value.is_scalar()) {
    const auto bytes = value.as_size_bytes({.max = largest_object_bytes});
    if (bytes) out = sim::Constant(static_cast<double>(*bytes));
    return;
  }
  if (!value.is_mapping()) {
    value.error("expected a size like 256KiB or a mapping like {mean: 256KiB, stddev: 1MiB}");
    return;
  }
  const NodeView spec = storage.child("object_size");
  const auto mean = spec.require_value("mean").as_size_bytes({.max = largest_object_bytes});
  const auto stddev = spec.require_value("stddev").as_size_bytes({.max = largest_object_bytes});
  if (!mean || !stddev) return;
  if (*mean == 0) {
    spec.error("mean", "expected a positive size, found " + quote(spec.value("mean").text()));
    return;
  }
  out = sim::LogNormal::from_mean_stddev(static_cast<double>(*mean), static_cast<double>(*stddev));
}

void read_name(const NodeView& storage, std::string& out) {
  const NodeView value = storage.value("name");
  if (!value.present()) {
    if (value.records_default()) value.note_default(string_text(out));
    return;
  }
  const std::optional<std::string> name = value.as_string({.allow_empty = false});
  if (!name) return;
  if (!is_entity_name(*name)) {
    value.error(
        "expected letters, digits, '-' or '_' (it names the entity storage/<name>), found " +
        quote(*name));
    return;
  }
  out = *name;
}

void read_rates(const NodeView& storage, models::ObjectStoreParams& out) {
  if (const NodeView rate = storage.value("upload_rate"); rate.present()) {
    if (const auto r = rate.as_rate_per_s({.max = 1e6})) out.upload_rate_per_s = *r;
  } else if (rate.records_default()) {
    rate.note_default(rate_text(out.upload_rate_per_s));
  }
  // Absent: uploads all through the run, which no written window says.
  if (const NodeView window = storage.value("upload_window"); window.present()) {
    if (const auto w = window.as_duration()) out.upload_window = *w;
  }
  // A rate per device-year, so above 100 % is allowed (stress runs); 1000/year at most.
  read_fraction(storage, "device_afr", out.device_afr, {.min = 0.0, .max = 1000.0});
  read_time_distribution(storage, "write_latency", out.write_latency_s);
  if (read_time_distribution(storage, "repair_time", out.repair_time_s) &&
      !(sim::mean(out.repair_time_s) > 0.0)) {
    storage.error("repair_time", "the mean repair time must be positive");
  }
}

// Counts first; the cross-checks only on values that were read correctly.
void read_layout(const NodeView& storage, models::ObjectStoreParams& out) {
  const bool zones_ok = read_u32(storage, "zones", out.zones, {.min = 1, .max = 64});
  read_u32(storage, "devices_per_zone", out.devices_per_zone, {.min = 1, .max = 1'000'000});
  const bool replicas_ok =
      read_u32(storage, "replicas", out.replicas, {.min = 1, .max = models::max_replicas});
  const bool pgs_ok =
      read_u32(storage, "placement_groups", out.placement_groups, {.min = 1, .max = 1 << 20});
  const bool tenants_ok = read_u32(storage, "tenants", out.tenants, {.min = 1, .max = 1'000'000});
  const NodeView initial = storage.value("initial_objects");
  if (initial.records_default()) {
    initial.note_default(integer_text(static_cast<std::int64_t>(out.initial_objects)));
  }
  if (const auto n = initial.as_int64({.min = 0, .max = 1'000'000'000'000})) {
    out.initial_objects = static_cast<std::uint64_t>(*n);
  }
  if (zones_ok && replicas_ok && out.replicas > out.zones) {
    storage.error("replicas", "replicas (" + std::to_string(out.replicas) +
                                  ") must not exceed zones (" + std::to_string(out.zones) +
                                  "): each copy is in a zone of its own");
  }
  if (pgs_ok && tenants_ok &&
      std::uint64_t{out.placement_groups} * out.tenants > models::max_pg_tenant_cells) {
    storage.error("tenants", "placement_groups x tenants must be at most " +
                                 std::to_string(models::max_pg_tenant_cells) +
                                 " (objects are counted per placement group per tenant)");
  }
}

}  // namespace

void read_storage(const NodeView& storage, models::ObjectStoreParams& out) {
  read_name(storage, out.name);
  read_layout(storage, out);
  read_object_size(storage, out.object_size_bytes);
  read_rates(storage, out);
}

}  // namespace b24::scenarios::detail
