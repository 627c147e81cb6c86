#include "sim/rng.hpp"

#include "sim/assert.hpp"

namespace b24::sim {

Rng::Rng(std::uint64_t seed) noexcept : s_{}, seed_(seed) {
  std::uint64_t sm = seed;
  for (auto& word : s_) word = splitmix64(sm);
  // xoshiro's only forbidden state is all zeros; SplitMix64 cannot produce four zero words in a
  // row, but the generator would be stuck forever if it did.
  B24_ASSERT((s_[0] | s_[1] | s_[2] | s_[3]) != 0);
}

Rng Rng::stream(std::uint64_t run_seed, std::string_view name) noexcept {
  // Mix the seed before combining so that (seed, name) pairs do not cancel out linearly.
  std::uint64_t seed_state = run_seed;
  std::uint64_t mix = splitmix64(seed_state) ^ hash_name(name);
  return Rng(splitmix64(mix));
}

Rng Rng::substream(std::string_view name) const noexcept {
  std::uint64_t seed_state = seed_;
  std::uint64_t mix = splitmix64(seed_state) ^ hash_name(name);
  return Rng(splitmix64(mix));
}

}  // namespace b24::sim
