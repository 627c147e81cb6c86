#pragma once
// The figures of the calls of a platform run (issue 5), for the summary. Plain data filled by
// models::CallService::totals().

#include <cstdint>
#include <string>
#include <vector>

namespace b24::models {

struct DcCallTotals {
  std::string name;
  std::uint64_t peak_active_calls = 0;  // signalled through this DC at once
  double peak_relay_mbps = 0.0;         // in + out
  std::uint64_t peak_relay_allocations = 0;
  std::uint64_t peak_relayed_streams = 0;
  std::uint64_t relay_failures = 0;  // turn_failure faults and whole-DC failures
  std::uint64_t phone_offered = 0;
  std::uint64_t phone_blocked = 0;
};

struct CallTotals {
  std::uint64_t started = 0;  // call attempts (1:1 + group + storm)
  std::uint64_t one_to_one = 0;
  std::uint64_t group = 0;
  std::uint64_t storm = 0;  // group calls of the storms (also counted in `group`)
  std::uint64_t connected = 0;
  std::uint64_t completed = 0;  // ran to their planned end (after a re-establishment or not)
  std::uint64_t in_progress_at_end = 0;
  // Failed at set-up, by reason.
  std::uint64_t failed_signalling_dc_down = 0;
  std::uint64_t failed_no_relay_capacity = 0;
  std::uint64_t failed_no_healthy_relay = 0;
  // Degraded: group calls where a participant fell back to audio (its access link cannot carry
  // (N-1) video streams, or the relay had room only for audio), and relayed pairs left out.
  std::uint64_t degraded_calls = 0;
  std::uint64_t degraded_participants = 0;  // by their access link
  std::uint64_t relay_audio_fallbacks = 0;  // group calls whose relayed streams went audio-only
  std::uint64_t relay_pairs_unconnected = 0;
  // Faults.
  std::uint64_t dropped = 0;  // by a DC failure or a TURN relay failure
  std::uint64_t reestablished = 0;
  std::uint64_t lost_after_drop = 0;  // planned end came before they could re-establish
  // ICE, over every call set up on a live DC: pairs and those ICE put on a relay (whether or not
  // a relay then had room), so relayed_share is the one the network mix predicts.
  std::uint64_t pairs = 0;
  std::uint64_t relayed_pairs = 0;
  double relayed_share = 0.0;       // of pairs
  double relayed_share_ci95 = 0.0;  // binomial half-width (pairs of a group call correlate)
  double expected_relay_share = 0.0;
  // Streams of the connected calls (one-way, each counted once: N x (N-1) per call) and those
  // that crossed a relay.
  std::uint64_t streams = 0;
  std::uint64_t relayed_streams = 0;
  // Set-up and interruption times, microseconds.
  std::int64_t setup_p50_us = 0, setup_p95_us = 0, setup_p99_us = 0;
  std::int64_t interruption_p50_us = 0, interruption_p95_us = 0, interruption_max_us = 0;
  std::uint64_t phone_offered = 0;
  std::uint64_t phone_blocked = 0;
  std::vector<DcCallTotals> dcs;  // topology order
};

}  // namespace b24::models
