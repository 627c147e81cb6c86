// scenarios/mmc-validation.yaml is an M/M/c queue (c single-core nodes with no admission queue
// behind a Classic load balancer whose surge queue holds waiting requests in FIFO order). Its
// measured mean waiting time must match Erlang C at utilizations 0.5, 0.8, 0.9 and 0.95: within
// the 95% confidence interval of independent replications, and within 3%.
//
// Shorter variants of the shipped scenario: R independent replications (seeds 1..R) per
// utilization, longer runs at higher utilization where the queue relaxes slowly (relaxation time
// ~ 1 / (mu (1 - sqrt(rho))^2): 16 s at 0.5, 160 s at 0.95 with 0.1 s service), so the empty
// start biases the mean by well under 1%.
//
// The seeds are fixed, so each verdict is deterministic; but a correct model misses a 95%
// interval for 1 seed set in 20. At utilization 0.5 few requests wait (P(wait) ~ 5%) and the
// estimate is noisy: with R = 8 (seeds 1-8, 6 h) it came out 1.7% high, 2.2 standard errors, and
// 40 further replications (seeds 1001-1040) gave 1.0039 +- 0.33% of theory, i.e. chance, not
// bias. That case therefore uses R = 20. Each case also requires its interval to be narrower
// than 3%, so that the 3% check is meaningful.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "models/queueing_theory.hpp"
#include "models/web_tier.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {
namespace {

// 97.5% quantiles of Student's t (two-sided 95% intervals) for R - 1 degrees of freedom.
double t_975(int degrees_of_freedom) {
  switch (degrees_of_freedom) {
    case 7:
      return 2.3646;
    case 19:
      return 2.0930;
    default:
      ADD_FAILURE() << "no t quantile for " << degrees_of_freedom;
      return 0.0;
  }
}

scenarios::Scenario mmc_scenario() {
  scenarios::Diagnostics diagnostics;
  auto s = scenarios::load_scenario(std::string(B24_SOURCE_DIR) + "/scenarios/mmc-validation.yaml",
                                    diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return s;
}

struct Case {
  double utilization;
  std::chrono::minutes duration;
  int replications;
};

class ErlangC : public ::testing::TestWithParam<Case> {};

TEST_P(ErlangC, MeanWaitMatchesTheory) {
  scenarios::Scenario s = mmc_scenario();
  const auto servers = static_cast<std::uint32_t>(s.web.auto_scaling.limits.max_size);
  ASSERT_EQ(s.web.auto_scaling.limits.min_size, s.web.auto_scaling.limits.max_size);
  ASSERT_EQ(s.web.node.cores, 1u);
  const double service_s = sim::mean(s.web.node.cpu_time_s);
  s.web.workload.peak_rate_per_s = GetParam().utilization * servers / service_s;
  s.duration = GetParam().duration;

  std::vector<double> waits;
  const int r = GetParam().replications;
  for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(r); ++seed) {
    sim::NullRecorder recorder;
    sim::Simulator sim(seed);
    models::WebTier tier(sim, s.web, s.slo, recorder);
    tier.start();
    sim.run_until(sim::start_instant + s.duration);
    ASSERT_EQ(tier.totals().requests.failed(), 0u);
    waits.push_back(tier.totals().mean_dispatch_wait_s);
  }
  double sum = 0, sq = 0;
  for (double w : waits) sum += w;
  const double mean = sum / r;
  for (double w : waits) sq += (w - mean) * (w - mean);
  const double half_width = t_975(r - 1) * std::sqrt(sq / (r - 1) / r);
  const double theory =
      models::mmc_theory(servers, s.web.workload.peak_rate_per_s, service_s).mean_wait_s;
  // The runs must be long enough for the 3% check to mean something.
  EXPECT_LT(half_width, 0.03 * theory);
  EXPECT_NEAR(mean, theory, half_width) << "95% CI half-width " << half_width;
  EXPECT_NEAR(mean / theory, 1.0, 0.03);
  std::printf("rho %.2f: mean wait %.6f s, theory %.6f s, 95%% CI +-%.6f s (%.2f%%)\n",
              GetParam().utilization, mean, theory, half_width, 100.0 * half_width / theory);
}

INSTANTIATE_TEST_SUITE_P(Utilization, ErlangC,
                         ::testing::Values(Case{0.5, std::chrono::minutes{180}, 20},
                                           Case{0.8, std::chrono::minutes{120}, 8},
                                           Case{0.9, std::chrono::minutes{180}, 8},
                                           Case{0.95, std::chrono::minutes{300}, 8}),
                         [](const auto& p) {
                           return "rho_" + std::to_string(static_cast<int>(
                                               std::lround(p.param.utilization * 100)));
                         });

}  // namespace
}  // namespace b24::cli
