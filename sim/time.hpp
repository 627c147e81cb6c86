#pragma once
// Simulated time: an integer count of microseconds since the scenario's start instant (UTC).
// No floating-point clock: ordering must not depend on rounding over long runs.

#include <chrono>
#include <cstdint>
#include <string>

namespace b24::sim {

using Duration = std::chrono::duration<std::int64_t, std::micro>;

// The simulated clock. It has no now(): only a Simulator knows the current instant.
struct SimClock {
  using rep = std::int64_t;
  using period = std::micro;
  using duration = Duration;
  using time_point = std::chrono::time_point<SimClock, Duration>;
  static constexpr bool is_steady = true;
};

using Instant = SimClock::time_point;

inline constexpr Instant start_instant{Duration{0}};
inline constexpr Instant end_of_time{Duration{INT64_MAX}};

using namespace std::chrono_literals;  // NOLINT(google-global-names-in-headers): 30s, 250ms in
                                       // models

// Convert a duration given in (possibly fractional) seconds, rounding to the nearest microsecond.
[[nodiscard]] Duration from_seconds(double seconds);
[[nodiscard]] double to_seconds(Duration d);

// "1d 03:15:00.250000"; the day part only when non-zero; negative durations get a leading '-'.
[[nodiscard]] std::string format_duration(Duration d);
// An instant printed as the duration since the start of the run.
[[nodiscard]] std::string format_instant(Instant t);

}  // namespace b24::sim
