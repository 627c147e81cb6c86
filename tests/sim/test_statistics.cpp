// Counter, Welford and TimeWeightedGauge against values computed independently: by hand, by a
// two-pass long double reference, or by exact integer arithmetic.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/counter.hpp"
#include "sim/rng.hpp"
#include "sim/time.hpp"
#include "sim/time_weighted_gauge.hpp"
#include "sim/welford.hpp"

namespace b24::sim {
namespace {

// ---------------------------------------------------------------- Counter

TEST(Counter, StartsAtZeroAndAdds) {
  Counter c;
  EXPECT_EQ(c.value(), 0U);
  c.add();
  EXPECT_EQ(c.value(), 1U);
  c.add(41);
  EXPECT_EQ(c.value(), 42U);
  c.add(0);
  EXPECT_EQ(c.value(), 42U);
}

TEST(CounterDeathTest, OverflowDies) {
  Counter c;
  c.add(42);
  EXPECT_DEATH(c.add(UINT64_MAX), "invariant");
}

// ---------------------------------------------------------------- Welford

struct TwoPass {
  double mean;
  double sample_variance;
  double population_variance;
};

// The textbook two-pass algorithm in long double: slow and memory-hungry, but with no
// cancellation problem, so it is a trustworthy reference.
TwoPass two_pass(const std::vector<double>& xs) {
  long double sum = 0;
  for (const double x : xs) sum += x;
  const long double mean = sum / static_cast<long double>(xs.size());
  long double ss = 0;
  for (const double x : xs) ss += (x - mean) * (x - mean);
  const auto n = static_cast<long double>(xs.size());
  return {static_cast<double>(mean), static_cast<double>(ss / (n - 1)),
          static_cast<double>(ss / n)};
}

// Values around 1e9 with a spread of a few units: the case where sum-of-squares formulas lose
// every significant digit of the variance.
std::vector<double> offset_data(std::size_t n) {
  Rng rng(20240501);
  std::vector<double> xs;
  xs.reserve(n);
  for (std::size_t i = 0; i < n; ++i) xs.push_back(1e9 + 10.0 * rng.uniform01());
  return xs;
}

TEST(Welford, HandComputedExample) {
  // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; population 32/8 = 4; sample 32/7.
  Welford w;
  for (const double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) w.add(x);
  EXPECT_EQ(w.count(), 8U);
  EXPECT_DOUBLE_EQ(w.mean(), 5.0);
  EXPECT_DOUBLE_EQ(w.population_variance(), 4.0);
  EXPECT_DOUBLE_EQ(w.variance(), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(w.stddev(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(w.min(), 2.0);
  EXPECT_EQ(w.max(), 9.0);
}

TEST(Welford, EmptyAndSingleSample) {
  Welford w;
  EXPECT_EQ(w.count(), 0U);
  EXPECT_EQ(w.mean(), 0.0);
  EXPECT_EQ(w.variance(), 0.0);
  EXPECT_EQ(w.population_variance(), 0.0);
  w.add(-3.5);
  EXPECT_EQ(w.count(), 1U);
  EXPECT_EQ(w.mean(), -3.5);
  EXPECT_EQ(w.variance(), 0.0);  // undefined for one sample; documented as 0
  EXPECT_EQ(w.min(), -3.5);
  EXPECT_EQ(w.max(), -3.5);
}

TEST(Welford, MatchesTwoPassWithLargeOffset) {
  const auto xs = offset_data(100'000);
  Welford w;
  for (const double x : xs) w.add(x);
  const TwoPass ref = two_pass(xs);
  // The running mean takes a rounding of ~ulp(1e9) per update, so it drifts by a few 1e-15
  // relative over 1e5 values; sum/n would do better, but only Welford's mean keeps m2 stable.
  // Uniform over a width of 10 has variance 100/12 ~ 8.33; a naive sum-of-squares in double
  // would be off by more than the variance itself here.
  EXPECT_NEAR(w.mean(), ref.mean, 1e-12 * ref.mean);
  EXPECT_NEAR(w.variance(), ref.sample_variance, 1e-6 * ref.sample_variance);
  EXPECT_NEAR(w.population_variance(), ref.population_variance, 1e-6 * ref.population_variance);
  EXPECT_NEAR(w.variance(), 100.0 / 12.0, 0.1);  // sanity: it is the distribution we meant
}

TEST(Welford, MergeEqualsSinglePass) {
  const auto xs = offset_data(30'001);
  const TwoPass ref = two_pass(xs);
  // Uneven parts, including a single-element one, exercise the weights in Chan's formula.
  const std::size_t cuts[] = {0, 1, 7'000, 30'001};
  Welford merged;
  for (std::size_t part = 0; part + 1 < std::size(cuts); ++part) {
    Welford w;
    for (std::size_t i = cuts[part]; i < cuts[part + 1]; ++i) w.add(xs[i]);
    merged.merge(w);
  }
  EXPECT_EQ(merged.count(), xs.size());
  EXPECT_NEAR(merged.mean(), ref.mean, 1e-12 * ref.mean);
  EXPECT_NEAR(merged.variance(), ref.sample_variance, 1e-6 * ref.sample_variance);
  double lo = xs[0];
  double hi = xs[0];
  for (const double x : xs) {
    lo = x < lo ? x : lo;
    hi = x > hi ? x : hi;
  }
  EXPECT_EQ(merged.min(), lo);
  EXPECT_EQ(merged.max(), hi);
}

TEST(Welford, MergeHandComputedAndEmptySides) {
  Welford a;  // {1, 3}: mean 2, m2 2
  a.add(1);
  a.add(3);
  Welford b;  // {10}: mean 10
  b.add(10);
  Welford empty;
  a.merge(empty);  // no-op
  EXPECT_EQ(a.count(), 2U);
  a.merge(b);
  // {1, 3, 10}: mean 14/3; squared deviations sum = 1 + 9 + 100 - 14^2/3 = 110 - 196/3 = 134/3.
  EXPECT_EQ(a.count(), 3U);
  EXPECT_DOUBLE_EQ(a.mean(), 14.0 / 3.0);
  EXPECT_DOUBLE_EQ(a.variance(), (134.0 / 3.0) / 2.0);
  EXPECT_DOUBLE_EQ(a.population_variance(), (134.0 / 3.0) / 3.0);
  EXPECT_EQ(a.min(), 1.0);
  EXPECT_EQ(a.max(), 10.0);
  Welford c;
  c.merge(a);  // into an empty accumulator
  EXPECT_EQ(c.count(), 3U);
  EXPECT_DOUBLE_EQ(c.mean(), 14.0 / 3.0);
  EXPECT_DOUBLE_EQ(c.variance(), (134.0 / 3.0) / 2.0);
  EXPECT_EQ(c.min(), 1.0);
  EXPECT_EQ(c.max(), 10.0);
}

// ---------------------------------------------------------------- TimeWeightedGauge

Instant at_s(std::int64_t s) {
  return start_instant + Duration{s * 1'000'000};
}

TEST(TimeWeightedGauge, PiecewiseMean) {
  // 0 for 10 s, 4 for 30 s, 2 for 60 s: (0*10 + 4*30 + 2*60) / 100 = 240 / 100.
  TimeWeightedGauge g(at_s(0), 0.0);
  g.set(at_s(10), 4.0);
  EXPECT_DOUBLE_EQ(g.mean(at_s(20)), 2.0);  // (0*10 + 4*10) / 20
  g.set(at_s(40), 2.0);
  EXPECT_DOUBLE_EQ(g.integral(at_s(100)), 240.0);
  EXPECT_DOUBLE_EQ(g.mean(at_s(100)), 2.4);
  EXPECT_EQ(g.value(), 2.0);
  EXPECT_EQ(g.max(), 4.0);
  EXPECT_EQ(g.min(), 0.0);
}

TEST(TimeWeightedGauge, StartNeedNotBeZero) {
  TimeWeightedGauge g(at_s(1000), 0.0);
  g.set(at_s(1010), 4.0);
  g.set(at_s(1040), 2.0);
  EXPECT_DOUBLE_EQ(g.mean(at_s(1100)), 2.4);
  EXPECT_EQ(g.start(), at_s(1000));
}

TEST(TimeWeightedGauge, AddAndZeroLengthTransients) {
  TimeWeightedGauge g(at_s(0), 0.0);
  g.add(at_s(1), +1);
  g.add(at_s(2), +1);
  g.add(at_s(3), -1);
  // 0*1 + 1*1 + 2*1 + 1*1 over 4 s.
  EXPECT_DOUBLE_EQ(g.integral(at_s(4)), 4.0);
  EXPECT_DOUBLE_EQ(g.mean(at_s(4)), 1.0);
  // Up and down at the same instant: counts for max, not for the integral.
  g.add(at_s(5), +5);
  g.add(at_s(5), -5);
  EXPECT_EQ(g.value(), 1.0);
  EXPECT_EQ(g.max(), 6.0);
  EXPECT_DOUBLE_EQ(g.integral(at_s(6)), 6.0);
}

TEST(TimeWeightedGauge, NoElapsedTimeGivesCurrentValue) {
  TimeWeightedGauge g(at_s(7), 7.0);
  EXPECT_EQ(g.mean(at_s(7)), 7.0);
  g.set(at_s(7), 3.0);
  EXPECT_EQ(g.mean(at_s(7)), 3.0);
  EXPECT_EQ(g.integral(at_s(7)), 0.0);
}

TEST(TimeWeightedGauge, ResetCutsWarmUp) {
  TimeWeightedGauge g(at_s(0), 0.0);
  g.set(at_s(10), 4.0);
  g.set(at_s(40), 2.0);
  g.reset(at_s(40));  // only the value 2 from 40 s on remains
  EXPECT_EQ(g.value(), 2.0);
  EXPECT_EQ(g.min(), 2.0);
  EXPECT_EQ(g.max(), 2.0);
  EXPECT_DOUBLE_EQ(g.mean(at_s(100)), 2.0);
  g.set(at_s(70), 5.0);
  // (2*30 + 5*30) / 60
  EXPECT_DOUBLE_EQ(g.mean(at_s(100)), 3.5);
  EXPECT_DOUBLE_EQ(g.integral(at_s(100)), 210.0);
  EXPECT_EQ(g.max(), 5.0);
  // A reset later than the last update counts the held value up to the cut as warm-up too.
  g.reset(at_s(80));
  EXPECT_DOUBLE_EQ(g.mean(at_s(90)), 5.0);
}

TEST(TimeWeightedGauge, IntegralStaysExactPastDoublePrecision) {
  if constexpr (std::numeric_limits<long double>::digits < 64) {
    GTEST_SKIP() << "long double is no wider than double on this platform";
  }
  // 10^6 integer-valued steps; the integral reaches ~2.5e17 value-us, past the 2^53 where a
  // double sum starts rounding each step (hundreds of ulps of drift here), but below 2^64.
  __extension__ using Exact = unsigned __int128;
  Rng rng(77);
  Instant t = at_s(0);
  TimeWeightedGauge g(t, 0.0);
  Exact expected_us = 0;
  std::int64_t current = 0;
  for (int i = 0; i < 1'000'000; ++i) {
    const auto held = static_cast<std::int64_t>(1 + rng.below(10'000'000));
    expected_us += static_cast<Exact>(current) * static_cast<Exact>(held);
    t += Duration{held};
    const auto next = static_cast<std::int64_t>(rng.below(100'000));
    if (i % 2 == 0) {
      g.set(t, static_cast<double>(next));
    } else {
      g.add(t, static_cast<double>(next - current));
    }
    current = next;
  }
  ASSERT_GT(expected_us, Exact{1} << 53);
  const auto expected = static_cast<long double>(expected_us);
  const auto elapsed_us = static_cast<long double>(t.time_since_epoch().count());
  EXPECT_DOUBLE_EQ(g.integral(t), static_cast<double>(expected / 1e6L));
  EXPECT_DOUBLE_EQ(g.mean(t), static_cast<double>(expected / elapsed_us));
}

TEST(TimeWeightedGaugeDeathTest, TimeGoingBackwardsDies) {
  TimeWeightedGauge g(at_s(0), 1.0);
  g.set(at_s(10), 2.0);
  EXPECT_DEATH(g.set(at_s(5), 3.0), "invariant");
  EXPECT_DEATH(g.add(at_s(9), 1.0), "invariant");
  EXPECT_DEATH((void)g.mean(at_s(9)), "invariant");
  EXPECT_DEATH(g.reset(at_s(9)), "invariant");
}

}  // namespace
}  // namespace b24::sim
