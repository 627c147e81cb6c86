#pragma once
// A monotonically increasing event count (requests served, faults injected, ...). Kept as its
// own type rather than a bare integer so that recorders can tell counts from gauges, and so that
// a count can only go up: a decrement is always a model bug.

#include <cstdint>

#include "sim/assert.hpp"

namespace b24::sim {

class Counter {
 public:
  void add(std::uint64_t n = 1) {
    // Wrapping would silently turn a huge count into a small one.
    B24_ASSERT(n <= UINT64_MAX - value_);
    value_ += n;
  }

  [[nodiscard]] std::uint64_t value() const noexcept { return value_; }

 private:
  std::uint64_t value_ = 0;
};

}  // namespace b24::sim
