#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "sim/simulator.hpp"

// GCC cannot see that these replacements pair malloc with free and warns at inlined call sites.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

// Counting global allocator for this test binary: proves that the scheduling hot path does not
// allocate once the pool has grown.
namespace {
std::atomic<long> g_allocations{0};
}
void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  const auto al = static_cast<std::size_t>(a);
  if (void* p = std::aligned_alloc(al, (n + al - 1) / al * al)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}

namespace b24::sim {
namespace {

TEST(Simulator, RunsEventsInTimeOrder) {
  Simulator sim;
  std::vector<int> order;
  sim.schedule_at(start_instant + 3s, [&] { order.push_back(3); });
  sim.schedule_at(start_instant + 1s, [&] { order.push_back(1); });
  sim.schedule_at(start_instant + 2s, [&] { order.push_back(2); });
  sim.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(sim.now(), start_instant + 3s);
  EXPECT_EQ(sim.events_handled(), 3u);
}

TEST(Simulator, SimultaneousEventsRunInSchedulingOrder) {
  Simulator sim;
  std::vector<int> order;
  for (int i = 0; i < 100; ++i)
    sim.schedule_at(start_instant + 5s, [&order, i] { order.push_back(i); });
  // Scheduled from inside an event at the same instant: runs after the ones already queued.
  sim.schedule_at(start_instant + 5s,
                  [&] { sim.schedule_in(Duration{0}, [&] { order.push_back(1000); }); });
  sim.run();
  ASSERT_EQ(order.size(), 101u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
  EXPECT_EQ(order.back(), 1000);
}

TEST(Simulator, CancelledEventIsSkipped) {
  Simulator sim;
  int ran = 0;
  const EventHandle a = sim.schedule_in(1s, [&] { ran += 1; });
  const EventHandle b = sim.schedule_in(2s, [&] { ran += 10; });
  EXPECT_TRUE(sim.is_pending(a));
  EXPECT_TRUE(sim.cancel(a));
  EXPECT_FALSE(sim.is_pending(a));
  EXPECT_FALSE(sim.cancel(a));  // twice is harmless
  EXPECT_EQ(sim.events_pending(), 1u);
  sim.run();
  EXPECT_EQ(ran, 10);
  EXPECT_FALSE(sim.cancel(b));  // already ran
  EXPECT_EQ(sim.events_handled(), 1u);
}

TEST(Simulator, StaleHandleCannotCancelANewerEventInTheSameSlot) {
  Simulator sim;
  int ran = 0;
  const EventHandle old = sim.schedule_in(1s, [&] { ++ran; });
  sim.run();
  // The pool reuses the freed slot for the next event.
  const EventHandle fresh = sim.schedule_in(1s, [&] { ++ran; });
  EXPECT_EQ(fresh.slot, old.slot);
  EXPECT_FALSE(sim.cancel(old));
  sim.run();
  EXPECT_EQ(ran, 2);
}

TEST(Simulator, CancelDestroysTheHandlerAtOnce) {
  Simulator sim;
  auto token = std::make_shared<int>(7);
  const EventHandle h = sim.schedule_in(1h, [token] { (void)token; });
  EXPECT_EQ(token.use_count(), 2);
  sim.cancel(h);
  EXPECT_EQ(token.use_count(), 1);
}

TEST(Simulator, ManyCancellationsCompactTheQueue) {
  Simulator sim;
  int ran = 0;
  std::vector<EventHandle> handles;
  for (int i = 0; i < 10'000; ++i)
    handles.push_back(sim.schedule_in(Duration{i + 1}, [&] { ++ran; }));
  for (int i = 0; i < 10'000; ++i) {
    if (i % 10 != 0) {
      EXPECT_TRUE(sim.cancel(handles[static_cast<std::size_t>(i)]));
    }
  }
  EXPECT_EQ(sim.events_pending(), 1'000u);
  sim.run();
  EXPECT_EQ(ran, 1'000);
  EXPECT_EQ(sim.events_handled(), 1'000u);
}

TEST(Simulator, RunUntilStopsAtTheLimitAndAdvancesTheClock) {
  Simulator sim;
  std::vector<int> order;
  sim.schedule_at(start_instant + 1s, [&] { order.push_back(1); });
  sim.schedule_at(start_instant + 2s, [&] { order.push_back(2); });  // at the limit: runs
  sim.schedule_at(start_instant + 3s, [&] { order.push_back(3); });
  sim.run_until(start_instant + 2s);
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
  sim.run_until(start_instant + 2500ms);
  EXPECT_EQ(sim.now(), start_instant + 2500ms);
  EXPECT_EQ(sim.events_pending(), 1u);
  sim.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(Simulator, StopEndsTheRunAfterTheCurrentEvent) {
  Simulator sim;
  int ran = 0;
  sim.schedule_in(1s, [&] {
    ++ran;
    sim.stop();
  });
  sim.schedule_in(1s, [&] { ++ran; });
  sim.run();
  EXPECT_EQ(ran, 1);
  EXPECT_TRUE(sim.stopped());
  sim.run();  // a new run continues where the last one stopped
  EXPECT_EQ(ran, 2);
}

TEST(Simulator, StepRunsOneEvent) {
  Simulator sim;
  int ran = 0;
  sim.schedule_in(1s, [&] { ++ran; });
  sim.schedule_in(2s, [&] { ++ran; });
  EXPECT_TRUE(sim.step());
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(sim.now(), start_instant + 1s);
  EXPECT_EQ(sim.next_event_time(), start_instant + 2s);
  EXPECT_TRUE(sim.step());
  EXPECT_FALSE(sim.step());
}

TEST(Simulator, SchedulingIntoThePastDies) {
  EXPECT_DEATH(
      {
        Simulator sim;
        sim.run_until(start_instant + 10s);
        sim.schedule_at(start_instant + 5s, [] {});
      },
      "invariant broken");
}

TEST(Simulator, PendingHandlersAreDestroyedWithTheSimulator) {
  auto token = std::make_shared<int>(1);
  {
    Simulator sim;
    sim.schedule_in(1s, [token] { (void)token; });
    sim.schedule_in(2s, [token] { (void)token; });
    EXPECT_EQ(token.use_count(), 3);
  }
  EXPECT_EQ(token.use_count(), 1);
}

// A self-rescheduling event keeps a constant number pending, as a model in steady state does:
// after warm-up the pool and heap never grow, so no event allocates.
TEST(Simulator, SteadyStateSchedulingDoesNotAllocate) {
  Simulator sim(3);
  struct Ping {
    Simulator* sim;
    std::int64_t period_us;
    void operator()() const { sim->schedule_in(Duration{period_us}, *this); }
  };
  for (int i = 0; i < 512; ++i) sim.schedule_in(Duration{i}, Ping{&sim, 1000 + 10 * i});
  sim.run_until(start_instant + 1s);  // warm-up: the pool reaches its peak
  const long before = g_allocations.load();
  sim.run_until(start_instant + 3s);
  const long after = g_allocations.load();
  EXPECT_GT(sim.events_handled(), 100'000u);
  EXPECT_EQ(after - before, 0);
}

TEST(Simulator, NamedStreamsDependOnSeedAndNameOnly) {
  Simulator a(42);
  Simulator b(42);
  Simulator c(43);
  Rng a1 = a.stream("dc/fra/web");
  Rng b1 = b.stream("dc/fra/web");
  Rng c1 = c.stream("dc/fra/web");
  const auto x = a1.next();
  EXPECT_EQ(x, b1.next());
  EXPECT_NE(x, c1.next());
}

}  // namespace
}  // namespace b24::sim

namespace b24::sim {
namespace {

// Growing the slot pool moves pending handlers; one that points into itself (a std::string in
// its small-string buffer) must still be intact afterwards. Under the sanitizers a byte-wise move
// would read freed memory here.
TEST(Simulator, HandlersSurviveTheSlotPoolGrowing) {
  Simulator sim(1);
  std::string seen;
  sim.schedule_in(std::chrono::seconds{1}, [&seen, text = std::string("short")] { seen += text; });
  for (int i = 0; i < 10'000; ++i) sim.schedule_in(std::chrono::seconds{2}, [] {});
  sim.run();
  EXPECT_EQ(seen, "short");
}

}  // namespace
}  // namespace b24::sim
