#pragma once
// One point of a chart's series.

namespace b24::reports::html {

struct ChartPoint {
  double x = 0.0;  // simulated hours since the start of the run
  double y = 0.0;  // NaN: no value here (a gap in the line)
};

}  // namespace b24::reports::html
