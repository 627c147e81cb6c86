#include "viewer/downsample.hpp"

#include <algorithm>
#include <cmath>

namespace b24::viewer {
namespace {

// Appends the min and max of samples [begin, end) of one column, in time order; a column of
// NaN only keeps one NaN point.
void emit_column(const Series& s, std::size_t begin, std::size_t end,
                 std::vector<SeriesPoint>& out) {
  std::size_t low = end;
  std::size_t high = end;
  for (std::size_t i = begin; i < end; ++i) {
    const double v = s.values()[i];
    if (std::isnan(v)) continue;
    if (low == end || v < s.values()[low]) low = i;
    if (high == end || v > s.values()[high]) high = i;
  }
  if (low == end) {
    out.push_back(s.at(begin));
    return;
  }
  out.push_back(s.at(std::min(low, high)));
  if (low != high) out.push_back(s.at(std::max(low, high)));
}

}  // namespace

std::vector<SeriesPoint> downsample_min_max(const Series& series, std::int64_t t0_us,
                                            std::int64_t t1_us, int columns) {
  std::vector<SeriesPoint> out;
  if (series.empty() || t1_us < t0_us) return out;
  // One point beyond each edge, so the line does not stop short of the plot's border.
  std::size_t first = series.lower_bound(t0_us);
  if (first > 0) --first;
  std::size_t last = std::min(series.lower_bound(t1_us) + 1, series.size());  // exclusive
  const std::size_t count = last - first;
  columns = std::max(columns, 1);
  if (count <= 2 * static_cast<std::size_t>(columns)) {
    for (std::size_t i = first; i < last; ++i) out.push_back(series.at(i));
    return out;
  }
  out.reserve(2 * static_cast<std::size_t>(columns) + 2);
  const double width = static_cast<double>(t1_us - t0_us) / columns;
  std::size_t begin = first;
  while (begin < last) {
    // The column of `begin`'s sample, and the first sample past that column's end.
    const double offset = static_cast<double>(series.times()[begin] - t0_us);
    const double column = width > 0 ? std::floor(offset / width) : 0.0;
    const auto column_end = t0_us + static_cast<std::int64_t>((column + 1.0) * width);
    std::size_t end = begin + 1;
    while (end < last && series.times()[end] < column_end) ++end;
    emit_column(series, begin, end, out);
    begin = end;
  }
  return out;
}

}  // namespace b24::viewer
