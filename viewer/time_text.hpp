#pragma once
// Simulated instants as the viewer reads and writes them. Runs start at 00:00 UTC of their first
// day (reports/README.md: times are microseconds since the scenario's start instant), so the
// time since the start and the UTC time of day agree on the first day, as in the scenario files.
//
// Accepted by parse_instant (for --at and the timeline):
//   "10:30", "10:30:15"      hours:minutes[:seconds] since the start ("25:00" is day 2, 01:00)
//   "1d 03:15"               with a day prefix, as sim::format_duration prints from day 1 on
//   "10h30m", "90min", "2h"  a duration since the start (units d, h, m/min, s, ms, us)
//   "11:30 local"            11:30 in the first DC's time zone (its utc_offset from the run's
//                            topology), the first such instant from the start, as a scenario's
//                            "11:00 local" fault time means

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace b24::viewer {

struct ParsedInstant {
  std::optional<std::int64_t> time_us;
  std::string error;  // set when time_us is empty
};

// `utc_offset_s` is the first DC's offset, needed only for "local".
[[nodiscard]] ParsedInstant parse_instant(std::string_view text,
                                          std::optional<std::int64_t> utc_offset_s);

// "+1h", "-8h", "5h30min", "90s", "0h": a signed duration in microseconds.
[[nodiscard]] std::optional<std::int64_t> parse_duration_us(std::string_view text);

// "10:30:00", "1d 03:15:00" (whole seconds; the replay needs no finer).
[[nodiscard]] std::string format_instant(std::int64_t time_us);
// "11:30" of the day in a zone `utc_offset_s` from UTC ("11:30 local" on the timeline).
[[nodiscard]] std::string format_local_clock(std::int64_t time_us, std::int64_t utc_offset_s);

}  // namespace b24::viewer
