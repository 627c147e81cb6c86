#pragma once
// Values written back as scenario text: the defaults `b24sim explain` fills in and `b24sim
// schema` shows (key_log.hpp). Each function gives YAML text that the loader's own parsers read
// back as exactly the same value (units.hpp, calendar.hpp, distribution_field.cpp), or nullopt
// when no text does (an infinite number, a distribution with no written form): a default that
// cannot be written exactly is better left out than written approximately, since the explained
// scenario must run event for event like the original.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scenarios/calendar.hpp"
#include "sim/distributions.hpp"
#include "sim/time.hpp"

namespace b24::scenarios {

[[nodiscard]] std::string integer_text(std::int64_t value);
// The shortest decimal that reads back as `value` (no exponent: "0.0001", "2.5", "300").
[[nodiscard]] std::optional<std::string> number_text(double value);
[[nodiscard]] std::string bool_text(bool value);
[[nodiscard]] std::string duration_text(sim::Duration value);         // "30s", "1500ms"
[[nodiscard]] std::optional<std::string> rate_text(double per_s);     // "2000/s"
[[nodiscard]] std::optional<std::string> bandwidth_text(double bps);  // "1000000000bps"
[[nodiscard]] std::string size_text(std::int64_t bytes);              // "262144B"
[[nodiscard]] std::string time_of_day_text(const TimeOfDay& value);   // "09:30", "11:00 local"
[[nodiscard]] std::string date_time_text(const DateTime& value);      // "2026-11-26T11:00"
// Text in double quotes, so that "yes" or "" stays a string.
[[nodiscard]] std::string string_text(std::string_view value);
// A choice's word: plain when YAML reads it as that word, quoted otherwise (">=", "null").
[[nodiscard]] std::string word_text(std::string_view word);
// A time-valued distribution (seconds) as distribution_field.cpp reads it: a bare duration for a
// constant, else a flow mapping such as "{distribution: exponential, mean: 50ms}".
[[nodiscard]] std::optional<std::string> time_distribution_text(const sim::Distribution& value);
// A size-valued distribution (bytes) as storage.object_size reads it: "256KiB" written as bytes
// for a constant, "{mean: ..B, stddev: ..B}" for a lognormal.
[[nodiscard]] std::optional<std::string> size_distribution_text(const sim::Distribution& value);

}  // namespace b24::scenarios
