#pragma once
// Text for the HTML report: escaping and number formatting that give the same bytes on every
// machine. Numbers go through std::to_chars, which ignores the C locale (printf's "%.1f" would
// print a decimal comma under a German LC_NUMERIC once anything calls setlocale).

#include <cstdint>
#include <string>
#include <string_view>

namespace b24::reports::html {

// Escapes &, <, >, " and ' so that the text is safe in element content and attribute values.
[[nodiscard]] std::string escape(std::string_view text);

// `value` with exactly `decimals` digits after the point ("12.50"); "-0.0" prints as "0.0";
// NaN and infinities as "n/a", "inf", "-inf".
[[nodiscard]] std::string fixed(double value, int decimals);

// `value` with at most `decimals` digits after the point and trailing zeros removed ("12.5",
// "3"): for axis labels and coordinates, where every byte counts over thousands of points.
[[nodiscard]] std::string compact(double value, int decimals);

// A count with thin-space thousands separators ("86 412 345").
[[nodiscard]] std::string grouped(std::int64_t value);

// A simulated instant in microseconds as sim::format_duration prints it ("1d 03:15:00"),
// without the microseconds when they are zero (as the run database's views print it).
[[nodiscard]] std::string sim_time(std::int64_t time_us);

}  // namespace b24::reports::html
