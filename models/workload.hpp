#pragma once
// Request arrivals: a non-homogeneous Poisson process whose rate follows a daily profile
// (busy at noon, quiet at night: DOMAIN.md section 8). Generated lazily by thinning (Lewis &
// Shedler): candidates arrive at the profile's peak rate and each is kept with probability
// rate(t) / peak, so only the next arrival is ever pending and memory does not grow with the
// simulated duration.

#include <cstdint>
#include <functional>
#include <vector>

#include "models/request.hpp"
#include "sim/process.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

// Rate multiplier by hour of the day, linear between points and wrapping at midnight.
struct DailyProfile {
  struct Point {
    double hour;        // [0, 24)
    double multiplier;  // of the peak rate, in [0, 1]
  };
  std::vector<Point> points{{0.0, 1.0}};  // flat by default

  // Checks hours ascending in [0, 24) and multipliers in [0, 1] with at least one equal to 1.
  void validate() const;
  [[nodiscard]] double multiplier_at(double hour_of_day) const;
};

struct WorkloadParams {
  double peak_rate_per_s = 100.0;
  DailyProfile profile;
  sim::Duration utc_offset{0};  // the tenants' local time = simulated UTC + offset
};

class Workload {
 public:
  using Sink = std::function<void(const Request&)>;
  Workload(sim::Simulator& sim, const WorkloadParams& params, sim::Rng rng, Sink sink);

  void start();
  [[nodiscard]] double rate_per_s(sim::Instant t) const;
  [[nodiscard]] std::uint64_t generated() const noexcept { return next_id_; }

 private:
  sim::Process arrivals();

  sim::Simulator& sim_;
  WorkloadParams params_;
  sim::Rng rng_;
  Sink sink_;
  std::uint64_t next_id_ = 0;
};

}  // namespace b24::models
