// NodeView's typed reads: scalar text through the unit parsers, errors recorded at the value.

#include <algorithm>
#include <cmath>

#include "scenarios/decimal.hpp"
#include "scenarios/key_log.hpp"
#include "scenarios/reader.hpp"
#include "scenarios/suggest.hpp"

namespace b24::scenarios {

namespace {

// "an integer from 0 to 10", "a non-negative integer", ... given the type's own limits.
std::string integer_phrase(std::int64_t min, std::int64_t max, std::int64_t lowest,
                           std::int64_t highest) {
  if (min <= lowest && max >= highest) return "an integer";
  if (max >= highest) {
    return min == 0 ? "a non-negative integer" : "an integer of at least " + std::to_string(min);
  }
  if (min <= lowest) return "an integer of at most " + std::to_string(max);
  return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

Parsed<std::int64_t> parse_bounded_integer(std::string_view text, IntRange range,
                                           std::int64_t lowest, std::int64_t highest) {
  const std::int64_t min = std::max(range.min, lowest);
  const std::int64_t max = std::min(range.max, highest);
  const IntegerParse parsed = parse_integer(text);
  if (parsed.value && *parsed.value >= min && *parsed.value <= max) {
    return Parsed<std::int64_t>::ok(*parsed.value);
  }
  const bool type_bounds_only = min == lowest && max == highest;
  std::string phrase = integer_phrase(min, max, lowest, highest);
  // Without a range of its own the key is bounded by its type: a number too large says so.
  if (type_bounds_only && (parsed.value || parsed.out_of_range)) {
    phrase = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  }
  return Parsed<std::int64_t>::fail("expected " + phrase + ", found " + quote(text));
}

std::string real_phrase(const RealRange& range) {
  const bool no_min = std::isinf(range.min);
  const bool no_max = std::isinf(range.max);
  if (no_min && no_max) return "a number";
  if (no_max) {
    return range.min == 0.0 ? "a non-negative number"
                            : "a number of at least " + format_number(range.min);
  }
  if (no_min) return "a number of at most " + format_number(range.max);
  return "a number from " + format_number(range.min) + " to " + format_number(range.max);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Parsed<bool> parse_bool(std::string_view text) {
  if (text == "true") return Parsed<bool>::ok(true);
  if (text == "false") return Parsed<bool>::ok(false);
  const std::string folded = lower(text);
  // YAML 1.1 (and yaml-cpp) read these as booleans; YAML 1.2 does not, and "no" for Norway's
  // country code is the classic surprise. We accept neither reading.
  static constexpr std::string_view yaml11_words[] = {"yes", "no", "on", "off", "y", "n"};
  std::string message = "expected true or false, found " + quote(text);
  if (std::find(std::begin(yaml11_words), std::end(yaml11_words), folded) !=
      std::end(yaml11_words)) {
    message += " (yes/no/on/off are not booleans here: write true or false)";
  } else if (folded == "true" || folded == "false") {
    message += " (write it in lower case)";
  }
  return Parsed<bool>::fail(message);
}

}  // namespace

std::optional<std::string_view> NodeView::scalar_for(std::string_view expected) const {
  if (reader_->key_log_ != nullptr) reader_->key_log_->note_kind(path_, expected);
  if (!present() || quiet_) return std::nullopt;
  const Node& n = *node();
  if (n.kind == NodeKind::scalar) return std::string_view(n.text);
  if (reader_->first_complaint(node_)) {
    reader_->report(mark_, path_,
                    "expected " + std::string(expected) + ", found " + describe_value(n));
  }
  return std::nullopt;
}

template <class T>
std::optional<T> NodeView::take(const Parsed<T>& parsed) const {
  if (parsed.value) return parsed.value;
  if (reader_->first_complaint(node_)) reader_->report(mark_, path_, parsed.error);
  return std::nullopt;
}

std::optional<int> NodeView::as_int(IntRange range) const {
  const auto text = scalar_for("an integer");
  if (!text) return std::nullopt;
  const auto value = take(parse_bounded_integer(*text, range, std::numeric_limits<int>::min(),
                                                std::numeric_limits<int>::max()));
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<std::int64_t> NodeView::as_int64(IntRange range) const {
  const auto text = scalar_for("an integer");
  if (!text) return std::nullopt;
  return take(parse_bounded_integer(*text, range, std::numeric_limits<std::int64_t>::min(),
                                    std::numeric_limits<std::int64_t>::max()));
}

std::optional<double> NodeView::as_double(RealRange range) const {
  const auto text = scalar_for("a number");
  if (!text) return std::nullopt;
  const std::optional<double> value = parse_real(*text);
  if (!value || *value < range.min || *value > range.max) {
    const std::string what = value ? real_phrase(range) : "a number";
    return take(Parsed<double>::fail("expected " + what + ", found " + quote(*text)));
  }
  return value;
}

std::optional<double> NodeView::as_fraction(FractionOptions options) const {
  const auto text = scalar_for("a fraction like 0.2 or a percentage like 20%");
  return text ? take(parse_fraction(*text, options)) : std::nullopt;
}

std::optional<sim::Duration> NodeView::as_duration(DurationOptions options) const {
  const auto text = scalar_for("a duration with a unit, like 30s");
  return text ? take(parse_duration(*text, options)) : std::nullopt;
}

std::optional<double> NodeView::as_rate_per_s(RateOptions options) const {
  const auto text = scalar_for("a rate like 2000/s or 120/min");
  return text ? take(parse_rate_per_s(*text, options)) : std::nullopt;
}

std::optional<double> NodeView::as_bandwidth_bps(BandwidthOptions options) const {
  const auto text = scalar_for("a bandwidth like 1Gbps or 100Mbps");
  return text ? take(parse_bandwidth_bps(*text, options)) : std::nullopt;
}

std::optional<std::int64_t> NodeView::as_size_bytes(SizeOptions options) const {
  const auto text = scalar_for("a size like 512MiB or 10GB");
  return text ? take(parse_size_bytes(*text, options)) : std::nullopt;
}

std::optional<std::string> NodeView::as_string(StringOptions options) const {
  const auto text = scalar_for("a string");
  if (!text) return std::nullopt;
  if (!options.allow_empty && text->empty()) {
    return take(Parsed<std::string>::fail("expected a non-empty string, found ''"));
  }
  return std::string(*text);
}

std::optional<bool> NodeView::as_bool() const {
  const auto text = scalar_for("true or false");
  return text ? take(parse_bool(*text)) : std::nullopt;
}

std::optional<TimeOfDay> NodeView::as_time_of_day() const {
  const auto text = scalar_for("a time of day like 11:00");
  return text ? take(parse_time_of_day(*text)) : std::nullopt;
}

std::optional<DateTime> NodeView::as_date_time() const {
  const auto text = scalar_for("a date and time like 2026-11-26T11:00");
  return text ? take(parse_date_time(*text)) : std::nullopt;
}

std::optional<std::size_t> NodeView::as_choice(std::span<const std::string_view> choices) const {
  std::string expected = "one of";
  for (std::size_t i = 0; i < choices.size(); ++i) {
    expected += (i == 0 ? " " : ", ") + std::string(choices[i]);
  }
  const auto text = scalar_for(expected);
  if (!text) return std::nullopt;
  const auto found = std::find(choices.begin(), choices.end(), *text);
  if (found != choices.end()) return static_cast<std::size_t>(found - choices.begin());
  std::string message = "expected " + expected + ", found " + quote(*text);
  if (const auto suggestion = closest_match(*text, choices)) {
    message += " (did you mean " + quote(*suggestion) + "?)";
  }
  return take(Parsed<std::size_t>::fail(message));
}

}  // namespace b24::scenarios
