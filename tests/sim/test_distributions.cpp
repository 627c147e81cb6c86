#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "sim/distributions.hpp"
#include "sim/rng.hpp"

// How the statistical checks are bounded.
//
// Every check compares an estimate from n draws of a fixed-seed stream with the theoretical
// value, within z = 5 standard errors. For a random seed a correct implementation would fail one
// such check with probability about 5.7e-7 (two-sided normal tail); with the seed fixed the
// tests are deterministic, and a wrong formula (mean, scale, shape, tail) is off by far more.
//  - mean:       |mean_hat - mu| < z * sqrt(var / n)                           (CLT)
//  - variance:   |s^2 - var|     < z * sqrt((mu4 - var^2) / n)                  (CLT for s^2;
//                mu4 = fourth central moment, so this needs a finite fourth moment)
//  - CDF points: |F_hat(x) - F(x)| < z * sqrt(F(x) (1 - F(x)) / n)             (binomial; holds
//                whatever the tails, so it also covers heavy-tailed cases and the shape)
//  - chi-square: Pearson's statistic below the upper 1e-6 quantile of chi^2(df), the same
//                order of significance as z = 5.

namespace b24::sim {
namespace {

constexpr std::uint64_t run_seed = 0xB24'5EED;
constexpr double z = 5.0;
constexpr int n_default = 1'000'000;

// Welford's running moments plus the empirical CDF at a few fixed points.
struct Summary {
  explicit Summary(std::vector<double> points) : thresholds(std::move(points)) {
    at_most.assign(thresholds.size(), 0);
  }

  void add(double x) {
    ++n;
    const double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
    min = std::min(min, x);
    max = std::max(max, x);
    for (std::size_t i = 0; i < thresholds.size(); ++i) at_most[i] += x <= thresholds[i] ? 1 : 0;
  }
  [[nodiscard]] double variance() const { return m2 / (n - 1); }
  [[nodiscard]] double fraction_at_most(std::size_t i) const {
    return static_cast<double>(at_most[i]) / n;
  }

