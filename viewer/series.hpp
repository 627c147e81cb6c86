#pragma once
// One recorded time series (an entity's metric, as the run database's samples table holds it),
// kept as two parallel arrays so that a day of 10-second samples is two flat vectors, and the
// questions the replay asks of it: the value in force at an instant, and the points in a range.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace b24::viewer {

struct SeriesPoint {
  std::int64_t time_us = 0;
  double value = 0.0;  // NaN where the database has NULL
};

class Series {
 public:
  Series() = default;
  // `time_us` must be non-decreasing (the recorder asserts it when writing).
  Series(std::vector<std::int64_t> time_us, std::vector<double> values);

  void append(std::int64_t time_us, double value);

  [[nodiscard]] bool empty() const noexcept { return time_us_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return time_us_.size(); }
  [[nodiscard]] SeriesPoint at(std::size_t i) const { return {time_us_[i], values_[i]}; }
  [[nodiscard]] const std::vector<std::int64_t>& times() const noexcept { return time_us_; }
  [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }

  // The value in force at `t`: the last sample at or before `t` (a sample describes the state
  // from its instant on). nullopt before the first sample or when that sample is NaN.
  [[nodiscard]] std::optional<double> value_at(std::int64_t t) const;
  // Index of the first sample at or after `t` (size() when there is none).
  [[nodiscard]] std::size_t lower_bound(std::int64_t t) const;
  // The largest finite value (nullopt when there is none).
  [[nodiscard]] std::optional<double> max_value() const;

 private:
  std::vector<std::int64_t> time_us_;
  std::vector<double> values_;
};

}  // namespace b24::viewer
