// Platform scenarios: `calls:` (issue 5): WebRTC call arrivals, storms, the network mix, media
// bitrates and access links, set-up round trips, TURN relays and their policy, telephony.
// Every key is documented in scenarios/README.md ("calls").

#include <cmath>
#include <string>
#include <vector>

#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {
namespace {

using namespace std::chrono_literals;

// A rate "0.5/s" (a bare number: per second) that may be 0.
void read_rate(const NodeView& map, std::string_view key, double& out) {
  const NodeView value = map.value(key);
  if (value.records_default()) value.note_default(rate_text(out));
  if (const std::optional<double> r = value.as_rate_per_s({.max = 1e6, .bare_per = 1s})) {
    out = *r;
  }
}

// The default of a bandwidth read in `scale` units per bit/s: in those units ("1700kbps") when
// that reads back as exactly `out`, else in bit/s when that does.
std::optional<std::string> scaled_bandwidth_text(double out, double scale) {
  const std::string_view prefix = scale == 1e-3 ? "k" : scale == 1e-6 ? "M" : "";
  const std::optional<std::string> number = number_text(out);
  std::vector<std::optional<std::string>> candidates;
  if (number && !prefix.empty()) candidates.push_back(*number + std::string(prefix) + "bps");
  candidates.push_back(bandwidth_text(out / scale));
  for (const std::optional<std::string>& text : candidates) {
    if (!text) continue;
    const std::optional<double> bps = parse_bandwidth_bps(*text).value;
    if (bps && *bps * scale == out) return text;
  }
  return std::nullopt;
}

// A positive bandwidth ("1700kbit/s"), into `scale` units per bit/s (1e-3: kbit/s, 1e-6: Mbit/s).
void read_bandwidth(const NodeView& map, std::string_view key, double scale, double& out) {
  const NodeView value = map.value(key);
  if (value.records_default()) value.note_default(scaled_bandwidth_text(out, scale));
  const std::optional<double> bps = value.as_bandwidth_bps();
  if (!bps) return;
  if (*bps > 0.0) {
    out = *bps * scale;
  } else {
    value.error("expected a positive bandwidth, found " + quote(value.text()));
  }
}

void read_mix(const NodeView& calls, policy::NetworkMix& out) {
  const NodeView mix = calls.child("network_mix");
  if (!calls.value("network_mix").present()) return;
  policy::NetworkMix m{};
  bool ok = read_fraction(mix, "same_lan", m.same_lan);
  ok = read_fraction(mix, "open_nat", m.open_nat) && ok;
  ok = read_fraction(mix, "symmetric_nat", m.symmetric_nat) && ok;
  ok = read_fraction(mix, "restrictive_firewall", m.restrictive_firewall) && ok;
  if (!ok) return;
  const double sum = m.same_lan + m.open_nat + m.symmetric_nat + m.restrictive_firewall;
  if (std::abs(sum - 1.0) > 1e-9) {
    calls.error("network_mix",
                "the four shares (same_lan, open_nat, symmetric_nat, "
                "restrictive_firewall) must sum to 100%, found " +
                    std::to_string(100.0 * sum) + "%; unwritten shares are 0");
    return;
  }
  out = m;
}

void read_group_sizes(const NodeView& calls, std::vector<std::uint32_t>& out) {
  const NodeView list = calls.value("group_sizes");
  if (!list.present()) return;
  std::vector<std::uint32_t> sizes;
  bool ok = true;
  for (const NodeView& item : calls.items("group_sizes")) {
    const std::optional<int> n = item.as_int({.min = 3, .max = 16});
    if (n) sizes.push_back(static_cast<std::uint32_t>(*n));
    ok = ok && n.has_value();
  }
  if (ok && sizes.empty()) {
    list.error("expected a list of group sizes (3 to 16 participants), each drawn equally often");
    return;
  }
  if (ok) out = std::move(sizes);
}

void read_access_links(const NodeView& calls, std::vector<models::AccessLink>& out) {
  if (!calls.value("access_links").present()) return;
  std::vector<models::AccessLink> links;
  bool ok = true;
  double share = 0.0;
  for (const NodeView& item : calls.items("access_links")) {
    models::AccessLink l;
    ok = read_fraction(item, "share", l.share) && ok;
    read_bandwidth(item, "uplink", 1e-6, l.uplink_mbps);
    read_bandwidth(item, "downlink", 1e-6, l.downlink_mbps);
    share += l.share;
    links.push_back(l);
  }
  if (ok && (links.empty() || share <= 0.0)) {
    calls.error("access_links", "expected at least one access link with a share above 0%");
    return;
  }
  if (ok) out = std::move(links);
}

// `at`: a duration from the start ("10h"), a UTC time of day ("08:00") or "10:00 local" in the
// storm's cohort's time zone (the first time the clock shows it).
std::optional<sim::Duration> read_storm_at(const NodeView& item,
                                           const models::CohortParams* cohort) {
  const NodeView at = item.require_value("at");
  if (!at.present()) return std::nullopt;
  if (at.text().find(':') == std::string_view::npos) return at.as_duration();
  const std::optional<TimeOfDay> time = at.as_time_of_day();
  if (!time) return std::nullopt;
  sim::Duration offset{};
  if (time->local) {
    if (cohort == nullptr) {
      at.error(
          "a local time needs the storm's cohort: write cohort: <name>, or a UTC time of "
          "day ('08:00') or a duration from the start ('8h'), found " +
          quote(at.text()));
      return std::nullopt;
    }
    offset = cohort->workload.utc_offset;
  }
  constexpr sim::Duration day = 24h;
  return (((time->since_midnight - offset) % day) + day) % day;
}

void read_storm(const NodeView& item, const models::PlatformParams& platform,
                std::vector<models::CallStorm>& out) {
  models::CallStorm storm;
  const models::CohortParams* cohort = nullptr;
  const NodeView name = item.value("cohort");
  bool cohort_ok = true;
  if (name.present()) {
    const std::optional<std::string> text = name.as_string();
    for (const models::CohortParams& c : platform.cohorts) {
      if (text && c.name == *text) cohort = &c;
    }
    if (text && cohort == nullptr) {
      name.error("unknown cohort " + quote(*text) + ": not a name in cohorts");
    }
    cohort_ok = cohort != nullptr;
    if (cohort_ok) storm.cohort = *text;
  }
  // With an unknown cohort a local time cannot be read: the cohort's error is enough.
  std::optional<sim::Duration> at;
  if (cohort_ok) {
    at = read_storm_at(item, cohort);
  } else {
    (void)item.has("at");
  }
  const bool calls_ok = read_u32(item, "calls", storm.calls, {.min = 1, .max = 1'000'000});
  const bool size_ok = read_u32(item, "participants", storm.participants, {.min = 2, .max = 16});
  read_duration(item, "window", storm.window, {.max = 24h});
  read_duration(item, "duration", storm.length, {.max = 24h});
  if (!item.has("calls")) item.error("calls", "missing required key 'calls'");
  if (cohort_ok && at && calls_ok && size_ok) {
    storm.at = *at;
    out.push_back(std::move(storm));
  }
}

void read_relay(const NodeView& calls, models::CallParams& out) {
  read_enum(calls, "relay_policy", out.relay_policy,
            {{"nearest_healthy", policy::RelayPolicy::nearest_healthy},
             {"tenant_dc", policy::RelayPolicy::tenant_dc}});
  const NodeView relay = calls.child("relay");
  read_u32(relay, "allocations", out.relay.allocations, {.min = 0, .max = 100'000'000});
  read_bandwidth(relay, "bandwidth", 1e-6, out.relay.bandwidth_mbps);
}

void read_telephony(const NodeView& calls, models::CallParams& out) {
  const NodeView phone = calls.child("telephony");
  read_bool(phone, "enabled", out.telephony);
  read_u32(phone, "channels", out.gateway.channels, {.min = 1, .max = 1'000'000});
  const NodeView rate = phone.value("call_rate");
  if (rate.records_default()) rate.note_default(rate_text(out.gateway.call_rate_per_s));
  if (const std::optional<double> r = rate.as_rate_per_s({.max = 1e6, .bare_per = 1s})) {
    if (*r > 0.0) {
      out.gateway.call_rate_per_s = *r;
    } else {
      rate.error("expected a positive rate (disable telephony with enabled: false), found " +
                 quote(rate.text()));
    }
  }
  read_time_distribution(phone, "duration", out.gateway.call_duration_s);
}

}  // namespace

