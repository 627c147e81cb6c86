#include "reports/html/html_text.hpp"

#include <charconv>
#include <cmath>

#include "sim/time.hpp"

namespace b24::reports::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fixed(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  const auto [end, error] =
      std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (error != std::errc{}) return "n/a";  // beyond 1e60: nothing the report shows
  std::string out(buf, end);
  // Rounding a small negative number to zero leaves "-0.0", which reads as a sign error.
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::string compact(double value, int decimals) {
  std::string out = fixed(value, decimals);
  if (out.find('.') == std::string::npos || !std::isfinite(value)) return out;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

std::string grouped(std::int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u2009";  // thin space
    out += digits[i];
  }
  return out;
}

std::string sim_time(std::int64_t time_us) {
  std::string text = sim::format_duration(sim::Duration{time_us});
  // Whole seconds read as the run database's views print them: "14:00:00", not ".000000".
  if (text.ends_with(".000000")) text.resize(text.size() - 7);
  return text;
}

}  // namespace b24::reports::html
