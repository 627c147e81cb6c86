#pragma once
// WebRTC calls, TURN relays and telephony of a platform scenario (issue 5, "Calls"). Plain data
// filled by the scenario loader (`calls:`); models::CallService validates again and throws
// std::invalid_argument on nonsense. Figures: DOMAIN.md section 5 unless marked Assumption.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "models/telephony_gateway.hpp"
#include "policy/ice_selection.hpp"
#include "policy/relay_selection.hpp"
#include "sim/distributions.hpp"
#include "sim/time.hpp"

namespace b24::models {

// A participant's access link. Assumption (no figure in DOMAIN.md): a 2-tier mix, one in five
// participants on a slow link (mobile / ADSL: 2 Mbit/s up, 10 down), the rest on broadband.
struct AccessLink {
  double share = 1.0;
  double uplink_mbps = 20.0;
  double downlink_mbps = 100.0;
};

// A scheduled storm: `calls` group calls of `participants` each start spread evenly over
// `window` from `at` (time from the start of the run), all in one cohort (a company's
// all-hands) or, when `cohort` is empty, across the cohorts in proportion to their peak rates
// (largest remainder, so the total is exact).
struct CallStorm {
  sim::Duration at{};
  std::uint32_t calls = 0;
  std::uint32_t participants = 2;
  sim::Duration window = std::chrono::minutes{2};
  sim::Duration length{};  // each call's duration; 0: drawn like any call's
  std::string cohort;      // a cohort name, or empty (last: designated initializers skip it)
};

struct TurnRelayParams {
  // coturn: one relay port per allocation, default range 49152-65535, ~16 k allocations per
  // relay IP (DOMAIN.md 5, coturn docs). One relay IP per DC: an assumption.
  std::uint32_t allocations = 16'384;
  // Relay throughput, in + out ("relayed bytes = sent + received": DOMAIN.md 5, Twilio FAQ).
  // Assumption: one 10 Gbit/s NIC per DC's relay fleet.
  double bandwidth_mbps = 10'000.0;
};

struct CallParams {
  // Arrival rates of the whole platform when every cohort is at its peak; each cohort gets a
  // share proportional to its peak request rate, and its calls follow its daily profile
  // (thinning of a Poisson stream at the cohort's peak by rate(t) / peak_rate). Assumption.
  double one_to_one_peak_per_s = 0.5;
  double group_peak_per_s = 0.1;
  // Group sizes, each drawn with equal probability. Assumption shaped by callstats.io 2015
  // (DOMAIN.md 5: only 6 % of conferences had >= 4 participants) and the mesh practical limit of
  // 4-6 (bloggeek.me): mostly 3, some 4 and 5.
  std::vector<std::uint32_t> group_sizes{3, 3, 3, 3, 4, 5};
  // Assumption: calls last 5 minutes on average (exponential).
  sim::Distribution duration_s = sim::Exponential(300.0);
  std::vector<CallStorm> storms;

  // ICE. Default mix: the one ice_selection.hpp works through, giving a 23 % relay share
  // between callstats.io's ~22 % and Twilio's ~15 % (DOMAIN.md 5).
  policy::NetworkMix mix{
      .same_lan = 0.2, .open_nat = 0.5, .symmetric_nat = 0.2, .restrictive_firewall = 0.1};
  double same_site_share = 0.3;  // a call's participants all at one office. Assumption.

  // Media. 640x480 video: the libwebrtc default cap 1700 kbps (DOMAIN.md 5). Audio-only fallback
  // (Opus): 50 kbps. Assumption.
  double video_kbps = 1700.0;
  double audio_kbps = 50.0;
  std::vector<AccessLink> access{{.share = 0.2, .uplink_mbps = 2.0, .downlink_mbps = 10.0},
                                 {.share = 0.8, .uplink_mbps = 20.0, .downlink_mbps = 100.0}};

  // Set-up: client <-> serving DC round trips for offer/answer and keys (Assumption: 2, offer
  // then answer each a round trip through the signalling server), the access network's round
  // trip (Assumption: 20 ms), TURN allocation round trips (an unauthenticated Allocate answered
  // 401, then the authenticated one: RFC 8656), ICE check pacing Ta = 50 ms (RFC 8445 14.2,
  // DOMAIN.md 5).
  std::uint32_t signalling_round_trips = 2;
  sim::Duration access_rtt = std::chrono::milliseconds{20};
  std::uint32_t turn_allocation_round_trips = 2;
  sim::Duration ice_pacing = std::chrono::milliseconds{50};

  policy::RelayPolicy relay_policy = policy::RelayPolicy::nearest_healthy;
  TurnRelayParams relay{};
  // After a drop, clients retry this long later (Assumption: ICE consent freshness declares the
  // path lost after 5-30 s, RFC 7675; the app then re-signals), and again at the same interval
  // while the cohort's DC is down; a call not back by its planned end is lost.
  sim::Duration retry_after = std::chrono::seconds{10};

  // One telephony gateway per DC with its own Poisson arrivals (TelephonyGateway): phone calls
  // are not routed through cohorts (a documented simplification).
  bool telephony = true;
  TelephonyGatewayParams gateway{};
};

}  // namespace b24::models
