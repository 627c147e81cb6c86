// CallService: setting a call up. Draw each participant's network type and access link, run
// ICE on every pair (policy::decide_ice_path), pick a TURN relay for the relayed pairs
// (policy::decide_relay), degrade or fail when the relay or an access link has no room, and
// record the set-up time.

#include <algorithm>
#include <array>
#include <optional>

#include "models/call_service.hpp"
#include "sim/assert.hpp"

namespace b24::models {
namespace {

constexpr std::array<policy::NetworkType, 4> type_of_index{
    policy::NetworkType::same_lan, policy::NetworkType::open_nat,
    policy::NetworkType::symmetric_nat, policy::NetworkType::restrictive_firewall};

std::uint8_t check_position(policy::CandidateType type) {
  // ICE checks pairs in preference order (host, srflx, relay: RFC 8445), one every Ta.
  switch (type) {
    case policy::CandidateType::host:
      return 1;
    case policy::CandidateType::server_reflexive:
      return 2;
    case policy::CandidateType::relay:
      return 3;
  }
  return 3;
}

}  // namespace

// Every pair of the mesh exchanges two one-way streams. A participant whose uplink or downlink
// cannot carry (N-1) video streams sends and receives audio-only (receiver-side bandwidth
// estimation lowers its peers' rate towards it too); a relayed pair's streams cross the relay
// in and out.
CallService::Mesh CallService::draw_mesh(std::uint32_t size, sim::Rng& rng) {
  B24_ASSERT(size >= 2 && size <= max_participants);
  std::array<policy::NetworkType, max_participants> type{};
  std::array<bool, max_participants> audio_only{};
  const bool same_site = rng.uniform01() < params_.same_site_share;
  const double need_mbps = (size - 1) * params_.video_kbps / 1000.0;
  Mesh mesh;
  for (std::uint32_t i = 0; i < size; ++i) {
    type[i] = type_of_index[network_types_.sample(rng)];
    const AccessLink& link = params_.access[access_links_.sample(rng)];
    audio_only[i] = link.uplink_mbps < need_mbps || link.downlink_mbps < need_mbps;
    if (audio_only[i]) ++mesh.degraded;
  }
  const double audio_relay_mbps = 2.0 * 2.0 * params_.audio_kbps / 1000.0;
  for (std::uint32_t i = 0; i < size; ++i) {
    for (std::uint32_t j = i + 1; j < size; ++j) {
      ++mesh.pairs;
      const policy::IceDecision d = policy::decide_ice_path(type[i], type[j], same_site);
      mesh.check_position = std::max(mesh.check_position, check_position(d.candidate));
      if (d.candidate != policy::CandidateType::relay) continue;
      ++mesh.relayed_pairs;
      const double kbps = audio_only[i] || audio_only[j] ? params_.audio_kbps : params_.video_kbps;
      mesh.relay_mbps += 2.0 * 2.0 * kbps / 1000.0;  // two streams, each in and out
      mesh.relay_audio_mbps += audio_relay_mbps;
    }
  }
  return mesh;
}

bool CallService::relay_healthy(std::uint32_t dc) const {
  return !dcs_[dc].relay_failed && world_.topology->dc_up(DcId{dc});
}

policy::RelayDecision CallService::choose_relay(std::uint32_t cohort, std::uint32_t tenant_dc,
                                                std::uint32_t allocations, double mbps) {
  candidates_.clear();
  for (std::uint32_t i = 0; i < dcs_.size(); ++i) {
    const DcState& d = dcs_[i];
    policy::RelayCandidate r;
    r.id = i;
    r.healthy = relay_healthy(i);
    r.has_room = d.allocations + allocations <= params_.relay.allocations &&
                 d.relay_mbps + mbps <= params_.relay.bandwidth_mbps;
    r.client_rtt_ms = (rtt_us(cohort, i) + sim::to_seconds(params_.access_rtt) * 1e6) / 1000.0;
    candidates_.push_back(r);
  }
  return policy::decide_relay(params_.relay_policy,
                              {.tenant_dc = tenant_dc, .relays = candidates_});
}

// Signalling round trips to the serving DC, ICE gathering (a STUN round trip to the serving DC,
// and the TURN allocation round trips to the relay when the call relays), then the connectivity
// checks: paced Ta apart down to the pair that works, plus its own round trip. `signalling`
// false leaves out the offer/answer (an ICE restart); every set-up here re-signals.
sim::Duration CallService::setup_time(std::uint32_t cohort, std::uint32_t dc, std::int32_t relay,
                                      std::uint8_t position, bool signalling) const {
  const sim::Duration access = params_.access_rtt;
  const sim::Duration to_dc = access + sim::Duration{rtt_us(cohort, dc)};
  sim::Duration t = signalling ? to_dc * params_.signalling_round_trips : sim::Duration::zero();
  sim::Duration gathering = to_dc;
  sim::Duration path = access * 2;                // both participants' access networks
  if (position == 1) path = sim::Duration{1000};  // same LAN: about a millisecond. Assumption.
  if (relay >= 0) {
    const sim::Duration to_relay =
        access + sim::Duration{rtt_us(cohort, static_cast<std::uint32_t>(relay))};
    gathering = std::max(gathering, to_relay * params_.turn_allocation_round_trips);
    path = to_relay * 2;
  }
  return t + gathering + params_.ice_pacing * (position - 1) + path;
}

void CallService::count_failure(policy::RelayOutcome outcome) {
  if (outcome == policy::RelayOutcome::no_capacity) {
    ++totals_.failed_no_relay_capacity;
  } else {
    ++totals_.failed_no_healthy_relay;
  }
}

// The relay of a call with relayed pairs: -1 when it has none. No room at video rates: a group
// call tries its relayed streams audio-only, else goes on without its relayed pairs; a 1:1 call
// fails (nullopt, counted).
std::optional<std::int32_t> CallService::place_relay(std::uint32_t cohort, std::uint32_t dc,
                                                     bool group, Mesh& mesh, bool& degraded) {
  if (mesh.relayed_pairs == 0) return -1;
  policy::RelayDecision d = choose_relay(cohort, dc, mesh.relayed_pairs, mesh.relay_mbps);
  if (!d.relay && group && d.outcome == policy::RelayOutcome::no_capacity) {
    d = choose_relay(cohort, dc, mesh.relayed_pairs, mesh.relay_audio_mbps);
    if (d.relay) {
      mesh.relay_mbps = mesh.relay_audio_mbps;
      ++totals_.relay_audio_fallbacks;
      degraded = true;
    }
  }
  if (d.relay) return static_cast<std::int32_t>(*d.relay);
  if (!group) {
    count_failure(d.outcome);
    return std::nullopt;
  }
  totals_.relay_pairs_unconnected += mesh.relayed_pairs;
  mesh.relayed_pairs = 0;
  mesh.relay_mbps = 0.0;
  degraded = true;
  return -1;
}

void CallService::start_call(std::uint32_t cohort, std::uint32_t size, bool storm,
                             sim::Duration length) {
  B24_ASSERT(cohort < arrivals_.size());
  ++totals_.started;
  ++(size == 2 && !storm ? totals_.one_to_one : totals_.group);
  if (storm) ++totals_.storm;
  const std::uint32_t dc = world_.cohorts[cohort]->assigned().index;
  // Duration first: one draw per call whatever happens next, so a failure does not shift later
  // calls' durations.
  double duration_s = std::max(0.0, sim::sample(params_.duration_s, duration_rng_));
  if (length > sim::Duration::zero()) duration_s = sim::to_seconds(length);
  Mesh mesh = draw_mesh(size, arrivals_[cohort].attributes);
  if (!world_.topology->dc_up(DcId{dc})) {
    ++totals_.failed_signalling_dc_down;
    return;
  }
  // ICE's outcome, whether or not a relay then has room: the share the mix predicts.
  totals_.pairs += mesh.pairs;
  totals_.relayed_pairs += mesh.relayed_pairs;
  const bool group = size > 2;
  bool degraded = mesh.degraded > 0 && group;
  const std::optional<std::int32_t> relay = place_relay(cohort, dc, group, mesh, degraded);
  if (!relay) return;  // a 1:1 call without a relay: counted as failed
  totals_.streams += 2ULL * mesh.pairs;
  totals_.relayed_streams += 2ULL * mesh.relayed_pairs;
  if (group) totals_.degraded_participants += mesh.degraded;
  if (degraded) ++totals_.degraded_calls;
  ++totals_.connected;
  const std::uint32_t slot = take_slot();
  Call& call = calls_[slot];
  call.cohort = cohort;
  call.signalling_dc = dc;
  call.relay_dc = *relay;
  call.relayed_pairs = mesh.relayed_pairs;
  call.relayed_streams = 2 * mesh.relayed_pairs;
  call.relay_mbps = mesh.relay_mbps;
  call.check_position = mesh.check_position;
  call.ends_at = sim_->now() + sim::from_seconds(duration_s);
  call.state = State::active;
  hold(call);
  setup_.record(setup_time(cohort, dc, *relay, mesh.check_position, true));
  const std::uint32_t generation = call.generation;
  sim_->schedule_at(call.ends_at, [this, slot, generation] { end_call(slot, generation); });
}

void CallService::hold(Call& call) {
  DcState& s = dcs_[call.signalling_dc];
  s.peaks.peak_active_calls = std::max(s.peaks.peak_active_calls, ++s.active_calls);
  if (call.relay_dc < 0) return;
  DcState& r = dcs_[static_cast<std::size_t>(call.relay_dc)];
  r.allocations += call.relayed_pairs;
  r.relayed_streams += call.relayed_streams;
  r.relay_mbps += call.relay_mbps;
  r.peaks.peak_relay_allocations = std::max(r.peaks.peak_relay_allocations, r.allocations);
  r.peaks.peak_relayed_streams = std::max(r.peaks.peak_relayed_streams, r.relayed_streams);
  r.peaks.peak_relay_mbps = std::max(r.peaks.peak_relay_mbps, r.relay_mbps);
}

void CallService::release(Call& call) {
  DcState& s = dcs_[call.signalling_dc];
  B24_ASSERT(s.active_calls > 0);
  --s.active_calls;
  if (call.relay_dc < 0) return;
  DcState& r = dcs_[static_cast<std::size_t>(call.relay_dc)];
  B24_ASSERT(r.allocations >= call.relayed_pairs);
  B24_ASSERT(r.relayed_streams >= call.relayed_streams);
  r.allocations -= call.relayed_pairs;
  r.relayed_streams -= call.relayed_streams;
  r.relay_mbps = std::max(0.0, r.relay_mbps - call.relay_mbps);
  if (r.allocations == 0) r.relay_mbps = 0.0;  // no drift from float sums
}

}  // namespace b24::models
