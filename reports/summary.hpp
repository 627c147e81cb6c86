#pragma once
// The headline figures of a run as an ordered tree of key/values: what summary.json holds and
// what the run database's `summary` table holds (flattened). Keys keep insertion order, so the
// same figures added in the same order always serialize to the same bytes.
//
// Plain types go in as they are: summary.add("requests", served).add("p99_ms", 412.5)
// .add("policy", "target-tracking").add("latency_ms", Summary().add("p50", 80.0)).
// Deliberately free of nlohmann::json, whose header is expensive to include.

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sim/assert.hpp"

namespace b24::reports {

// An integer type other than bool (bool gets its own alternative).
template <class T>
concept SummaryInteger = std::integral<T> && !std::same_as<T, bool>;

// One leaf of a summary. The constructors are templates so that a plain int, a size_t or a
// string literal picks the right alternative without ambiguity (a bool overload would otherwise
// capture string literals through the pointer-to-bool conversion).
class SummaryScalar {
 public:
  using Value = std::variant<bool, std::int64_t, double, std::string>;

  template <std::same_as<bool> T>
  SummaryScalar(T v) : value_(v) {}  // NOLINT(google-explicit-constructor): a value type
  template <SummaryInteger T>
  SummaryScalar(T v) : value_(to_int64(v)) {}  // NOLINT(google-explicit-constructor)
  template <std::floating_point T>
  SummaryScalar(T v) : value_(static_cast<double>(v)) {}  // NOLINT(google-explicit-constructor)
  SummaryScalar(std::string_view v) : value_(std::string(v)) {}  // NOLINT
  SummaryScalar(const char* v) : value_(std::string(v)) {}       // NOLINT
  SummaryScalar(std::string v) : value_(std::move(v)) {}         // NOLINT

  [[nodiscard]] const Value& value() const noexcept { return value_; }
  friend bool operator==(const SummaryScalar&, const SummaryScalar&) = default;

 private:
  template <std::integral T>
  static std::int64_t to_int64(T v) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
      B24_ASSERT_MSG(v <= static_cast<std::uint64_t>(INT64_MAX), "summary value exceeds int64");
    }
    return static_cast<std::int64_t>(v);
  }

  Value value_;
};

class Summary {
 public:
  struct Entry;

  // Appends key = value. A key appears once per object (asserted): a duplicate is a bug in the
  // code that builds the summary, and JSON readers disagree about which copy wins.
  Summary& add(std::string_view key, SummaryScalar value);
  Summary& add(std::string_view key, Summary object);

  [[nodiscard]] const std::vector<Entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  [[nodiscard]] bool contains(std::string_view key) const;

  friend bool operator==(const Summary&, const Summary&);

 private:
  std::vector<Entry> entries_;
};

struct Summary::Entry {
  std::string key;
  std::variant<SummaryScalar, Summary> value;

  friend bool operator==(const Entry&, const Entry&) = default;
};

}  // namespace b24::reports
