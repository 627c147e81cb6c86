#include "scenarios/default_text.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "scenarios/decimal.hpp"
#include "scenarios/units.hpp"
#include "scenarios/yaml_writer.hpp"

namespace b24::scenarios {

namespace {

// The shortest fixed-point decimal that reads back as `value`; parse_real, parse_rate_per_s and
// parse_bandwidth_bps all take this form (the unit parsers take no exponent).
std::optional<std::string> fixed_decimal(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  std::array<char, 400> buffer{};  // DBL_MAX in fixed notation is 309 digits
  const auto [end, ec] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (ec != std::errc{}) return std::nullopt;
  return std::string(buffer.data(), end);
}

// The whole number of microseconds `seconds` is, when to_seconds gives `seconds` back: the
// distribution reader converts each written duration with to_seconds.
std::optional<sim::Duration> exact_duration(double seconds) {
  constexpr double longest_s = 9e12;  // inside sim::from_seconds' range
  if (!std::isfinite(seconds) || std::fabs(seconds) > longest_s) return std::nullopt;
  const sim::Duration d = sim::from_seconds(seconds);
  if (sim::to_seconds(d) != seconds) return std::nullopt;
  return d;
}

// A lognormal's written mean and stddev (on the grid of `unit`, in the distribution's unit) when
// from_mean_stddev gives the same mu and sigma back.
struct Moments {
  double mean;
  double stddev;
};
std::optional<Moments> lognormal_moments(const sim::LogNormal& d, double unit,
                                         double (*to_value)(double)) {
  const double s2 = d.sigma() * d.sigma();
  const double mean = std::exp(d.mu() + s2 / 2);
  const double stddev = mean * std::sqrt(std::expm1(s2));
  const Moments m{to_value(std::round(mean / unit)), to_value(std::round(stddev / unit))};
  if (!(m.mean > 0.0) || !(m.stddev >= 0.0)) return std::nullopt;
  const sim::LogNormal back = sim::LogNormal::from_mean_stddev(m.mean, m.stddev);
  if (back.mu() != d.mu() || back.sigma() != d.sigma()) return std::nullopt;
  return m;
}

double microseconds_to_seconds(double us) {
  return sim::to_seconds(sim::Duration{static_cast<std::int64_t>(us)});
}
double same(double value) {
  return value;
}

// "HH:MM", with ":SS" and ".ffffff" (trailing zeros dropped) only when needed. One snprintf per
// form: GCC 12 warns (-Wrestrict, a false positive) about "literal" + string temporaries.
std::string clock_text(sim::Duration since_midnight) {
  const long long us = since_midnight.count();
  const long long hours = us / 3'600'000'000;
  const long long minutes = us / 60'000'000 % 60;
  const long long seconds = us / 1'000'000 % 60;
  const long long micros = us % 1'000'000;
  std::array<char, 48> text{};
  if (seconds == 0 && micros == 0) {
    std::snprintf(text.data(), text.size(), "%02lld:%02lld", hours, minutes);
  } else if (micros == 0) {
    std::snprintf(text.data(), text.size(), "%02lld:%02lld:%02lld", hours, minutes, seconds);
  } else {
    std::snprintf(text.data(), text.size(), "%02lld:%02lld:%02lld.%06lld", hours, minutes, seconds,
                  micros);
  }
  std::string out = text.data();
  while (micros != 0 && out.back() == '0') out.pop_back();
  return out;
}

}  // namespace

std::string integer_text(std::int64_t value) {
  return std::to_string(value);
}

std::optional<std::string> number_text(double value) {
  std::optional<std::string> text = fixed_decimal(value);
  if (!text || parse_real(*text) != value) return std::nullopt;
  return text;
}

std::string bool_text(bool value) {
  return value ? "true" : "false";
}

std::string duration_text(sim::Duration value) {
  return format_duration_short(value);  // exact: the largest unit that divides it
}

std::optional<std::string> rate_text(double per_s) {
  const std::optional<std::string> number = fixed_decimal(per_s);
  if (!number) return std::nullopt;
  std::string text = *number + "/s";
  const RateOptions any{.min = -std::numeric_limits<double>::infinity()};
  if (parse_rate_per_s(text, any).value != per_s) return std::nullopt;
  return text;
}

std::optional<std::string> bandwidth_text(double bps) {
  const std::optional<std::string> number = fixed_decimal(bps);
  if (!number) return std::nullopt;
  std::string text = *number + "bps";
  const BandwidthOptions any{.min = -std::numeric_limits<double>::infinity()};
  if (parse_bandwidth_bps(text, any).value != bps) return std::nullopt;
  return text;
}

std::string size_text(std::int64_t bytes) {
  return std::to_string(bytes) + "B";
}

std::string time_of_day_text(const TimeOfDay& value) {
  return clock_text(value.since_midnight) + (value.local ? " local" : "");
}

std::string date_time_text(const DateTime& value) {
  const auto day = std::chrono::floor<std::chrono::days>(value.time);
  const std::chrono::year_month_day date{day};
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::string(text.data()) + "T" + clock_text(value.time - day) +
         (value.local ? " local" : "");
}

std::string string_text(std::string_view value) {
  return yaml_double_quoted(value);
}

std::string word_text(std::string_view word) {
  bool plain = !word.empty();
  for (const char c : word) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    plain = plain && ok;
  }
  // YAML reads these plain words as null (yaml-cpp), so they would not be the word.
  for (const std::string_view null_word : {"null", "Null", "NULL"})
    plain = plain && word != null_word;
  return plain && word.front() != '-' ? std::string(word) : yaml_double_quoted(word);
}

