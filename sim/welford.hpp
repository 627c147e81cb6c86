#pragma once
// Running count, mean, variance, min and max in one pass and O(1) memory (Welford 1962), so a
// statistic over a whole simulated day never stores its samples. The naive sum/sum-of-squares
// form cancels catastrophically when the mean is large against the spread (latencies around
// 1e6 us with a spread of a few us); Welford's update does not.
//
// merge() combines two partial accumulators with Chan, Golub and LeVeque's pairwise formula, so
// per-DC (or, later, per-logical-process) statistics can be folded into one without replaying.
//
// An empty accumulator reports 0 for mean, variances, min and max; check count() first when 0 is
// a meaningful value.

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sim/assert.hpp"

namespace b24::sim {

class Welford {
 public:
  void add(double x) {
    B24_ASSERT(std::isfinite(x));  // one NaN would poison every later mean
    ++count_;
    if (count_ == 1) {
      min_ = x;
      max_ = x;
    } else {
      min_ = std::min(min_, x);
      max_ = std::max(max_, x);
    }
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
  }

  void merge(const Welford& other) {
    if (other.count_ == 0) return;
    if (count_ == 0) {
      *this = other;
      return;
    }
    const auto na = static_cast<double>(count_);
    const auto nb = static_cast<double>(other.count_);
    const double n = na + nb;
    const double delta = other.mean_ - mean_;
    mean_ += delta * (nb / n);
    m2_ += other.m2_ + delta * delta * (na * nb / n);
    count_ += other.count_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
  }

  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  [[nodiscard]] double mean() const noexcept { return mean_; }
  // Unbiased estimate of the population variance from a sample (divides by n - 1); 0 below 2
  // samples, where it is undefined.
  [[nodiscard]] double variance() const noexcept {
    return count_ < 2 ? 0.0 : m2_ / static_cast<double>(count_ - 1);
  }
  // Variance of exactly these values (divides by n).
  [[nodiscard]] double population_variance() const noexcept {
    return count_ == 0 ? 0.0 : m2_ / static_cast<double>(count_);
  }
  [[nodiscard]] double stddev() const noexcept { return std::sqrt(variance()); }
  [[nodiscard]] double min() const noexcept { return min_; }
  [[nodiscard]] double max() const noexcept { return max_; }

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;  // sum of squared deviations from the current mean
  double min_ = 0.0;
  double max_ = 0.0;
};

}  // namespace b24::sim
