#include "models/workload.hpp"

#include <cmath>

#include "sim/distributions.hpp"

namespace b24::models {

void DailyProfile::validate() const {
  B24_ASSERT_MSG(!points.empty(), "a daily profile needs at least one point");
  bool has_peak = false;
  for (std::size_t i = 0; i < points.size(); ++i) {
    B24_ASSERT_MSG(points[i].hour >= 0.0 && points[i].hour < 24.0, "profile hour outside [0, 24)");
    B24_ASSERT_MSG(i == 0 || points[i].hour > points[i - 1].hour, "profile hours must ascend");
    B24_ASSERT_MSG(points[i].multiplier >= 0.0 && points[i].multiplier <= 1.0,
                   "profile multiplier outside [0, 1]");
    has_peak = has_peak || points[i].multiplier == 1.0;
  }
  B24_ASSERT_MSG(has_peak, "a daily profile's largest multiplier must be 1 (the peak)");
}

double DailyProfile::multiplier_at(double hour) const {
  const std::size_t n = points.size();
  if (n == 1) return points[0].multiplier;
  // Find the segment [a, b) holding `hour`, wrapping from the last point to the first.
  std::size_t b = 0;
  while (b < n && points[b].hour <= hour) ++b;
  const Point& pa = points[(b + n - 1) % n];
  const Point& pb = points[b % n];
  double span = pb.hour - pa.hour;
  double into = hour - pa.hour;
  if (span <= 0.0) span += 24.0;
  if (into < 0.0) into += 24.0;
  return pa.multiplier + (pb.multiplier - pa.multiplier) * (into / span);
}

Workload::Workload(sim::Simulator& sim, const WorkloadParams& params, sim::Rng rng, Sink sink)
    : sim_(sim), params_(params), rng_(rng), sink_(std::move(sink)) {
  B24_ASSERT_MSG(params.peak_rate_per_s > 0.0, "peak rate must be positive");
  params_.profile.validate();
}

void Workload::start() {
  sim_.spawn(arrivals());
}

double Workload::rate_per_s(sim::Instant t) const {
  const double local_s = sim::to_seconds((t + params_.utc_offset).time_since_epoch());
  const double hour = std::fmod(std::fmod(local_s / 3600.0, 24.0) + 24.0, 24.0);
  return params_.peak_rate_per_s * params_.profile.multiplier_at(hour);
}

sim::Process Workload::arrivals() {
  const sim::Exponential gap(1.0 / params_.peak_rate_per_s);
  for (;;) {
    co_await sim::delay(sim_, sim::from_seconds(gap.sample(rng_)));
    // Thinning: one uniform per candidate, always drawn, so the stream stays aligned.
    const double keep = rng_.uniform01();
    if (keep * params_.peak_rate_per_s < rate_per_s(sim_.now())) {
      sink_(Request{next_id_++, sim_.now()});
    }
  }
}

}  // namespace b24::models
