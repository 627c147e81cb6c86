#include "sim/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "sim/assert.hpp"

namespace b24::sim {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

}  // namespace

double standard_normal(Rng& rng) noexcept {
  // The draw order (radius first, then angle) is part of the stream contract: changing it
  // changes every normal and lognormal sample of every run.
  const double radius = std::sqrt(-2.0 * std::log(rng.uniform01_open_zero()));
  const double angle = 2.0 * std::numbers::pi * rng.uniform01();
  return radius * std::cos(angle);
}

Constant::Constant(double value) : value_(value) {
  B24_ASSERT_MSG(std::isfinite(value), "Constant: value must be finite");
}

Uniform::Uniform(double low, double high)
    : low_(low), high_(high), width_(high - low), largest_(std::nextafter(high, low)) {
  B24_ASSERT_MSG(std::isfinite(low), "Uniform: low must be finite");
  B24_ASSERT_MSG(std::isfinite(high), "Uniform: high must be finite");
  B24_ASSERT_MSG(low < high, "Uniform: needs low < high (the interval is [low, high))");
  B24_ASSERT_MSG(std::isfinite(width_), "Uniform: high - low overflows");
}

Exponential::Exponential(double mean) : mean_(mean) {
  B24_ASSERT_MSG(std::isfinite(mean), "Exponential: mean must be finite");
  B24_ASSERT_MSG(mean > 0.0, "Exponential: mean must be > 0");
}

Normal::Normal(double mu, double sigma) : mu_(mu), sigma_(sigma) {
  B24_ASSERT_MSG(std::isfinite(mu), "Normal: mu must be finite");
  B24_ASSERT_MSG(std::isfinite(sigma), "Normal: sigma must be finite");
  B24_ASSERT_MSG(sigma >= 0.0, "Normal: sigma must be >= 0");
}

LogNormal::LogNormal(double mu, double sigma) : mu_(mu), sigma_(sigma) {
  B24_ASSERT_MSG(std::isfinite(mu), "LogNormal: mu must be finite");
  B24_ASSERT_MSG(std::isfinite(sigma), "LogNormal: sigma must be finite");
  B24_ASSERT_MSG(sigma >= 0.0, "LogNormal: sigma must be >= 0");
}

LogNormal LogNormal::from_mean_stddev(double mean, double stddev) {
  B24_ASSERT_MSG(std::isfinite(mean), "LogNormal: mean must be finite");
  B24_ASSERT_MSG(mean > 0.0, "LogNormal: mean must be > 0");
  B24_ASSERT_MSG(std::isfinite(stddev), "LogNormal: stddev must be finite");
  B24_ASSERT_MSG(stddev >= 0.0, "LogNormal: stddev must be >= 0");
  const double cv = stddev / mean;
  // log1p keeps sigma accurate when the coefficient of variation is small.
  const double sigma2 = std::log1p(cv * cv);
  return LogNormal(std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2));
}

double LogNormal::mean() const noexcept {
  return std::exp(mu_ + 0.5 * sigma_ * sigma_);
}

double LogNormal::variance() const noexcept {
  const double s2 = sigma_ * sigma_;
  // expm1 keeps the variance accurate for small sigma, where exp(s2) - 1 cancels.
  return std::expm1(s2) * std::exp(2.0 * mu_ + s2);
}

Pareto::Pareto(double scale, double shape)
    : scale_(scale), shape_(shape), neg_inv_shape_(-1.0 / shape) {
  B24_ASSERT_MSG(std::isfinite(scale), "Pareto: scale must be finite");
  B24_ASSERT_MSG(scale > 0.0, "Pareto: scale must be > 0");
  B24_ASSERT_MSG(std::isfinite(shape), "Pareto: shape must be finite");
  B24_ASSERT_MSG(shape > 0.0, "Pareto: shape must be > 0");
}

double Pareto::mean() const noexcept {
  if (shape_ <= 1.0) return infinity;
  return shape_ * scale_ / (shape_ - 1.0);
}

double Pareto::variance() const noexcept {
  if (shape_ <= 2.0) return infinity;
  const double a1 = shape_ - 1.0;
  return scale_ * scale_ * shape_ / (a1 * a1 * (shape_ - 2.0));
}

Bernoulli::Bernoulli(double p) : p_(p) {
  B24_ASSERT_MSG(p >= 0.0, "Bernoulli: p must be in [0, 1]");
  B24_ASSERT_MSG(p <= 1.0, "Bernoulli: p must be in [0, 1]");
}

Discrete::Discrete(std::span<const double> weights)
    : probabilities_(weights.begin(), weights.end()) {
  B24_ASSERT_MSG(!weights.empty(), "Discrete: needs at least one weight");
  double total = 0.0;
  for (const double w : weights) {
    B24_ASSERT_MSG(std::isfinite(w), "Discrete: weights must be finite");
    B24_ASSERT_MSG(w >= 0.0, "Discrete: weights must be >= 0");
    total += w;
  }
  B24_ASSERT_MSG(std::isfinite(total), "Discrete: the sum of the weights overflows");
  B24_ASSERT_MSG(total > 0.0, "Discrete: the weights must have a positive sum");
  for (double& p : probabilities_) p /= total;
  build_alias_table();
}

