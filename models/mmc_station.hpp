#pragma once
// An M/M/c station: Poisson arrivals, c identical servers, exponential service, FIFO queue.
// The kernel demo and the model every web node's cores reduce to; its outputs have closed
// forms (queueing_theory.hpp), so it validates the kernel, the streams and the statistics.

#include <cstdint>
#include <deque>

#include "sim/distributions.hpp"
#include "sim/process.hpp"
#include "sim/simulator.hpp"
#include "sim/time_weighted_gauge.hpp"
#include "sim/welford.hpp"

namespace b24::models {

struct MmcParams {
  std::uint32_t servers = 4;
  double arrival_rate_per_s = 3.2;
  double mean_service_s = 1.0;
  sim::Duration warmup = std::chrono::hours{1};  // statistics start after it
  bool trace_customers = true;                   // one trace record per arrival and departure
};

struct MmcResult {
  std::uint64_t arrivals = 0;  // after warm-up
  std::uint64_t served = 0;    // of those, completed
  sim::Welford wait_s;         // time in queue of customers that arrived after warm-up
  sim::Welford response_s;     // queue + service
  double waited_fraction = 0;  // share of customers that found every server busy
  double mean_in_system = 0;   // time-weighted over the measured window
  double utilization = 0;      // time-weighted busy servers / c
};

class MmcStation {
 public:
  MmcStation(sim::Simulator& sim, const MmcParams& params);
  MmcStation(const MmcStation&) = delete;
  MmcStation& operator=(const MmcStation&) = delete;

  // Spawns the arrival process and schedules the end of the warm-up.
  void start();
  [[nodiscard]] MmcResult result() const;

 private:
  sim::Process arrivals();
  void arrive();
  void begin_service(sim::Instant arrived);
  void depart(sim::Instant arrived);
  [[nodiscard]] bool measuring(sim::Instant arrived) const { return arrived >= measure_from_; }

  sim::Simulator& sim_;
  MmcParams params_;
  sim::Rng arrival_rng_;
  sim::Rng service_rng_;
  sim::Exponential interarrival_;
  sim::Exponential service_;
  std::deque<sim::Instant> queue_;  // arrival instants of waiting customers
  std::uint32_t busy_ = 0;
  sim::Instant measure_from_;
  sim::TimeWeightedGauge in_system_;
  sim::TimeWeightedGauge busy_servers_;
  MmcResult result_;
  std::uint64_t waited_ = 0;
};

}  // namespace b24::models
