// NodeView's keyed reads: get_* falls back to the default when the key is absent, require_*
// reports it missing. Both fall back after an invalid value too (already reported).

#include "scenarios/default_text.hpp"
#include "scenarios/key_log.hpp"
#include "scenarios/reader.hpp"

namespace b24::scenarios {

void NodeView::note_default(const std::optional<std::string>& yaml) const {
  if (yaml && records_default()) reader_->key_log_->note_default(path_, *yaml);
}

void NodeView::note_default_choice(std::string_view name) const {
  note_default(word_text(name));
}

// Each get_* notes its fallback when the key is absent (records_default: one pointer test when
// no key log is active), then reads: an absent value still tells the key log its kind.
int NodeView::get_int(std::string_view key, int fallback, IntRange range) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(integer_text(fallback));
  return found.as_int(range).value_or(fallback);
}
std::int64_t NodeView::get_int64(std::string_view key, std::int64_t fallback,
                                 IntRange range) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(integer_text(fallback));
  return found.as_int64(range).value_or(fallback);
}
double NodeView::get_double(std::string_view key, double fallback, RealRange range) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(number_text(fallback));
  return found.as_double(range).value_or(fallback);
}
double NodeView::get_fraction(std::string_view key, double fallback,
                              FractionOptions options) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(number_text(fallback));
  return found.as_fraction(options).value_or(fallback);
}
sim::Duration NodeView::get_duration(std::string_view key, sim::Duration fallback,
                                     DurationOptions options) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(duration_text(fallback));
  return found.as_duration(options).value_or(fallback);
}
double NodeView::get_rate_per_s(std::string_view key, double fallback, RateOptions options) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(rate_text(fallback));
  return found.as_rate_per_s(options).value_or(fallback);
}
double NodeView::get_bandwidth_bps(std::string_view key, double fallback,
                                   BandwidthOptions options) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(bandwidth_text(fallback));
  return found.as_bandwidth_bps(options).value_or(fallback);
}
std::int64_t NodeView::get_size_bytes(std::string_view key, std::int64_t fallback,
                                      SizeOptions options) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(size_text(fallback));
  return found.as_size_bytes(options).value_or(fallback);
}
std::string NodeView::get_string(std::string_view key, std::string_view fallback,
                                 StringOptions options) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(string_text(fallback));
  return found.as_string(options).value_or(std::string(fallback));
}
bool NodeView::get_bool(std::string_view key, bool fallback) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(bool_text(fallback));
  return found.as_bool().value_or(fallback);
}
TimeOfDay NodeView::get_time_of_day(std::string_view key, TimeOfDay fallback) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(time_of_day_text(fallback));
  return found.as_time_of_day().value_or(fallback);
}
DateTime NodeView::get_date_time(std::string_view key, DateTime fallback) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(date_time_text(fallback));
  return found.as_date_time().value_or(fallback);
}
std::string NodeView::get_enum(std::string_view key,
                               std::initializer_list<std::string_view> choices,
                               std::string_view fallback) const {
  const NodeView found = value(key);
  if (found.records_default()) found.note_default(word_text(fallback));
  const std::optional<std::size_t> index = found.as_choice(choices);
  return std::string(index ? *(choices.begin() + *index) : fallback);
}

int NodeView::require_int(std::string_view key, IntRange range) const {
  return require_value(key).as_int(range).value_or(0);
}
std::int64_t NodeView::require_int64(std::string_view key, IntRange range) const {
  return require_value(key).as_int64(range).value_or(0);
}
double NodeView::require_double(std::string_view key, RealRange range) const {
  return require_value(key).as_double(range).value_or(0.0);
}
double NodeView::require_fraction(std::string_view key, FractionOptions options) const {
  return require_value(key).as_fraction(options).value_or(0.0);
}
sim::Duration NodeView::require_duration(std::string_view key, DurationOptions options) const {
  return require_value(key).as_duration(options).value_or(sim::Duration::zero());
}
double NodeView::require_rate_per_s(std::string_view key, RateOptions options) const {
  return require_value(key).as_rate_per_s(options).value_or(0.0);
}
double NodeView::require_bandwidth_bps(std::string_view key, BandwidthOptions options) const {
  return require_value(key).as_bandwidth_bps(options).value_or(0.0);
}
std::int64_t NodeView::require_size_bytes(std::string_view key, SizeOptions options) const {
  return require_value(key).as_size_bytes(options).value_or(0);
}
std::string NodeView::require_string(std::string_view key, StringOptions options) const {
  return require_value(key).as_string(options).value_or(std::string{});
}
bool NodeView::require_bool(std::string_view key) const {
  return require_value(key).as_bool().value_or(false);
}
TimeOfDay NodeView::require_time_of_day(std::string_view key) const {
  return require_value(key).as_time_of_day().value_or(TimeOfDay{});
}
DateTime NodeView::require_date_time(std::string_view key) const {
  return require_value(key).as_date_time().value_or(DateTime{});
}
std::string NodeView::require_enum(std::string_view key,
                                   std::initializer_list<std::string_view> choices) const {
  const std::optional<std::size_t> index = require_value(key).as_choice(choices);
  return index ? std::string(*(choices.begin() + *index)) : std::string{};
}

}  // namespace b24::scenarios
