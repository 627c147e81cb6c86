#pragma once
// One tenant cohort at run time: its arrivals, the DC its clients reach, and what happened to
// its requests. The placement policy decides which DC the cohort works with (`assigned`); the
// clients follow after their cached DNS answers expire, spread evenly over the reconnection
// window, so for a while some requests still go to the previous DC.

#include <cstdint>
#include <memory>
#include <string>

#include "models/platform_params.hpp"
#include "models/topology.hpp"
#include "models/workload.hpp"
#include "policy/placement.hpp"
#include "sim/rng.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

struct CohortCounters {
  std::uint64_t arrived = 0;
  std::uint64_t failed_unreachable = 0;  // the DC its client reached was down
  std::uint64_t moves = 0;
  std::uint64_t failbacks = 0;
  std::uint64_t residency_violations = 0;
  double conflicting_writes = 0.0;
};

class Cohort {
 public:
  Cohort(sim::Simulator& sim, const CohortParams& params, std::uint32_t index, DcId home,
         sim::Duration client_reconnect, Workload::Sink sink);
  Cohort(const Cohort&) = delete;
  Cohort& operator=(const Cohort&) = delete;

  void start() { workload_->start(); }

  // The DC the next request of a client reaches: the assigned DC once the reconnection window
  // has passed, before that the previous DC for a share of clients falling linearly to zero.
  [[nodiscard]] DcId client_dc();
  // The policy moved the cohort: clients start switching now.
  void move_to(DcId dc, sim::Instant now);
  [[nodiscard]] bool switching(sim::Instant now) const {
    return now < switch_start_ + reconnect_ && previous_ != assigned_;
  }

  [[nodiscard]] const CohortParams& params() const noexcept { return params_; }
  [[nodiscard]] std::uint32_t index() const noexcept { return index_; }
  [[nodiscard]] DcId home() const noexcept { return home_; }
  [[nodiscard]] DcId assigned() const noexcept { return assigned_; }
  [[nodiscard]] sim::Instant assigned_since() const noexcept { return switch_start_; }
  [[nodiscard]] double rate_per_s(sim::Instant t) const { return workload_->rate_per_s(t); }
  [[nodiscard]] CohortCounters& counters() noexcept { return counters_; }
  [[nodiscard]] const CohortCounters& counters() const noexcept { return counters_; }
  [[nodiscard]] const std::string& entity() const noexcept { return entity_; }

 private:
  sim::Simulator* sim_;
  CohortParams params_;
  std::uint32_t index_;
  std::string entity_;
  DcId home_;
  DcId assigned_;
  DcId previous_;
  sim::Instant switch_start_{};
  sim::Duration reconnect_;
  sim::Rng switch_rng_;
  std::unique_ptr<Workload> workload_;
  CohortCounters counters_;
};

}  // namespace b24::models
