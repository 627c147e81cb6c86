#include "models/cohort.hpp"

#include "sim/assert.hpp"

namespace b24::models {

Cohort::Cohort(sim::Simulator& sim, const CohortParams& params, std::uint32_t index, DcId home,
               sim::Duration client_reconnect, Workload::Sink sink)
    : sim_(&sim),
      params_(params),
      index_(index),
      entity_("cohort/" + params.name),
      home_(home),
      assigned_(home),
      previous_(home),
      switch_start_(sim.now()),
      reconnect_(client_reconnect),
      switch_rng_(sim.stream(entity_ + "/reconnect")),
      workload_(std::make_unique<Workload>(sim, params.workload, sim.stream(entity_ + "/workload"),
                                           std::move(sink))) {
  B24_ASSERT_MSG(params.write_fraction >= 0.0 && params.write_fraction <= 1.0,
                 "a cohort's write fraction is a share of its requests");
  B24_ASSERT_MSG(client_reconnect >= sim::Duration::zero(), "negative reconnection window");
}

DcId Cohort::client_dc() {
  const sim::Instant now = sim_->now();
  if (!switching(now)) return assigned_;
  // A client's DNS answer expires uniformly within one TTL of the change: the share already on
  // the new DC grows linearly across the window.
  const double switched = sim::to_seconds(now - switch_start_) / sim::to_seconds(reconnect_);
  return switch_rng_.uniform01() < switched ? assigned_ : previous_;
}

void Cohort::move_to(DcId dc, sim::Instant now) {
  B24_ASSERT(dc != assigned_);
  // A move during a switch restarts the window from the DC the cohort was assigned to; the
  // clients still on the one before are treated as if they had already reached it (a
  // simplification: a second move within one TTL is rare).
  previous_ = assigned_;
  assigned_ = dc;
  switch_start_ = now;
  ++counters_.moves;
  if (dc == home_) ++counters_.failbacks;
}

}  // namespace b24::models
