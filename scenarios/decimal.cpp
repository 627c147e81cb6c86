#include "scenarios/decimal.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace b24::scenarios {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::size_t count_digits(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size() && is_digit(text[i])) ++i;
  return i - from;
}

// Appends one digit to an exact decimal's significand, noting overflow.
void push_digit(ExactDecimal& out, char c) {
  const auto d = static_cast<std::uint64_t>(c - '0');
  if (out.digits > (std::numeric_limits<std::uint64_t>::max() - d) / 10) {
    out.overflow = true;
    return;
  }
  out.digits = out.digits * 10 + d;
}

}  // namespace

std::string_view skip_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

std::size_t scan_decimal(std::string_view text, ExactDecimal& out) {
  out = ExactDecimal{};
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    out.negative = text[i] == '-';
    ++i;
  }
  const std::size_t int_digits = count_digits(text, i);
  const std::size_t int_end = i + int_digits;
  std::size_t frac_digits = 0;
  bool has_point = int_end < text.size() && text[int_end] == '.';
  if (has_point) frac_digits = count_digits(text, int_end + 1);
  if (int_digits == 0 && frac_digits == 0) return 0;
  const std::size_t end = has_point ? int_end + 1 + frac_digits : int_end;
  for (std::size_t k = i; k < int_end; ++k) push_digit(out, text[k]);
  // Trailing fractional zeros do not change the value; dropping them keeps scale minimal, so
  // "1.500000000000000000000s" is as exact as "1.5s".
  std::size_t frac_end = int_end + 1 + frac_digits;
  while (frac_digits > 0 && text[frac_end - 1] == '0') {
    --frac_end;
    --frac_digits;
  }
  for (std::size_t k = int_end + 1; k < frac_end; ++k) push_digit(out, text[k]);
  out.scale = static_cast<int>(frac_digits);
  out.text = text.substr(0, end);
  return end;
}

namespace {

// from_chars on already validated text; nullopt on overflow, underflow to zero or leftovers.
std::optional<double> checked_from_chars(std::string buf) {
  if (!buf.empty() && buf.front() == '+') buf.erase(0, 1);  // from_chars takes no '+'
  double value = 0.0;
  const auto [end, ec] = std::from_chars(buf.data(), buf.data() + buf.size(), value);
  if (ec != std::errc{} || end != buf.data() + buf.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<double> decimal_to_double(std::string_view number_text, int exponent10) {
  std::string buf(number_text);
  if (exponent10 != 0) buf += 'e' + std::to_string(exponent10);
  return checked_from_chars(std::move(buf));
}

IntegerParse parse_integer(std::string_view text) {
  std::string digits;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    if (text[i] == '-') digits += '-';
    ++i;
  }
  bool previous_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digits += c;
      previous_digit = true;
    } else if (c == '_' && previous_digit && i + 1 < text.size() && is_digit(text[i + 1])) {
      previous_digit = false;  // a separator sits between two digits
    } else {
      return {};
    }
  }
  if (digits.empty() || digits == "-") return {};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range) return {std::nullopt, true};
  if (ec != std::errc{} || end != digits.data() + digits.size()) return {};
  return {value, false};
}

std::optional<double> parse_real(std::string_view text) {
  ExactDecimal mantissa;
  std::size_t n = scan_decimal(text, mantissa);
  if (n == 0) return std::nullopt;
  if (n < text.size() && (text[n] == 'e' || text[n] == 'E')) {
    std::size_t k = n + 1;
    if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
    const std::size_t exp_digits = count_digits(text, k);
    if (exp_digits == 0) return std::nullopt;
    n = k + exp_digits;
  }
  if (n != text.size()) return std::nullopt;
  return checked_from_chars(std::string(text));
}

}  // namespace b24::scenarios
