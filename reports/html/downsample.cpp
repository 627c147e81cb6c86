#include "reports/html/downsample.hpp"

#include <algorithm>
#include <cmath>

namespace b24::reports::html {
namespace {

// Appends the minimum and maximum of points[begin, end) in time order (one point if they are
// the same), or the bucket's first point if every value is NaN.
void keep_extremes(const std::vector<ChartPoint>& points, std::size_t begin, std::size_t end,
                   std::vector<ChartPoint>& out) {
  std::size_t lo = end;
  std::size_t hi = end;
  for (std::size_t i = begin; i < end; ++i) {
    const double y = points[i].y;
    if (std::isnan(y)) continue;
    if (lo == end || y < points[lo].y) lo = i;
    if (hi == end || y > points[hi].y) hi = i;
  }
  if (lo == end) {
    out.push_back(points[begin]);
    return;
  }
  out.push_back(points[std::min(lo, hi)]);
  if (lo != hi) out.push_back(points[std::max(lo, hi)]);
}

}  // namespace

std::vector<ChartPoint> downsample_min_max(const std::vector<ChartPoint>& points,
                                           std::size_t max_points) {
  max_points = std::max<std::size_t>(max_points, 4);
  if (points.size() <= max_points) return points;
  const std::size_t inner = points.size() - 2;
  const std::size_t buckets = (max_points - 2) / 2;
  std::vector<ChartPoint> out;
  out.reserve(max_points);
  out.push_back(points.front());
  for (std::size_t b = 0; b < buckets; ++b) {
    // Integer bucket bounds: every inner point falls in exactly one bucket.
    const std::size_t begin = 1 + b * inner / buckets;
    const std::size_t end = 1 + (b + 1) * inner / buckets;
    if (begin < end) keep_extremes(points, begin, end, out);
  }
  out.push_back(points.back());
  return out;
}

}  // namespace b24::reports::html
