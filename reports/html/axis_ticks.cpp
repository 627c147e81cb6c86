#include "reports/html/axis_ticks.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "reports/html/html_text.hpp"

namespace b24::reports::html {
namespace {

// The smallest of 1, 2, 5 x 10^k at or above `raw`.
double nice_step(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= raw * (1.0 - 1e-9)) return m * magnitude;
  }
  return 10.0 * magnitude;
}

int decimals_for(double step) {
  return step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

Ticks ticks_from(double low, double high, double step, double label_scale) {
  Ticks t;
  t.low = low;
  t.high = high;
  const int decimals = decimals_for(step / label_scale);
  const auto count = static_cast<int>(std::llround((high - low) / step));
  for (int i = 0; i <= count; ++i) {
    const double v = low + step * i;  // multiplied, not accumulated: no drift over many ticks
    t.values.push_back(v);
    t.labels.push_back(compact(v / label_scale, decimals));
  }
  return t;
}

}  // namespace

Ticks value_ticks(double min, double max, int target) {
  if (!std::isfinite(min) || !std::isfinite(max) || min > max) return value_ticks(0.0, 1.0, target);
  if (max - min < 1e-12 * std::max(1.0, std::abs(max))) {
    // A flat series: show it in the middle of a unit-wide (or 10 %-wide) axis.
    const double pad = std::max(1.0, std::abs(max) * 0.1);
    return value_ticks(min == 0.0 ? 0.0 : min - pad, max + pad, target);
  }
  const double step = nice_step((max - min) / std::max(1, target - 1));
  const double low = std::floor(min / step + 1e-9) * step;
  const double high = std::ceil(max / step - 1e-9) * step;
  return ticks_from(low, high, step, 1.0);
}

TimeUnit time_unit_for(double span_hours) {
  if (span_hours <= 96.0) return {"simulated hours", "h", 1.0};
  if (span_hours <= 3.0 * 8766.0) return {"simulated days", "d", 24.0};
  return {"simulated years", "y", 8766.0};  // Julian years
}

Ticks time_ticks(double span_hours, int target) {
  if (!(span_hours > 0.0)) span_hours = 1.0;
  const TimeUnit unit = time_unit_for(span_hours);
  const double span = span_hours / unit.hours;
  double step = 0.0;
  if (unit.hours == 1.0) {
    // Hours divide the day: 1, 2, 3, 6, 12, 24 h; below one hour, 1-2-5 minutes as fractions.
    constexpr std::array<double, 6> hour_steps{1, 2, 3, 6, 12, 24};
    const double raw = span / std::max(1, target - 1);
    step = raw < 1.0 ? nice_step(raw) : 24.0;
    for (const double s : hour_steps) {
      if (raw >= 1.0 && s >= raw) {
        step = s;
        break;
      }
    }
  } else {
    step = nice_step(span / std::max(1, target - 1));
  }
  // The axis ends with the run, not at the next tick: a 16 h run is not drawn out to 18 h.
  const double last = std::floor(span / step + 1e-9) * step;
  Ticks t = ticks_from(0.0, last * unit.hours, step * unit.hours, unit.hours);
  t.high = span_hours;
  return t;
}

}  // namespace b24::reports::html
