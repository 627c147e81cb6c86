#pragma once
// Our own random distributions. The standard library's distributions are allowed to differ
// between implementations (libstdc++, libc++ and MSVC give different normals for the same
// engine), so a seed would not reproduce a run across platforms. Every sampler here is a short
// formula over Rng's uniforms, and each documents how many draws one sample consumes: a fixed
// count keeps the streams of two compared capacity plans aligned (common random numbers).
//
// Parameters are checked once, in the constructor (B24_ASSERT_MSG, always on), and are then
// read-only, so sample() never re-validates and an object that exists is always valid.

#include <cmath>
#include <cstddef>
#include <span>
#include <variant>
#include <vector>

#include "sim/rng.hpp"

namespace b24::sim {

// A standard normal from Box–Muller: exactly two draws (uniform01_open_zero() for the radius,
// then uniform01() for the angle). The second value of the pair is deliberately dropped rather
// than cached: a cache would make a sample consume zero or two draws depending on history,
// so inserting one extra sample would shift every later draw of the stream.
[[nodiscard]] double standard_normal(Rng& rng) noexcept;

// Always `value`; consumes no draws. Lets a config pin a quantity without a special case.
class Constant {
 public:
  Constant() = default;
  explicit Constant(double value);

  [[nodiscard]] double sample(Rng& /*rng*/) const noexcept { return value_; }
  [[nodiscard]] double mean() const noexcept { return value_; }
  [[nodiscard]] double variance() const noexcept { return 0.0; }
  [[nodiscard]] double value() const noexcept { return value_; }

 private:
  double value_ = 0.0;
};

// Continuous uniform on [low, high), low < high. One draw.
class Uniform {
 public:
  Uniform(double low, double high);

  [[nodiscard]] double sample(Rng& rng) const noexcept {
    const double x = low_ + width_ * rng.uniform01();
    // low + width * u can round up to exactly `high` when u is within an ulp of 1.
    return x < high_ ? x : largest_;
  }
  [[nodiscard]] double mean() const noexcept { return low_ + 0.5 * width_; }
  [[nodiscard]] double variance() const noexcept { return width_ * width_ / 12.0; }
  [[nodiscard]] double low() const noexcept { return low_; }
  [[nodiscard]] double high() const noexcept { return high_; }

 private:
  double low_;
  double high_;
  double width_;
  double largest_;  // the largest double below high_
};

// Exponential with the given mean (> 0), by inverse transform. One draw. Inline: it is the
// inter-event time of the PHOLD benchmark and of every Poisson arrival process.
class Exponential {
 public:
  explicit Exponential(double mean);

  [[nodiscard]] double sample(Rng& rng) const noexcept {
    // u in (0, 1], so log(u) is finite; u == 1 gives the minimum, 0.
    return -mean_ * std::log(rng.uniform01_open_zero());
  }
  [[nodiscard]] double mean() const noexcept { return mean_; }
  [[nodiscard]] double variance() const noexcept { return mean_ * mean_; }
  [[nodiscard]] double rate() const noexcept { return 1.0 / mean_; }

 private:
  double mean_;
};

// Normal(mu, sigma), sigma >= 0 (0 is the degenerate point mass). Two draws (standard_normal).
class Normal {
 public:
  Normal(double mu, double sigma);

  [[nodiscard]] double sample(Rng& rng) const noexcept {
    return mu_ + sigma_ * standard_normal(rng);
  }
  [[nodiscard]] double mean() const noexcept { return mu_; }
  [[nodiscard]] double variance() const noexcept { return sigma_ * sigma_; }
  [[nodiscard]] double mu() const noexcept { return mu_; }
  [[nodiscard]] double sigma() const noexcept { return sigma_; }

 private:
  double mu_;
  double sigma_;
};

// exp(Normal(mu, sigma)). Two draws. Service times are usually known by their mean and
// standard deviation, hence from_mean_stddev; the constructor takes the underlying normal's
// parameters (the form papers and fitting tools report).
class LogNormal {
 public:
  LogNormal(double mu, double sigma);
  // mean > 0, stddev >= 0: sigma^2 = log(1 + (stddev/mean)^2), mu = log(mean) - sigma^2/2.
  [[nodiscard]] static LogNormal from_mean_stddev(double mean, double stddev);

  [[nodiscard]] double sample(Rng& rng) const noexcept {
    return std::exp(mu_ + sigma_ * standard_normal(rng));
  }
  [[nodiscard]] double mean() const noexcept;
  [[nodiscard]] double variance() const noexcept;
  [[nodiscard]] double mu() const noexcept { return mu_; }
  [[nodiscard]] double sigma() const noexcept { return sigma_; }

 private:
  double mu_;
  double sigma_;
};

// Pareto (type I) with scale x_m > 0 (the minimum) and shape alpha > 0, by inverse transform.
// One draw. Heavy-tailed: the mean is infinite for alpha <= 1, the variance for alpha <= 2.
class Pareto {
 public:
  Pareto(double scale, double shape);