void Discrete::build_alias_table() {
  // Vose: pair each under-full column (scaled mass < 1) with an over-full one that tops it up.
  // Work lists are filled in index order and used as stacks, so the table depends only on the
  // weights: the same weights give the same index for the same draws on every platform.
  const std::size_t n = probabilities_.size();
  const auto n_double = static_cast<double>(n);
  std::vector<double> scaled(n);
  std::vector<std::size_t> small;
  std::vector<std::size_t> large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = probabilities_[i] * n_double;
    (scaled[i] < 1.0 ? small : large).push_back(i);
  }
  accept_.assign(n, 1.0);
  alias_.resize(n);
  for (std::size_t i = 0; i < n; ++i) alias_[i] = i;
  while (!small.empty() && !large.empty()) {
    const std::size_t under = small.back();
    small.pop_back();
    const std::size_t over = large.back();
    large.pop_back();
    accept_[under] = scaled[under];
    alias_[under] = over;
    scaled[over] = (scaled[over] + scaled[under]) - 1.0;
    (scaled[over] < 1.0 ? small : large).push_back(over);
  }
  // What is left holds a mass of 1 up to rounding (O(n * epsilon)) and keeps its own column
  // (accept_ == 1). A zero-weight index left over would be a whole unit short, so it cannot
  // happen; if it did, it would be drawn with a column's full probability.
  for (const std::size_t i : small) {
    B24_ASSERT_MSG(probabilities_[i] > 0.0, "Discrete: alias table left a zero weight unpaired");
  }
}

double Discrete::mean() const noexcept {
  double m = 0.0;
  for (std::size_t i = 0; i < probabilities_.size(); ++i) {
    m += static_cast<double>(i) * probabilities_[i];
  }
  return m;
}

double Discrete::variance() const noexcept {
  const double m = mean();
  double v = 0.0;
  for (std::size_t i = 0; i < probabilities_.size(); ++i) {
    const double d = static_cast<double>(i) - m;
    v += d * d * probabilities_[i];
  }
  return v;
}

Empirical::Empirical(std::span<const EmpiricalPoint> points) {
  B24_ASSERT_MSG(!points.empty(), "Empirical: needs at least one point");
  values_.reserve(points.size());
  cumulative_.reserve(points.size());
  for (std::size_t k = 0; k < points.size(); ++k) {
    const EmpiricalPoint& p = points[k];
    B24_ASSERT_MSG(std::isfinite(p.value), "Empirical: values must be finite");
    B24_ASSERT_MSG(p.cumulative >= 0.0, "Empirical: cumulative probabilities must be >= 0");
    B24_ASSERT_MSG(p.cumulative <= 1.0, "Empirical: cumulative probabilities must be <= 1");
    if (k > 0) {
      B24_ASSERT_MSG(p.value >= values_.back(), "Empirical: values must be nondecreasing");
      B24_ASSERT_MSG(p.cumulative >= cumulative_.back(),
                     "Empirical: cumulative probabilities must be nondecreasing");
    }
    values_.push_back(p.value);
    cumulative_.push_back(p.cumulative);
  }
  B24_ASSERT_MSG(cumulative_.back() == 1.0,
                 "Empirical: the last cumulative probability must be exactly 1.0");
  compute_moments();
}

double Empirical::sample(Rng& rng) const noexcept {
  const double u = rng.uniform01();
  // The first point with cumulative > u. u < 1.0 == cumulative_.back(), so there is one, and
  // segments of zero probability (repeated cumulative values) are skipped.
  const auto k = static_cast<std::size_t>(
      std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
  if (k == 0) return values_[0];  // the point mass at the first value
  const double c0 = cumulative_[k - 1];
  const double a = values_[k - 1];
  const double b = values_[k];
  const double x = a + (b - a) * ((u - c0) / (cumulative_[k] - c0));
  // Rounding must not carry a sample past the segment's end.
  return std::min(x, b);
}

void Empirical::compute_moments() {
  // Central form (sum of mass * squared distance) rather than E[X^2] - mean^2, which cancels
  // badly when the values sit far from zero (timestamps, byte counts).
  double m = cumulative_[0] * values_[0];
  for (std::size_t k = 1; k < values_.size(); ++k) {
    m += (cumulative_[k] - cumulative_[k - 1]) * 0.5 * (values_[k - 1] + values_[k]);
  }
  const double d0 = values_[0] - m;
  double v = cumulative_[0] * d0 * d0;
  for (std::size_t k = 1; k < values_.size(); ++k) {
    const double mass = cumulative_[k] - cumulative_[k - 1];
    const double width = values_[k] - values_[k - 1];
    const double mid = 0.5 * (values_[k - 1] + values_[k]) - m;
    v += mass * (mid * mid + width * width / 12.0);
  }
  mean_ = m;
  variance_ = v;
}

}  // namespace b24::sim