  std::vector<double> thresholds;
  std::vector<long> at_most;
  double n = 0;
  double mean = 0.0;
  double m2 = 0.0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
};

template <class D>
Summary summarize(const D& dist, std::string_view stream, std::vector<double> thresholds = {},
                  int n = n_default) {
  Rng rng = Rng::stream(run_seed, stream);
  Summary s(std::move(thresholds));
  for (int i = 0; i < n; ++i) s.add(static_cast<double>(dist.sample(rng)));
  return s;
}

void expect_mean(const Summary& s, double mu, double var) {
  EXPECT_NEAR(s.mean, mu, z * std::sqrt(var / s.n)) << "sample mean vs theoretical mean";
}

void expect_variance(const Summary& s, double var, double mu4) {
  EXPECT_NEAR(s.variance(), var, z * std::sqrt((mu4 - var * var) / s.n))
      << "sample variance vs theoretical variance";
}

// `cdf` holds F(x) at each of s.thresholds.
void expect_cdf(const Summary& s, const std::vector<double>& cdf) {
  ASSERT_EQ(cdf.size(), s.thresholds.size());
  for (std::size_t i = 0; i < cdf.size(); ++i) {
    const double f = cdf[i];
    EXPECT_NEAR(s.fraction_at_most(i), f, z * std::sqrt(f * (1.0 - f) / s.n))
        << "P(X <= " << s.thresholds[i] << ")";
  }
}

// Fourth central moment from the raw moments E[X^k], k = 1..4.
double central_fourth(double r1, double r2, double r3, double r4) {
  return r4 - 4.0 * r1 * r3 + 6.0 * r1 * r1 * r2 - 3.0 * r1 * r1 * r1 * r1;
}

// f applied to each of xs.
template <class F>
std::vector<double> map(const std::vector<double>& xs, F f) {
  std::vector<double> out;
  out.reserve(xs.size());
  for (const double x : xs) out.push_back(f(x));
  return out;
}

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// How many generator outputs one sample consumed: compare with a copy stepped by hand.
template <class D>
int draws_per_sample(const D& dist) {
  Rng used = Rng::stream(run_seed, "draw-count");
  (void)dist.sample(used);
  Rng reference = Rng::stream(run_seed, "draw-count");
  const std::uint64_t next_used = used.next();
  for (int k = 0; k < 8; ++k) {
    if (reference.next() == next_used) return k;
  }
  return -1;
}

TEST(DistributionUniform, MomentsRangeAndCdf) {
  const Uniform d(-3.0, 5.0);
  EXPECT_DOUBLE_EQ(d.mean(), 1.0);
  EXPECT_DOUBLE_EQ(d.variance(), 64.0 / 12.0);
  const auto s = summarize(d, "uniform", {-2.0, 1.0, 4.5});
  EXPECT_GE(s.min, -3.0);
  EXPECT_LT(s.max, 5.0);
  expect_mean(s, 1.0, 64.0 / 12.0);
  // Uniform on an interval of width w: mu4 = w^4 / 80.
  expect_variance(s, 64.0 / 12.0, 4096.0 / 80.0);
  expect_cdf(s, {1.0 / 8.0, 4.0 / 8.0, 7.5 / 8.0});
}

TEST(DistributionUniform, NeverReturnsHighEvenWhenRoundingWouldReachIt) {
  // One ulp wide: low + width * u rounds up to `high` for about half of all u.
  const double high = std::nextafter(1.0, 2.0);
  const Uniform d(1.0, high);
  Rng rng = Rng::stream(run_seed, "uniform-ulp");
  for (int i = 0; i < 10'000; ++i) ASSERT_LT(d.sample(rng), high);
}

TEST(DistributionExponential, MomentsAndCdf) {
  const double m = 2.5;
  const Exponential d(m);
  EXPECT_DOUBLE_EQ(d.mean(), m);
  EXPECT_DOUBLE_EQ(d.variance(), m * m);
  EXPECT_DOUBLE_EQ(d.rate(), 0.4);
  const auto s = summarize(d, "exponential", {0.1 * m, m, 3.0 * m});
  EXPECT_GE(s.min, 0.0);
  expect_mean(s, m, m * m);
  // Exponential: mu4 = 9 m^4.
  expect_variance(s, m * m, 9.0 * m * m * m * m);
  expect_cdf(s, {1.0 - std::exp(-0.1), 1.0 - std::exp(-1.0), 1.0 - std::exp(-3.0)});
}

TEST(DistributionNormal, MomentsAndCdf) {
  const double mu = 10.0;
  const double sigma = 3.0;
  const Normal d(mu, sigma);
  EXPECT_DOUBLE_EQ(d.mean(), mu);
  EXPECT_DOUBLE_EQ(d.variance(), sigma * sigma);
  const std::vector<double> zs = {-2.0, -1.0, 0.0, 0.5, 1.5};
  const auto xs = map(zs, [&](double zi) { return mu + sigma * zi; });
  const auto cdf = map(zs, normal_cdf);
  const auto s = summarize(d, "normal", xs);
  expect_mean(s, mu, sigma * sigma);
  // Normal: mu4 = 3 sigma^4.
  expect_variance(s, sigma * sigma, 3.0 * std::pow(sigma, 4));
  expect_cdf(s, cdf);
}

TEST(DistributionNormal, ZeroSigmaIsThePointMass) {
  const Normal d(-4.25, 0.0);
  Rng rng = Rng::stream(run_seed, "normal-degenerate");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d.sample(rng), -4.25);
}

TEST(DistributionLogNormal, FromMeanStddevHitsTheRequestedMoments) {
  const auto d = LogNormal::from_mean_stddev(2.0, 1.0);
  // sigma^2 = log(1 + (1/2)^2), mu = log 2 - sigma^2 / 2.
  EXPECT_NEAR(d.sigma(), std::sqrt(std::log(1.25)), 1e-15);
  EXPECT_NEAR(d.mu(), std::log(2.0) - 0.5 * std::log(1.25), 1e-15);
  EXPECT_NEAR(d.mean(), 2.0, 1e-14);
  EXPECT_NEAR(d.variance(), 1.0, 1e-14);
  const auto tight = LogNormal::from_mean_stddev(100.0, 1e-6);
  EXPECT_NEAR(tight.mean(), 100.0, 1e-12);
  EXPECT_NEAR(tight.variance(), 1e-12, 1e-20);
}

TEST(DistributionLogNormal, MomentsAndCdf) {
  const double mu = 0.5;
  const double sigma = 0.4;
  const LogNormal d(mu, sigma);
  // E[X^k] = exp(k mu + k^2 sigma^2 / 2).
  const auto raw = [&](double k) { return std::exp(k * mu + 0.5 * k * k * sigma * sigma); };
  const double m = raw(1);
  const double var = raw(2) - m * m;
  EXPECT_NEAR(d.mean(), m, 1e-14 * m);
  EXPECT_NEAR(d.variance(), var, 1e-14 * var);
  const std::vector<double> xs = {1.0, 1.5, 2.0, 3.5};
  const auto cdf = map(xs, [&](double x) { return normal_cdf((std::log(x) - mu) / sigma); });
  const auto s = summarize(d, "lognormal", xs);
  EXPECT_GT(s.min, 0.0);
  expect_mean(s, m, var);
  expect_variance(s, var, central_fourth(raw(1), raw(2), raw(3), raw(4)));
  expect_cdf(s, cdf);
}

TEST(DistributionPareto, MeanAndCdfWithFiniteVariance) {
  // alpha = 3.5: the variance is finite, so the CLT bound on the mean applies.
  const double xm = 2.0;
  const double alpha = 3.5;
  const Pareto d(xm, alpha);
  const double m = alpha * xm / (alpha - 1.0);
  const double var = xm * xm * alpha / ((alpha - 1.0) * (alpha - 1.0) * (alpha - 2.0));
  EXPECT_NEAR(d.mean(), m, 1e-14);
  EXPECT_NEAR(d.variance(), var, 1e-14);
  const std::vector<double> xs = {2.2, 3.0, 5.0};
  const auto cdf = map(xs, [&](double x) { return 1.0 - std::pow(xm / x, alpha); });
  const auto s = summarize(d, "pareto-mean", xs);
  EXPECT_GE(s.min, xm);
  expect_mean(s, m, var);
  expect_cdf(s, cdf);
}

TEST(DistributionPareto, VarianceWithFiniteFourthAndSixthMoments) {
  // The bound on s^2 needs mu4, i.e. E[X^4] < inf: alpha > 4. The z = 5 tail figure also
  // assumes s^2 is close to normal at this n, which needs a finite third moment of (X - mu)^2,
  // i.e. E[X^6] < inf: alpha > 6. Hence alpha = 8; heavier tails are covered by the CDF test.
  const double xm = 1.0;
  const double alpha = 8.0;
  const Pareto d(xm, alpha);
  // E[X^k] = alpha xm^k / (alpha - k) for k < alpha.
  const auto raw = [&](double k) { return alpha * std::pow(xm, k) / (alpha - k); };
  const double var = raw(2) - raw(1) * raw(1);
  EXPECT_NEAR(d.variance(), var, 1e-14);
  const auto s = summarize(d, "pareto-variance");
  expect_mean(s, raw(1), var);
  expect_variance(s, var, central_fourth(raw(1), raw(2), raw(3), raw(4)));
}

TEST(DistributionPareto, HeavyTailsHaveInfiniteMomentsAndTheRightCdf) {
  EXPECT_EQ(Pareto(1.0, 1.0).mean(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(Pareto(1.0, 0.5).mean(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(Pareto(1.0, 2.0).variance(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(Pareto(1.0, 1.5).variance(), std::numeric_limits<double>::infinity());
  EXPECT_DOUBLE_EQ(Pareto(1.0, 1.5).mean(), 3.0);
  // Binomial bounds on the CDF hold even when the variance is infinite.
  const double alpha = 0.8;
  const Pareto d(3.0, alpha);
  const std::vector<double> xs = {3.5, 10.0, 100.0, 1e4};
  const auto cdf = map(xs, [&](double x) { return 1.0 - std::pow(3.0 / x, alpha); });
  const auto s = summarize(d, "pareto-heavy", xs);
  EXPECT_GE(s.min, 3.0);
  EXPECT_TRUE(std::isfinite(s.max));
  expect_cdf(s, cdf);
}

TEST(DistributionBernoulli, FrequencyAndVariance) {
  const double p = 0.3;
  const Bernoulli d(p);
  EXPECT_DOUBLE_EQ(d.mean(), p);
  EXPECT_DOUBLE_EQ(d.variance(), p * (1 - p));
  const auto s = summarize(d, "bernoulli");
  expect_mean(s, p, p * (1 - p));
  // Bernoulli: mu4 = p (1 - p) (1 - 3p + 3p^2).
  expect_variance(s, p * (1 - p), p * (1 - p) * (1 - 3 * p + 3 * p * p));
}

TEST(DistributionBernoulli, EdgeProbabilitiesAreExact) {
  Rng rng = Rng::stream(run_seed, "bernoulli-edges");
  const Bernoulli never(0.0);
  const Bernoulli always(1.0);
  for (int i = 0; i < 10'000; ++i) {
    ASSERT_FALSE(never.sample(rng));
    ASSERT_TRUE(always.sample(rng));
  }
}

// Pearson's chi-square of index counts against d.probabilities(); indices of probability 0
// must not appear at all. Returns {statistic, degrees of freedom}.
std::pair<double, int> chi_square(const Discrete& d, std::string_view stream, int n) {
  Rng rng = Rng::stream(run_seed, stream);
  std::vector<long> counts(d.size(), 0);
  for (int i = 0; i < n; ++i) {
    const std::size_t k = d.sample(rng);
    if (k >= d.size()) return {std::numeric_limits<double>::infinity(), 0};
    ++counts[k];
  }
  double chi2 = 0.0;
  int categories = 0;
  for (std::size_t k = 0; k < d.size(); ++k) {
    const double expected = d.probabilities()[k] * n;
    if (expected == 0.0) {
      if (counts[k] != 0) return {std::numeric_limits<double>::infinity(), 0};
      continue;
    }
    ++categories;
    const double diff = static_cast<double>(counts[k]) - expected;
    chi2 += diff * diff / expected;
  }
  return {chi2, categories - 1};
}

TEST(DistributionDiscrete, FrequenciesMatchWeightsIncludingZeros) {
  const Discrete d(std::vector<double>{1.0, 0.0, 3.0, 2.0, 4.0, 0.5});
  ASSERT_EQ(d.size(), 6u);
  EXPECT_DOUBLE_EQ(d.probabilities()[2], 3.0 / 10.5);
  EXPECT_EQ(d.probabilities()[1], 0.0);
  // Index moments by hand: sum i w_i = 30.5, sum i^2 w_i = 106.5, total 10.5.
  EXPECT_NEAR(d.mean(), 30.5 / 10.5, 1e-14);
  EXPECT_NEAR(d.variance(), 106.5 / 10.5 - (30.5 / 10.5) * (30.5 / 10.5), 1e-13);
  const auto [chi2, df] = chi_square(d, "discrete-small", n_default);
  ASSERT_EQ(df, 4);
  constexpr double critical_df4_p1e6 = 33.38;
  EXPECT_LT(chi2, critical_df4_p1e6);
  const auto s = summarize(d, "discrete-small-moments");
  expect_mean(s, d.mean(), d.variance());
}

TEST(DistributionDiscrete, ManyUnevenWeights) {
  std::vector<double> weights;
  weights.reserve(50);
  for (int i = 0; i < 50; ++i) weights.push_back((i % 7 + 1) * (i % 3 == 0 ? 10.0 : 1.0));
  const Discrete d(weights);
  const auto [chi2, df] = chi_square(d, "discrete-many", n_default);
  ASSERT_EQ(df, 49);
  constexpr double critical_df49_p1e6 = 111.14;
  EXPECT_LT(chi2, critical_df49_p1e6);
}

TEST(DistributionDiscrete, SingleWeightAlwaysGivesIndexZero) {
  const Discrete d(std::vector<double>{0.25});
  Rng rng = Rng::stream(run_seed, "discrete-one");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d.sample(rng), 0u);
  EXPECT_EQ(d.mean(), 0.0);
  EXPECT_EQ(d.variance(), 0.0);
}

// Exact fourth central moment of a piecewise-linear CDF table, from the definition (point
// masses plus uniform segments), written independently of Empirical's own moment code.
double empirical_mu4(const std::vector<EmpiricalPoint>& t, double mu) {
  double m4 = t[0].cumulative * std::pow(t[0].value - mu, 4);
  for (std::size_t k = 1; k < t.size(); ++k) {
    const double mass = t[k].cumulative - t[k - 1].cumulative;
    const double a = t[k - 1].value - mu;
    const double b = t[k].value - mu;
    m4 +=
        (b == a) ? mass * std::pow(a, 4) : mass * (std::pow(b, 5) - std::pow(a, 5)) / (5 * (b - a));
  }
  return m4;
}

const std::vector<EmpiricalPoint> service_table = {{1.0, 0.2}, {2.0, 0.5}, {4.0, 0.9}, {10.0, 1.0}};

TEST(DistributionEmpirical, ExactMomentsOfTheTable) {
  const Empirical d(service_table);
  // Point mass 0.2 at 1, then uniform pieces of mass 0.3 on [1,2], 0.4 on [2,4], 0.1 on [4,10]:
  // mean = 0.2*1 + 0.3*1.5 + 0.4*3 + 0.1*7 = 2.55
  // E[X^2] = 0.2*1 + 0.3*(1+2+4)/3 + 0.4*(4+8+16)/3 + 0.1*(16+40+100)/3 = 59/6.
  EXPECT_NEAR(d.mean(), 2.55, 1e-14);
  EXPECT_NEAR(d.variance(), 59.0 / 6.0 - 2.55 * 2.55, 1e-13);
  const Empirical unit(std::vector<EmpiricalPoint>{{0.0, 0.0}, {1.0, 1.0}});
  EXPECT_NEAR(unit.mean(), 0.5, 1e-15);
  EXPECT_NEAR(unit.variance(), 1.0 / 12.0, 1e-15);
  // Far from zero the moments must not cancel away.
  const Empirical shifted(std::vector<EmpiricalPoint>{{1e9, 0.0}, {1e9 + 1.0, 1.0}});
  EXPECT_NEAR(shifted.variance(), 1.0 / 12.0, 1e-9);
}

TEST(DistributionEmpirical, SamplesFollowTheTable) {
  const Empirical d(service_table);
  // Table points (fraction <= v_k should be c_k), midpoints of segments (linear interpolation:
  // halfway in value is halfway in probability), and just below the first value.
  const std::vector<double> xs = {0.999, 1.0, 1.5, 2.0, 3.0, 4.0, 7.0, 10.0};
  const auto s = summarize(d, "empirical", xs);
  EXPECT_EQ(s.fraction_at_most(0), 0.0);
  EXPECT_EQ(s.fraction_at_most(7), 1.0);
  EXPECT_EQ(s.min, 1.0);
  EXPECT_LE(s.max, 10.0);
  expect_cdf(s, {0.0, 0.2, 0.35, 0.5, 0.7, 0.9, 0.95, 1.0});
  expect_mean(s, d.mean(), d.variance());
  expect_variance(s, d.variance(), empirical_mu4(service_table, d.mean()));
}

TEST(DistributionEmpirical, GapsAndInteriorPointMasses) {
  // Repeated cumulative: nothing between 0 and 5. Repeated value: a point mass of 0.2 at 7.
  const std::vector<EmpiricalPoint> table = {{0.0, 0.5}, {5.0, 0.5}, {6.0, 0.6},
                                             {7.0, 0.6}, {7.0, 0.8}, {9.0, 1.0}};
  const Empirical d(table);
  Rng rng = Rng::stream(run_seed, "empirical-gaps");
  constexpr int n = n_default;
  long zeros = 0;
  long sevens = 0;
  for (int i = 0; i < n; ++i) {
    const double x = d.sample(rng);
    ASSERT_FALSE(x > 0.0 && x < 5.0) << x;
    ASSERT_FALSE(x > 6.0 && x < 7.0) << x;
    zeros += x == 0.0 ? 1 : 0;
    sevens += x == 7.0 ? 1 : 0;
  }
  EXPECT_NEAR(static_cast<double>(zeros) / n, 0.5, z * std::sqrt(0.25 / n));
  EXPECT_NEAR(static_cast<double>(sevens) / n, 0.2, z * std::sqrt(0.16 / n));
  // mean = 0.5*0 + 0.1*5.5 + 0.2*7 + 0.2*8 = 3.55
  EXPECT_NEAR(d.mean(), 3.55, 1e-14);
}

TEST(DistributionEmpirical, SinglePointIsAConstant) {
  const Empirical d(std::vector<EmpiricalPoint>{{7.0, 1.0}});
  Rng rng = Rng::stream(run_seed, "empirical-one");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d.sample(rng), 7.0);
  EXPECT_EQ(d.mean(), 7.0);
  EXPECT_EQ(d.variance(), 0.0);
}

TEST(DistributionConstant, IsItsValueAndDrawsNothing) {
  const Constant d(42.5);
  Rng rng = Rng::stream(run_seed, "constant");
  EXPECT_EQ(d.sample(rng), 42.5);
  EXPECT_EQ(d.mean(), 42.5);
  EXPECT_EQ(d.variance(), 0.0);
  EXPECT_EQ(Constant().value(), 0.0);
}

TEST(DistributionDraws, EachSampleConsumesAFixedNumberOfDraws) {
  // Fixed counts keep common random numbers aligned: Box–Muller without a cached second value
  // always takes two, whatever was sampled before.
  EXPECT_EQ(draws_per_sample(Constant(1.0)), 0);
  EXPECT_EQ(draws_per_sample(Uniform(0.0, 1.0)), 1);
  EXPECT_EQ(draws_per_sample(Exponential(1.0)), 1);
  EXPECT_EQ(draws_per_sample(Pareto(1.0, 2.0)), 1);
  EXPECT_EQ(draws_per_sample(Bernoulli(0.5)), 1);
  EXPECT_EQ(draws_per_sample(Empirical(service_table)), 1);
  EXPECT_EQ(draws_per_sample(Normal(0.0, 1.0)), 2);
  EXPECT_EQ(draws_per_sample(LogNormal(0.0, 1.0)), 2);
  EXPECT_EQ(draws_per_sample(Discrete(std::vector<double>{1.0, 2.0, 3.0})), 2);
  // Twice in a row from one stream: the second normal also takes exactly two.
  Rng a = Rng::stream(run_seed, "normal-twice");
  Rng b = a;
  const Normal normal(0.0, 1.0);
  (void)normal.sample(a);
  (void)normal.sample(a);
  for (int i = 0; i < 4; ++i) (void)b.next();
  EXPECT_EQ(a.next(), b.next());
}

TEST(DistributionVariant, DispatchesToTheHeldAlternative) {
  const std::vector<Distribution> all = {
      Constant(3.0),       Uniform(1.0, 2.0), Exponential(4.0),        Normal(5.0, 0.5),
      LogNormal(0.1, 0.2), Pareto(1.0, 3.0),  Empirical(service_table)};
  ASSERT_EQ(all.size(), std::variant_size_v<Distribution>);
  for (const Distribution& d : all) {
    SCOPED_TRACE(d.index());
    Rng via_variant = Rng::stream(run_seed, "variant");
    Rng direct = via_variant;
    std::visit(
        [&](const auto& alternative) {
          EXPECT_EQ(mean(d), alternative.mean());
          EXPECT_EQ(variance(d), alternative.variance());
          for (int i = 0; i < 10; ++i)
            EXPECT_EQ(sample(d, via_variant), alternative.sample(direct));
        },
        d);
  }
  // Distinct alternatives give distinct means here, so a dispatch to the wrong one shows.
  std::vector<double> means;
  means.reserve(all.size());
  for (const Distribution& d : all) means.push_back(mean(d));
  EXPECT_DOUBLE_EQ(means[0], 3.0);
  EXPECT_DOUBLE_EQ(means[1], 1.5);
  EXPECT_DOUBLE_EQ(means[2], 4.0);
  EXPECT_DOUBLE_EQ(means[3], 5.0);
  EXPECT_DOUBLE_EQ(means[5], 1.5);
  EXPECT_DOUBLE_EQ(means[6], 2.55);
  EXPECT_EQ(mean(Distribution{}), 0.0);
}

TEST(DistributionVariant, SampleMeanThroughTheVariant) {
  const Distribution d = LogNormal::from_mean_stddev(0.2, 0.05);
  Rng rng = Rng::stream(run_seed, "variant-lognormal");
  double sum = 0.0;
  constexpr int n = 200'000;
  for (int i = 0; i < n; ++i) sum += sample(d, rng);
  EXPECT_NEAR(sum / n, 0.2, z * 0.05 / std::sqrt(n));
}

// B24_ASSERT prints "b24: internal invariant broken: ..." and aborts.
TEST(DistributionDeathTest, InvalidParametersDie) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_DEATH(Constant{inf}, "invariant");
  EXPECT_DEATH((Uniform{2.0, 1.0}), "invariant");
  EXPECT_DEATH((Uniform{1.0, 1.0}), "invariant");
  EXPECT_DEATH((Uniform{nan, 1.0}), "invariant");
  EXPECT_DEATH(Exponential{0.0}, "invariant");
  EXPECT_DEATH(Exponential{-1.0}, "invariant");
  EXPECT_DEATH(Exponential{nan}, "invariant");
  EXPECT_DEATH((Normal{0.0, -1.0}), "invariant");
  EXPECT_DEATH((Normal{inf, 1.0}), "invariant");
  EXPECT_DEATH((LogNormal{0.0, -0.1}), "invariant");
  EXPECT_DEATH((void)LogNormal::from_mean_stddev(0.0, 1.0), "invariant");
  EXPECT_DEATH((void)LogNormal::from_mean_stddev(1.0, -1.0), "invariant");
  EXPECT_DEATH((Pareto{0.0, 2.0}), "invariant");
  EXPECT_DEATH((Pareto{1.0, 0.0}), "invariant");
  EXPECT_DEATH((Pareto{1.0, -2.0}), "invariant");
  EXPECT_DEATH(Bernoulli{1.5}, "invariant");
  EXPECT_DEATH(Bernoulli{-0.1}, "invariant");
  EXPECT_DEATH(Bernoulli{nan}, "invariant");
}

TEST(DistributionDeathTest, InvalidTablesDie) {
  using W = std::vector<double>;
  using T = std::vector<EmpiricalPoint>;
  EXPECT_DEATH(Discrete{W{}}, "invariant");
  EXPECT_DEATH((Discrete{W{1.0, -1.0, 2.0}}), "invariant");
  EXPECT_DEATH((Discrete{W{0.0, 0.0}}), "invariant");
  EXPECT_DEATH((Discrete{W{1.0, std::numeric_limits<double>::infinity()}}), "invariant");
  EXPECT_DEATH(Empirical{T{}}, "invariant");
  EXPECT_DEATH((Empirical{T{{1.0, 0.0}, {2.0, 0.999}}}), "invariant");  // does not end at 1
  EXPECT_DEATH((Empirical{T{{1.0, 0.6}, {2.0, 0.5}, {3.0, 1.0}}}), "invariant");
  EXPECT_DEATH((Empirical{T{{2.0, 0.0}, {1.0, 1.0}}}), "invariant");  // values decrease
  EXPECT_DEATH((Empirical{T{{1.0, -0.1}, {2.0, 1.0}}}), "invariant");
  EXPECT_DEATH((Empirical{T{{1.0, 0.0}, {2.0, 1.5}, {3.0, 1.0}}}), "invariant");
}

}  // namespace
}  // namespace b24::sim
