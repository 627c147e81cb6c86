#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/topology.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

DcSpec dc(std::string name, double lat, double lon, sim::Duration offset, std::string law) {
  return DcSpec{.name = name,
                .city = "city of " + name,
                .latitude_deg = lat,
                .longitude_deg = lon,
                .utc_offset = offset,
                .jurisdiction = std::move(law)};
}

LinkSpec link(std::string a, std::string b, std::optional<sim::Duration> latency = std::nullopt) {
  return LinkSpec{.a = std::move(a), .b = std::move(b), .latency = latency, .bandwidth_bps = 10e9};
}

// Two triangles joined by one bridge (fra-waw): western {fra, ams, par}, eastern {waw, mow, hel}.
TopologyParams two_triangles() {
  TopologyParams p;
  p.dcs = {dc("fra", 50.1109, 8.6821, 1h, "EU"),  dc("ams", 52.3676, 4.9041, 1h, "EU"),
           dc("par", 48.8566, 2.3522, 1h, "EU"),  dc("waw", 52.2297, 21.0122, 1h, "EU"),
           dc("mow", 55.7558, 37.6173, 3h, "RU"), dc("hel", 60.1699, 24.9384, 2h, "EU")};
  p.links = {link("fra", "ams"), link("ams", "par"), link("par", "fra"),
             link("fra", "waw"),  // 3: the bridge
             link("waw", "mow"), link("mow", "hel"), link("hel", "waw")};
  return p;
}

TEST(Topology, BuildsDcsAndLinksWithDenseIdsInInputOrder) {
  const Topology t(two_triangles());
  ASSERT_EQ(t.dc_count(), 6u);
  ASSERT_EQ(t.link_count(), 7u);
  EXPECT_EQ(t.dc_by_name("fra"), DcId{0});
  EXPECT_EQ(t.dc_by_name("hel"), DcId{5});
  EXPECT_EQ(t.dc(DcId{4}).name, "mow");
  EXPECT_EQ(t.dc(DcId{4}).jurisdiction, "RU");
  EXPECT_EQ(t.dc(DcId{4}).utc_offset, 3h);
  EXPECT_FALSE(t.find_dc("xyz").has_value());
  EXPECT_THROW((void)t.dc_by_name("xyz"), std::invalid_argument);
  EXPECT_EQ(t.link(LinkId{3}).name, "fra-waw");
  EXPECT_EQ(t.link(LinkId{2}).a, DcId{2});  // par-fra keeps the order it was given
  EXPECT_EQ(t.link(LinkId{2}).b, DcId{0});
  EXPECT_EQ(t.link_between(DcId{0}, DcId{3}), LinkId{3});
  EXPECT_EQ(t.link_between(DcId{3}, DcId{0}), LinkId{3});
  EXPECT_FALSE(t.link_between(DcId{1}, DcId{4}).has_value());
  EXPECT_THAT(t.links_of(DcId{0}), ElementsAre(LinkId{0}, LinkId{2}, LinkId{3}));
  EXPECT_THAT(t.links_of(DcId{5}), ElementsAre(LinkId{5}, LinkId{6}));
  for (std::uint32_t i = 0; i < t.link_count(); ++i) EXPECT_TRUE(t.link_up(LinkId{i}));
  EXPECT_EQ(t.component_count(), 1u);
}

TEST(Topology, IdsFollowInputOrderNotNamesAndRepeatExactly) {
  TopologyParams p = two_triangles();
  std::reverse(p.dcs.begin(), p.dcs.end());  // hel first now
  const Topology a(p);
  const Topology b(p);
  EXPECT_EQ(a.dc_by_name("hel"), DcId{0});
  EXPECT_EQ(a.dc_by_name("fra"), DcId{5});
  for (std::uint32_t i = 0; i < a.dc_count(); ++i)
    EXPECT_EQ(a.dc(DcId{i}).name, b.dc(DcId{i}).name);
  for (std::uint32_t i = 0; i < a.link_count(); ++i) {
    EXPECT_EQ(a.link(LinkId{i}).name, b.link(LinkId{i}).name);
    EXPECT_EQ(a.link(LinkId{i}).latency, b.link(LinkId{i}).latency);
  }
}

