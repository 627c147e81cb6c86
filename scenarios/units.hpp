#pragma once
// Values with units, as scenario authors write them (issue 6). The grammar, in full:
//
// duration  [+-]? component+, components from the largest unit to the smallest, blanks allowed
//           between number and unit and between components:
//             component = decimal unit
//             unit      = us | µs | ms | s | m | min | h | d   (m and min are both minutes)
//           "30s", "5m", "5min", "2h", "250ms", "1d", "1.5s", "100us", "1h30m", "2h 15min".
//           Converts exactly to integer microseconds: "1.5s" = 1'500'000 us; "0.0000001s" is an
//           error (not a whole number of microseconds), as is a value past int64 microseconds
//           (about 292'000 years). A bare number is an error ("expected a duration with a unit,
//           like 30s") unless the key declares its unit (DurationOptions::bare_unit). Negative
//           values only where the range allows them (the default minimum is 0).
// fraction  decimal "%" or a plain real: "20%" = 0.2 = "0.2". Default range [0, 1] (0% to 100%).
// rate      decimal multiplier? "/" unit, multiplier = k | K (1e3) | M (1e6) | G (1e9):
//           "2000/s", "120/min" (= 2/s), "1.2M/h", "3k/s", "50/d". Per second, as a double.
//           Lower-case m is not a multiplier (it would read as milli or minute).
// bandwidth decimal prefix? ("bps" | "bit/s" | "B/s"), prefix = k | K | M | G | T, decimal SI
//           as networks count: "1Gbps" = 1e9 bit/s, "100Mbps", "1.5 Gbit/s", "125MB/s" = 1e9 bit/s.
// size      decimal unit, unit = B | kB | KB | MB | GB | TB | PB (powers of 1000)
//                               | KiB | MiB | GiB | TiB | PiB (powers of 1024):
//           "10GB", "512MiB", "1.5KiB" = 1536 bytes; must be a whole number of bytes.
// decimal   D+ (. D*)? | . D+  (no exponent, no separators), with a sign where noted.
//
// Leading and trailing blanks are ignored. Every function returns the value or the whole error
// message, naming the text found.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "scenarios/parsed.hpp"
#include "sim/time.hpp"

namespace b24::scenarios {

struct DurationOptions {
  sim::Duration min = sim::Duration::zero();
  sim::Duration max = sim::Duration::max();
  // When set, a bare number counts this unit: {.bare_unit = 1s} reads "5" as 5 s.
  std::optional<sim::Duration> bare_unit{};
};

struct FractionOptions {
  double min = 0.0;
  double max = 1.0;
};

struct RateOptions {
  double min = 0.0;
  double max = std::numeric_limits<double>::infinity();
  // When set, a bare number is a count per this duration: {.bare_per = 1s} reads "5" as 5/s.
  std::optional<sim::Duration> bare_per{};
};

struct BandwidthOptions {
  double min = 0.0;
  double max = std::numeric_limits<double>::infinity();
};

struct SizeOptions {
  std::int64_t min = 0;
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  bool bare_bytes = false;  // a bare number counts bytes
};

[[nodiscard]] Parsed<sim::Duration> parse_duration(std::string_view text,
                                                   const DurationOptions& options = {});
[[nodiscard]] Parsed<double> parse_fraction(std::string_view text,
                                            const FractionOptions& options = {});
[[nodiscard]] Parsed<double> parse_rate_per_s(std::string_view text,
                                              const RateOptions& options = {});
[[nodiscard]] Parsed<double> parse_bandwidth_bps(std::string_view text,
                                                 const BandwidthOptions& options = {});
[[nodiscard]] Parsed<std::int64_t> parse_size_bytes(std::string_view text,
                                                    const SizeOptions& options = {});

// A duration in the grammar above, in the largest unit that holds it exactly: "90s" -> "90s",
// 5'400 s -> "90min", 1'500 ms -> "1500ms". Round-trips through parse_duration.
[[nodiscard]] std::string format_duration_short(sim::Duration d);

// A real for a message: integers without a fraction ("100"), others in the shortest form that
// reads back the same.
[[nodiscard]] std::string format_number(double value);

}  // namespace b24::scenarios