  [[nodiscard]] double sample(Rng& rng) const noexcept {
    // u in (0, 1] keeps the result finite: at most scale * 2^(53/alpha).
    return scale_ * std::pow(rng.uniform01_open_zero(), neg_inv_shape_);
  }
  [[nodiscard]] double mean() const noexcept;
  [[nodiscard]] double variance() const noexcept;
  [[nodiscard]] double scale() const noexcept { return scale_; }
  [[nodiscard]] double shape() const noexcept { return shape_; }

 private:
  double scale_;
  double shape_;
  double neg_inv_shape_;  // -1/alpha, so sample() does no division
};

// true with probability p, p in [0, 1]. One draw.
class Bernoulli {
 public:
  explicit Bernoulli(double p);

  // uniform01() < 1 always, so p == 1 is always true and p == 0 never.
  [[nodiscard]] bool sample(Rng& rng) const noexcept { return rng.uniform01() < p_; }
  [[nodiscard]] double mean() const noexcept { return p_; }
  [[nodiscard]] double variance() const noexcept { return p_ * (1.0 - p_); }
  [[nodiscard]] double p() const noexcept { return p_; }

 private:
  double p_;
};

// An index in [0, n) drawn with probability weights[i] / sum(weights), by Walker's alias method
// (Vose's construction): O(n) once, then O(1) and exactly two draws per sample. Weights are
// finite and >= 0 with a positive sum; an index of weight 0 is never drawn.
class Discrete {
 public:
  explicit Discrete(std::span<const double> weights);
  explicit Discrete(const std::vector<double>& weights)
      : Discrete(std::span<const double>(weights)) {}

  [[nodiscard]] std::size_t sample(Rng& rng) const noexcept {
    const auto column = static_cast<std::size_t>(rng.below(accept_.size()));
    return rng.uniform01() < accept_[column] ? column : alias_[column];
  }
  // Moments of the drawn index.
  [[nodiscard]] double mean() const noexcept;
  [[nodiscard]] double variance() const noexcept;
  [[nodiscard]] std::size_t size() const noexcept { return probabilities_.size(); }
  // weights[i] / sum(weights).
  [[nodiscard]] std::span<const double> probabilities() const noexcept { return probabilities_; }

 private:
  void build_alias_table();

  std::vector<double> probabilities_;
  std::vector<double> accept_;      // keep the column's own index when u < accept_[column]
  std::vector<std::size_t> alias_;  // otherwise take this index
};

// One point of an empirical distribution's CDF: P(X <= value) == cumulative.
struct EmpiricalPoint {
  double value;
  double cumulative;
};

// A distribution given by a table of CDF points, sampled by inverting the piecewise-linear CDF
// through them (OMNeT++/ns-3 EmpiricalRandomVariable with interpolation). Rules for the table:
// values and cumulative probabilities both nondecreasing, cumulative in [0, 1] and the last
// exactly 1.0. The first point's cumulative probability is a point mass at the first value; a
// repeated value is a point mass there; a repeated cumulative probability is a gap in the
// values that is never sampled. One draw; O(log n) per sample.
class Empirical {
 public:
  explicit Empirical(std::span<const EmpiricalPoint> points);
  explicit Empirical(const std::vector<EmpiricalPoint>& points)
      : Empirical(std::span<const EmpiricalPoint>(points)) {}

  [[nodiscard]] double sample(Rng& rng) const noexcept;
  // Exact moments of the piecewise-linear CDF: point masses plus uniform segments.
  [[nodiscard]] double mean() const noexcept { return mean_; }
  [[nodiscard]] double variance() const noexcept { return variance_; }
  [[nodiscard]] std::span<const double> values() const noexcept { return values_; }
  [[nodiscard]] std::span<const double> cumulative() const noexcept { return cumulative_; }

 private:
  void compute_moments();

  // Two arrays rather than one of points: the binary search reads only cumulative_.
  std::vector<double> values_;
  std::vector<double> cumulative_;
  double mean_ = 0.0;
  double variance_ = 0.0;
};

// A real-valued distribution chosen at run time (service times, think times, sizes configured
// from YAML). Default-constructs to Constant{0}.
using Distribution =
    std::variant<Constant, Uniform, Exponential, Normal, LogNormal, Pareto, Empirical>;

[[nodiscard]] inline double sample(const Distribution& d, Rng& rng) noexcept {
  return std::visit([&rng](const auto& alternative) { return alternative.sample(rng); }, d);
}
[[nodiscard]] inline double mean(const Distribution& d) noexcept {
  return std::visit([](const auto& alternative) { return alternative.mean(); }, d);
}
[[nodiscard]] inline double variance(const Distribution& d) noexcept {
  return std::visit([](const auto& alternative) { return alternative.variance(); }, d);
}

}  // namespace b24::sim
