// The replica-loss Markov chain (models/durability_theory.hpp) against cases worked out by hand:
// one replica (exponential lifetime), no repair (independent lifetimes), two replicas with
// repair (a 2x2 transient system solved in closed form), and the MTTDL formulas.

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "models/durability_theory.hpp"

namespace b24::models {
namespace {

// The matrix exponential is accurate to a few ulps times the matrix norm; 1e-9 relative leaves
// room for that and still catches any wrong rate (which moves results by percents).
constexpr double tight = 1e-9;

TEST(DurabilityTheory, OneReplicaIsAnExponentialLifetime) {
  for (const double lambda : {0.01, 0.5, 3.0}) {
    for (const double t : {0.1, 1.0, 10.0}) {
      const double expected = -std::expm1(-lambda * t);
      EXPECT_NEAR(loss_probability({1, lambda, 50.0}, t), expected, tight * expected)
          << lambda << " " << t;
    }
  }
}

// Without repair the copies die independently: lost when all N lifetimes are below T.
TEST(DurabilityTheory, WithoutRepairAllLifetimesMustEnd) {
  for (const std::uint32_t n : {2u, 3u, 5u}) {
    const double lambda = 0.7;
    const double t = 1.3;
    const double expected = std::pow(-std::expm1(-lambda * t), n);
    EXPECT_NEAR(loss_probability({n, lambda, 0.0}, t), expected, tight * expected) << n;
  }
}

// N = 2 with repair. Transient states (2, 1) with S = [[-2l, 2l], [m, -(l+m)]]; the survival
// function is A e^{r1 t} + B e^{r2 t}, r1, r2 the roots of s^2 + (3l + m) s + 2 l^2 = 0, with
// S(0) = 1 and S'(0) = 0 (from 2 live copies nothing is lost in the first instant):
// A = r2 / (r2 - r1), B = -r1 / (r2 - r1).
TEST(DurabilityTheory, TwoReplicasWithRepairMatchTheClosedForm) {
  const double l = 2.0;
  const double m = 30.0;
  const double b = 3 * l + m;
  const double disc = std::sqrt(b * b - 8 * l * l);
  const double r1 = (-b + disc) / 2;
  const double r2 = (-b - disc) / 2;
  for (const double t : {0.05, 0.5, 2.0, 8.0}) {
    const double survival = (r2 * std::exp(r1 * t) - r1 * std::exp(r2 * t)) / (r2 - r1);
    const double expected = 1.0 - survival;
    EXPECT_NEAR(loss_probability({2, l, m}, t), expected, tight * expected) << t;
  }
}

TEST(DurabilityTheory, MttdlMatchesExactFormulas) {
  EXPECT_NEAR(mean_time_to_data_loss({1, 0.25, 9.0}), 4.0, 4.0 * tight);
  // N = 2: first-step analysis gives (3 l + m) / (2 l^2).
  const double l = 0.02;
  const double m = 365.0;
  const double two = (3 * l + m) / (2 * l * l);
  EXPECT_NEAR(mean_time_to_data_loss({2, l, m}), two, two * tight);
  // No repair: the sum of the exponential stages 1/(3l) + 1/(2l) + 1/l.
  const double none = 1 / (3 * l) + 1 / (2 * l) + 1 / l;
  EXPECT_NEAR(mean_time_to_data_loss({3, l, 0.0}), none, none * tight);
}

// When repairs are 10^4 times faster than failures the first-order approximation
// mu^2 / (3 lambda^3) is within O(lambda / mu) of the exact MTTDL: 0.1 % is ten times that.
TEST(DurabilityTheory, MttdlApproximationHoldsForFastRepair) {
  const DurabilityModel m{3, 0.015, 150.0};
  EXPECT_NEAR(mttdl_approximation(m), 150.0 * 150.0 / (3 * std::pow(0.015, 3)), 1.0);
  EXPECT_NEAR(mean_time_to_data_loss(m) / mttdl_approximation(m), 1.0, 1e-3);
}

// Realistic rates (AFR 1.5 %/year, one-day repairs): over T >> 1/mu the chain is quasi-
// stationary and losses arrive at rate 1/MTTDL, so P(loss within T) = T / MTTDL to within
// about 1/(mu T) (the start-up transient) + T/MTTDL (the second-order term): 1 % covers both
// at T = 1 year and shows the matrix exponential keeps ~1e-10 probabilities accurate.
TEST(DurabilityTheory, TinyLossProbabilitiesStayAccurate) {
  const DurabilityModel m{3, 0.015, 365.25};
  const double p = loss_probability(m, 1.0);
  EXPECT_GT(p, 0.0);
  EXPECT_NEAR(p * mean_time_to_data_loss(m), 1.0, 0.01);
  EXPECT_NEAR(annual_durability(m), 1.0 - p, 1e-16);
  EXPECT_GT(nines_from_loss(p), 9.0);
}

TEST(DurabilityTheory, NinesOfTheDesignFigure) {
  EXPECT_NEAR(nines_from_loss(1e-11), 11.0, 1e-12);
  EXPECT_TRUE(std::isinf(nines_from_loss(0.0)));
}

TEST(DurabilityTheory, RejectsImpossibleModels) {
  EXPECT_THROW((void)loss_probability({0, 1.0, 1.0}, 1.0), std::invalid_argument);
  EXPECT_THROW((void)loss_probability({3, 0.0, 1.0}, 1.0), std::invalid_argument);
  EXPECT_THROW((void)loss_probability({3, 1.0, -1.0}, 1.0), std::invalid_argument);
  EXPECT_THROW((void)loss_probability({3, 1.0, 1.0}, -1.0), std::invalid_argument);
  EXPECT_THROW((void)mean_time_to_data_loss({3, NAN, 1.0}), std::invalid_argument);
}

}  // namespace
}  // namespace b24::models
