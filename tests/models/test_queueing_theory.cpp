#include <gtest/gtest.h>

#include <cmath>

#include "models/queueing_theory.hpp"

namespace b24::models {
namespace {

// Direct textbook formulas (factorial sums), independent of the recursion under test.
double erlang_b_direct(int c, double a) {
  double term = 1.0, sum = 1.0;
  for (int k = 1; k <= c; ++k) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}
double erlang_c_direct(int c, double a) {
  double term = 1.0, sum = 0.0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double tail = term * c / (c - a);  // a^c / c! * c / (c - a)
  return tail / (sum + tail);
}

TEST(QueueingTheory, ErlangBMatchesPublishedTableValues) {
  // Erlang B tables: 10 channels at 5 Erlangs block 1.84%; 1 channel blocks a / (1 + a).
  EXPECT_NEAR(erlang_b(10, 5.0), 0.018385, 5e-6);
  EXPECT_NEAR(erlang_b(1, 3.0), 0.75, 1e-12);
  EXPECT_DOUBLE_EQ(erlang_b(0, 2.0), 1.0);
}

TEST(QueueingTheory, ErlangBAgreesWithTheFactorialFormula) {
  for (int c : {1, 2, 5, 20, 60}) {
    for (double a : {0.5, 3.0, 17.0, 55.0}) {
      EXPECT_NEAR(erlang_b(static_cast<std::uint32_t>(c), a), erlang_b_direct(c, a), 1e-12)
          << "c=" << c << " a=" << a;
    }
  }
}

TEST(QueueingTheory, ErlangCAgreesWithClosedForms) {
  // M/M/2: P(wait) = 2 rho^2 / (1 + rho).
  const double rho = 0.5;
  EXPECT_NEAR(erlang_c(2, 2 * rho), 2 * rho * rho / (1 + rho), 1e-12);
  // M/M/1: P(wait) = rho.
  EXPECT_NEAR(erlang_c(1, 0.7), 0.7, 1e-12);
  for (int c : {3, 8, 30}) {
    for (double load : {0.3, 0.8, 0.95}) {
      const double a = load * c;
      EXPECT_NEAR(erlang_c(static_cast<std::uint32_t>(c), a), erlang_c_direct(c, a), 1e-12);
    }
  }
}

TEST(QueueingTheory, MmcTheoryObeysLittlesLaw) {
  const MmcTheory t = mmc_theory(4, 3.2, 1.0);
  EXPECT_DOUBLE_EQ(t.utilization, 0.8);
  EXPECT_NEAR(t.mean_wait_s, t.wait_probability / (4.0 - 3.2), 1e-12);
  EXPECT_NEAR(t.mean_in_system, 3.2 * (t.mean_wait_s + 1.0), 1e-12);
}

TEST(QueueingTheory, UnstableQueueDies) {
  EXPECT_DEATH((void)erlang_c(2, 2.0), "invariant broken");
}

}  // namespace
}  // namespace b24::models
