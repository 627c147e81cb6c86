#include "viewer/series.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace b24::viewer {

Series::Series(std::vector<std::int64_t> time_us, std::vector<double> values)
    : time_us_(std::move(time_us)), values_(std::move(values)) {
  if (time_us_.size() != values_.size()) {
    throw std::invalid_argument("Series: times and values differ in length");
  }
}

void Series::append(std::int64_t time_us, double value) {
  time_us_.push_back(time_us);
  values_.push_back(value);
}

std::size_t Series::lower_bound(std::int64_t t) const {
  return static_cast<std::size_t>(std::lower_bound(time_us_.begin(), time_us_.end(), t) -
                                  time_us_.begin());
}

std::optional<double> Series::value_at(std::int64_t t) const {
  const auto after = std::upper_bound(time_us_.begin(), time_us_.end(), t);
  if (after == time_us_.begin()) return std::nullopt;
  const double v = values_[static_cast<std::size_t>(after - time_us_.begin()) - 1];
  if (std::isnan(v)) return std::nullopt;
  return v;
}

std::optional<double> Series::max_value() const {
  std::optional<double> best;
  for (const double v : values_) {
    if (std::isfinite(v) && (!best || v > *best)) best = v;
  }
  return best;
}

}  // namespace b24::viewer
