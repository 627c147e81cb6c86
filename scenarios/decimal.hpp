#pragma once
// Numbers as scenario text writes them, read strictly and exactly. Unit values ("1.5s", "12.5%")
// are read as exact decimals so that a duration converts to whole microseconds with no
// floating-point rounding; plain reals go through std::from_chars, which rounds correctly.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace b24::scenarios {

// value = (negative ? -1 : 1) * digits * 10^-scale, exactly.
struct ExactDecimal {
  bool negative = false;
  std::uint64_t digits = 0;  // leading zeros and trailing fractional zeros removed
  int scale = 0;             // fractional digits kept
  bool overflow = false;     // more significant digits than a uint64 holds
  std::string_view text;     // the characters read, sign included
};

// Reads the longest prefix of `text` of the form [+-]? D+ (. D*)? or [+-]? . D+ (no exponent).
// Returns the number of characters read; 0 when `text` does not start with a number.
std::size_t scan_decimal(std::string_view text, ExactDecimal& out);

// The real number `number_text` * 10^exponent10, correctly rounded (number_text as scan_decimal
// reads it). Lets "12.5%" become exactly the double nearest 0.125, and "1.2M" the one nearest
// 1.2e6, without an inexact multiplication.
[[nodiscard]] std::optional<double> decimal_to_double(std::string_view number_text, int exponent10);

// An integer: [+-]? D+ with optional '_' between digits ("1_000_000"). nullopt when malformed or
// outside int64.
struct IntegerParse {
  std::optional<std::int64_t> value;
  bool out_of_range = false;
};
[[nodiscard]] IntegerParse parse_integer(std::string_view text);

// A finite real: [+-]? (D+ (. D*)? | . D+) ([eE] [+-]? D+)?. No inf, nan, hex or separators.
[[nodiscard]] std::optional<double> parse_real(std::string_view text);

// Skips ASCII spaces and tabs at the front.
[[nodiscard]] std::string_view skip_blanks(std::string_view text);

}  // namespace b24::scenarios
