#pragma once
// Simulated instants as the policy library's UTC timestamps. The scenario's start maps to the
// epoch's origin: policies only use differences and period alignment, and CloudWatch periods
// start at whole multiples of the period from the scenario's start.

#include "policy/time.hpp"
#include "sim/time.hpp"

namespace b24::models {

[[nodiscard]] inline policy::Timestamp to_policy_time(sim::Instant t) {
  return policy::Timestamp{std::chrono::microseconds{t.time_since_epoch().count()}};
}

}  // namespace b24::models
