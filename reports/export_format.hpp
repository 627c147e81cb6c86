#pragma once
// How exported cells are written: CSV (RFC 4180 quoting) or JSON Lines, with numbers in a form
// that reads back exactly and the same on every platform (no printf, no locale).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace b24::reports {

enum class ExportFormat { csv, jsonl };

// "csv" or "jsonl"; nullopt for anything else.
[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view name);
// The file extension, without the dot.
[[nodiscard]] std::string_view export_extension(ExportFormat format);

// A CSV field per RFC 4180: enclosed in double quotes, with inner quotes doubled, when it holds
// a comma, a double quote, CR or LF (or starts or ends with a space, which some readers trim);
// otherwise as is.
void append_csv_field(std::string& out, std::string_view field);
// A JSON string literal, escaped; bytes that are not valid UTF-8 become U+FFFD so that every
// line stays valid JSON.
void append_json_string(std::string& out, std::string_view text);

// Simulated microseconds as decimal seconds, exactly: 10000000 -> "10", 1500 -> "0.0015".
void append_seconds(std::string& out, std::int64_t microseconds);
// A double in the shortest form that reads back as the same double ("0.1", "2", "1e-07").
// Infinities are "inf" / "-inf" and NaN is "nan": callers decide what a format does with them.
void append_real(std::string& out, double value);

}  // namespace b24::reports