TEST(Topology, LatencyComesFromGeographyUnlessOverridden) {
  TopologyParams p = two_triangles();
  p.links[4].latency = 42ms;  // waw-mow
  const Topology t(p);
  const LinkInfo& fra_waw = t.link(LinkId{3});
  const double km = great_circle_km({50.1109, 8.6821}, {52.2297, 21.0122});
  EXPECT_DOUBLE_EQ(fra_waw.distance_km, km);
  EXPECT_EQ(fra_waw.latency, fiber_latency(km, default_route_factor));
  EXPECT_FALSE(fra_waw.latency_overridden);
  EXPECT_EQ(t.link(LinkId{4}).latency, 42ms);
  EXPECT_TRUE(t.link(LinkId{4}).latency_overridden);
  EXPECT_EQ(t.link(LinkId{4}).bandwidth_bps, 10e9);

  p.route_factor = 2.0;  // a longer fiber path: latency grows in proportion
  const Topology slow(p);
  EXPECT_EQ(slow.link(LinkId{3}).latency, fiber_latency(km, 2.0));
  EXPECT_GT(slow.link(LinkId{3}).latency, fra_waw.latency);
  EXPECT_EQ(slow.link(LinkId{4}).latency, 42ms);  // an override ignores the route factor
}

TEST(Topology, CuttingABridgeSplitsComponentsAndHealingRestoresThem) {
  Topology t(two_triangles());
  const DcId fra = t.dc_by_name("fra"), par = t.dc_by_name("par"), mow = t.dc_by_name("mow");
  EXPECT_TRUE(t.reachable(par, mow));
  EXPECT_THAT(t.components(), ElementsAre(0, 0, 0, 0, 0, 0));

  t.set_link_up(*t.link_between(fra, t.dc_by_name("ams")), false);  // not a bridge
  EXPECT_EQ(t.component_count(), 1u);
  EXPECT_TRUE(t.reachable(par, mow));

  const LinkId bridge = *t.link_between(fra, t.dc_by_name("waw"));
  t.set_link_up(bridge, false);
  EXPECT_EQ(t.component_count(), 2u);
  EXPECT_THAT(t.components(), ElementsAre(0, 0, 0, 1, 1, 1));
  EXPECT_FALSE(t.reachable(par, mow));
  EXPECT_FALSE(t.reachable(mow, fra));
  EXPECT_TRUE(t.reachable(fra, par));
  EXPECT_TRUE(t.reachable(mow, t.dc_by_name("hel")));

  t.set_link_up(bridge, true);
  EXPECT_EQ(t.component_count(), 1u);
  EXPECT_TRUE(t.reachable(par, mow));
}

TEST(Topology, DownDcCutsAllItsLinksAndReachesNothing) {
  Topology t(two_triangles());
  const DcId waw = t.dc_by_name("waw");
  t.set_dc_up(waw, false);
  EXPECT_FALSE(t.dc_up(waw));
  EXPECT_TRUE(t.link_up(LinkId{3}));       // the link itself is fine ...
  EXPECT_FALSE(t.link_usable(LinkId{3}));  // ... but carries nothing
  // waw was the bridge's eastern end: west, {waw} and {mow, hel} fall apart.
  EXPECT_THAT(t.components(), ElementsAre(0, 0, 0, 1, 2, 2));
  EXPECT_FALSE(t.reachable(waw, waw));
  EXPECT_FALSE(t.reachable(t.dc_by_name("fra"), waw));
  EXPECT_TRUE(t.reachable(t.dc_by_name("mow"), t.dc_by_name("hel")));
  EXPECT_FALSE(t.shortest_path(waw, waw).has_value());

  t.set_dc_up(waw, true);
  EXPECT_EQ(t.component_count(), 1u);
  EXPECT_TRUE(t.reachable(t.dc_by_name("fra"), t.dc_by_name("mow")));
}

TEST(Topology, ShortestPathTakesTheLowerLatencyRouteAndReroutesWhenCut) {
  TopologyParams p;
  p.dcs = {dc("a", 50.0, 8.0, 1h, "EU"), dc("b", 51.0, 9.0, 1h, "EU"),
           dc("c", 52.0, 10.0, 1h, "EU"), dc("d", 53.0, 11.0, 1h, "EU")};
  p.links = {link("a", "b", 10ms), link("b", "c", 10ms), link("a", "c", 30ms), link("c", "d", 5ms)};
  Topology t(p);
  const DcId a{0}, b{1}, c{2}, d{3};

  std::optional<Route> r = t.shortest_path(a, d);
  ASSERT_TRUE(r.has_value());
  EXPECT_THAT(r->dcs, ElementsAre(a, b, c, d));  // 25 ms beats a-c-d at 35 ms
  EXPECT_THAT(r->links, ElementsAre(LinkId{0}, LinkId{1}, LinkId{3}));
  EXPECT_EQ(r->latency, 25ms);

  t.set_link_up(LinkId{1}, false);  // b-c cut: the direct a-c link is the only way
  r = t.shortest_path(a, d);
  ASSERT_TRUE(r.has_value());
  EXPECT_THAT(r->dcs, ElementsAre(a, c, d));
  EXPECT_EQ(r->latency, 35ms);
  r = t.shortest_path(d, a);  // undirected: the same route backwards
  ASSERT_TRUE(r.has_value());
  EXPECT_THAT(r->dcs, ElementsAre(d, c, a));

  t.set_link_up(LinkId{2}, false);
  EXPECT_FALSE(t.shortest_path(a, d).has_value());
  EXPECT_FALSE(t.reachable(a, d));

  t.set_link_up(LinkId{1}, true);
  t.set_link_up(LinkId{2}, true);
  r = t.shortest_path(a, d);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->latency, 25ms);
}

