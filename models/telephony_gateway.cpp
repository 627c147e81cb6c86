#include "models/telephony_gateway.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "sim/assert.hpp"

namespace b24::models {

namespace {

double checked_rate(double rate) {
  if (!(rate > 0.0) || !std::isfinite(rate)) {
    throw std::invalid_argument("telephony gateway: call_rate_per_s must be positive and finite");
  }
  return rate;
}

}  // namespace

TelephonyGateway::TelephonyGateway(sim::Simulator& sim, const TelephonyGatewayParams& params,
                                   sim::Rng rng, sim::Recorder& recorder, std::string entity)
    : sim_(&sim),
      params_(params),
      arrival_rng_(rng.substream("arrivals")),
      duration_rng_(rng.substream("duration")),
      interarrival_(1.0 / checked_rate(params.call_rate_per_s)),
      recorder_(&recorder),
      entity_(std::move(entity)),
      busy_channels_(sim.now(), 0.0) {
  if (params_.channels == 0) {
    throw std::invalid_argument("telephony gateway: needs at least one channel");
  }
  if (!(sim::mean(params_.call_duration_s) > 0.0)) {
    throw std::invalid_argument("telephony gateway: mean call duration must be positive");
  }
  if (entity_.empty()) throw std::invalid_argument("telephony gateway: entity must not be empty");
}

void TelephonyGateway::start() {
  schedule_next_arrival();
}

void TelephonyGateway::schedule_next_arrival() {
  sim_->schedule_in(sim::from_seconds(interarrival_.sample(arrival_rng_)), [this] {
    arrive();
    schedule_next_arrival();
  });
}

void TelephonyGateway::arrive() {
  ++offered_;
  if (busy_ == params_.channels) {
    ++blocked_;
    return;
  }
  ++busy_;
  ++carried_;
  const sim::Instant now = sim_->now();
  busy_channels_.set(now, busy_);
  // A distribution that can go negative (Normal) holds the channel for no time at all.
  const double duration_s = std::max(0.0, sim::sample(params_.call_duration_s, duration_rng_));
  sim_->schedule_in(sim::from_seconds(duration_s), [this] { end_call(); });
}

void TelephonyGateway::end_call() {
  B24_ASSERT(busy_ > 0);
  --busy_;
  busy_channels_.set(sim_->now(), busy_);
}

void TelephonyGateway::reset_statistics() {
  offered_ = 0;
  carried_ = 0;
  blocked_ = 0;
  busy_channels_.reset(sim_->now());
}

double TelephonyGateway::blocking_ratio() const noexcept {
  return offered_ == 0 ? 0.0 : static_cast<double>(blocked_) / static_cast<double>(offered_);
}

double TelephonyGateway::mean_busy_channels() const {
  return busy_channels_.mean(sim_->now());
}

double TelephonyGateway::offered_erlangs() const noexcept {
  return params_.call_rate_per_s * sim::mean(params_.call_duration_s);
}

void TelephonyGateway::sample() {
  recorder_->sample(sim_->now(), entity_,
                    {{"busy_channels", static_cast<double>(busy_)},
                     {"mean_busy_channels", mean_busy_channels()},
                     {"offered", static_cast<double>(offered_)},
                     {"blocked", static_cast<double>(blocked_)}});
}

}  // namespace b24::models
