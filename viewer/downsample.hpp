#pragma once
// Thinning a series to what a chart can show: a chart 600 pixels wide shows at most 600 distinct
// columns, while a day of a 17-DC run holds 1,440 to 8,640 samples per series. Averaging would
// flatten a one-minute spike, so each pixel column keeps its minimum and its maximum, in time
// order: the same envelope with at most two points per column.

#include <cstdint>
#include <vector>

#include "viewer/series.hpp"

namespace b24::viewer {

// The points of `series` in [t0_us, t1_us], plus the nearest one outside on each side (so the
// line reaches the edges of the view), reduced to at most two per column of `columns` equal time
// columns. A range holding no more than 2 * columns points is returned unchanged. NaN values
// are kept where a column holds nothing else, so that gaps stay gaps.
[[nodiscard]] std::vector<SeriesPoint> downsample_min_max(const Series& series, std::int64_t t0_us,
                                                          std::int64_t t1_us, int columns);

}  // namespace b24::viewer
