#include "sim/latency_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace b24::sim {

namespace {

// The 1-based rank of the nearest-rank p-th percentile among n values: ceil(p/100 * n), at least 1.
std::uint64_t nearest_rank(double p, std::uint64_t n) {
  const double target = p * static_cast<double>(n) / 100.0;
  // p usually comes from a decimal literal (99.9) whose binary value is off by an ulp; when p% of
  // n is a whole number that ulp would push ceil() one rank too far. Targets within a relative
  // 1e-12 of an integer are taken as that integer (above 1e12 values that may be a rank or so
  // below the strict ceiling, which no percentile can tell apart).
  const double nearest = std::round(target);
  const double rank = std::fabs(target - nearest) <= 1e-12 * nearest ? nearest : std::ceil(target);
  if (rank <= 1.0) return 1;
  if (rank >= static_cast<double>(n)) return n;  // also keeps the cast below defined
  return static_cast<std::uint64_t>(rank);
}

}  // namespace

LatencyHistogram::LatencyHistogram() : counts_(bucket_count, 0) {}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  B24_ASSERT(other.count_ <= UINT64_MAX - count_);
  for (std::size_t i = 0; i < bucket_count; ++i) counts_[i] += other.counts_[i];
  if (count_ == 0) {
    min_ = other.min_;
    max_ = other.max_;
  } else {
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
  }
  count_ += other.count_;
  sum_ += other.sum_;
}

void LatencyHistogram::clear() {
  std::fill(counts_.begin(), counts_.end(), 0);
  count_ = 0;
  min_ = 0;
  max_ = 0;
  sum_ = 0;
}

double LatencyHistogram::mean() const noexcept {
  if (count_ == 0) return 0.0;
  return static_cast<double>(static_cast<long double>(sum_) / static_cast<long double>(count_));
}

std::int64_t LatencyHistogram::percentile(double p) const {
  B24_ASSERT_MSG(p >= 0.0, "percentile below 0 (or NaN)");
  B24_ASSERT_MSG(p <= 100.0, "percentile above 100");
  if (count_ == 0) return 0;
  return value_at_rank(nearest_rank(p, count_));
}

std::int64_t LatencyHistogram::value_at_rank(std::uint64_t rank) const {
  B24_ASSERT_MSG(rank >= 1, "ranks are 1-based");
  B24_ASSERT_MSG(rank <= count_, "rank beyond the number of recorded values");
  // The extremes are known exactly; a bucket midpoint would be up to 0.78% off.
  if (rank == 1) return min_;
  if (rank == count_) return max_;
  std::uint64_t seen = 0;
  const std::size_t last = bucket_index(max_);
  for (std::size_t i = bucket_index(min_); i <= last; ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(bucket_representative(i), min_, max_);
  }
  B24_ASSERT_MSG(false, "bucket counts do not add up to count()");
  return max_;
}

std::size_t LatencyHistogram::memory_bytes() const noexcept {
  return sizeof(*this) + counts_.capacity() * sizeof(std::uint64_t);
}

std::int64_t LatencyHistogram::bucket_low(std::size_t index) noexcept {
  B24_ASSERT(index < bucket_count);
  if (index < static_cast<std::size_t>(exact_limit)) return static_cast<std::int64_t>(index);
  const auto row = static_cast<std::size_t>(sub_bucket_count);
  const auto shift = static_cast<int>(index / row) - 1;
  const std::uint64_t mantissa = index % row + row;  // 64..127: the top 7 bits of the value
  return static_cast<std::int64_t>(mantissa << shift);
}

std::int64_t LatencyHistogram::bucket_high(std::size_t index) noexcept {
  if (index < static_cast<std::size_t>(exact_limit)) return static_cast<std::int64_t>(index);
  const auto shift = static_cast<int>(index / static_cast<std::size_t>(sub_bucket_count)) - 1;
  // In unsigned arithmetic: for the top bucket low + width is 2^63, one past INT64_MAX.
  const auto low = static_cast<std::uint64_t>(bucket_low(index));
  return static_cast<std::int64_t>(low + (std::uint64_t{1} << shift) - 1);
}

std::int64_t LatencyHistogram::bucket_representative(std::size_t index) noexcept {
  if (index < static_cast<std::size_t>(exact_limit)) return static_cast<std::int64_t>(index);
  const auto shift = static_cast<int>(index / static_cast<std::size_t>(sub_bucket_count)) - 1;
  return bucket_low(index) + (std::int64_t{1} << (shift - 1));
}

}  // namespace b24::sim
