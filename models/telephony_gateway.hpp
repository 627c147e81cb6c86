#pragma once
// A DC's telephony gateway (SIP trunk / PSTN gateway): a fixed number of channels, each call
// holding one channel for its whole duration. Calls arrive as a Poisson stream; a call that
// finds every channel busy is blocked (lost, not queued) and counted. This is the M/G/c/c loss
// system, whose blocking probability is Erlang B for any holding-time distribution with the
// same mean (queueing_theory.hpp: erlang_b), which is what the tests check it against.
//
// The default call duration (exponential, mean 180 s) is an assumption: DOMAIN.md has no
// telephony holding-time figure. Per call nothing is allocated: the end of a call is an event
// whose handler captures only `this`.

#include <cstdint>
#include <string>

#include "sim/distributions.hpp"
#include "sim/recorder.hpp"
#include "sim/rng.hpp"
#include "sim/simulator.hpp"
#include "sim/time_weighted_gauge.hpp"

namespace b24::models {

struct TelephonyGatewayParams {
  std::uint32_t channels = 30;
  double call_rate_per_s = 0.1;                                 // Poisson arrivals, > 0
  sim::Distribution call_duration_s = sim::Exponential(180.0);  // assumption, see above
};

class TelephonyGateway {
 public:
  // `rng` is this gateway's stream; arrivals and durations use independent substreams of it, so
  // changing the duration distribution leaves the arrival instants unchanged. Throws
  // std::invalid_argument on parameters no gateway can have.
  TelephonyGateway(sim::Simulator& sim, const TelephonyGatewayParams& params, sim::Rng rng,
                   sim::Recorder& recorder, std::string entity);
  TelephonyGateway(const TelephonyGateway&) = delete;
  TelephonyGateway& operator=(const TelephonyGateway&) = delete;

  // Schedules the first arrival; calls keep arriving for as long as the simulation runs.
  void start();
  // Publishes busy_channels (now), mean_busy_channels (time-weighted since the last reset),
  // and the cumulative offered and blocked counts.
  void sample();
  // Warm-up cut: counters restart at zero and the busy-channel average restarts now. Calls in
  // progress keep their channels.
  void reset_statistics();

  [[nodiscard]] std::uint32_t channels() const noexcept { return params_.channels; }
  [[nodiscard]] std::uint32_t busy_channels() const noexcept { return busy_; }
  [[nodiscard]] std::uint64_t offered() const noexcept { return offered_; }
  [[nodiscard]] std::uint64_t carried() const noexcept { return carried_; }
  [[nodiscard]] std::uint64_t blocked() const noexcept { return blocked_; }
  // blocked / offered since the last reset (0 before any call).
  [[nodiscard]] double blocking_ratio() const noexcept;
  // Time-weighted mean of busy channels since construction or the last reset: the carried
  // load in erlangs.
  [[nodiscard]] double mean_busy_channels() const;
  // Offered load a = lambda x mean duration, in erlangs.
  [[nodiscard]] double offered_erlangs() const noexcept;
  [[nodiscard]] const std::string& entity() const noexcept { return entity_; }

 private:
  void schedule_next_arrival();
  void arrive();
  void end_call();

  sim::Simulator* sim_;
  TelephonyGatewayParams params_;
  sim::Rng arrival_rng_;
  sim::Rng duration_rng_;
  sim::Exponential interarrival_;
  sim::Recorder* recorder_;
  std::string entity_;
  std::uint32_t busy_ = 0;
  std::uint64_t offered_ = 0;
  std::uint64_t carried_ = 0;
  std::uint64_t blocked_ = 0;
  sim::TimeWeightedGauge busy_channels_;
};

}  // namespace b24::models
