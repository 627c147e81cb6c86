// CallService: construction, per-cohort arrivals (thinned Poisson along the daily profile),
// storms, and the slot array that holds the calls in progress.

#include "models/call_service.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "sim/assert.hpp"

namespace b24::models {
namespace {

void check(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument("calls: " + what);
}

std::vector<double> access_weights(const std::vector<AccessLink>& links) {
  std::vector<double> w;
  for (const AccessLink& l : links) w.push_back(l.share);
  return w;
}

std::vector<double> mix_weights(const policy::NetworkMix& mix) {
  return {mix.same_lan, mix.open_nat, mix.symmetric_nat, mix.restrictive_firewall};
}

}  // namespace

void validate(const CallParams& p) {
  check(p.one_to_one_peak_per_s >= 0.0 && std::isfinite(p.one_to_one_peak_per_s),
        "one_to_one rate must be finite and >= 0");
  check(p.group_peak_per_s >= 0.0 && std::isfinite(p.group_peak_per_s),
        "group rate must be finite and >= 0");
  check(!p.group_sizes.empty(), "group sizes must not be empty");
  for (const std::uint32_t n : p.group_sizes) {
    check(n >= 2 && n <= CallService::max_participants, "a group size is 2 to 16");
  }
  for (const CallStorm& s : p.storms) {
    check(s.participants >= 2 && s.participants <= CallService::max_participants,
          "a storm's participants are 2 to 16");
    check(s.window.count() >= 0 && s.at.count() >= 0, "a storm's at and window are >= 0");
  }
  policy::validate(p.mix);
  check(p.same_site_share >= 0.0 && p.same_site_share <= 1.0, "same_site_share in [0, 1]");
  check(p.video_kbps > 0.0 && p.audio_kbps > 0.0 && p.audio_kbps <= p.video_kbps,
        "0 < audio_kbps <= video_kbps");
  check(!p.access.empty(), "at least one access link");
  double share = 0.0;
  for (const AccessLink& l : p.access) {
    check(l.share >= 0.0 && l.uplink_mbps > 0.0 && l.downlink_mbps > 0.0,
          "access links have shares >= 0 and positive bandwidths");
    share += l.share;
  }
  check(share > 0.0, "access link shares sum to more than 0");
  check(p.relay.bandwidth_mbps > 0.0, "relay bandwidth must be positive");
  check(p.retry_after.count() > 0, "retry_after must be positive");
  check(sim::mean(p.duration_s) > 0.0, "the mean call duration must be positive");
}

CallService::CallService(sim::Simulator& sim, const CallParams& params, CallWorld world,
                         sim::Recorder& recorder)
    : sim_(&sim),
      params_(params),
      world_(world),
      recorder_(&recorder),
      network_types_((validate(params), mix_weights(params.mix))),
      access_links_(access_weights(params.access)),
      storm_rng_(sim.stream("calls/storms")),
      duration_rng_(sim.stream("calls/duration")) {
  B24_ASSERT(world_.topology != nullptr && world_.client_rtt_us != nullptr);
  const Topology& topology = *world_.topology;
  double peak_sum = 0.0;
  for (const auto& c : world_.cohorts) peak_sum += c->params().workload.peak_rate_per_s;
  for (const auto& c : world_.cohorts) {
    const sim::Rng rng = sim.stream("calls/" + c->entity());
    const double share = peak_sum > 0.0 ? c->params().workload.peak_rate_per_s / peak_sum : 0.0;
    arrivals_.push_back({rng.substream("one_to_one"), rng.substream("group"),
                         rng.substream("attributes"), share * params_.one_to_one_peak_per_s,
                         share * params_.group_peak_per_s});
  }
  for (std::uint32_t i = 0; i < topology.dc_count(); ++i) {
    DcState d;
    d.peaks.name = topology.dc(DcId{i}).name;
    d.entity = "calls/" + d.peaks.name;
    dcs_.push_back(std::move(d));
    if (params_.telephony) {
      gateways_.push_back(std::make_unique<TelephonyGateway>(
          sim, params_.gateway, sim.stream("phone/" + dcs_.back().peaks.name), recorder,
          "phone/" + dcs_.back().peaks.name));
    }
  }
  totals_.expected_relay_share = policy::expected_relay_share(params_.mix);
}

void CallService::start() {
  for (std::uint32_t c = 0; c < arrivals_.size(); ++c) {
    if (arrivals_[c].one_to_one_peak_per_s > 0.0) schedule_arrival(c, false);
    if (arrivals_[c].group_peak_per_s > 0.0) schedule_arrival(c, true);
  }
  for (auto& g : gateways_) g->start();
  schedule_storms();
}

// Candidates at the cohort's share of the peak rate; each is kept with probability
// rate(t) / peak (thinning, Lewis and Shedler), like the cohort's own requests.
void CallService::schedule_arrival(std::uint32_t cohort, bool group) {
  CohortArrivals& a = arrivals_[cohort];
  const double rate = group ? a.group_peak_per_s : a.one_to_one_peak_per_s;
  sim::Rng& rng = group ? a.group : a.one_to_one;
  const double gap_s = unit_exponential_.sample(rng) / rate;
  sim_->schedule_in(sim::from_seconds(gap_s), [this, cohort, group] {
    arrive(cohort, group);
    schedule_arrival(cohort, group);
  });
}

void CallService::arrive(std::uint32_t cohort, bool group) {
  CohortArrivals& a = arrivals_[cohort];
  sim::Rng& rng = group ? a.group : a.one_to_one;
  const Cohort& c = *world_.cohorts[cohort];
  const double peak = c.params().workload.peak_rate_per_s;
  // A flash crowd can lift the rate above the peak: such instants keep every candidate.
  const double keep = peak > 0.0 ? std::min(1.0, c.rate_per_s(sim_->now()) / peak) : 0.0;
  if (!(rng.uniform01() < keep)) return;
  std::uint32_t size = 2;
  if (group) size = params_.group_sizes[rng.below(params_.group_sizes.size())];
  start_call(cohort, size, false);
}

// Each storm's calls go to the cohorts in proportion to their peak rates (largest remainder),
// shuffled, and start evenly spaced over the window.
void CallService::schedule_storms() {
  std::vector<double> all;
  for (const auto& c : world_.cohorts) all.push_back(c->params().workload.peak_rate_per_s);
  for (std::uint32_t s = 0; s < params_.storms.size(); ++s) {
    const CallStorm& storm = params_.storms[s];
    std::vector<double> weight = all;
    if (!storm.cohort.empty()) {
      bool found = false;
      for (std::size_t c = 0; c < weight.size(); ++c) {
        const bool match = world_.cohorts[c]->params().name == storm.cohort;
        weight[c] = match ? 1.0 : 0.0;
        found = found || match;
      }
      check(found, "storm cohort " + storm.cohort + " is not a cohort of the platform");
    }
    const double sum = std::accumulate(weight.begin(), weight.end(), 0.0);
    std::vector<std::uint32_t> order;
    if (sum > 0.0 && storm.calls > 0) {
      std::vector<std::uint64_t> count(weight.size());
      std::vector<std::pair<double, std::uint32_t>> remainder;
      std::uint64_t given = 0;
      for (std::uint32_t c = 0; c < weight.size(); ++c) {
        const double exact = storm.calls * weight[c] / sum;
        count[c] = static_cast<std::uint64_t>(std::floor(exact));
        given += count[c];
        remainder.emplace_back(-(exact - std::floor(exact)), c);
      }
      std::sort(remainder.begin(), remainder.end());
      for (std::size_t k = 0; given < storm.calls; ++k, ++given) ++count[remainder[k].second];
      for (std::uint32_t c = 0; c < count.size(); ++c) order.insert(order.end(), count[c], c);
      for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[storm_rng_.below(i)]);
      }
    }
    storm_cohorts_.push_back(std::move(order));
    if (!storm_cohorts_.back().empty()) {
      sim_->schedule_at(sim::start_instant + storm.at, [this, s] { storm_call(s, 0); });
    }
  }
}

