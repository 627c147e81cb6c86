#include "models/mmc_station.hpp"

namespace b24::models {

MmcStation::MmcStation(sim::Simulator& sim, const MmcParams& params)
    : sim_(sim),
      params_(params),
      arrival_rng_(sim.stream("mmc/arrivals")),
      service_rng_(sim.stream("mmc/service")),
      interarrival_(1.0 / params.arrival_rate_per_s),
      service_(params.mean_service_s),
      measure_from_(sim.now() + params.warmup),
      in_system_(sim.now(), 0.0),
      busy_servers_(sim.now(), 0.0) {
  B24_ASSERT_MSG(params.servers > 0, "an M/M/c station needs at least one server");
}

void MmcStation::start() {
  sim_.spawn(arrivals());
  sim_.schedule_at(measure_from_, [this] {
    in_system_.reset(sim_.now());
    busy_servers_.reset(sim_.now());
  });
}

sim::Process MmcStation::arrivals() {
  for (;;) {
    co_await sim::delay(sim_, sim::from_seconds(interarrival_.sample(arrival_rng_)));
    arrive();
  }
}

void MmcStation::arrive() {
  const sim::Instant now = sim_.now();
  in_system_.add(now, 1.0);
  if (measuring(now)) ++result_.arrivals;
  if (params_.trace_customers) {
    sim_.emit("arrive", "station", {{"busy", busy_}, {"queued", queue_.size()}});
  }
  if (busy_ < params_.servers) {
    begin_service(now);
    return;
  }
  if (measuring(now)) ++waited_;
  queue_.push_back(now);
}

void MmcStation::begin_service(sim::Instant arrived) {
  ++busy_;
  busy_servers_.set(sim_.now(), busy_);
  if (measuring(arrived)) result_.wait_s.add(sim::to_seconds(sim_.now() - arrived));
  const auto service_time = sim::from_seconds(service_.sample(service_rng_));
  sim_.schedule_in(service_time, [this, arrived] { depart(arrived); });
}

void MmcStation::depart(sim::Instant arrived) {
  const sim::Instant now = sim_.now();
  B24_ASSERT(busy_ > 0);
  --busy_;
  busy_servers_.set(now, busy_);
  in_system_.add(now, -1.0);
  if (measuring(arrived)) {
    ++result_.served;
    result_.response_s.add(sim::to_seconds(now - arrived));
  }
  if (params_.trace_customers) {
    sim_.emit("depart", "station", {{"response_us", now - arrived}});
  }
  if (!queue_.empty()) {
    const sim::Instant next = queue_.front();
    queue_.pop_front();
    begin_service(next);
  }
}

MmcResult MmcStation::result() const {
  MmcResult r = result_;
  const sim::Instant now = sim_.now();
  r.waited_fraction =
      r.arrivals == 0 ? 0.0 : static_cast<double>(waited_) / static_cast<double>(r.arrivals);
  r.mean_in_system = in_system_.mean(now);
  r.utilization = busy_servers_.mean(now) / params_.servers;
  return r;
}

}  // namespace b24::models
