#include "models/durability_theory.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unsupported/Eigen/MatrixFunctions>

namespace b24::models {

namespace {

void check(const DurabilityModel& m) {
  if (m.replicas == 0 || m.replicas > 64) {
    throw std::invalid_argument("durability model: replicas must be in [1, 64]");
  }
  if (!(m.failure_rate > 0.0) || !std::isfinite(m.failure_rate)) {
    throw std::invalid_argument("durability model: failure rate must be positive and finite");
  }
  if (!(m.repair_rate >= 0.0) || !std::isfinite(m.repair_rate)) {
    throw std::invalid_argument("durability model: repair rate must be >= 0 and finite");
  }
}

// Generator on states 0..N (index = live replicas); state 0 absorbing.
Eigen::MatrixXd generator(const DurabilityModel& m) {
  const auto n = static_cast<Eigen::Index>(m.replicas);
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n + 1, n + 1);
  for (Eigen::Index k = 1; k <= n; ++k) {
    const double down = static_cast<double>(k) * m.failure_rate;
    const double up = static_cast<double>(n - k) * m.repair_rate;
    q(k, k - 1) = down;
    if (k < n) q(k, k + 1) = up;
    q(k, k) = -(down + (k < n ? up : 0.0));
  }
  return q;
}

}  // namespace

double loss_probability(const DurabilityModel& model, double horizon) {
  check(model);
  if (!(horizon >= 0.0) || !std::isfinite(horizon)) {
    throw std::invalid_argument("durability model: horizon must be >= 0 and finite");
  }
  const Eigen::MatrixXd p = (generator(model) * horizon).exp();
  const auto n = static_cast<Eigen::Index>(model.replicas);
  // Pade rounding can leave a probability a few ulps outside [0, 1].
  return std::clamp(p(n, 0), 0.0, 1.0);
}

double mean_time_to_data_loss(const DurabilityModel& model) {
  check(model);
  // Expected absorption times t_k from the transient states 1..N solve S t = -1, S the
  // generator restricted to them (first-step analysis).
  const auto n = static_cast<Eigen::Index>(model.replicas);
  const Eigen::MatrixXd s = generator(model).bottomRightCorner(n, n);
  const Eigen::VectorXd t = s.partialPivLu().solve(-Eigen::VectorXd::Ones(n));
  return t(n - 1);
}

double mttdl_approximation(const DurabilityModel& model) {
  check(model);
  const double n = model.replicas;
  double mttdl = 1.0 / (n * model.failure_rate);
  for (double k = n - 1; k >= 1; k -= 1.0) {
    mttdl *= (n - k) * model.repair_rate / (k * model.failure_rate);
  }
  return mttdl;
}

double annual_durability(const DurabilityModel& model_per_year) {
  return 1.0 - loss_probability(model_per_year, 1.0);
}

double nines_from_loss(double loss_probability) {
  if (loss_probability <= 0.0) return std::numeric_limits<double>::infinity();
  return -std::log10(loss_probability);
}

}  // namespace b24::models
