#pragma once
// The comparison as a table of formatted cells and a few sentences that explain it, shared by
// the text printed on stdout and compare.html so that both always show the same numbers.

#include <string>
#include <vector>

#include "reports/compare_result.hpp"

namespace b24::reports {

struct CompareTable {
  // figure, then per group its mean (with "± half-width" for replications), then per group
  // after the first "<X> - <A>" (difference, "± half-width" and a "*" when the interval
  // excludes 0) and "<X> - <A> %".
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

enum class FigureSelection { headline, others, all };

[[nodiscard]] bool selected(const CompareFigure& figure, FigureSelection selection);
[[nodiscard]] CompareTable make_compare_table(const CompareResult& result,
                                              FigureSelection selection);

// "A: 3 runs of single-dc-day --set 'x=1', seeds 1, 2, 3", one line per group.
[[nodiscard]] std::string describe_group(const CompareGroup& group);
// "B - A: paired by seed (common random numbers), t with 2 df", one line per other group.
[[nodiscard]] std::string describe_method(const CompareResult& result, std::size_t group);

// A number as the table shows it: integers exactly, other values to six significant digits,
// "n/a" for NaN.
[[nodiscard]] std::string format_figure(double value);
// A mean and its interval with the same decimals, "116.07 ± 2.31": the half-width to three
// significant digits decides how many digits of the mean mean anything.
[[nodiscard]] std::string format_with_interval(double value, double half_width);

}  // namespace b24::reports