TEST(Topology, ShortestPathToItselfIsTheOneDcRoute) {
  const Topology t(two_triangles());
  const std::optional<Route> r = t.shortest_path(DcId{2}, DcId{2});
  ASSERT_TRUE(r.has_value());
  EXPECT_THAT(r->dcs, ElementsAre(DcId{2}));
  EXPECT_TRUE(r->links.empty());
  EXPECT_EQ(r->latency, 0us);
}

TEST(Topology, StateVersionCountsRealChangesOnly) {
  Topology t(two_triangles());
  EXPECT_EQ(t.state_version(), 0u);
  t.set_link_up(LinkId{0}, true);  // already up
  t.set_dc_up(DcId{0}, true);
  EXPECT_EQ(t.state_version(), 0u);
  t.set_link_up(LinkId{0}, false);
  t.set_dc_up(DcId{1}, false);
  EXPECT_EQ(t.state_version(), 2u);
}

TEST(Topology, LinksThatStartDownAreNotUsed) {
  TopologyParams p = two_triangles();
  p.links[3].up = false;  // the bridge starts cut
  const Topology t(p);
  EXPECT_FALSE(t.link_up(LinkId{3}));
  EXPECT_EQ(t.component_count(), 2u);
}

TEST(TopologyDeathTest, OutOfRangeIdsBreakAnInvariant) {
  const Topology t(two_triangles());
  EXPECT_DEATH((void)t.dc(DcId{6}), "DcId out of range");
  EXPECT_DEATH((void)t.link_up(LinkId{7}), "LinkId out of range");
}

// --- invalid params -------------------------------------------------------------------------

void expect_invalid(const std::function<void(TopologyParams&)>& spoil, const std::string& what) {
  TopologyParams p = two_triangles();
  spoil(p);
  try {
    const Topology t(p);
    ADD_FAILURE() << "accepted params that should fail with: " << what;
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr(what));
  }
}

TEST(TopologyParamsValidation, RejectsInvalidDcs) {
  expect_invalid([](auto& p) { p.dcs[2].name = "fra"; }, "dcs[2] 'fra': duplicate DC name");
  expect_invalid([](auto& p) { p.dcs[0].latitude_deg = 90.5; }, "dcs[0] 'fra': latitude");
  expect_invalid([](auto& p) { p.dcs[1].longitude_deg = -181; }, "dcs[1] 'ams': longitude");
  expect_invalid([](auto& p) { p.dcs[0].name = "Fra"; }, "lower-case");
  expect_invalid([](auto& p) { p.dcs[0].name = "us-east"; }, "lower-case");
  expect_invalid([](auto& p) { p.dcs[0].name = ""; }, "lower-case");
  expect_invalid([](auto& p) { p.dcs[0].city = ""; }, "city is empty");
  expect_invalid([](auto& p) { p.dcs[0].utc_offset = 15h; }, "utc_offset");
  expect_invalid([](auto& p) { p.dcs[0].utc_offset = -13h; }, "utc_offset");
  expect_invalid([](auto& p) { p.dcs[0].utc_offset = 5h + 10min; }, "utc_offset");
  expect_invalid([](auto& p) { p.dcs[0].jurisdiction = "eu"; }, "jurisdiction 'eu'");
  expect_invalid([](auto& p) { p.dcs[0].jurisdiction = ""; }, "jurisdiction");
  expect_invalid(
      [](auto& p) {
        p.dcs.clear();
        p.links.clear();
      },
      "at least one DC");
  expect_invalid([](auto& p) { p.route_factor = 0.9; }, "route_factor");
}

