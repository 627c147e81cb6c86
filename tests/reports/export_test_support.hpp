#pragma once
// Test helpers for exports: an RFC 4180 reader written independently of the exporter (so a
// quoting bug cannot cancel itself out), and a file's lines.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace b24::reports::testing {

// Every record of a CSV text (the header included) as its fields, per RFC 4180: a field in
// double quotes may hold commas, CR, LF and doubled quotes. Fails the current test on text that
// is not valid CSV (an unterminated quote, a quote inside an unquoted field).
[[nodiscard]] std::vector<std::vector<std::string>> parse_csv(std::string_view text);

// Runs SQL statements on a database (to damage one on purpose); fails the test on an error.
void execute_sql(const std::filesystem::path& file, std::string_view sql);

// The lines of a file, without their '\n' terminators.
[[nodiscard]] std::vector<std::string> read_lines(const std::filesystem::path& file);

}  // namespace b24::reports::testing