std::optional<std::string> time_distribution_text(const sim::Distribution& value) {
  const auto duration = [](double seconds) -> std::optional<std::string> {
    const std::optional<sim::Duration> d = exact_duration(seconds);
    return d ? std::optional(duration_text(*d)) : std::nullopt;
  };
  const auto pair = [](std::string_view kind, std::string_view a,
                       const std::optional<std::string>& x, std::string_view b,
                       const std::optional<std::string>& y) -> std::optional<std::string> {
    if (!x || !y) return std::nullopt;
    return "{distribution: " + std::string(kind) + ", " + std::string(a) + ": " + *x + ", " +
           std::string(b) + ": " + *y + "}";
  };
  if (const auto* c = std::get_if<sim::Constant>(&value)) return duration(c->value());
  if (const auto* e = std::get_if<sim::Exponential>(&value)) {
    const std::optional<std::string> mean = duration(e->mean());
    if (!mean) return std::nullopt;
    return "{distribution: exponential, mean: " + *mean + "}";
  }
  if (const auto* l = std::get_if<sim::LogNormal>(&value)) {
    const std::optional<Moments> m = lognormal_moments(*l, 1e-6, microseconds_to_seconds);
    if (!m) return std::nullopt;
    return pair("lognormal", "mean", duration(m->mean), "stddev", duration(m->stddev));
  }
  if (const auto* n = std::get_if<sim::Normal>(&value)) {
    return pair("normal", "mean", duration(n->mu()), "stddev", duration(n->sigma()));
  }
  if (const auto* u = std::get_if<sim::Uniform>(&value)) {
    return pair("uniform", "low", duration(u->low()), "high", duration(u->high()));
  }
  if (const auto* p = std::get_if<sim::Pareto>(&value)) {
    return pair("pareto", "scale", duration(p->scale()), "shape", number_text(p->shape()));
  }
  return std::nullopt;  // an empirical table: no default is one
}

std::optional<std::string> size_distribution_text(const sim::Distribution& value) {
  const auto bytes = [](double b) -> std::optional<std::string> {
    if (!std::isfinite(b) || b < 0 || b > 1e15 || b != std::floor(b)) return std::nullopt;
    return size_text(static_cast<std::int64_t>(b));
  };
  if (const auto* c = std::get_if<sim::Constant>(&value)) return bytes(c->value());
  if (const auto* l = std::get_if<sim::LogNormal>(&value)) {
    const std::optional<Moments> m = lognormal_moments(*l, 1.0, same);
    const std::optional<std::string> mean = m ? bytes(m->mean) : std::nullopt;
    const std::optional<std::string> stddev = m ? bytes(m->stddev) : std::nullopt;
    if (!mean || !stddev) return std::nullopt;
    return "{mean: " + *mean + ", stddev: " + *stddev + "}";
  }
  return std::nullopt;
}

}  // namespace b24::scenarios
