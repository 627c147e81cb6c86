#pragma once
// Text for the human-readable `reason` of every decision: numbers, instants and durations written
// the same way everywhere, so that reasons recorded by the simulator can be compared across runs.

#include <string>

#include "policy/time.hpp"

namespace b24::policy {

// Up to six significant digits, no trailing zeros: 75, 3.3, 0.25, 1.5e+06.
[[nodiscard]] std::string format_number(double value);

// ISO 8601 in UTC: 2024-01-15T10:03:00Z; a fraction of a second is shown only when non-zero.
[[nodiscard]] std::string format_timestamp(Timestamp instant);

// Seconds with their unit: 300s, 0.25s, -5s.
[[nodiscard]] std::string format_duration(Duration interval);

}  // namespace b24::policy
