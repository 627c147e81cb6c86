#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "models/partition.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

// A chain fra - waw - mow plus a spur fra - par: cutting fra-waw or waw-mow splits it.
TopologyParams chain() {
  auto dc = [](std::string name, double lat, double lon) {
    return DcSpec{.name = name,
                  .city = name,
                  .latitude_deg = lat,
                  .longitude_deg = lon,
                  .utc_offset = 1h,
                  .jurisdiction = "EU"};
  };
  TopologyParams p;
  p.dcs = {dc("fra", 50.1109, 8.6821), dc("waw", 52.2297, 21.0122), dc("mow", 55.7558, 37.6173),
           dc("par", 48.8566, 2.3522)};
  for (const char* pair : {"fra waw", "waw mow", "fra par"}) {
    LinkSpec l;
    l.a = std::string(pair, 3);
    l.b = std::string(pair + 4, 3);
    p.links.push_back(l);
  }
  return p;
}

constexpr LinkId fra_waw{0};
constexpr LinkId waw_mow{1};
constexpr DcId fra{0};
constexpr DcId mow{2};

using testing::at;

TEST(PartitionWindow, IsActiveFromStartUntilJustBeforeEnd) {
  const PartitionWindow w{{fra_waw}, at(1h), at(4h)};
  EXPECT_FALSE(w.active_at(at(1h) - 1us));
  EXPECT_TRUE(w.active_at(at(1h)));
  EXPECT_TRUE(w.active_at(at(4h) - 1us));
  EXPECT_FALSE(w.active_at(at(4h)));
}

TEST(PartitionScheduler, CutsAtStartAndHealsAtEnd) {
  sim::Simulator sim(1);
  sim::MemoryTraceSink trace;
  sim.trace().add_sink(trace);
  Topology topo(chain());
  PartitionScheduler partitions(sim, topo);
  EXPECT_EQ(partitions.add({{fra_waw}, at(1h), at(4h)}), 0u);

  sim.run_until(at(1h) - 1us);
  EXPECT_TRUE(topo.reachable(fra, mow));
  EXPECT_EQ(partitions.windows_started(), 0u);
  sim.run_until(at(1h));
  EXPECT_FALSE(topo.link_up(fra_waw));
  EXPECT_FALSE(topo.reachable(fra, mow));
  EXPECT_EQ(topo.component_count(), 2u);
  EXPECT_EQ(partitions.cut_depth(fra_waw), 1u);
  sim.run_until(at(4h) - 1us);
  EXPECT_FALSE(topo.reachable(fra, mow));
  sim.run_until(at(4h));
  EXPECT_TRUE(topo.link_up(fra_waw));
  EXPECT_TRUE(topo.reachable(fra, mow));
  EXPECT_EQ(partitions.windows_started(), 1u);
  EXPECT_EQ(partitions.windows_healed(), 1u);
  sim.trace().remove_sink(trace);
  ASSERT_EQ(trace.lines().size(), 2u);
  EXPECT_NE(trace.lines()[0].find("link_down fra-waw"), std::string::npos) << trace.lines()[0];
  EXPECT_NE(trace.lines()[1].find("link_up fra-waw"), std::string::npos) << trace.lines()[1];
}

TEST(PartitionScheduler, OverlappingWindowsHealALinkOnlyWhenTheLastEnds) {
  sim::Simulator sim(1);
  Topology topo(chain());
  PartitionScheduler partitions(sim, topo);
  partitions.add({{fra_waw}, at(1h), at(3h)});
  partitions.add({{waw_mow, fra_waw}, at(2h), at(5h)});

  sim.run_until(at(2h));
  EXPECT_EQ(partitions.cut_depth(fra_waw), 2u);
  EXPECT_FALSE(topo.link_up(waw_mow));
  sim.run_until(at(3h));  // the first window ends; the second still holds fra-waw
  EXPECT_EQ(partitions.cut_depth(fra_waw), 1u);
  EXPECT_FALSE(topo.link_up(fra_waw));
  sim.run_until(at(5h));
  EXPECT_TRUE(topo.link_up(fra_waw));
  EXPECT_TRUE(topo.link_up(waw_mow));
  EXPECT_TRUE(topo.reachable(fra, mow));
  EXPECT_EQ(partitions.windows_healed(), 2u);
}

TEST(PartitionScheduler, BackToBackWindowsKeepTheLinkDownAtTheSeam) {
  sim::Simulator sim(1);
  Topology topo(chain());
  PartitionScheduler partitions(sim, topo);
  partitions.add({{fra_waw}, at(1h), at(2h)});
  partitions.add({{fra_waw}, at(2h), at(3h)});
  sim.run_until(at(2h));
  EXPECT_FALSE(topo.link_up(fra_waw));
  sim.run_until(at(3h));
  EXPECT_TRUE(topo.link_up(fra_waw));
}

TEST(PartitionScheduler, AWindowEndingAtEndOfTimeNeverHeals) {
  sim::Simulator sim(1);
  Topology topo(chain());
  PartitionScheduler partitions(sim, topo);
  partitions.add({{waw_mow}, at(1h), sim::end_of_time});
  sim.run();
  EXPECT_FALSE(topo.link_up(waw_mow));
  EXPECT_EQ(partitions.windows_healed(), 0u);
}

TEST(PartitionScheduler, ALinkThatWasDownBeforeTheWindowStaysDownAfterIt) {
  sim::Simulator sim(1);
  TopologyParams p = chain();
  p.links[1].up = false;  // waw-mow starts the run down
  Topology topo(p);
  PartitionScheduler partitions(sim, topo);
  partitions.add({{fra_waw, waw_mow}, at(1h), at(2h)});
  sim.run_until(at(2h));
  EXPECT_TRUE(topo.link_up(fra_waw));
  EXPECT_FALSE(topo.link_up(waw_mow));
  EXPECT_EQ(partitions.cut_depth(waw_mow), 0u);
}

TEST(PartitionScheduler, RejectsInvalidWindows) {
  sim::Simulator sim(1);
  Topology topo(chain());
  PartitionScheduler partitions(sim, topo);
  EXPECT_THROW(partitions.add({{}, at(1h), at(2h)}), std::invalid_argument);
  EXPECT_THROW(partitions.add({{fra_waw}, at(2h), at(2h)}), std::invalid_argument);
  EXPECT_THROW(partitions.add({{fra_waw}, at(2h), at(1h)}), std::invalid_argument);
  EXPECT_THROW(partitions.add({{LinkId{3}}, at(1h), at(2h)}), std::invalid_argument);
  EXPECT_THROW(partitions.add({{fra_waw, waw_mow, fra_waw}, at(1h), at(2h)}),
               std::invalid_argument);
  sim.run_until(at(1h));
  EXPECT_THROW(partitions.add({{fra_waw}, at(1h) - 1us, at(2h)}), std::invalid_argument);
  EXPECT_NO_THROW(partitions.add({{fra_waw}, at(1h), at(2h)}));  // starting now is fine
  EXPECT_EQ(partitions.windows().size(), 1u);
}

}  // namespace
}  // namespace b24::models
