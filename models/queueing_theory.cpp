#include "models/queueing_theory.hpp"

#include "sim/assert.hpp"

namespace b24::models {

double erlang_b(std::uint32_t servers, double offered_erlangs) {
  B24_ASSERT_MSG(offered_erlangs >= 0.0, "offered load must be non-negative");
  double b = 1.0;
  for (std::uint32_t k = 1; k <= servers; ++k) {
    b = offered_erlangs * b / (static_cast<double>(k) + offered_erlangs * b);
  }
  return b;
}

double erlang_c(std::uint32_t servers, double offered_erlangs) {
  const auto c = static_cast<double>(servers);
  B24_ASSERT_MSG(servers > 0 && offered_erlangs < c, "Erlang C needs a stable queue (a < c)");
  const double b = erlang_b(servers, offered_erlangs);
  return c * b / (c - offered_erlangs * (1.0 - b));
}

MmcTheory mmc_theory(std::uint32_t servers, double arrival_rate_per_s, double mean_service_s) {
  B24_ASSERT(arrival_rate_per_s > 0.0 && mean_service_s > 0.0);
  const double mu = 1.0 / mean_service_s;
  const double a = arrival_rate_per_s / mu;
  const double c = static_cast<double>(servers);
  MmcTheory t{};
  t.utilization = a / c;
  t.wait_probability = erlang_c(servers, a);
  t.mean_wait_s = t.wait_probability / (c * mu - arrival_rate_per_s);
  t.mean_response_s = t.mean_wait_s + mean_service_s;
  t.mean_in_system = arrival_rate_per_s * t.mean_response_s;
  return t;
}

}  // namespace b24::models
