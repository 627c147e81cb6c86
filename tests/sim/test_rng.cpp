#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <random>
#include <vector>

#include "sim/rng.hpp"

namespace b24::sim {
namespace {

static_assert(std::uniform_random_bit_generator<Rng>);

constexpr std::uint64_t run_seed = 20240601;

std::vector<std::uint64_t> draw(Rng rng, int count) {
  std::vector<std::uint64_t> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back(rng.next());
  return out;
}

// Independent transcriptions of the published reference algorithms (Vigna's splitmix64.c and
// Blackman & Vigna's xoshiro256starstar.c), written from the papers, not from sim/rng.hpp, so
// a shared mistake cannot cancel out.
namespace reference {

std::uint64_t splitmix64_next(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

std::uint64_t rotl(const std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

struct Xoshiro256StarStar {
  std::array<std::uint64_t, 4> s;

  std::uint64_t next() {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
};

Xoshiro256StarStar seeded_by_splitmix64(std::uint64_t seed) {
  Xoshiro256StarStar g{};
  for (auto& word : g.s) word = splitmix64_next(seed);
  return g;
}

}  // namespace reference

TEST(RngGolden, SplitMix64ReferenceMatchesPublishedOutputs) {
  // The first outputs of SplitMix64 from state 0 as printed by the reference splitmix64.c:
  // checks the test's own reference before the next test relies on it.
  std::uint64_t x = 0;
  EXPECT_EQ(reference::splitmix64_next(x), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(reference::splitmix64_next(x), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(reference::splitmix64_next(x), 0x06c45d188009454fULL);
  EXPECT_EQ(reference::splitmix64_next(x), 0xf88bb8a8724c81ecULL);
}

TEST(RngGolden, FirstOutputsOfSeedZeroMatchReferenceXoshiro256StarStar) {
  auto ref = reference::seeded_by_splitmix64(0);
  Rng rng(0);
  const std::uint64_t first = ref.next();
  EXPECT_EQ(rng.next(), first);
  // The value itself (computed once with an independent Python transcription of the same two
  // reference algorithms), so the check survives a change to both C++ implementations at once.
  EXPECT_EQ(first, 0x99ec5f36cb75f2b4ULL);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(rng.next(), ref.next()) << "at output " << i + 1;
}

TEST(RngGolden, SplitMix64AndHashNameMatchReferences) {
  std::uint64_t ours = 12345;
  std::uint64_t ref = 12345;
  for (int i = 0; i < 8; ++i) EXPECT_EQ(splitmix64(ours), reference::splitmix64_next(ref));
  // FNV-1a 64-bit test vectors from the FNV reference test suite.
  EXPECT_EQ(hash_name(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(hash_name("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(hash_name("foobar"), 0x85944171f73967e8ULL);
}

TEST(RngStreams, SameSeedAndNameGiveSameSequence) {
  EXPECT_EQ(draw(Rng::stream(run_seed, "dc/fra/web"), 1000),
            draw(Rng::stream(run_seed, "dc/fra/web"), 1000));
  EXPECT_EQ(draw(Rng(7), 1000), draw(Rng(7), 1000));
}

TEST(RngStreams, DifferentNamesOrSeedsGiveDifferentSequences) {
  const auto base = draw(Rng::stream(run_seed, "dc/fra/web"), 64);
  const auto other_name = draw(Rng::stream(run_seed, "dc/fra/db"), 64);
  const auto one_char = draw(Rng::stream(run_seed, "dc/fra/weB"), 64);
  const auto other_seed = draw(Rng::stream(run_seed + 1, "dc/fra/web"), 64);
  // Distinct 64-bit outputs from a good generator never coincide by chance (p ~ 64 * 2^-64);
  // compare element-wise so a stream that is a shifted copy of another is caught too.
  for (const auto* other : {&other_name, &one_char, &other_seed}) {
    int equal = 0;
    for (std::size_t i = 0; i < base.size(); ++i) equal += base[i] == (*other)[i] ? 1 : 0;
    EXPECT_EQ(equal, 0);
    EXPECT_NE(std::vector(base.begin() + 1, base.end()),
              std::vector(other->begin(), other->end() - 1));
  }
}

TEST(RngStreams, AddingAStreamDoesNotChangeAnother) {
  // Plan A has one entity; plan B adds a second one, created first and drawn from in between.
  // The first entity must see the same numbers in both plans (common random numbers).
  const auto plan_a = draw(Rng::stream(run_seed, "tenant/42"), 500);

  Rng added = Rng::stream(run_seed, "tenant/43");
  Rng tenant = Rng::stream(run_seed, "tenant/42");
  std::vector<std::uint64_t> plan_b;
  for (int i = 0; i < 500; ++i) {
    (void)added.next();
    plan_b.push_back(tenant.next());
    (void)added.next();
  }
  EXPECT_EQ(plan_a, plan_b);
}

TEST(RngStreams, SubstreamDoesNotDependOnParentDrawCount) {
  const Rng fresh = Rng::stream(run_seed, "dc/fra");
  Rng used = fresh;
  for (int i = 0; i < 12345; ++i) (void)used.next();
  EXPECT_EQ(draw(fresh.substream("web"), 200), draw(used.substream("web"), 200));
  EXPECT_EQ(used.identity(), fresh.identity());
}

TEST(RngStreams, SubstreamsDifferFromParentSiblingsAndCousins) {
  const Rng fra = Rng::stream(run_seed, "dc/fra");
  const Rng ams = Rng::stream(run_seed, "dc/ams");
  const auto parent = draw(fra, 64);
  const auto web = draw(fra.substream("web"), 64);
  const auto db = draw(fra.substream("db"), 64);
  const auto cousin = draw(ams.substream("web"), 64);
  EXPECT_NE(web, parent);
  EXPECT_NE(web, db);
  EXPECT_NE(web, cousin);
  EXPECT_NE(draw(fra.substream("web").substream("web"), 64), web);
}

TEST(RngBelow, StaysInRangeForAwkwardBounds) {
  Rng rng = Rng::stream(run_seed, "below/range");
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(rng.below(1), 0u);
  // 3 and 2^63 + 1 make the rejection threshold non-trivial; UINT64_MAX is the largest n.
  for (const std::uint64_t n : {std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{1000003},
                                (std::uint64_t{1} << 63) + 1, UINT64_MAX}) {
    std::uint64_t largest = 0;
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t x = rng.below(n);
      ASSERT_LT(x, n);
      largest = std::max(largest, x);
    }
    // Not stuck low: the largest of 20,000 draws is in the top 1% except with p = 0.99^20000.
    EXPECT_GE(static_cast<double>(largest), 0.99 * static_cast<double>(n - 1));
  }
}

TEST(RngBelow, ChiSquareOverTenBinsIsUniform) {
  // Pearson's chi-square with 10 bins has 9 degrees of freedom; its upper 1e-6 quantile is
  // 44.81 (significance level 1e-6, the same order as the z = 5 bounds in the distribution
  // tests). The seed is fixed, so the test is deterministic.
  constexpr int bins = 10;
  constexpr int n = 1'000'000;
  constexpr double critical_df9_p1e6 = 44.81;
  Rng rng = Rng::stream(run_seed, "below/chi2");
  std::array<int, bins> counts{};
  for (int i = 0; i < n; ++i) ++counts[rng.below(bins)];
  const double expected = static_cast<double>(n) / bins;
  double chi2 = 0.0;
  for (const int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, critical_df9_p1e6);
}

TEST(RngUniform, Uniform01IsOnThe53BitGridInHalfOpenUnitInterval) {
  // Every value must be k * 2^-53 with k in [0, 2^53 - 1]: a mapping that could round up to
  // 1.0 (e.g. next() * 2^-64) produces off-grid values, which this catches on ordinary draws.
  Rng rng = Rng::stream(run_seed, "uniform01");
  constexpr int n = 200'000;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    const double k = u * 0x1.0p53;
    ASSERT_EQ(k, std::floor(k)) << u;
    sum += u;
  }
  // Uniform(0,1) has variance 1/12; z = 5 bound on the mean.
  EXPECT_NEAR(sum / n, 0.5, 5.0 * std::sqrt(1.0 / 12.0 / n));
}

TEST(RngUniform, Uniform01OpenZeroIsOnThe53BitGridInOpenClosedUnitInterval) {
  Rng rng = Rng::stream(run_seed, "uniform01_open_zero");
  constexpr int n = 200'000;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform01_open_zero();
    ASSERT_GT(u, 0.0);
    ASSERT_LE(u, 1.0);
    const double k = u * 0x1.0p53;
    ASSERT_EQ(k, std::floor(k)) << u;
    ASSERT_TRUE(std::isfinite(std::log(u)));
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 5.0 * std::sqrt(1.0 / 12.0 / n));
}

TEST(RngUniform, BothUniformsUseTheTop53BitsOfOneDraw) {
  // The exact mapping is what makes the interval ends hold: top 53 bits k give k * 2^-53 in
  // [0, 1) and (k + 1) * 2^-53 in (0, 1].
  Rng a = Rng::stream(run_seed, "mapping");
  Rng b = a;
  Rng c = a;
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t k = c.next() >> 11;
    ASSERT_EQ(a.uniform01(), static_cast<double>(k) * 0x1.0p-53);
    ASSERT_EQ(b.uniform01_open_zero(), static_cast<double>(k + 1) * 0x1.0p-53);
  }
  EXPECT_LT(static_cast<double>(UINT64_MAX >> 11) * 0x1.0p-53, 1.0);
}

}  // namespace
}  // namespace b24::sim
