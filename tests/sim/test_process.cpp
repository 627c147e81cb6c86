#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/process.hpp"

namespace b24::sim {
namespace {

Process ticker(Simulator& sim, std::vector<std::string>& log, std::string name, Duration period,
               int count) {
  for (int i = 0; i < count; ++i) {
    co_await delay(sim, period);
    log.push_back(name + "@" + format_instant(sim.now()));
  }
}

TEST(Process, DelaysAdvanceSimulatedTime) {
  Simulator sim;
  std::vector<std::string> log;
  sim.spawn(ticker(sim, log, "a", 30s, 3));
  EXPECT_EQ(sim.processes_alive(), 1u);
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"a@00:00:30.000000", "a@00:01:00.000000",
                                           "a@00:01:30.000000"}));
  EXPECT_EQ(sim.processes_alive(), 0u);  // finished frames are freed
}

TEST(Process, ProcessesInterleaveInTimeThenSpawnOrder) {
  Simulator sim;
  std::vector<std::string> log;
  sim.spawn(ticker(sim, log, "a", 2s, 2));
  sim.spawn(ticker(sim, log, "b", 1s, 4));
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"b@00:00:01.000000", "a@00:00:02.000000",
                                           "b@00:00:02.000000", "b@00:00:03.000000",
                                           "a@00:00:04.000000", "b@00:00:04.000000"}));
}

struct Mailbox {
  explicit Mailbox(Simulator& sim) : changed(sim) {}
  std::vector<int> items;
  Signal changed;
};

Process consumer(Simulator& sim, Mailbox& box, std::vector<std::string>& log) {
  for (int received = 0; received < 3; ++received) {
    while (box.items.empty()) co_await box.changed.wait();
    log.push_back(std::to_string(box.items.front()) + "@" + format_instant(sim.now()));
    box.items.erase(box.items.begin());
  }
}

TEST(Process, WaitsOnASignalUntilAConditionHolds) {
  Simulator sim;
  Mailbox box(sim);
  std::vector<std::string> log;
  sim.spawn(consumer(sim, box, log));
  for (int i = 1; i <= 3; ++i) {
    sim.schedule_at(start_instant + Duration{std::chrono::seconds{10 * i}}, [&box, i] {
      box.items.push_back(i);
      box.changed.notify_all();
    });
  }
  // A spurious notification with nothing in the box: the consumer re-checks and waits again.
  sim.schedule_at(start_instant + 5s, [&box] { box.changed.notify_all(); });
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"1@00:00:10.000000", "2@00:00:20.000000",
                                           "3@00:00:30.000000"}));
}

Process waiter(Signal& s, std::vector<int>& woke, int id) {
  co_await s.wait();
  woke.push_back(id);
}

TEST(Process, NotifyOneWakesWaitersInFifoOrder) {
  Simulator sim;
  Signal s(sim);
  std::vector<int> woke;
  for (int id = 0; id < 3; ++id) sim.spawn(waiter(s, woke, id));
  sim.run();  // all three are now waiting
  EXPECT_EQ(s.waiting(), 3u);
  EXPECT_TRUE(s.notify_one());
  sim.run();
  EXPECT_EQ(woke, (std::vector<int>{0}));
  EXPECT_EQ(s.notify_all(), 2u);
  sim.run();
  EXPECT_EQ(woke, (std::vector<int>{0, 1, 2}));
  EXPECT_FALSE(s.notify_one());
}

Process failing(Simulator& sim) {
  co_await delay(sim, 1s);
  throw std::runtime_error("model bug");
}

TEST(Process, AnExceptionInAProcessStopsTheRun) {
  Simulator sim;
  sim.spawn(failing(sim));
  EXPECT_THROW(sim.run(), std::runtime_error);
  EXPECT_EQ(sim.processes_alive(), 0u);
}

TEST(Process, SuspendedFramesAreFreedWithTheSimulator) {
  auto token = std::make_shared<int>(0);
  {
    Simulator sim;
    Signal never(sim);
    auto forever = [](Signal& s, std::shared_ptr<int> t) -> Process {
      co_await s.wait();
      (void)t;
    };
    sim.spawn(forever(never, token));
    sim.run();
    EXPECT_EQ(sim.processes_alive(), 1u);
    EXPECT_EQ(token.use_count(), 2);
  }
  EXPECT_EQ(token.use_count(), 1);  // LeakSanitizer also checks the frame itself
}

}  // namespace
}  // namespace b24::sim
