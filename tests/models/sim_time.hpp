#pragma once
// Simulated time in model tests: the instant a duration after the run's start, and back.

#include "sim/time.hpp"

namespace b24::models::testing {

[[nodiscard]] inline sim::Instant at(sim::Duration since_start) {
  return sim::start_instant + since_start;
}

[[nodiscard]] inline double seconds(sim::Instant t) {
  return sim::to_seconds(t - sim::start_instant);
}

}  // namespace b24::models::testing
