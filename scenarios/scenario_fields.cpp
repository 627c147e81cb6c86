// Field reads shared by the scenario sections: the value when written and valid, the caller's
// default (left in place) when absent, false when written and invalid.

#include <algorithm>
#include <cstdint>

#include "scenarios/default_text.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

// Reads `key` with `read` (a NodeView -> optional<T> call) into `out`. Absent, `out` is the
// default: `text` (T -> YAML text, default_text.hpp) writes it for the key log, and the read
// of the absent value tells the log the key's kind (it finds nothing and reports nothing).
template <class T, class Read, class Text>
bool read_with(const NodeView& map, std::string_view key, T& out, Read read, Text text) {
  const NodeView value = map.value(key);
  if (!value.present()) {
    (void)read(value);
    if (value.records_default()) value.note_default(text(out));
    return true;
  }
  const auto got = read(value);
  if (!got) return false;
  out = static_cast<T>(*got);
  return true;
}

}  // namespace

bool read_int(const NodeView& map, std::string_view key, int& out, IntRange range) {
  return read_with(
      map, key, out, [&](const NodeView& v) { return v.as_int(range); }, integer_text);
}

bool read_u32(const NodeView& map, std::string_view key, std::uint32_t& out, IntRange range) {
  range.min = std::max<std::int64_t>(range.min, 0);
  range.max = std::min<std::int64_t>(range.max, UINT32_MAX);
  return read_with(
      map, key, out, [&](const NodeView& v) { return v.as_int64(range); }, integer_text);
}

bool read_duration(const NodeView& map, std::string_view key, sim::Duration& out,
                   DurationOptions options) {
  return read_with(
      map, key, out, [&](const NodeView& v) { return v.as_duration(options); }, duration_text);
}

bool read_seconds(const NodeView& map, std::string_view key, std::chrono::seconds& out,
                  DurationOptions options) {
  const NodeView value = map.value(key);
  if (!value.present()) {
    (void)value.as_duration(options);  // the key log learns the kind
    if (value.records_default()) value.note_default(duration_text(out));
    return true;
  }
  const std::optional<sim::Duration> d = value.as_duration(options);
  if (!d) return false;
  if (*d % std::chrono::seconds{1} != sim::Duration::zero()) {
    value.error("expected a whole number of seconds, found " + quote(value.text()));
    return false;
  }
  out = std::chrono::duration_cast<std::chrono::seconds>(*d);
  return true;
}

bool read_fraction(const NodeView& map, std::string_view key, double& out,
                   FractionOptions options) {
  return read_with(
      map, key, out, [&](const NodeView& v) { return v.as_fraction(options); }, number_text);
}

bool read_bool(const NodeView& map, std::string_view key, bool& out) {
  return read_with(
      map, key, out, [](const NodeView& v) { return v.as_bool(); }, bool_text);
}

}  // namespace b24::scenarios::detail
