#pragma once
// The statistics of `b24sim compare`: a mean with its Student-t confidence interval over
// replications, and the difference of two groups' means with its interval, either paired by
// seed (common random numbers: both plans saw the same workload and faults, so most of the
// noise cancels) or by Welch's unequal-variance t. Eigen does the sums and Boost.Math the t
// quantiles, both kept out of this header (expensive includes, shared/TOOLCHAIN.md).

#include <span>
#include <vector>

namespace b24::reports {

// The default and only level used so far; stored in compare.json.
inline constexpr double compare_confidence = 0.95;

struct SampleEstimate {
  int n = 0;
  double mean = 0.0;
  double stddev = 0.0;         // sample standard deviation (n - 1); NaN when n < 2
  double ci_half_width = 0.0;  // t(1 - alpha/2, n - 1) * stddev / sqrt(n); NaN when n < 2
};

// One replication per row, one figure per column (every row the same length): the estimate of
// each column, computed for all columns at once.
[[nodiscard]] std::vector<SampleEstimate> estimate_columns(
    const std::vector<std::vector<double>>& rows, double confidence = compare_confidence);

enum class DifferenceMethod {
  none,    // a group has a single run: the difference of the two values, no interval
  paired,  // same seeds in both groups: the mean of per-seed differences, t with n - 1 df
  welch,   // independent groups: Welch's t with Welch-Satterthwaite degrees of freedom
};

[[nodiscard]] const char* difference_method_name(DifferenceMethod method);

struct DifferenceEstimate {
  DifferenceMethod method = DifferenceMethod::none;
  double difference = 0.0;     // mean(b) - mean(a)
  double df = 0.0;             // degrees of freedom; NaN for none
  double t = 0.0;              // the t quantile used; NaN for none
  double ci_half_width = 0.0;  // NaN for none
};

// b[i] - a[i] for each i: a and b hold the same seeds in the same order.
[[nodiscard]] DifferenceEstimate paired_difference(std::span<const double> a,
                                                   std::span<const double> b,
                                                   double confidence = compare_confidence);
// mean(b) - mean(a) for independent samples; method none when either has fewer than 2 values.
[[nodiscard]] DifferenceEstimate welch_difference(std::span<const double> a,
                                                  std::span<const double> b,
                                                  double confidence = compare_confidence);

// The two-sided quantile t such that P(|T| <= t) = confidence for Student's t with `df`
// degrees of freedom (df need not be an integer: Welch's is not).
[[nodiscard]] double student_t_two_sided(double confidence, double df);

}  // namespace b24::reports
