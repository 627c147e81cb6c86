#include "sim/time_weighted_gauge.hpp"

#include <algorithm>
#include <cmath>

#include "sim/assert.hpp"

namespace b24::sim {

TimeWeightedGauge::TimeWeightedGauge(Instant start, double initial)
    : start_(start), last_(start), value_(initial), area_us_(0.0L), min_(initial), max_(initial) {
  B24_ASSERT(std::isfinite(initial));
}

void TimeWeightedGauge::set(Instant t, double value) {
  B24_ASSERT_MSG(t >= last_, "gauge updated at an instant earlier than its previous update");
  B24_ASSERT(std::isfinite(value));  // one NaN or inf would poison the integral for good
  area_us_ = integral_us(t);
  last_ = t;
  value_ = value;
  min_ = std::min(min_, value);
  max_ = std::max(max_, value);
}

void TimeWeightedGauge::add(Instant t, double delta) {
  set(t, value_ + delta);
}

long double TimeWeightedGauge::integral_us(Instant now) const {
  B24_ASSERT_MSG(now >= last_, "gauge read at an instant earlier than its last update");
  const auto held_us = static_cast<long double>((now - last_).count());
  return area_us_ + static_cast<long double>(value_) * held_us;
}

double TimeWeightedGauge::integral(Instant now) const {
  return static_cast<double>(integral_us(now) / 1'000'000.0L);
}

double TimeWeightedGauge::mean(Instant now) const {
  const long double area = integral_us(now);
  const auto elapsed_us = (now - start_).count();
  if (elapsed_us == 0) return value_;
  return static_cast<double>(area / static_cast<long double>(elapsed_us));
}

void TimeWeightedGauge::reset(Instant t) {
  B24_ASSERT_MSG(t >= last_, "gauge reset at an instant earlier than its last update");
  start_ = t;
  last_ = t;
  area_us_ = 0.0L;
  min_ = value_;
  max_ = value_;
}

}  // namespace b24::sim