TEST(TopologyParamsValidation, RejectsInvalidLinks) {
  expect_invalid([](auto& p) { p.links[1].b = "xyz"; }, "links[1] ams-xyz: unknown DC 'xyz'");
  expect_invalid([](auto& p) { p.links[0].b = "fra"; }, "links[0] fra-fra: a link must join two");
  expect_invalid([](auto& p) { p.links.push_back(link("waw", "fra")); },
                 "links[7] waw-fra: duplicate link (first at links[3])");
  expect_invalid([](auto& p) { p.links[0].bandwidth_bps = 0; }, "bandwidth");
  expect_invalid([](auto& p) { p.links[0].latency = 0us; }, "latency");
  expect_invalid([](auto& p) { p.links[0].latency = -1ms; }, "latency");
  expect_invalid(
      [](auto& p) {
        p.dcs.push_back(dc("fra_2", 50.1109, 8.6821, 1h, "EU"));  // same building as fra
        p.links.push_back(link("fra", "fra_2"));
      },
      "latency");
}

TEST(TopologyParamsValidation, AcceptsTheEdgesOfEachRange) {
  TopologyParams p = two_triangles();
  p.dcs[0].latitude_deg = 90;
  p.dcs[1].latitude_deg = -90;
  p.dcs[2].longitude_deg = 180;
  p.dcs[3].utc_offset = 14h;
  p.dcs[4].utc_offset = -12h;
  p.dcs[5].utc_offset = 5h + 45min;  // Nepal
  p.route_factor = 1.0;
  EXPECT_NO_THROW(Topology{p});
}

// --- a 17-DC world --------------------------------------------------------------------------

// The DCs and links of scenarios/topology/world-17.yaml, written out by hand.
TopologyParams world17() {
  TopologyParams p;
  p.dcs = {dc("fra", 50.1109, 8.6821, 1h, "EU"),     dc("iad", 39.0438, -77.4874, -5h, "US"),
           dc("mow", 55.7558, 37.6173, 3h, "RU"),    dc("led", 59.9311, 30.3609, 3h, "RU"),
           dc("dub", 53.3498, -6.2603, 0h, "EU"),    dc("lon", 51.5074, -0.1278, 0h, "UK"),
           dc("par", 48.8566, 2.3522, 1h, "EU"),     dc("sto", 59.3293, 18.0686, 1h, "EU"),
           dc("gru", -23.5505, -46.6333, -3h, "BR"), dc("bom", 19.0760, 72.8777, 5h + 30min, "IN"),
           dc("sin", 1.3521, 103.8198, 8h, "SG"),    dc("tyo", 35.6762, 139.6503, 9h, "JP"),
           dc("syd", -33.8688, 151.2093, 10h, "AU"), dc("pdx", 45.5229, -122.9898, -8h, "US"),
           dc("sjc", 37.3382, -121.8863, -8h, "US"), dc("yul", 45.5019, -73.5674, -5h, "CA"),
           dc("ala", 43.2220, 76.8512, 5h, "KZ")};
  const char* pairs[][2] = {
      {"fra", "par"}, {"fra", "lon"}, {"fra", "sto"}, {"fra", "mow"}, {"lon", "par"},
      {"lon", "dub"}, {"dub", "par"}, {"sto", "led"}, {"led", "mow"}, {"fra", "ala"},
      {"mow", "ala"}, {"lon", "iad"}, {"par", "iad"}, {"dub", "yul"}, {"gru", "iad"},
      {"gru", "par"}, {"iad", "yul"}, {"iad", "sjc"}, {"iad", "pdx"}, {"pdx", "sjc"},
      {"sjc", "tyo"}, {"pdx", "tyo"}, {"sjc", "syd"}, {"tyo", "sin"}, {"sin", "syd"},
      {"tyo", "syd"}, {"sin", "bom"}, {"bom", "fra"}, {"mow", "tyo"}};
  for (const auto& [a, b] : pairs) p.links.push_back(link(a, b));
  return p;
}

void expect_all_pairs_reachable(const Topology& t) {
  for (std::uint32_t i = 0; i < t.dc_count(); ++i) {
    for (std::uint32_t j = 0; j < t.dc_count(); ++j) {
      EXPECT_TRUE(t.reachable(DcId{i}, DcId{j}))
          << t.dc(DcId{i}).name << " cannot reach " << t.dc(DcId{j}).name;
      EXPECT_TRUE(t.shortest_path(DcId{i}, DcId{j}).has_value());
    }
  }
}