void CallService::storm_call(std::uint32_t s, std::uint32_t i) {
  const CallStorm& storm = params_.storms[s];
  const std::vector<std::uint32_t>& order = storm_cohorts_[s];
  start_call(order[i], storm.participants, true, storm.length);
  if (i + 1 >= order.size()) return;
  const sim::Duration gap = storm.window / static_cast<std::int64_t>(order.size());
  sim_->schedule_in(gap, [this, s, i] { storm_call(s, i + 1); });
}

std::uint32_t CallService::take_slot() {
  if (free_slots_.empty()) {
    calls_.emplace_back();
    return static_cast<std::uint32_t>(calls_.size() - 1);
  }
  const std::uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  return slot;
}

void CallService::end_call(std::uint32_t slot, std::uint32_t generation) {
  Call& call = calls_[slot];
  if (call.generation != generation || call.state == State::free) return;
  if (call.state == State::active) {
    release(call);
    ++totals_.completed;
  } else {
    ++totals_.lost_after_drop;
  }
  call.state = State::free;
  ++call.generation;
  free_slots_.push_back(slot);
}

std::int32_t CallService::rtt_us(std::uint32_t cohort, std::uint32_t dc) const {
  return (*world_.client_rtt_us)[world_.cohorts[cohort]->home().index][dc];
}

}  // namespace b24::models
