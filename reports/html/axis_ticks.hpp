#pragma once
// Axis ticks that a person reads at a glance: steps of 1, 2 or 5 times a power of ten for
// values, and whole hours (1, 2, 3, 6, 12 h), days or years for simulated time.

#include <string>
#include <vector>

namespace b24::reports::html {

struct Ticks {
  double low = 0.0;   // the axis starts here (a tick, at or below the data's minimum)
  double high = 1.0;  // and ends here (a tick, at or above the data's maximum)
  std::vector<double> values;
  std::vector<std::string> labels;  // one per value
};

// About `target` ticks (at least two) spanning [min, max]. An empty range (min == max) is
// widened so the axis still has a span; non-finite input gives the axis [0, 1].
[[nodiscard]] Ticks value_ticks(double min, double max, int target);

// The unit a time axis of `span_hours` is labelled in: hours up to four days, then days, and
// years beyond three years (a storage durability run spans decades).
struct TimeUnit {
  const char* name;        // "simulated hours"
  const char* short_name;  // "h"
  double hours;            // hours per unit
};
[[nodiscard]] TimeUnit time_unit_for(double span_hours);

// Ticks over [0, span_hours] at whole multiples of a readable step in the axis' unit
// (labels are in that unit, without the unit: "0", "6", "12").
[[nodiscard]] Ticks time_ticks(double span_hours, int target);

}  // namespace b24::reports::html
