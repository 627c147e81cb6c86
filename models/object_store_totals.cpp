// ObjectStore::totals(): the run's figures, with the analytic durability next to the measured
// one (durability_theory.hpp).

#include <algorithm>
#include <limits>
#include <optional>

#include "models/durability_theory.hpp"
#include "models/object_store.hpp"

namespace b24::models {

namespace {

constexpr double seconds_per_year = 365.25 * 86'400.0;

// The Markov model of this store, rates per year; nullopt when devices never fail.
std::optional<DurabilityModel> markov_model(const ObjectStoreParams& p) {
  if (p.device_afr <= 0.0) return std::nullopt;
  return DurabilityModel{p.replicas, p.device_afr, seconds_per_year / sim::mean(p.repair_time_s)};
}

void add_theory(const ObjectStoreParams& p, double elapsed_years, StorageTotals& t) {
  const std::optional<DurabilityModel> model = markov_model(p);
  if (!model) {
    t.analytic_mttdl_years = std::numeric_limits<double>::infinity();
    return;
  }
  t.analytic_annual_loss_probability = loss_probability(*model, 1.0);
  t.analytic_mttdl_years = mean_time_to_data_loss(*model);
  t.analytic_expected_initial_losses =
      static_cast<double>(t.objects_initial) * loss_probability(*model, elapsed_years);
}

}  // namespace

StorageTotals ObjectStore::totals() const {
  const sim::Instant now = sim_->now();
  const double elapsed_s = sim::to_seconds(now - stored_gauge_.start());
  StorageTotals t;
  t.uploads_arrived = uploads_arrived_;
  t.uploads_acked = uploads_acked_;
  t.uploads_in_flight_at_end = in_flight_;
  t.replica_writes = replica_writes_;
  t.writes_to_repair_targets = writes_to_repair_targets_;
  t.ack_mean_s = ack_latency_.mean() / 1e6;
  t.ack_p50_us = ack_latency_.percentile(50.0);
  t.ack_p99_us = ack_latency_.percentile(99.0);
  t.ack_max_us = ack_latency_.max();
  t.objects_initial = params_.initial_objects;
  t.objects_stored = objects_stored_;
  t.objects_lost = objects_lost_;
  t.placement_groups_lost = pgs_lost_;
  t.tenants_with_loss = static_cast<std::uint32_t>(
      std::count_if(tenant_lost_.begin(), tenant_lost_.end(), [](auto n) { return n > 0; }));
  t.device_failures = device_failures_;
  t.repairs_completed = repairs_;
  t.devices_down_at_end = devices_down_;
  t.repair_traffic_bytes = repair_traffic_bytes_;
  t.objects_at_risk_max = static_cast<std::uint64_t>(at_risk_gauge_.max());
  t.objects_at_risk_mean = at_risk_gauge_.mean(now);
  t.object_years = stored_gauge_.integral(now) / seconds_per_year;
  if (objects_lost_ > 0 && t.object_years > 0.0) {
    t.empirical_annual_loss_rate = static_cast<double>(objects_lost_) / t.object_years;
  }
  add_theory(params_, elapsed_s / seconds_per_year, t);
  if (elapsed_s > 0.0) {
    t.littles_l = in_flight_gauge_.mean(now);
    t.littles_lambda_w = static_cast<double>(uploads_acked_) / elapsed_s * t.ack_mean_s;
  }
  return t;
}

}  // namespace b24::models
