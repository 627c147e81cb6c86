#include "sim/time.hpp"

#include <cmath>
#include <cstdio>

#include "sim/assert.hpp"

namespace b24::sim {

Duration from_seconds(double seconds) {
  const double us = std::round(seconds * 1e6);
  B24_ASSERT_MSG(std::isfinite(us) && std::fabs(us) < 9.2e18, "duration out of range");
  return Duration{static_cast<std::int64_t>(us)};
}

double to_seconds(Duration d) {
  // Divided, not multiplied by 1e-6: the quotient is correctly rounded, so a duration written
  // with whole microseconds ("50ms") reads as the same double as the literal (0.05).
  return static_cast<double>(d.count()) / 1e6;
}

std::string format_duration(Duration d) {
  // Work on the magnitude as unsigned so that INT64_MIN does not overflow.
  const bool negative = d.count() < 0;
  std::uint64_t us =
      negative ? 0 - static_cast<std::uint64_t>(d.count()) : static_cast<std::uint64_t>(d.count());
  constexpr std::uint64_t us_per_s = 1'000'000;
  const std::uint64_t frac = us % us_per_s;
  std::uint64_t s = us / us_per_s;
  const std::uint64_t days = s / 86'400;
  s %= 86'400;
  char buf[64];
  const char* sign = negative ? "-" : "";
  const auto h = static_cast<unsigned>(s / 3600);
  const auto m = static_cast<unsigned>((s / 60) % 60);
  const auto sec = static_cast<unsigned>(s % 60);
  if (days > 0) {
    std::snprintf(buf, sizeof buf, "%s%llud %02u:%02u:%02u.%06llu", sign,
                  static_cast<unsigned long long>(days), h, m, sec,
                  static_cast<unsigned long long>(frac));
  } else {
    std::snprintf(buf, sizeof buf, "%s%02u:%02u:%02u.%06llu", sign, h, m, sec,
                  static_cast<unsigned long long>(frac));
  }
  return buf;
}

std::string format_instant(Instant t) {
  return format_duration(t.time_since_epoch());
}

}  // namespace b24::sim
