// LatencyHistogram against exact answers: nearest-rank percentiles of a sorted std::vector,
// integer sums, hand-computed bucket bounds.
//
// Why 1% is the contract: latency SLOs and capacity plans are stated to two significant figures
// ("p99 under 250 ms"); a 1% error never moves a figure across such a threshold in a way that a
// 1%-different workload would not, and it lets a histogram stay a fixed 29 KB. The design gives
// at most 1/128 ~ 0.78%: a bucket is at most 1/64 as wide as its lowest value and reports its
// midpoint, so the distance to any value in it is at most half of 1/64 of that value. The tests
// check the contract on realistic data and the design bound on the bucket geometry itself.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sim/latency_histogram.hpp"
#include "sim/rng.hpp"
#include "sim/time.hpp"

namespace b24::sim {
namespace {

__extension__ using Exact = unsigned __int128;

constexpr double contract_relative_error = 0.01;
constexpr long double design_relative_error = 1.0L / 128.0L;

struct Percent {
  double p;                         // what the histogram is asked
  std::uint64_t parts_per_million;  // the same p, exactly, for the integer reference
};

constexpr Percent percents[] = {{0, 0},          {1, 10'000},      {10, 100'000},
                                {50, 500'000},   {90, 900'000},    {99, 990'000},
                                {99.9, 999'000}, {99.99, 999'900}, {100, 1'000'000}};

// Nearest rank on the sorted values, in integer arithmetic: the ceil(p/100 * n)-th value.
std::int64_t exact_percentile(const std::vector<std::int64_t>& sorted,
                              std::uint64_t parts_per_million) {
  const std::uint64_t n = sorted.size();
  std::uint64_t rank = (parts_per_million * n + 999'999) / 1'000'000;
  rank = std::max<std::uint64_t>(rank, 1);
  return sorted[rank - 1];
}

long double relative_error(std::int64_t reported, std::int64_t exact) {
  if (exact == 0) return reported == 0 ? 0.0L : std::numeric_limits<long double>::infinity();
  const long double diff = static_cast<long double>(reported) - static_cast<long double>(exact);
  return std::fabs(diff) / static_cast<long double>(exact);
}

std::int64_t log_uniform(Rng& rng) {
  // e^0 .. e^40 ~ 2.4e17: 58 octaves, most of the histogram's range.
  return static_cast<std::int64_t>(std::exp(rng.uniform01() * 40.0));
}

std::int64_t near_int64_max(Rng& rng) {
  return INT64_MAX - static_cast<std::int64_t>(rng.below(std::uint64_t{1} << 40));
}

std::int64_t lognormal_latency(Rng& rng) {
  // Median 50 ms, sigma 1; the normal from a sum of 12 uniforms is plenty for a test.
  double z = -6.0;
  for (int i = 0; i < 12; ++i) z += rng.uniform01();
  return static_cast<std::int64_t>(std::exp(std::log(50'000.0) + z));
}

std::int64_t mixed(Rng& rng) {
  const std::uint64_t pick = rng.below(100);
  if (pick < 10) return 0;
  if (pick < 40) return static_cast<std::int64_t>(rng.below(200));
  if (pick < 99) return log_uniform(rng);
  return near_int64_max(rng);
}

template <class Draw>
std::vector<std::int64_t> draw_values(Rng& rng, int n, Draw draw) {
  std::vector<std::int64_t> values;
  values.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) values.push_back(draw(rng));
  return values;
}

struct Distribution {
  std::string name;
  std::vector<std::int64_t> values;
};

std::vector<Distribution> distributions() {
  constexpr int n = 100'000;
  std::vector<Distribution> out;
  auto make = [&](std::string name, std::uint64_t seed, auto draw) {
    Rng rng(seed);
    out.push_back({std::move(name), draw_values(rng, n, draw)});
  };
  make("log_uniform", 1, log_uniform);
  make("small_exact", 2, [](Rng& rng) { return static_cast<std::int64_t>(rng.below(200)); });
  make("near_int64_max", 3, near_int64_max);
  make("lognormal_latency", 4, lognormal_latency);
  make("mixed", 5, mixed);
  make("constant", 6, [](Rng&) { return std::int64_t{123'456'789}; });
  out.back().values.push_back(INT64_MAX);  // the very top of the range must not be clamped
  return out;
}

LatencyHistogram histogram_of(const std::vector<std::int64_t>& values) {
  LatencyHistogram h;
  for (const std::int64_t v : values) h.record_value(v);
  return h;
}

TEST(LatencyHistogram, PercentilesWithinOnePercentOfExact) {
  for (auto& d : distributions()) {
    SCOPED_TRACE(d.name);
    const LatencyHistogram h = histogram_of(d.values);
    std::sort(d.values.begin(), d.values.end());
    for (const Percent& pc : percents) {
      SCOPED_TRACE(pc.p);
      const std::int64_t exact = exact_percentile(d.values, pc.parts_per_million);
      const std::int64_t reported = h.percentile(pc.p);
      EXPECT_LE(relative_error(reported, exact), contract_relative_error)
          << "exact " << exact << " reported " << reported;
      // Stronger: the right rank was found, so the answer is in the exact value's bucket.
      EXPECT_EQ(LatencyHistogram::bucket_index(reported), LatencyHistogram::bucket_index(exact));
    }
    EXPECT_EQ(h.percentile(0), d.values.front());
    EXPECT_EQ(h.percentile(100), d.values.back());
  }
}

TEST(LatencyHistogram, DecimalPercentilesPickTheNearestRank) {
  // 1,000 widely spread values, so neighbouring ranks usually sit in different buckets and an
  // off-by-one rank (e.g. from 0.3 not being exact in binary) shows up as a different bucket.
  Rng rng(11);
  std::vector<std::int64_t> values = draw_values(rng, 1000, log_uniform);
  const LatencyHistogram h = histogram_of(values);
  std::sort(values.begin(), values.end());
  for (std::uint64_t tenths = 0; tenths <= 1000; ++tenths) {
    const std::int64_t exact = exact_percentile(values, tenths * 1000);
    const std::int64_t reported = h.percentile(static_cast<double>(tenths) / 10.0);
    EXPECT_EQ(LatencyHistogram::bucket_index(reported), LatencyHistogram::bucket_index(exact))
        << "p" << static_cast<double>(tenths) / 10.0;
  }
}

TEST(LatencyHistogram, ValueAtRankMatchesSortedOrder) {
  Rng rng(12);
  std::vector<std::int64_t> values = draw_values(rng, 5000, mixed);
  const LatencyHistogram h = histogram_of(values);
  std::sort(values.begin(), values.end());
  for (std::uint64_t rank = 1; rank <= values.size(); ++rank) {
    const std::int64_t exact = values[rank - 1];
    ASSERT_LE(relative_error(h.value_at_rank(rank), exact), contract_relative_error)
        << "rank " << rank;
  }
}

TEST(LatencyHistogram, WorstCaseValuesStayWithinDesignBound) {
  // One value at the low edge of every bucket: the farthest point from each bucket's midpoint.
  std::vector<std::int64_t> values;
  for (std::size_t i = 0; i < LatencyHistogram::bucket_count; ++i) {
    values.push_back(LatencyHistogram::bucket_low(i));
  }
  const LatencyHistogram h = histogram_of(values);
  long double worst = 0;
  for (std::uint64_t rank = 1; rank <= values.size(); ++rank) {
    worst = std::max(worst, relative_error(h.value_at_rank(rank), values[rank - 1]));
  }
  EXPECT_LE(worst, design_relative_error);
  EXPECT_GT(worst, 0.007L);  // and the bound is tight, so the test does measure something
}

TEST(LatencyHistogram, BucketGeometry) {
  // 128 exact buckets, then octaves 2^7 .. 2^62 with 64 buckets each.
  ASSERT_EQ(LatencyHistogram::bucket_count, 128U + 56U * 64U);
  EXPECT_EQ(LatencyHistogram::bucket_low(0), 0);
  EXPECT_EQ(LatencyHistogram::bucket_high(LatencyHistogram::bucket_count - 1), INT64_MAX);
  for (std::size_t i = 0; i < LatencyHistogram::bucket_count; ++i) {
    SCOPED_TRACE(i);
    const std::int64_t low = LatencyHistogram::bucket_low(i);
    const std::int64_t high = LatencyHistogram::bucket_high(i);
    const std::int64_t rep = LatencyHistogram::bucket_representative(i);
    ASSERT_LE(low, rep);
    ASSERT_LE(rep, high);
    ASSERT_EQ(LatencyHistogram::bucket_index(low), i);
    ASSERT_EQ(LatencyHistogram::bucket_index(high), i);
    if (i > 0) {
      ASSERT_EQ(LatencyHistogram::bucket_high(i - 1), low - 1);  // no gaps, no overlaps
    }
    if (i < 128) {
      ASSERT_EQ(low, high);  // exact
      continue;
    }
    const auto l = static_cast<long double>(low);
    const auto h = static_cast<long double>(high);
    const auto r = static_cast<long double>(rep);
    ASSERT_LE((h - l + 1) * 64, l);               // width <= 1/64 of the bucket's values
    ASSERT_LE(r - l, l * design_relative_error);  // midpoint close to the low edge...
    ASSERT_LE(h - r, h * design_relative_error);  // ...and to the high edge
  }
}

TEST(LatencyHistogram, EveryValueFallsInsideItsBucket) {
  Rng rng(13);
  for (int i = 0; i < 200'000; ++i) {
    // Uniform bit length, then uniform bits: every octave of int64 gets visited.
    const auto bits = static_cast<int>(1 + rng.below(63));  // 1..63: all of int64's range
    const auto v = static_cast<std::int64_t>(rng.next() >> (64 - bits));
    const std::size_t index = LatencyHistogram::bucket_index(v);
    ASSERT_LT(index, LatencyHistogram::bucket_count);
    ASSERT_LE(LatencyHistogram::bucket_low(index), v);
    ASSERT_GE(LatencyHistogram::bucket_high(index), v);
  }
}

TEST(LatencyHistogram, ForEachBucketListsNonEmptyBucketsInOrder) {
  LatencyHistogram h;
  for (const std::int64_t v :
       {std::int64_t{1000}, std::int64_t{5}, std::int64_t{129}, std::int64_t{0}, INT64_MAX,
        std::int64_t{5}, std::int64_t{127}, std::int64_t{128}}) {
    h.record_value(v);
  }
  struct Bucket {
    std::int64_t low;
    std::int64_t high;
    std::uint64_t count;
    bool operator==(const Bucket&) const = default;
  };
  std::vector<Bucket> seen;
  h.for_each_bucket([&](std::int64_t low, std::int64_t high, std::uint64_t count) {
    seen.push_back({low, high, count});
  });
  // Octave [512, 1024) has buckets 8 wide: 1000 = 125 * 8 starts one. The top octave's buckets
  // are 2^56 wide; the last starts at 127 * 2^56.
  const std::vector<Bucket> expected = {{0, 0, 1},       {5, 5, 2},
                                        {127, 127, 1},   {128, 129, 2},
                                        {1000, 1007, 1}, {127LL << 56, INT64_MAX, 1}};
  EXPECT_EQ(seen, expected);
}

TEST(LatencyHistogram, MinMaxMeanAreExact) {
  for (const auto& d : distributions()) {
    SCOPED_TRACE(d.name);
    const LatencyHistogram h = histogram_of(d.values);
    Exact sum = 0;
    for (const std::int64_t v : d.values) sum += static_cast<Exact>(v);
    const long double n = static_cast<long double>(d.values.size());
    EXPECT_EQ(h.count(), d.values.size());
    EXPECT_EQ(h.min(), *std::min_element(d.values.begin(), d.values.end()));
    EXPECT_EQ(h.max(), *std::max_element(d.values.begin(), d.values.end()));
    EXPECT_DOUBLE_EQ(h.mean(), static_cast<double>(static_cast<long double>(sum) / n));
  }
  LatencyHistogram small;
  for (const std::int64_t v : {1, 2, 4}) small.record_value(v);
  EXPECT_DOUBLE_EQ(small.mean(), 7.0 / 3.0);
  // A 64-bit sum would overflow here.
  LatencyHistogram top;
  top.record_value(INT64_MAX, 3);
  top.record_value(INT64_MAX - 2);
  EXPECT_DOUBLE_EQ(top.mean(), 9223372036854775807.0);
}

TEST(LatencyHistogram, MergeEqualsRecordingEverythingInOne) {
  Rng rng(21);
  const std::vector<std::int64_t> a_values = draw_values(rng, 50'000, log_uniform);
  const std::vector<std::int64_t> b_values = draw_values(rng, 30'000, mixed);
  LatencyHistogram a = histogram_of(a_values);
  const LatencyHistogram b = histogram_of(b_values);
  LatencyHistogram all;
  for (const std::int64_t v : a_values) all.record_value(v);
  for (const std::int64_t v : b_values) all.record_value(v);

  LatencyHistogram b_then_a = b;
  b_then_a.merge(a);
  a.merge(b);
  EXPECT_TRUE(a == all);
  EXPECT_TRUE(b_then_a == all);
  EXPECT_EQ(a.count(), 80'000U);
  EXPECT_EQ(a.min(), all.min());
  EXPECT_EQ(a.max(), all.max());
  EXPECT_EQ(a.mean(), all.mean());
  for (const Percent& pc : percents) EXPECT_EQ(a.percentile(pc.p), all.percentile(pc.p));

  LatencyHistogram empty;
  LatencyHistogram into_empty;
  into_empty.merge(all);
  EXPECT_TRUE(into_empty == all);
  all.merge(empty);
  EXPECT_TRUE(into_empty == all);
}

TEST(LatencyHistogram, RepeatedRecordAndDurationOverloads) {
  LatencyHistogram once;
  once.record_value(4242, 5);
  once.record_value(7, 0);  // nothing
  LatencyHistogram repeated;
  for (int i = 0; i < 5; ++i) repeated.record(Duration{4242});
  EXPECT_TRUE(once == repeated);
  EXPECT_EQ(once.count(), 5U);
  EXPECT_EQ(once.min(), 4242);
}

TEST(LatencyHistogram, EmptyHistogramReportsZeros) {
  const LatencyHistogram h;
  EXPECT_EQ(h.count(), 0U);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.mean(), 0.0);
  EXPECT_EQ(h.percentile(0), 0);
  EXPECT_EQ(h.percentile(50), 0);
  EXPECT_EQ(h.percentile(100), 0);
  int buckets = 0;
  h.for_each_bucket([&](std::int64_t, std::int64_t, std::uint64_t) { ++buckets; });
  EXPECT_EQ(buckets, 0);
}

TEST(LatencyHistogram, ClearForgetsEverything) {
  LatencyHistogram h;
  h.record_value(99);
  h.record_value(1'000'000);
  h.clear();
  EXPECT_TRUE(h == LatencyHistogram{});
  h.record_value(300);
  EXPECT_EQ(h.min(), 300);
  EXPECT_EQ(h.percentile(50), 300);
}

TEST(LatencyHistogram, MemoryDoesNotGrowWithRecords) {
  LatencyHistogram h;
  const std::size_t before = h.memory_bytes();
  Rng rng(31);
  for (int i = 0; i < 1'000'000; ++i) h.record_value(mixed(rng));
  EXPECT_EQ(h.memory_bytes(), before);
  // The fixed bucket array and a few scalars: nothing per value.
  EXPECT_LT(before, std::size_t{32} * 1024);
  EXPECT_GE(before, LatencyHistogram::bucket_count * sizeof(std::uint64_t));
}

TEST(LatencyHistogramDeathTest, PreconditionsDie) {
  LatencyHistogram h;
  EXPECT_DEATH(h.record_value(-1), "invariant");
  EXPECT_DEATH((void)h.value_at_rank(1), "invariant");  // empty: no rank exists
  h.record_value(10);
  EXPECT_DEATH((void)h.value_at_rank(0), "invariant");
  EXPECT_DEATH((void)h.value_at_rank(2), "invariant");
  EXPECT_DEATH((void)h.percentile(-0.5), "invariant");
  EXPECT_DEATH((void)h.percentile(100.5), "invariant");
  EXPECT_DEATH((void)h.percentile(std::nan("")), "invariant");
}

}  // namespace
}  // namespace b24::sim
