#include "policy/format.hpp"

#include <array>
#include <cstdio>

namespace b24::policy {

std::string format_number(double value) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.6g", value);
  return text.data();
}

std::string format_timestamp(Timestamp instant) {
  using namespace std::chrono;
  const sys_days day = floor<days>(instant);
  const year_month_day date{day};
  const hh_mm_ss<Duration> time_of_day{instant - day};
  std::array<char, 48> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02uT%02lld:%02lld:%02lld", int{date.year()},
                unsigned{date.month()}, unsigned{date.day()},
                static_cast<long long>(time_of_day.hours().count()),
                static_cast<long long>(time_of_day.minutes().count()),
                static_cast<long long>(time_of_day.seconds().count()));
  std::string result = text.data();
  if (const auto fraction = time_of_day.subseconds().count(); fraction != 0) {
    std::snprintf(text.data(), text.size(), ".%06lld", static_cast<long long>(fraction));
    result += text.data();
  }
  return result + "Z";
}

std::string format_duration(Duration interval) {
  using namespace std::chrono;
  if (interval % seconds{1} == Duration::zero()) {
    return std::to_string(duration_cast<seconds>(interval).count()) + "s";
  }
  return format_number(duration<double>(interval).count()) + "s";
}

}  // namespace b24::policy
