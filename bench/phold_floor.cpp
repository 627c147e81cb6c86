// b24-phold-floor: the reference for b24-phold. The same PHOLD draws on a bare
// std::priority_queue of (int64 time, sequence << 24 | lp) entries: no handlers, no slots, no
// cancellation. What the kernel adds on top of this is its overhead.

#include <chrono>
#include <cstdio>
#include <queue>

#include "bench/phold_params.hpp"

namespace {

struct Entry {
  std::int64_t time_us;
  std::uint64_t key;  // sequence << 24 | lp, as the kernel orders ties
};
struct Later {
  bool operator()(const Entry& a, const Entry& b) const noexcept {
    return a.time_us != b.time_us ? a.time_us > b.time_us : a.key > b.key;
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"PHOLD floor: a bare std::priority_queue loop"};
  b24::bench::PholdParams params;
  b24::bench::add_phold_options(app, params);
  CLI11_PARSE(app, argc, argv);

  auto streams = b24::bench::make_lp_streams(params);
  std::priority_queue<Entry, std::vector<Entry>, Later> queue;
  std::uint64_t seq = 1;
  for (std::uint32_t lp = 0; lp < params.lps; ++lp) {
    for (std::uint32_t e = 0; e < params.events_per_lp; ++e) {
      queue.push({b24::bench::draw_initial_us(streams[lp], params), (seq++ << 24) | lp});
    }
  }
  const auto end_us = static_cast<std::int64_t>(std::llround(params.end_s * 1e6));
  std::uint64_t handled = 0;
  const auto t0 = std::chrono::steady_clock::now();
  while (!queue.empty() && queue.top().time_us <= end_us) {
    const Entry e = queue.top();
    queue.pop();
    ++handled;
    const auto lp = static_cast<std::uint32_t>(e.key & 0xFFFFFF);
    const auto next = b24::bench::draw_next(streams[lp], params);
    queue.push({e.time_us + next.delay_us, (seq++ << 24) | next.destination});
  }
  const auto t1 = std::chrono::steady_clock::now();
  const double wall_s = std::chrono::duration<double>(t1 - t0).count();
  std::printf("events=%llu simtime=%g\n", static_cast<unsigned long long>(handled), params.end_s);
  std::printf("events/s=%.0f wall_s=%.3f pending=%zu\n", static_cast<double>(handled) / wall_s,
              wall_s, queue.size());
  return 0;
}
