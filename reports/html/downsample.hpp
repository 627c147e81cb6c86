#pragma once
// Thinning a long time series for a chart without hiding its spikes: a day sampled every 10 s
// is 8,640 points, a chart 480 units wide shows at most a few hundred distinct ones. Averaging
// would flatten a one-minute latency spike; keeping each bucket's minimum and maximum (in time
// order) draws the same envelope with a fraction of the points.

#include <cstddef>
#include <vector>

#include "reports/html/chart_point.hpp"

namespace b24::reports::html {

// At most `max_points` points (at least 4 are kept): the first and the last point, and for each
// of (max_points - 2) / 2 equal-count buckets in between, its minimum and its maximum in time
// order. NaN values are gaps: a bucket holding only NaN keeps one NaN point, so the gap stays.
// A series already short enough is returned unchanged.
[[nodiscard]] std::vector<ChartPoint> downsample_min_max(const std::vector<ChartPoint>& points,
                                                         std::size_t max_points);

}  // namespace b24::reports::html
