#include "reports/compare_statistics.hpp"

#include <Eigen/Core>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "sim/assert.hpp"

namespace b24::reports {
namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

Eigen::VectorXd to_vector(std::span<const double> values) {
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// Sample variance (n - 1 denominator) of a vector with at least two entries. Equal values
// give exactly 0: their computed mean can be an ulp off, which would otherwise leave a
// variance of 1e-30 and print as a meaningless "± 0.000000000".
double sample_variance(const Eigen::VectorXd& x) {
  if ((x.array() == x(0)).all()) return 0.0;
  return (x.array() - x.mean()).square().sum() / static_cast<double>(x.size() - 1);
}

}  // namespace

double student_t_two_sided(double confidence, double df) {
  B24_ASSERT(confidence > 0.0 && confidence < 1.0);
  B24_ASSERT(df > 0.0);
  const boost::math::students_t distribution(df);
  return boost::math::quantile(distribution, 0.5 + confidence / 2.0);
}

std::vector<SampleEstimate> estimate_columns(const std::vector<std::vector<double>>& rows,
                                             double confidence) {
  if (rows.empty()) return {};
  const auto n = static_cast<Eigen::Index>(rows.size());
  const auto k = static_cast<Eigen::Index>(rows.front().size());
  Eigen::MatrixXd x(n, k);
  for (Eigen::Index r = 0; r < n; ++r) {
    B24_ASSERT(static_cast<Eigen::Index>(rows[r].size()) == k);
    x.row(r) = to_vector(rows[r]).transpose();
  }
  const Eigen::RowVectorXd mean = x.colwise().mean();
  std::vector<SampleEstimate> out(static_cast<std::size_t>(k));
  // The covariance's diagonal is all a per-figure interval needs: the full k x k matrix would
  // be computed and thrown away.
  Eigen::RowVectorXd variance = Eigen::RowVectorXd::Constant(k, not_a_number);
  double t = not_a_number;
  if (n >= 2) {
    variance = (x.rowwise() - mean).colwise().squaredNorm() / static_cast<double>(n - 1);
    t = student_t_two_sided(confidence, static_cast<double>(n - 1));
  }
  // A figure equal in every run (a fixed group's node-hours) has no spread at all, exactly.
  const auto constant = [&](Eigen::Index c) { return (x.col(c).array() == x(0, c)).all(); };
  for (Eigen::Index c = 0; c < k; ++c) {
    SampleEstimate& e = out[static_cast<std::size_t>(c)];
    e.n = static_cast<int>(n);
    e.mean = constant(c) ? x(0, c) : mean(c);
    e.stddev = constant(c) && n >= 2 ? 0.0 : std::sqrt(variance(c));
    e.ci_half_width = t * e.stddev / std::sqrt(static_cast<double>(n));
  }
  return out;
}

const char* difference_method_name(DifferenceMethod method) {
  switch (method) {
    case DifferenceMethod::paired:
      return "paired";
    case DifferenceMethod::welch:
      return "welch";
    case DifferenceMethod::none:
      break;
  }
  return "none";
}

DifferenceEstimate paired_difference(std::span<const double> a, std::span<const double> b,
                                     double confidence) {
  B24_ASSERT(a.size() == b.size());
  B24_ASSERT(a.size() >= 2);
  const Eigen::VectorXd d = to_vector(b) - to_vector(a);
  DifferenceEstimate e;
  e.method = DifferenceMethod::paired;
  e.difference = d.mean();
  e.df = static_cast<double>(d.size() - 1);
  e.t = student_t_two_sided(confidence, e.df);
  e.ci_half_width = e.t * std::sqrt(sample_variance(d) / static_cast<double>(d.size()));
  return e;
}

DifferenceEstimate welch_difference(std::span<const double> a, std::span<const double> b,
                                    double confidence) {
  B24_ASSERT(!a.empty() && !b.empty());
  const Eigen::VectorXd va = to_vector(a);
  const Eigen::VectorXd vb = to_vector(b);
  DifferenceEstimate e;
  e.difference = vb.mean() - va.mean();
  if (a.size() < 2 || b.size() < 2) {
    e.df = e.t = e.ci_half_width = not_a_number;
    return e;
  }
  e.method = DifferenceMethod::welch;
  const double qa = sample_variance(va) / static_cast<double>(va.size());
  const double qb = sample_variance(vb) / static_cast<double>(vb.size());
  const double se2 = qa + qb;
  // Welch-Satterthwaite; when both groups have no spread at all the formula is 0/0, and any df
  // gives a zero-width interval: take the pooled na + nb - 2.
  e.df = se2 > 0.0 ? se2 * se2 /
                         (qa * qa / static_cast<double>(va.size() - 1) +
                          qb * qb / static_cast<double>(vb.size() - 1))
                   : static_cast<double>(va.size() + vb.size() - 2);
  e.t = student_t_two_sided(confidence, e.df);
  e.ci_half_width = e.t * std::sqrt(se2);
  return e;
}

}  // namespace b24::reports
