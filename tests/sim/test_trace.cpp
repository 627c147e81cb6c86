#include <gtest/gtest.h>

#include <sstream>

#include "sim/simulator.hpp"

namespace b24::sim {
namespace {

// A small stochastic model: each of 8 entities fires at random intervals and records what it
// drew. Its trace is a function of the seed only.
std::uint64_t run_model(std::uint64_t seed, MemoryTraceSink* sink = nullptr) {
  Simulator sim(seed);
  if (sink != nullptr) sim.trace().add_sink(*sink);
  struct Entity {
    Simulator* sim;
    Rng rng;
    std::string name;
    void fire() {
      const auto wait = Duration{1 + static_cast<std::int64_t>(rng.below(1'000'000))};
      sim->emit("fire", name, {{"wait_us", wait}, {"draw", rng.uniform01()}});
      sim->schedule_in(wait, [this] { fire(); });
    }
  };
  std::vector<Entity> entities;
  entities.reserve(8);
  for (int i = 0; i < 8; ++i) {
    const std::string name = "entity/" + std::to_string(i);
    entities.push_back(Entity{&sim, sim.stream(name), name});
  }
  for (auto& e : entities) sim.schedule_in(Duration{0}, [&e] { e.fire(); });
  sim.run_until(start_instant + 60s);
  return sim.trace().hash();
}

TEST(Trace, SameSeedGivesTheSameHash) {
  EXPECT_EQ(run_model(7), run_model(7));
}

TEST(Trace, DifferentSeedsGiveDifferentHashes) {
  EXPECT_NE(run_model(7), run_model(8));
  EXPECT_NE(run_model(1), run_model(2));
}

TEST(Trace, HashCoversEveryPartOfARecord) {
  auto hash_of = [](Instant t, std::string_view kind, std::string_view entity,
                    std::initializer_list<TraceField> fields) {
    Trace trace;
    trace.emit(t, kind, entity, fields);
    return trace.hash();
  };
  const auto base = hash_of(start_instant + 1s, "k", "e", {{"x", 1}});
  EXPECT_NE(base, hash_of(start_instant + 2s, "k", "e", {{"x", 1}}));
  EXPECT_NE(base, hash_of(start_instant + 1s, "K", "e", {{"x", 1}}));
  EXPECT_NE(base, hash_of(start_instant + 1s, "k", "E", {{"x", 1}}));
  EXPECT_NE(base, hash_of(start_instant + 1s, "k", "e", {{"y", 1}}));
  EXPECT_NE(base, hash_of(start_instant + 1s, "k", "e", {{"x", 2}}));
  EXPECT_NE(base, hash_of(start_instant + 1s, "k", "e", {{"x", 1.0}}));  // type matters
  EXPECT_NE(base, hash_of(start_instant + 1s, "k", "e", {}));
  // Boundaries between strings matter: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(hash_of(start_instant, "ab", "c", {}), hash_of(start_instant, "a", "bc", {}));
}

TEST(Trace, SinksReceiveFormattedRecords) {
  MemoryTraceSink sink;
  Trace trace;
  trace.add_sink(sink);
  trace.emit(start_instant + 1500ms, "scale_out", "dc/fra/asg",
             {{"from", 4}, {"to", 6}, {"cpu", 0.75}, {"reason", "target tracking"}});
  ASSERT_EQ(sink.lines().size(), 1u);
  EXPECT_EQ(sink.lines()[0],
            "00:00:01.500000 scale_out dc/fra/asg from=4 to=6 cpu=0.75 reason=target tracking");
  trace.remove_sink(sink);
  trace.emit(start_instant + 2s, "x", "y");
  EXPECT_EQ(sink.lines().size(), 1u);
  EXPECT_EQ(trace.records(), 2u);
}

TEST(Trace, TextSinkWritesOneLinePerRecord) {
  std::ostringstream out;
  TextTraceSink sink(out);
  Trace trace;
  trace.add_sink(sink);
  trace.emit(start_instant, "a", "b");
  trace.emit(start_instant + 1s, "c", "d", {{"n", -3}});
  EXPECT_EQ(out.str(), "00:00:00.000000 a b\n00:00:01.000000 c d n=-3\n");
}

TEST(Trace, SinksDoNotChangeTheHash) {
  MemoryTraceSink sink;
  EXPECT_EQ(run_model(11, &sink), run_model(11));
  EXPECT_GT(sink.lines().size(), 100u);
}

TEST(Trace, HashIsPrintedAsSixteenHexDigits) {
  EXPECT_EQ(format_hash(0xABCULL), "0000000000000abc");
}

}  // namespace
}  // namespace b24::sim
