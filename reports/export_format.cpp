#include "reports/export_format.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace b24::reports {

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "csv") return ExportFormat::csv;
  if (name == "jsonl") return ExportFormat::jsonl;
  return std::nullopt;
}

std::string_view export_extension(ExportFormat format) {
  return format == ExportFormat::csv ? "csv" : "jsonl";
}

void append_csv_field(std::string& out, std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_json_string(std::string& out, std::string_view text) {
  // nlohmann's serializer does the escaping and the UTF-8 check; dump() of a plain string
  // costs one small allocation, fine for an export.
  out += nlohmann::json(std::string(text))
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_seconds(std::string& out, std::int64_t microseconds) {
  // Integer arithmetic throughout: a double would print 0.1 s as 0.10000000000000001 somewhere.
  std::uint64_t magnitude = microseconds < 0 ? 0 - static_cast<std::uint64_t>(microseconds)
                                             : static_cast<std::uint64_t>(microseconds);
  if (microseconds < 0) out += '-';
  out += std::to_string(magnitude / 1'000'000);
  std::uint64_t fraction = magnitude % 1'000'000;
  if (fraction == 0) return;
  int digits = 6;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --digits;
  }
  const std::string text = std::to_string(fraction);
  out += '.';
  out.append(static_cast<std::size_t>(digits) - text.size(), '0');
  out += text;
}

void append_real(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-inf" : "inf";
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace b24::reports