TEST(TopologyWorld17, EveryDcReachesEveryOther) {
  const Topology t(world17());
  ASSERT_EQ(t.dc_count(), 17u);
  EXPECT_EQ(t.component_count(), 1u);
  expect_all_pairs_reachable(t);
}

// The mesh has no bridge: cutting any one link leaves every DC reachable from every other.
TEST(TopologyWorld17, SurvivesAnySingleLinkCut) {
  Topology t(world17());
  for (std::uint32_t l = 0; l < t.link_count(); ++l) {
    SCOPED_TRACE(t.link(LinkId{l}).name);
    t.set_link_up(LinkId{l}, false);
    EXPECT_EQ(t.component_count(), 1u);
    t.set_link_up(LinkId{l}, true);
  }
}

// Routing never beats the direct fiber: the sum of route-factored great-circle hops is at least
// the route-factored great circle (triangle inequality on the sphere), less half a microsecond
// of rounding per hop.
TEST(TopologyWorld17, RoutesAreNeverFasterThanTheDirectFiber) {
  const Topology t(world17());
  for (std::uint32_t i = 0; i < t.dc_count(); ++i) {
    for (std::uint32_t j = i + 1; j < t.dc_count(); ++j) {
      const DcSpec& a = t.dc(DcId{i});
      const DcSpec& b = t.dc(DcId{j});
      const std::optional<Route> r = t.shortest_path(DcId{i}, DcId{j});
      ASSERT_TRUE(r.has_value());
      const sim::Duration direct =
          fiber_latency({a.latitude_deg, a.longitude_deg}, {b.latitude_deg, b.longitude_deg});
      const auto slack = sim::Duration{static_cast<std::int64_t>(r->links.size())};
      EXPECT_GE(r->latency + slack, direct) << a.name << "-" << b.name;
    }
  }
  // A spot check worked from the link table: Frankfurt-Moscow goes direct (about 15.2 ms).
  const std::optional<Route> fra_mow = t.shortest_path(t.dc_by_name("fra"), t.dc_by_name("mow"));
  ASSERT_TRUE(fra_mow.has_value());
  EXPECT_EQ(fra_mow->dcs.size(), 2u);
  EXPECT_NEAR(sim::to_seconds(fra_mow->latency), 0.01517, 0.0001);
}

// Dijkstra against a hand-written Floyd-Warshall over the usable links, for every pair, with
// the whole mesh up and again with two trunks cut.
std::vector<std::vector<std::int64_t>> floyd_warshall(const Topology& t) {
  const std::size_t n = t.dc_count();
  constexpr std::int64_t inf = std::numeric_limits<std::int64_t>::max() / 4;
  std::vector<std::vector<std::int64_t>> d(n, std::vector<std::int64_t>(n, inf));
  for (std::size_t i = 0; i < n; ++i) d[i][i] = 0;
  for (std::uint32_t l = 0; l < t.link_count(); ++l) {
    if (!t.link_usable(LinkId{l})) continue;
    const LinkInfo& info = t.link(LinkId{l});
    d[info.a.index][info.b.index] = d[info.b.index][info.a.index] = info.latency.count();
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    }
  }
  return d;
}

void expect_dijkstra_matches_floyd_warshall(const Topology& t) {
  const auto d = floyd_warshall(t);
  for (std::uint32_t i = 0; i < t.dc_count(); ++i) {
    for (std::uint32_t j = 0; j < t.dc_count(); ++j) {
      const std::optional<Route> r = t.shortest_path(DcId{i}, DcId{j});
      ASSERT_TRUE(r.has_value());
      EXPECT_EQ(r->latency.count(), d[i][j]) << t.dc(DcId{i}).name << "-" << t.dc(DcId{j}).name;
    }
  }
}

TEST(TopologyWorld17, ShortestPathsMatchFloydWarshall) {
  Topology t(world17());
  expect_dijkstra_matches_floyd_warshall(t);
  t.set_link_up(*t.link_between(t.dc_by_name("fra"), t.dc_by_name("mow")), false);
  t.set_link_up(*t.link_between(t.dc_by_name("bom"), t.dc_by_name("fra")), false);
  expect_dijkstra_matches_floyd_warshall(t);
  // With its direct link cut, Frankfurt reaches Moscow another way, and later than before.
  const std::optional<Route> r = t.shortest_path(t.dc_by_name("fra"), t.dc_by_name("mow"));
  ASSERT_TRUE(r.has_value());
  EXPECT_GT(r->dcs.size(), 2u);
  EXPECT_GT(r->latency, 15ms);
}

}  // namespace
}  // namespace b24::models
