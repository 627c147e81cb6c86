#pragma once
// Time in policy/. A policy never reads a clock: the caller puts the current instant inside each
// observation, so the same code runs in simulated time and in a real control plane.

#include <chrono>

namespace b24::policy {

// An instant in UTC, in microseconds since the Unix epoch. The simulator maps its own instants
// (microseconds since the scenario start) onto this by adding the scenario's start instant.
// CloudWatch aligns metric periods to the clock, so alarm evaluation relies on this epoch.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

// The finest interval type of policy/; configuration intervals use std::chrono::seconds.
using Duration = std::chrono::microseconds;

}  // namespace b24::policy