void read_calls(const NodeView& root, models::PlatformParams& out) {
  if (!root.value("calls").present()) return;
  const NodeView calls = root.child("calls");
  models::CallParams p;
  read_rate(calls, "one_to_one_peak_rate", p.one_to_one_peak_per_s);
  read_rate(calls, "group_peak_rate", p.group_peak_per_s);
  read_group_sizes(calls, p.group_sizes);
  read_time_distribution(calls, "duration", p.duration_s);
  for (const NodeView& item : calls.items("storms")) read_storm(item, out, p.storms);
  read_mix(calls, p.mix);
  read_fraction(calls, "same_site_share", p.same_site_share);
  read_bandwidth(calls, "video_bitrate", 1e-3, p.video_kbps);
  read_bandwidth(calls, "audio_bitrate", 1e-3, p.audio_kbps);
  if (p.audio_kbps > p.video_kbps) {
    calls.error("audio_bitrate", "the audio-only fallback must not exceed video_bitrate");
  }
  read_access_links(calls, p.access);
  read_u32(calls, "signalling_round_trips", p.signalling_round_trips, {.min = 0, .max = 100});
  read_duration(calls, "access_rtt", p.access_rtt, {.max = 10s});
  read_u32(calls, "turn_allocation_round_trips", p.turn_allocation_round_trips,
           {.min = 0, .max = 100});
  read_duration(calls, "ice_pacing", p.ice_pacing, {.max = 10s});
  read_relay(calls, p);
  read_duration(calls, "retry_after", p.retry_after, {.min = 1ms, .max = 1h});
  read_telephony(calls, p);
  out.calls = std::move(p);
}

}  // namespace b24::scenarios::detail
