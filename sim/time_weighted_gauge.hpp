#pragma once
// The time average of a piecewise-constant signal (queue length, nodes in service, open calls):
// each value is weighted by how long it was held in simulated time, not by how often it was
// set. This is OMNeT++'s `timeavg`; a plain sample mean of the set() calls would over-weight
// busy periods, which are exactly the ones with many updates.
//
// Why a long double accumulator of value x microseconds:
// the integral is a sum of (value x held duration) terms. Durations are exact int64 counts of
// microseconds, and gauges are usually integer-valued, so each term is an integer. A double
// holds integers exactly only up to 2^53 (~9e15): 1,000 queued requests over 2.5 simulated
// hours already pass that, after which every update rounds and the error grows with the number
// of updates. The x87 long double (x86-64 Linux, our target) has a 64-bit significand, so for
// integer-valued signals every product and partial sum is exact up to 2^64 (~1.8e19
// value-microseconds: 1,000 in service for 200 days), and non-integer signals get 11 more bits
// than double. Where long double is just double (MSVC, Apple arm64) this degrades to a plain
// double sum, still deterministic. A compensated (Kahan) double sum would also work but costs
// more per update and is not exact either.

#include "sim/time.hpp"

namespace b24::sim {

class TimeWeightedGauge {
 public:
  TimeWeightedGauge(Instant start, double initial);

  // The signal takes `value` from instant t on. t must not be earlier than the previous update:
  // the integral up to t has already been committed.
  void set(Instant t, double value);
  // set(t, value() + delta), e.g. +1 on enqueue and -1 on dequeue.
  void add(Instant t, double delta);

  [[nodiscard]] double value() const noexcept { return value_; }
  // Integral over [start or last reset, now], in value x seconds (e.g. node-seconds).
  [[nodiscard]] double integral(Instant now) const;
  // integral / elapsed; with nothing elapsed the average of a constant is the current value.
  [[nodiscard]] double mean(Instant now) const;
  // Extremes of every value taken since start or the last reset, including values held for
  // zero time: a request that entered and left a queue in the same instant was still queued.
  [[nodiscard]] double max() const noexcept { return max_; }
  [[nodiscard]] double min() const noexcept { return min_; }
  [[nodiscard]] Instant start() const noexcept { return start_; }

  // Warm-up cut: statistics restart at t from the current value, as if the gauge had been
  // created at t with it.
  void reset(Instant t);

 private:
  [[nodiscard]] long double integral_us(Instant now) const;

  Instant start_;
  Instant last_;         // instant of the latest update; the integral is committed up to here
  double value_;         // held since last_
  long double area_us_;  // integral over [start_, last_] in value x microseconds
  double min_;
  double max_;
};

}  // namespace b24::sim
