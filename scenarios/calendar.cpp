#include "scenarios/calendar.hpp"

#include <optional>
#include <string>

#include "scenarios/diagnostic.hpp"

namespace b24::scenarios {

namespace {

// Reads fixed-format text left to right.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : rest_(text) {}

  [[nodiscard]] bool done() const { return rest_.empty(); }
  [[nodiscard]] bool next_is(char c) const { return !rest_.empty() && rest_.front() == c; }

  bool eat(std::string_view s) {
    if (rest_.substr(0, s.size()) != s) return false;
    rest_.remove_prefix(s.size());
    return true;
  }

  // Between min_n and max_n decimal digits as a number; also reports how many were read.
  std::optional<int> digits(std::size_t min_n, std::size_t max_n, std::size_t* count = nullptr) {
    std::size_t n = 0;
    int value = 0;
    while (n < max_n && n < rest_.size() && rest_[n] >= '0' && rest_[n] <= '9') {
      value = value * 10 + (rest_[n] - '0');
      ++n;
    }
    if (n < min_n) return std::nullopt;
    rest_.remove_prefix(n);
    if (count != nullptr) *count = n;
    return value;
  }

 private:
  std::string_view rest_;
};

struct Clock {
  sim::Duration since_midnight{};
  bool valid_ranges = true;
};

// H?H:MM(:SS(.F{1,6})?)? ; nullopt when the shape is wrong.
std::optional<Clock> read_clock(Cursor& in) {
  const auto hour = in.digits(1, 2);
  if (!hour || !in.eat(":")) return std::nullopt;
  const auto minute = in.digits(2, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  std::int64_t micros = 0;
  if (in.eat(":")) {
    const auto s = in.digits(2, 2);
    if (!s) return std::nullopt;
    second = *s;
    if (in.eat(".")) {
      std::size_t n = 0;
      const auto f = in.digits(1, 6, &n);
      if (!f) return std::nullopt;
      micros = *f;
      for (std::size_t i = n; i < 6; ++i) micros *= 10;
    }
  }
  Clock clock;
  clock.valid_ranges = *hour <= 23 && *minute <= 59 && second <= 59;
  clock.since_midnight = std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
                         std::chrono::seconds{second} + sim::Duration{micros};
  return clock;
}

enum class Zone { utc, local, invalid };

// "", "Z", " UTC" or " local" (blanks before the word); anything else is invalid.
Zone read_zone_word(Cursor& in) {
  if (in.done()) return Zone::utc;
  if (in.eat("Z")) return in.done() ? Zone::utc : Zone::invalid;
  bool blank = false;
  while (in.eat(" ") || in.eat("\t")) blank = true;
  if (!blank) return Zone::invalid;
  if (in.eat("UTC")) return in.done() ? Zone::utc : Zone::invalid;
  if (in.eat("local")) return in.done() ? Zone::local : Zone::invalid;
  return Zone::invalid;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Parsed<TimeOfDay> parse_time_of_day(std::string_view text) {
  using Result = Parsed<TimeOfDay>;
  const std::string_view written = trim(text);
  Cursor in(written);
  const std::optional<Clock> clock = read_clock(in);
  const Zone zone = clock ? read_zone_word(in) : Zone::invalid;
  if (!clock || zone == Zone::invalid) {
    return Result::fail("expected a time of day like 11:00, 11:00:30 or 11:00 local, found " +
                        quote(written));
  }
  if (!clock->valid_ranges) {
    return Result::fail(quote(written) +
                        " is not a time of day (hours 0-23, minutes and seconds 0-59)");
  }
  return Result::ok(TimeOfDay{clock->since_midnight, zone == Zone::local});
}

namespace {

// "+HH:MM" / "-HH:MM" after a clock: the offset east of UTC.
std::optional<sim::Duration> read_offset(Cursor& in) {
  const bool west = in.next_is('-');
  if (!in.eat("+") && !in.eat("-")) return std::nullopt;
  const auto hours = in.digits(2, 2);
  if (!hours || !in.eat(":")) return std::nullopt;
  const auto minutes = in.digits(2, 2);
  if (!minutes || !in.done() || *hours > 23 || *minutes > 59) return std::nullopt;
  const sim::Duration offset = std::chrono::hours{*hours} + std::chrono::minutes{*minutes};
  return west ? -offset : offset;
}

}  // namespace

Parsed<DateTime> parse_date_time(std::string_view text) {
  using Result = Parsed<DateTime>;
  const std::string_view written = trim(text);
  const auto fail = [&] {
    return Result::fail("expected a date and time like 2026-11-26T11:00 (UTC), found " +
                        quote(written));
  };
  Cursor in(written);
  const auto year = in.digits(4, 4);
  const auto month = in.eat("-") ? in.digits(2, 2) : std::nullopt;
  const auto day = month && in.eat("-") ? in.digits(2, 2) : std::nullopt;
  if (!year || !month || !day) return fail();
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return Result::fail(quote(written) + " is not a calendar date");
  DateTime out;
  out.time = UtcTime{std::chrono::sys_days{date}.time_since_epoch()};
  if (in.done()) return Result::ok(out);
  if (!in.eat("T") && !in.eat(" ")) return fail();
  const std::optional<Clock> clock = read_clock(in);
  if (!clock) return fail();
  if (!clock->valid_ranges) {
    return Result::fail(quote(written) +
                        " has no such time of day (hours 0-23, minutes and seconds 0-59)");
  }
  out.time += clock->since_midnight;
  if (in.next_is('+') || in.next_is('-')) {
    const std::optional<sim::Duration> offset = read_offset(in);
    if (!offset) return fail();
    out.time -= *offset;  // 11:00+03:00 is 08:00 UTC
    return Result::ok(out);
  }
  const Zone zone = read_zone_word(in);
  if (zone == Zone::invalid) return fail();
  out.local = zone == Zone::local;
  return Result::ok(out);
}

}  // namespace b24::scenarios
