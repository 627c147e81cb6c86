#pragma once
// Deterministic random streams. One run seed; every component draws from its own named
// stream, derived by hashing the name with the seed, so adding an entity never shifts another
// entity's draws (common random numbers across capacity plans).
//
// The generator is xoshiro256** (Blackman & Vigna): 32 bytes of state, so thousands of
// per-entity streams stay in cache (1,024 mt19937_64 states would be 2.6 MB).

#include <cstdint>
#include <string_view>

namespace b24::sim {

// GCC and Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ using Uint128 = unsigned __int128;

// SplitMix64 step: used to expand seeds and to mix hashes.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// FNV-1a over the bytes of a name: stable across platforms and compilers.
[[nodiscard]] constexpr std::uint64_t hash_name(std::string_view name) noexcept {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : name) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

class Rng {
 public:
  using result_type = std::uint64_t;

  // Seeds the four words of state from SplitMix64, as the xoshiro authors recommend.
  explicit Rng(std::uint64_t seed) noexcept;

  // The stream called `name` under run seed `run_seed`.
  [[nodiscard]] static Rng stream(std::uint64_t run_seed, std::string_view name) noexcept;
  // A child stream (e.g. "dc/fra" -> "dc/fra/web"), independent of how many draws this one made.
  [[nodiscard]] Rng substream(std::string_view name) const noexcept;

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return UINT64_MAX; }

  result_type operator()() noexcept { return next(); }

  result_type next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform01() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1]: safe to take the logarithm of.
  double uniform01_open_zero() noexcept {
    return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53;
  }
  // Uniform integer in [0, n), n > 0, without modulo bias (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t n) noexcept;

  [[nodiscard]] std::uint64_t identity() const noexcept { return seed_; }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
    return (x << k) | (x >> (64 - k));
  }
  std::uint64_t s_[4];
  std::uint64_t seed_;  // what this stream was derived from, for substreams
};

inline std::uint64_t Rng::below(std::uint64_t n) noexcept {
  Uint128 m = static_cast<Uint128>(next()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) [[unlikely]] {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<Uint128>(next()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace b24::sim
