#pragma once
// Closed-form queueing results that simulation outputs are validated against: Erlang B
// (blocking in M/M/c/c, telephony gateways), Erlang C (waiting in M/M/c, a web tier's cores)
// and the M/M/c mean waiting time. Offered load a = lambda / mu in Erlangs.

#include <cstdint>

namespace b24::models {

// Probability that an arrival finds all c servers busy and is lost (M/M/c/c). Uses the stable
// recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
[[nodiscard]] double erlang_b(std::uint32_t servers, double offered_erlangs);

// Probability that an arrival has to wait (M/M/c, a < c).
[[nodiscard]] double erlang_c(std::uint32_t servers, double offered_erlangs);

struct MmcTheory {
  double utilization;       // rho = a / c
  double wait_probability;  // Erlang C
  double mean_wait_s;       // Wq = C / (c mu - lambda)
  double mean_response_s;   // W = Wq + 1 / mu
  double mean_in_system;    // L = lambda W (Little's law)
};

[[nodiscard]] MmcTheory mmc_theory(std::uint32_t servers, double arrival_rate_per_s,
                                   double mean_service_s);

}  // namespace b24::models
