#pragma once
// WebRTC calls of the platform's cohorts (issue 5): 1:1 and mesh group calls arriving per
// cohort along its daily profile plus scheduled storms; ICE per participant pair
// (policy::decide_ice_path on network types drawn from the scenario's mix); TURN relays per DC
// with allocation and bandwidth capacity, chosen by policy::decide_relay; set-up time from the
// signalling path and ICE; one telephony gateway per DC; drops on DC and relay failures and
// re-establishment through the DC the cohort is moved to.
//
// What a call holds is counted, not stored per participant: its relayed pairs (TURN
// allocations: one per relayed pair, an assumption: the side behind the firewall or either
// symmetric NAT allocates) and its relay bandwidth (every relayed stream in and out). Calls live
// in a slot array reused through a free list, so steady state allocates nothing per call; event
// handlers capture `this`, a slot and its generation.
//
// Simplifications (documented in scenarios/README.md): resources are held from the arrival (the
// set-up time is an output, not a delay); a call's participants sit at its cohort's home; phone
// calls are the gateways' own Poisson arrivals per DC, not routed through cohorts, and keep
// running while a DC is down.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/call_params.hpp"
#include "models/call_totals.hpp"
#include "models/cohort.hpp"
#include "models/telephony_gateway.hpp"
#include "models/topology.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/rng.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

// What the call service sees of the platform: the topology (DC up/down), the cohorts (home,
// assigned DC, load) and the extra client round trip from a home to a serving DC.
struct CallWorld {
  const Topology* topology = nullptr;
  std::span<const std::unique_ptr<Cohort>> cohorts;
  const std::vector<std::vector<std::int32_t>>* client_rtt_us = nullptr;  // [home][dc]
};

class CallService {
 public:
  static constexpr std::uint32_t max_participants = 16;

  CallService(sim::Simulator& sim, const CallParams& params, CallWorld world,
              sim::Recorder& recorder);
  CallService(const CallService&) = delete;
  CallService& operator=(const CallService&) = delete;

  void start();
  // Whole-DC failure: its relay goes with it; calls signalled or relayed there drop.
  void on_dc_failed(DcId dc);
  void on_dc_recovered(DcId dc);
  // TURN-only outage (fault kind turn_failure): calls relayed there drop and re-establish on
  // another relay.
  void fail_relay(DcId dc);
  void recover_relay(DcId dc);
  void sample();
  [[nodiscard]] CallTotals totals() const;

  // Starts one call now (arrivals and storms call this; tests too). `size` >= 2. A positive
  // `length` replaces the drawn duration (the draw is made all the same).
  void start_call(std::uint32_t cohort, std::uint32_t size, bool storm,
                  sim::Duration length = sim::Duration::zero());

 private:
  enum class State : std::uint8_t { free, active, reconnecting };
  struct Call {
    sim::Instant ends_at{};
    sim::Instant dropped_at{};
    double relay_mbps = 0.0;
    std::uint32_t generation = 0;
    std::uint32_t cohort = 0;
    std::uint32_t signalling_dc = 0;
    std::int32_t relay_dc = -1;
    std::uint32_t relayed_pairs = 0;
    std::uint32_t relayed_streams = 0;
    std::uint8_t check_position = 0;  // 1 host, 2 srflx, 3 relay: checks paced before success
    State state = State::free;
  };
  struct DcState {
    std::string entity;
    bool relay_failed = false;
    std::uint64_t active_calls = 0;
    std::uint64_t allocations = 0;
    std::uint64_t relayed_streams = 0;
    double relay_mbps = 0.0;
    DcCallTotals peaks;
  };
  struct CohortArrivals {
    sim::Rng one_to_one;
    sim::Rng group;
    sim::Rng attributes;
    double one_to_one_peak_per_s = 0.0;
    double group_peak_per_s = 0.0;
  };
  // The media of a call being set up: counted over its participant pairs.
  struct Mesh {
    std::uint32_t pairs = 0;
    std::uint32_t relayed_pairs = 0;
    std::uint32_t degraded = 0;
    double relay_mbps = 0.0;        // at the bitrates the access links allow
    double relay_audio_mbps = 0.0;  // every relayed stream audio-only
    std::uint8_t check_position = 1;
  };

  void schedule_arrival(std::uint32_t cohort, bool group);
  void arrive(std::uint32_t cohort, bool group);
  void schedule_storms();
  void storm_call(std::uint32_t storm, std::uint32_t i);
  [[nodiscard]] Mesh draw_mesh(std::uint32_t size, sim::Rng& rng);
  [[nodiscard]] policy::RelayDecision choose_relay(std::uint32_t cohort, std::uint32_t tenant_dc,
                                                   std::uint32_t allocations, double mbps);
  [[nodiscard]] sim::Duration setup_time(std::uint32_t cohort, std::uint32_t dc, std::int32_t relay,
                                         std::uint8_t check_position, bool signalling) const;
  [[nodiscard]] std::optional<std::int32_t> place_relay(std::uint32_t cohort, std::uint32_t dc,
                                                        bool group, Mesh& mesh, bool& degraded);
  [[nodiscard]] bool relay_healthy(std::uint32_t dc) const;
  void count_failure(policy::RelayOutcome outcome);
  std::uint32_t take_slot();
  void hold(Call& call);
  void release(Call& call);
  void end_call(std::uint32_t slot, std::uint32_t generation);
  void drop_where(std::uint32_t dc, bool signalling_too, const char* why);
  void retry(std::uint32_t slot, std::uint32_t generation);
  [[nodiscard]] std::int32_t rtt_us(std::uint32_t cohort, std::uint32_t dc) const;

  sim::Simulator* sim_;
  CallParams params_;
  CallWorld world_;
  sim::Recorder* recorder_;
  sim::Exponential unit_exponential_{1.0};
  sim::Discrete network_types_;
  sim::Discrete access_links_;
  std::vector<CohortArrivals> arrivals_;
  std::vector<DcState> dcs_;
  std::vector<std::unique_ptr<TelephonyGateway>> gateways_;
  std::vector<Call> calls_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<std::vector<std::uint32_t>> storm_cohorts_;  // [storm][i]: the i-th call's cohort
  sim::Rng storm_rng_;
  sim::Rng duration_rng_;
  std::vector<policy::RelayCandidate> candidates_;  // scratch, reused per decision
  sim::LatencyHistogram setup_;
  sim::LatencyHistogram interruption_;
  CallTotals totals_;
};

// Validates what the loader cannot see alone; throws std::invalid_argument.
void validate(const CallParams& params);

}  // namespace b24::models
