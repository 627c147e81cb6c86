#pragma once
// The outcome of reading one value from scenario text: the value, or the complete message saying
// what was found and what was expected. Parsers never throw for bad text: a scenario pass wants
// every error, not the first.

#include <optional>
#include <string>
#include <utility>

namespace b24::scenarios {

template <class T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // set exactly when value is empty

  static Parsed ok(T v) { return Parsed{std::move(v), {}}; }
  static Parsed fail(std::string message) { return Parsed{std::nullopt, std::move(message)}; }
};

}  // namespace b24::scenarios
