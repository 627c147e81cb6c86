#include "viewer/time_text.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace b24::viewer {
namespace {

constexpr std::int64_t us_per_s = 1'000'000;
constexpr std::int64_t us_per_day = 86'400 * us_per_s;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

std::optional<std::int64_t> unit_us(std::string_view unit) {
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 8> units = {{
      {"d", us_per_day},
      {"h", 3600 * us_per_s},
      {"m", 60 * us_per_s},
      {"min", 60 * us_per_s},
      {"s", us_per_s},
      {"ms", 1000},
      {"us", 1},
      {"µs", 1},
  }};
  for (const auto& [name, us] : units) {
    if (unit == name) return us;
  }
  return std::nullopt;
}

// "HH:MM" or "HH:MM:SS", optionally after "Nd ".
std::optional<std::int64_t> parse_clock(std::string_view s) {
  std::int64_t days = 0;
  if (const std::size_t d = s.find("d "); d != std::string_view::npos) {
    const auto n = parse_int(s.substr(0, d));
    if (!n) return std::nullopt;
    days = *n;
    s = trim(s.substr(d + 2));
  }
  std::array<std::int64_t, 3> parts{0, 0, 0};
  std::size_t count = 0;
  while (count < parts.size()) {
    const std::size_t colon = s.find(':');
    const auto n = parse_int(s.substr(0, colon));
    if (!n) return std::nullopt;
    parts[count++] = *n;
    if (colon == std::string_view::npos) break;
    s.remove_prefix(colon + 1);
  }
  if (count < 2 || parts[1] >= 60 || parts[2] >= 60) return std::nullopt;
  return days * us_per_day + ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * us_per_s;
}

}  // namespace

std::optional<std::int64_t> parse_duration_us(std::string_view text) {
  std::string_view s = trim(text);
  std::int64_t sign = 1;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    sign = s.front() == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  std::int64_t total = 0;
  while (!s.empty()) {
    std::size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
    std::size_t letters = digits;
    while (letters < s.size() && !std::isdigit(static_cast<unsigned char>(s[letters])) &&
           s[letters] != ' ') {
      ++letters;
    }
    const auto n = parse_int(s.substr(0, digits));
    const auto unit = unit_us(s.substr(digits, letters - digits));
    if (digits == 0 || !n || !unit) return std::nullopt;
    total += *n * *unit;
    s = trim(s.substr(letters));
  }
  return sign * total;
}

ParsedInstant parse_instant(std::string_view text, std::optional<std::int64_t> utc_offset_s) {
  std::string_view s = trim(text);
  bool local = false;
  if (s.size() > 6 && s.substr(s.size() - 6) == " local") {
    local = true;
    s = trim(s.substr(0, s.size() - 6));
  }
  const bool clock = s.find(':') != std::string_view::npos;
  const std::optional<std::int64_t> t = clock ? parse_clock(s) : parse_duration_us(s);
  if (!t || *t < 0) {
    return {std::nullopt, "'" + std::string(text) +
                              "' is not a time: write HH:MM (since the start), 10h30m, or "
                              "HH:MM local"};
  }
  if (!local) return {t, {}};
  if (!clock) return {std::nullopt, "'local' needs a time of day (HH:MM local)"};
  if (!utc_offset_s) {
    return {std::nullopt, "'local' needs the run's topology (its first DC's utc_offset)"};
  }
  // The first instant from the start at which the first DC's clock reads `t`.
  std::int64_t utc = *t - *utc_offset_s * us_per_s;
  while (utc < 0) utc += us_per_day;
  return {utc, {}};
}

std::string format_instant(std::int64_t time_us) {
  const bool negative = time_us < 0;
  std::int64_t s = (negative ? -time_us : time_us) / us_per_s;
  const std::int64_t days = s / 86'400;
  s %= 86'400;
  char buffer[48];
  if (days > 0) {
    std::snprintf(buffer, sizeof buffer, "%s%lldd %02lld:%02lld:%02lld", negative ? "-" : "",
                  static_cast<long long>(days), static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  } else {
    std::snprintf(buffer, sizeof buffer, "%s%02lld:%02lld:%02lld", negative ? "-" : "",
                  static_cast<long long>(s / 3600), static_cast<long long>(s / 60 % 60),
                  static_cast<long long>(s % 60));
  }
  return buffer;
}

std::string format_local_clock(std::int64_t time_us, std::int64_t utc_offset_s) {
  std::int64_t s = (time_us / us_per_s + utc_offset_s) % 86'400;
  if (s < 0) s += 86'400;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60));
  return buffer;
}

}  // namespace b24::viewer
