#include "cli/storage_summary.hpp"

#include <cmath>
#include <cstdio>

#include "models/durability_theory.hpp"

namespace b24::cli {
namespace {

double ms(std::int64_t us) {
  return static_cast<double>(us) / 1000.0;
}

// JSON has no infinity: a figure that is infinite (nothing can be lost) is written as -1.
double finite_or_minus_one(double v) {
  return std::isfinite(v) ? v : -1.0;
}

// The annual loss probability the run implies: measured (lost / object-years) when anything
// was lost, else the Markov model's (a run without losses cannot measure 11 nines).
struct Implied {
  double loss;
  const char* source;
};
Implied implied(const models::StorageTotals& t) {
  if (t.objects_lost > 0) return {t.empirical_annual_loss_rate, "measured"};
  return {t.analytic_annual_loss_probability, "analytic"};
}

reports::Summary durability(const models::StorageTotals& t) {
  const Implied i = implied(t);
  const double empirical_pct =
      t.objects_lost > 0 ? 100.0 * (1.0 - t.empirical_annual_loss_rate) : -1.0;
  return reports::Summary{}
      .add("object_years", t.object_years)
      .add("empirical_annual_loss_rate", t.empirical_annual_loss_rate)
      .add("empirical_annual_durability_pct", empirical_pct)
      .add("analytic_annual_loss_probability", t.analytic_annual_loss_probability)
      .add("analytic_annual_durability_pct", 100.0 * (1.0 - t.analytic_annual_loss_probability))
      .add("analytic_nines",
           finite_or_minus_one(models::nines_from_loss(t.analytic_annual_loss_probability)))
      .add("analytic_mttdl_years", finite_or_minus_one(t.analytic_mttdl_years))
      .add("analytic_expected_initial_losses", t.analytic_expected_initial_losses)
      .add("implied_source", i.source)
      .add("implied_annual_durability_pct", 100.0 * (1.0 - i.loss))
      .add("implied_nines", finite_or_minus_one(models::nines_from_loss(i.loss)))
      .add("design_annual_durability_pct", 100.0 * (1.0 - design_annual_loss_probability))
      .add("design_nines", models::nines_from_loss(design_annual_loss_probability))
      .add("meets_design", i.loss <= design_annual_loss_probability);
}

}  // namespace

reports::Summary make_storage_summary(reports::Summary run, const models::ObjectStoreParams& p,
                                      const models::StorageTotals& t) {
  reports::Summary layout;
  layout.add("region", p.name)
      .add("zones", p.zones)
      .add("devices", std::uint64_t{p.zones} * p.devices_per_zone)
      .add("replicas", p.replicas)
      .add("placement_groups", p.placement_groups)
      .add("tenants", p.tenants);
  reports::Summary uploads;
  uploads.add("arrived", t.uploads_arrived)
      .add("acked", t.uploads_acked)
      .add("in_flight_at_end", t.uploads_in_flight_at_end)
      .add("replica_writes", t.replica_writes)
      .add("writes_to_repair_targets", t.writes_to_repair_targets);
  reports::Summary latency;
  latency.add("mean_ms", 1000.0 * t.ack_mean_s)
      .add("p50_ms", ms(t.ack_p50_us))
      .add("p99_ms", ms(t.ack_p99_us))
      .add("max_ms", ms(t.ack_max_us));
  reports::Summary objects;
  objects.add("initial", t.objects_initial)
      .add("stored_at_end", t.objects_stored)
      .add("lost", t.objects_lost)
      .add("placement_groups_lost", t.placement_groups_lost)
      .add("tenants_with_loss", t.tenants_with_loss)
      .add("at_risk_max", t.objects_at_risk_max)
      .add("at_risk_mean", t.objects_at_risk_mean);
  reports::Summary devices;
  devices.add("failures", t.device_failures)
      .add("repairs", t.repairs_completed)
      .add("down_at_end", t.devices_down_at_end)
      .add("repair_traffic_bytes", t.repair_traffic_bytes);
  reports::Summary summary;
  summary.add("run", std::move(run))
      .add("storage", reports::Summary{}
                          .add("layout", std::move(layout))
                          .add("uploads", std::move(uploads))
                          .add("ack_latency", std::move(latency))
                          .add("objects", std::move(objects))
                          .add("devices", std::move(devices))
                          .add("durability", durability(t)))
      .add("littles_law", reports::Summary{}
                              .add("mean_in_system", t.littles_l)
                              .add("arrival_rate_x_mean_time", t.littles_lambda_w));
  return summary;
}

void print_storage_totals(const models::StorageTotals& t) {
  const auto u = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
  std::printf("  uploads %llu acked, latency p50 %.1f ms, p99 %.1f ms, mean %.1f ms\n",
              u(t.uploads_acked), ms(t.ack_p50_us), ms(t.ack_p99_us), 1000.0 * t.ack_mean_s);
  std::printf("  devices: %llu failures, %llu repairs, %.3g TB re-replicated\n",
              u(t.device_failures), u(t.repairs_completed), t.repair_traffic_bytes / 1e12);
  std::printf("  objects: %llu stored, %llu lost (%llu PGs), at risk max %llu, mean %.1f\n",
              u(t.objects_stored), u(t.objects_lost), u(t.placement_groups_lost),
              u(t.objects_at_risk_max), t.objects_at_risk_mean);
  const Implied i = implied(t);
  std::printf("  durability (%s): %.1f nines per year (design: 11 nines); MTTDL %.3g years\n",
              i.source, models::nines_from_loss(i.loss), t.analytic_mttdl_years);
}

}  // namespace b24::cli
