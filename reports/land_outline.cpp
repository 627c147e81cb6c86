#include "reports/land_outline.hpp"

#include <charconv>
#include <string>

#include "reports/report_error.hpp"

namespace b24::reports {
namespace {

[[noreturn]] void fail(std::size_t line_number, std::string_view quoted, const char* what) {
  // Appended piecewise: `"x" + str` trips a GCC 12 -Wrestrict false positive.
  std::string message("land outline, line ");
  message.append(std::to_string(line_number)).append(": ");
  if (!quoted.empty()) message.append("'").append(quoted).append("' ");
  throw ReportError(message.append(what));
}

// std::from_chars: locale-independent, so a German locale's decimal comma cannot break it.
double parse_number(std::string_view text, std::size_t line_number, double limit) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    fail(line_number, text, "is not a number");
  }
  if (value < -limit || value > limit) {
    fail(line_number, text, limit > 90.0 ? "is outside [-180, 180]" : "is outside [-90, 90]");
  }
  return value;
}

GeoPoint parse_pair(std::string_view pair, std::size_t line_number) {
  const std::size_t comma = pair.find(',');
  if (comma == std::string_view::npos) {
    fail(line_number, pair, "is not a lon,lat pair");
  }
  return GeoPoint{parse_number(pair.substr(0, comma), line_number, 180.0),
                  parse_number(pair.substr(comma + 1), line_number, 90.0)};
}

LandRing parse_ring(std::string_view line, std::size_t line_number) {
  LandRing ring;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t space = std::min(line.find(' ', pos), line.size());
    if (space > pos) ring.push_back(parse_pair(line.substr(pos, space - pos), line_number));
    pos = space + 1;
  }
  if (ring.size() < 3) fail(line_number, {}, "a ring needs at least three points");
  return ring;
}

}  // namespace

std::vector<LandRing> parse_land_outline(std::string_view text) {
  std::vector<LandRing> rings;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t newline = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, newline - pos);
    pos = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    rings.push_back(parse_ring(line, line_number));
  }
  return rings;
}

const std::vector<LandRing>& land_110m() {
  static const std::vector<LandRing> rings = parse_land_outline(land_110m_text());
  return rings;
}

}  // namespace b24::reports
