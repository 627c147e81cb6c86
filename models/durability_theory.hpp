#pragma once
// Analytic durability of an object kept as N replicas on devices that fail independently.
//
// Each replica's device fails as a Poisson process at rate lambda (an annual failure rate, AFR,
// is exactly such a rate: Backblaze computes it as failures / drive-years). A failed replica is
// re-created after an exponential repair time of rate mu, each failed replica independently of
// the others (parallel repair: every failed device is replaced and refilled on its own). The
// number of live replicas is then a continuous-time Markov chain on {N, ..., 1, 0}:
//
//   k -> k-1 at rate k lambda        (one of the k live replicas fails)
//   k -> k+1 at rate (N-k) mu        (one of the N-k failed replicas is repaired), for k >= 1
//   0 is absorbing: with no replica left there is nothing to repair from, the object is lost.
//
// The probability of loss within T, starting with N live replicas, is the (N, 0) entry of
// exp(Q T), Q the generator (Eigen's matrix exponential). The mean time to data loss (MTTDL) is
// the expected absorption time, from the linear system on the transient states.
//
// Parameters are in any one time unit (per year throughout the object store).

#include <cstdint>

namespace b24::models {

struct DurabilityModel {
  std::uint32_t replicas = 3;  // N >= 1
  double failure_rate = 0.0;   // lambda > 0, per unit time, per replica
  double repair_rate = 0.0;    // mu >= 0 (0: failed replicas are never repaired)
};

// P(all N replicas are down at some instant in [0, T]) starting from N live replicas.
// Throws std::invalid_argument on N == 0, N > 64, lambda <= 0, mu < 0, T < 0 or non-finite values.
[[nodiscard]] double loss_probability(const DurabilityModel& model, double horizon);

// Mean time to data loss from N live replicas (same unit as the rates).
[[nodiscard]] double mean_time_to_data_loss(const DurabilityModel& model);

// The usual first-order MTTDL approximation when repairs are much faster than failures
// (mu >> lambda): the path N -> N-1 -> ... -> 0 taken against the odds at every step,
//   MTTDL ~ prod_{k=1}^{N-1} ((N-k) mu) / prod_{k=1}^{N} (k lambda)
// e.g. N=2: mu / (2 lambda^2); N=3: 2 mu^2 / (6 lambda^3) = mu^2 / (3 lambda^3).
[[nodiscard]] double mttdl_approximation(const DurabilityModel& model);

// 1 - loss_probability over one year, for rates per year: the design-comparable figure
// ("99.999999999 % per year", DOMAIN.md 6).
[[nodiscard]] double annual_durability(const DurabilityModel& model_per_year);

// The "number of nines" of a durability whose loss probability is p: -log10(p) (11 for the
// design figure 99.999999999 %); infinity for p == 0. Taken from p, not from 1 - d, whose
// subtraction would lose the digits that matter.
[[nodiscard]] double nines_from_loss(double loss_probability);

}  // namespace b24::models
