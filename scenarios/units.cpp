#include "scenarios/units.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "scenarios/decimal.hpp"
#include "scenarios/diagnostic.hpp"

namespace b24::scenarios {

namespace {

// 128 bits hold digits (< 2^64) times the largest unit multiplier (a PiB, < 2^51) exactly.
__extension__ using Wide = unsigned __int128;

constexpr std::string_view duration_units_hint = "us, ms, s, m or min, h, d";

struct TimeUnit {
  std::string_view name;
  std::int64_t us;
};

constexpr std::array<TimeUnit, 9> time_units{{
    {"us", 1},
    {"\xc2\xb5s", 1},  // MICRO SIGN
    {"\xce\xbcs", 1},  // GREEK SMALL LETTER MU
    {"ms", 1'000},
    {"s", 1'000'000},
    {"m", 60'000'000},
    {"min", 60'000'000},
    {"h", 3'600'000'000},
    {"d", 86'400'000'000},
}};

std::string_view trim(std::string_view text) {
  text = skip_blanks(text);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Takes the unit name at the front of `rest`: ASCII letters and non-ASCII bytes (for µ).
std::string_view take_unit(std::string_view& rest) {
  std::size_t n = 0;
  while (n < rest.size()) {
    const auto c = static_cast<unsigned char>(rest[n]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!letter) break;
    ++n;
  }
  const std::string_view unit = rest.substr(0, n);
  rest.remove_prefix(n);
  return unit;
}

std::optional<std::int64_t> time_unit_us(std::string_view name) {
  for (const TimeUnit& unit : time_units) {
    if (unit.name == name) return unit.us;
  }
  return std::nullopt;
}

enum class Exactness { exact, not_whole, overflow };

// digits * 10^-scale * unit, when that is a whole number that fits an int64.
Exactness scale_exactly(const ExactDecimal& d, std::uint64_t unit, std::int64_t& out) {
  if (d.overflow) return Exactness::overflow;
  constexpr int max_scale = 38;  // 10^38 < 2^128
  if (d.scale > max_scale) return Exactness::not_whole;
  Wide pow10 = 1;
  for (int i = 0; i < d.scale; ++i) pow10 *= 10;
  const Wide product = static_cast<Wide>(d.digits) * unit;
  if (product % pow10 != 0) return Exactness::not_whole;
  const Wide quotient = product / pow10;
  if (quotient > static_cast<Wide>(std::numeric_limits<std::int64_t>::max())) {
    return Exactness::overflow;
  }
  out = static_cast<std::int64_t>(quotient);
  return Exactness::exact;
}

bool starts_number(std::string_view text) {
  return !text.empty() && ((text.front() >= '0' && text.front() <= '9') || text.front() == '.');
}

std::string expected_duration(std::string_view written) {
  return "expected a duration with a unit, like 30s, found " + quote(written);
}

// The magnitude in microseconds of "component+" (no sign), or why not.
Parsed<std::int64_t> sum_components(std::string_view rest, std::string_view written,
                                    const DurationOptions& options) {
  using Result = Parsed<std::int64_t>;
  std::int64_t total = 0;
  std::int64_t previous_unit = std::numeric_limits<std::int64_t>::max();
  for (bool first = true;; first = false) {
    ExactDecimal d;  // the sign was taken by the caller: none inside
    const std::size_t n = starts_number(rest) ? scan_decimal(rest, d) : 0;
    if (n == 0) return Result::fail(expected_duration(written));
    rest = skip_blanks(rest.substr(n));
    const std::string_view unit_name = take_unit(rest);
    std::optional<std::int64_t> unit = time_unit_us(unit_name);
    if (unit_name.empty()) {
      if (!first || !rest.empty()) {
        return Result::fail("missing unit after " + quote(d.text) + " in " + quote(written) +
                            " (units: " + std::string(duration_units_hint) + ")");
      }
      if (!options.bare_unit || options.bare_unit->count() <= 0) {
        return Result::fail(expected_duration(written));
      }
      unit = options.bare_unit->count();
    } else if (!unit) {
      return Result::fail("unknown duration unit " + quote(unit_name) + " in " + quote(written) +
                          "; use " + std::string(duration_units_hint));
    } else if (*unit >= previous_unit) {
      return Result::fail(
          "duration parts must go from the largest unit to the smallest, like "
          "1h30m, found " +
          quote(written));
    }
    std::int64_t part = 0;
    const Exactness exactness = scale_exactly(d, static_cast<std::uint64_t>(*unit), part);
    if (exactness == Exactness::not_whole) {
      return Result::fail(quote(written) + " is not a whole number of microseconds");
    }
    if (exactness == Exactness::overflow || __builtin_add_overflow(total, part, &total)) {
      return Result::fail(quote(written) + " is too long (the limit is about 292,000 years)");
    }
    previous_unit = *unit;
    rest = skip_blanks(rest);
    if (rest.empty()) return Result::ok(total);
  }
}

std::string duration_range(const DurationOptions& options) {
  const bool no_max = options.max == sim::Duration::max();
  if (options.min == sim::Duration::zero() && no_max) return "a non-negative duration";
  if (no_max) return "a duration of at least " + format_duration_short(options.min);
  if (options.min == sim::Duration::min()) {
    return "a duration of at most " + format_duration_short(options.max);
  }
  return "a duration from " + format_duration_short(options.min) + " to " +
         format_duration_short(options.max);
}

// "expected a non-negative rate", "expected a rate from 1/s to 10/s", ...
std::string expected_in_range(std::string_view noun, double min, double max,
                              std::string_view unit) {
  const std::string n(noun);
  const std::string u(unit);
  if (std::isinf(max) && min == 0.0) return "expected a non-negative " + n;
  if (std::isinf(max)) return "expected a " + n + " of at least " + format_number(min) + u;
  if (std::isinf(min)) return "expected a " + n + " of at most " + format_number(max) + u;
  return "expected a " + n + " from " + format_number(min) + u + " to " + format_number(max) + u;
}

}  // namespace

Parsed<sim::Duration> parse_duration(std::string_view text, const DurationOptions& options) {
  using Result = Parsed<sim::Duration>;
  const std::string_view written = trim(text);
  std::string_view rest = written;
  bool negative = false;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    negative = rest.front() == '-';
    rest.remove_prefix(1);
  }
  const Parsed<std::int64_t> magnitude = sum_components(rest, written, options);
  if (!magnitude.value) return Result::fail(magnitude.error);
  const sim::Duration value{negative ? -*magnitude.value : *magnitude.value};
  if (value < options.min || value > options.max) {
    return Result::fail("expected " + duration_range(options) + ", found " + quote(written));
  }
  return Result::ok(value);
}

std::string format_duration_short(sim::Duration d) {
  if (d.count() == 0) return "0s";
  const bool negative = d.count() < 0;
  // As unsigned, so that the most negative duration has a magnitude too.
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(d.count()) : static_cast<std::uint64_t>(d.count());
  static constexpr std::array<TimeUnit, 6> largest_first{{{"d", 86'400'000'000},
                                                          {"h", 3'600'000'000},
                                                          {"min", 60'000'000},
                                                          {"s", 1'000'000},
                                                          {"ms", 1'000},
                                                          {"us", 1}}};
  for (const TimeUnit& unit : largest_first) {
    const auto us = static_cast<std::uint64_t>(unit.us);
    if (magnitude % us == 0) {
      std::string out = negative ? "-" : "";
      out += std::to_string(magnitude / us);
      out += unit.name;
      return out;
    }
  }
  return {};  // unreachable: every magnitude is a whole number of microseconds
}

std::string format_number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc{} ? std::string(buf, end) : std::string("?");
}

Parsed<double> parse_fraction(std::string_view text, const FractionOptions& options) {
  using Result = Parsed<double>;
  const std::string_view written = trim(text);
  const bool percent = !written.empty() && written.back() == '%';
  std::optional<double> value;
  if (percent) {
    const std::string_view number = trim(written.substr(0, written.size() - 1));
    ExactDecimal d;
    if (!number.empty() && scan_decimal(number, d) == number.size()) {
      value = decimal_to_double(number, -2);
    }
  } else {
    value = parse_real(written);
  }
  if (!value) {
    return Result::fail("expected a fraction like 0.2 or a percentage like 20%, found " +
                        quote(written));
  }
  if (*value < options.min || *value > options.max) {
    std::string message = "expected a fraction from " + format_number(options.min) + " to " +
                          format_number(options.max) + " (" + format_number(options.min * 100) +
                          "% to " + format_number(options.max * 100) + "%), found " +
                          quote(written);
    if (!percent && *value > options.max && *value <= options.max * 100) {
      message += " (did you mean " + std::string(written) + "%?)";
    }
    return Result::fail(message);
  }
  return Result::ok(*value);
}

Parsed<double> parse_rate_per_s(std::string_view text, const RateOptions& options) {
  using Result = Parsed<double>;
  const std::string_view written = trim(text);
  const std::string expected =
      "expected a rate with a unit, like 2000/s or 120/min, found " + quote(written);
  ExactDecimal d;
  const std::size_t n = scan_decimal(written, d);
  if (n == 0) return Result::fail(expected);
  std::string_view rest = skip_blanks(written.substr(n));
  int exponent = 0;
  if (!rest.empty()) {
    const char m = rest.front();
    exponent = (m == 'k' || m == 'K') ? 3 : m == 'M' ? 6 : m == 'G' ? 9 : 0;
    if (exponent != 0) rest = skip_blanks(rest.substr(1));
  }
  std::optional<double> value;
  if (rest.empty() && options.bare_per && options.bare_per->count() > 0) {
    // count / bare_per_us * 1e6 = per second
    const auto count = decimal_to_double(d.text, exponent + 6);
    if (count) value = *count / static_cast<double>(options.bare_per->count());
  } else {
    if (rest.empty() || rest.front() != '/') return Result::fail(expected);
    rest = skip_blanks(rest.substr(1));
    const std::string_view unit_name = take_unit(rest);
    const std::optional<std::int64_t> unit_us = time_unit_us(unit_name);
    if (!unit_us || !skip_blanks(rest).empty()) {
      return Result::fail("unknown time unit in rate " + quote(written) + "; use " +
                          std::string(duration_units_hint) + " after the '/'");
    }
    // Per-second scaling by exponent where it is a power of ten (us, ms, s): one rounding.
    int unit_exponent = 0;
    for (std::int64_t x = 1'000'000; x > *unit_us && x % 10 == 0; x /= 10) ++unit_exponent;
    const double divisor = *unit_us > 1'000'000 ? static_cast<double>(*unit_us) / 1e6 : 1.0;
    const auto scaled = decimal_to_double(d.text, exponent + unit_exponent);
    if (scaled) value = *scaled / divisor;
  }
  if (!value) return Result::fail(quote(written) + " is out of range");
  if (*value < options.min || *value > options.max) {
    return Result::fail(expected_in_range("rate", options.min, options.max, "/s") + ", found " +
                        quote(written));
  }
  return Result::ok(*value);
}

namespace {

struct BandwidthUnit {
  int exponent;     // of the decimal prefix
  double bits_per;  // 1 for bits, 8 for bytes
};

std::optional<BandwidthUnit> bandwidth_unit(std::string_view name) {
  int exponent = 0;
  if (name.size() > 1) {
    const char p = name.front();
    exponent = (p == 'k' || p == 'K') ? 3 : p == 'M' ? 6 : p == 'G' ? 9 : p == 'T' ? 12 : 0;
  }
  const std::string_view base = exponent != 0 ? name.substr(1) : name;
  if (base == "bps" || base == "bit/s") return BandwidthUnit{exponent, 1.0};
  if (base == "B/s") return BandwidthUnit{exponent, 8.0};
  return std::nullopt;
}

struct SizeUnit {
  std::string_view name;
  std::uint64_t bytes;
};

constexpr std::array<SizeUnit, 12> size_units{{
    {"B", 1},
    {"kB", 1'000},
    {"KB", 1'000},
    {"MB", 1'000'000},
    {"GB", 1'000'000'000},
    {"TB", 1'000'000'000'000},
    {"PB", 1'000'000'000'000'000},
    {"KiB", 1ULL << 10},
    {"MiB", 1ULL << 20},
    {"GiB", 1ULL << 30},
    {"TiB", 1ULL << 40},
    {"PiB", 1ULL << 50},
}};

}  // namespace

Parsed<double> parse_bandwidth_bps(std::string_view text, const BandwidthOptions& options) {
  using Result = Parsed<double>;
  const std::string_view written = trim(text);
  ExactDecimal d;
  const std::size_t n = scan_decimal(written, d);
  const std::string_view unit_name = skip_blanks(written.substr(n));
  if (n == 0 || unit_name.empty()) {
    return Result::fail("expected a bandwidth with a unit, like 1Gbps or 100Mbps, found " +
                        quote(written));
  }
  const std::optional<BandwidthUnit> unit = bandwidth_unit(unit_name);
  if (!unit) {
    return Result::fail("unknown bandwidth unit " + quote(unit_name) + " in " + quote(written) +
                        "; use bps, kbps, Mbps, Gbps, Tbps (or bit/s, or B/s for bytes)");
  }
  const std::optional<double> scaled = decimal_to_double(d.text, unit->exponent);
  if (!scaled) return Result::fail(quote(written) + " is out of range");
  const double value = *scaled * unit->bits_per;
  if (value < options.min || value > options.max) {
    return Result::fail(expected_in_range("bandwidth", options.min, options.max, " bit/s") +
                        ", found " + quote(written));
  }
  return Result::ok(value);
}

Parsed<std::int64_t> parse_size_bytes(std::string_view text, const SizeOptions& options) {
  using Result = Parsed<std::int64_t>;
  const std::string_view written = trim(text);
  ExactDecimal d;
  const std::size_t n = scan_decimal(written, d);
  const std::string_view unit_name = skip_blanks(written.substr(n));
  if (n == 0 || (unit_name.empty() && !options.bare_bytes)) {
    return Result::fail("expected a size with a unit, like 512MiB or 10GB, found " +
                        quote(written));
  }
  std::uint64_t unit = unit_name.empty() ? 1 : 0;
  for (const SizeUnit& u : size_units) {
    if (u.name == unit_name) unit = u.bytes;
  }
  if (unit == 0) {
    return Result::fail("unknown size unit " + quote(unit_name) + " in " + quote(written) +
                        "; use B, kB, MB, GB, TB, PB or KiB, MiB, GiB, TiB, PiB");
  }
  std::int64_t magnitude = 0;
  const Exactness exactness = scale_exactly(d, unit, magnitude);
  if (exactness == Exactness::not_whole) {
    return Result::fail(quote(written) + " is not a whole number of bytes");
  }
  if (exactness == Exactness::overflow) return Result::fail(quote(written) + " is too large");
  const std::int64_t value = d.negative ? -magnitude : magnitude;
  if (value < options.min || value > options.max) {
    std::string range = "expected a size from " + std::to_string(options.min) + " to " +
                        std::to_string(options.max) + " bytes";
    if (options.max == std::numeric_limits<std::int64_t>::max()) {
      range = options.min == 0
                  ? "expected a non-negative size"
                  : "expected a size of at least " + std::to_string(options.min) + " bytes";
    }
    return Result::fail(range + ", found " + quote(written));
  }
  return Result::ok(value);
}

}  // namespace b24::scenarios
