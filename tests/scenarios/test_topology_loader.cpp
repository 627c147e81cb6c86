// The topology loader: the shipped world-17.yaml loads cleanly, says what its comments say and
// builds a connected models::Topology; every rule models::Topology's constructor enforces is
// reported at its key with the 1-based line:column (worked out by hand from the YAML below) and
// key path; and where the loaded params keep the mistake, the model itself rejects them, so the
// loader's checks and the model's stay the same rules.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/topology.hpp"
#include "scenario_test_support.hpp"
#include "scenarios/topology_loader.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;

Lines formatted(const Diagnostics& diagnostics) {
  Lines out;
  for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
  return out;
}

struct LoadedTopology {
  Diagnostics diagnostics;
  models::TopologyParams params;

  explicit LoadedTopology(std::string_view yaml)
      : params(load_topology_text(yaml, "t.yaml", diagnostics)) {}

  [[nodiscard]] Lines errors() const { return formatted(diagnostics); }
};

std::filesystem::path world17_path() {
  return std::filesystem::path(B24_SOURCE_DIR) / "scenarios" / "topology" / "world-17.yaml";
}

const models::DcSpec* find_dc(const models::TopologyParams& p, std::string_view name) {
  const auto it = std::find_if(p.dcs.begin(), p.dcs.end(),
                               [&](const models::DcSpec& dc) { return dc.name == name; });
  return it == p.dcs.end() ? nullptr : &*it;
}

// Three valid DCs on lines 2 to 4; a test's links start on line 5 with "links:".
constexpr std::string_view three_dcs =
    "dcs:\n"
    "  - {name: fra, city: Frankfurt, latitude: 50.1109, longitude: 8.6821, utc_offset: +1h, "
    "jurisdiction: EU}\n"
    "  - {name: par, city: Paris, latitude: 48.8566, longitude: 2.3522, utc_offset: +1h, "
    "jurisdiction: EU}\n"
    "  - {name: lon, city: London, latitude: 51.5074, longitude: -0.1278, utc_offset: 0h, "
    "jurisdiction: UK}\n";

// --- world-17.yaml ----------------------------------------------------------------------------

TEST(TopologyLoader, World17LoadsWithoutDiagnosticsAndHasItsSeventeenDcs) {
  Diagnostics diagnostics;
  const models::TopologyParams p = load_topology(world17_path(), diagnostics);
  EXPECT_EQ(formatted(diagnostics), Lines{});
  ASSERT_EQ(p.dcs.size(), 17u);
  EXPECT_EQ(p.links.size(), 29u);
  EXPECT_EQ(p.route_factor, 1.5);
  // The launch markets, each in its jurisdiction; DC ids follow the file's order.
  EXPECT_EQ(p.dcs[0].name, "fra");
  EXPECT_EQ(p.dcs[0].jurisdiction, "EU");
  EXPECT_EQ(p.dcs[1].name, "iad");
  EXPECT_EQ(p.dcs[1].jurisdiction, "US");
  EXPECT_EQ(p.dcs[2].name, "mow");
  EXPECT_EQ(p.dcs[2].jurisdiction, "RU");
  // Coordinates and offsets as written, signs included.
  EXPECT_EQ(p.dcs[0].city, "Frankfurt am Main, Germany");
  EXPECT_DOUBLE_EQ(p.dcs[0].latitude_deg, 50.1109);
  EXPECT_DOUBLE_EQ(p.dcs[0].longitude_deg, 8.6821);
  EXPECT_DOUBLE_EQ(p.dcs[1].longitude_deg, -77.4874);
  EXPECT_EQ(p.dcs[1].utc_offset, -5h);
  const models::DcSpec* gru = find_dc(p, "gru");
  ASSERT_NE(gru, nullptr);
  EXPECT_DOUBLE_EQ(gru->latitude_deg, -23.5505);
  EXPECT_EQ(gru->utc_offset, -3h);
  const models::DcSpec* bom = find_dc(p, "bom");
  ASSERT_NE(bom, nullptr);
  EXPECT_EQ(bom->utc_offset, 5h + 30min);
  // The comment's jurisdictions: four EU DCs and two RU ones, so both can fail over inside.
  std::map<std::string, int> per_jurisdiction;
  for (const models::DcSpec& dc : p.dcs) ++per_jurisdiction[dc.jurisdiction];
  EXPECT_EQ(per_jurisdiction["EU"], 4);
  EXPECT_EQ(per_jurisdiction["RU"], 2);
  EXPECT_EQ(per_jurisdiction["US"], 3);
  EXPECT_EQ(per_jurisdiction["KZ"], 1);
}

TEST(TopologyLoader, World17LinksAreGeographicWithTheCommentsBandwidths) {
  Diagnostics diagnostics;
  const models::TopologyParams p = load_topology(world17_path(), diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << formatted(diagnostics).front();
  ASSERT_EQ(p.links.size(), 29u);
  for (const models::LinkSpec& link : p.links) {
    EXPECT_FALSE(link.latency.has_value()) << link.a << "-" << link.b;  // none overridden
    EXPECT_TRUE(link.up) << link.a << "-" << link.b;
    EXPECT_TRUE(link.bandwidth_bps == 40e9 || link.bandwidth_bps == 10e9)
        << link.a << "-" << link.b;
  }
  EXPECT_EQ(p.links[0].a, "fra");
  EXPECT_EQ(p.links[0].b, "par");
  EXPECT_EQ(p.links[0].bandwidth_bps, 40e9);  // inside Europe
  EXPECT_EQ(p.links[28].a, "mow");
  EXPECT_EQ(p.links[28].b, "tyo");
  EXPECT_EQ(p.links[28].bandwidth_bps, 10e9);  // intercontinental
}

TEST(TopologyLoader, World17BuildsAConnectedTopologyWithoutABridge) {
  Diagnostics diagnostics;
  const models::TopologyParams p = load_topology(world17_path(), diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << formatted(diagnostics).front();
  models::Topology t(p);
  ASSERT_EQ(t.dc_count(), 17u);
  EXPECT_EQ(t.component_count(), 1u);
  for (std::uint32_t i = 0; i < t.dc_count(); ++i) {
    EXPECT_GE(t.links_of(models::DcId{i}).size(), 2u) << t.dc(models::DcId{i}).name;
    for (std::uint32_t j = 0; j < t.dc_count(); ++j) {
      EXPECT_TRUE(t.reachable(models::DcId{i}, models::DcId{j}))
          << t.dc(models::DcId{i}).name << " cannot reach " << t.dc(models::DcId{j}).name;
    }
  }
  // The comment's claims: no single cut isolates anything; fra-mow 15.2 ms, lon-iad 44.4 ms.
  for (std::uint32_t l = 0; l < t.link_count(); ++l) {
    t.set_link_up(models::LinkId{l}, false);
    EXPECT_EQ(t.component_count(), 1u) << t.link(models::LinkId{l}).name;
    t.set_link_up(models::LinkId{l}, true);
  }
  const auto latency_ms = [&](std::string_view a, std::string_view b) {
    const auto id = t.link_between(t.dc_by_name(a), t.dc_by_name(b));
    return id ? sim::to_seconds(t.link(*id).latency) * 1e3 : -1.0;
  };
  EXPECT_NEAR(latency_ms("fra", "mow"), 15.2, 0.05);
  EXPECT_NEAR(latency_ms("iad", "lon"), 44.4, 0.05);
  EXPECT_NEAR(latency_ms("sjc", "syd"), 89.8, 0.05);
}

// --- every key ----------------------------------------------------------------------------------

TEST(TopologyLoader, ReadsALatencyOverrideTheStartStateAndByteBandwidths) {
  LoadedTopology l(std::string(three_dcs) +
                   "links:\n"
                   "  - {a: fra, b: par, bandwidth: 1.5 Gbit/s, latency: 2ms 500us, up: false}\n"
                   "  - {a: par, b: lon, bandwidth: 125MB/s}\n"
                   "route_factor: 2\n");
  ASSERT_EQ(l.errors(), Lines{});
  ASSERT_EQ(l.params.links.size(), 2u);
  EXPECT_EQ(l.params.links[0].latency, 2500us);
  EXPECT_FALSE(l.params.links[0].up);
  EXPECT_EQ(l.params.links[0].bandwidth_bps, 1.5e9);
  EXPECT_FALSE(l.params.links[1].latency.has_value());
  EXPECT_TRUE(l.params.links[1].up);
  EXPECT_EQ(l.params.links[1].bandwidth_bps, 1e9);
  EXPECT_EQ(l.params.route_factor, 2.0);
  const models::Topology t(l.params);
  EXPECT_TRUE(t.link(models::LinkId{0}).latency_overridden);
  EXPECT_EQ(t.link(models::LinkId{0}).latency, 2500us);
  EXPECT_FALSE(t.link_up(models::LinkId{0}));
  EXPECT_FALSE(t.link(models::LinkId{1}).latency_overridden);
  EXPECT_EQ(t.route_factor(), 2.0);
}

TEST(TopologyLoader, AcceptsTheEdgesOfEveryRangeAndTheModelAgrees) {
  LoadedTopology l(
      "route_factor: 1\n"
      "dcs:\n"
      "  - {name: n_pole_1, city: X, latitude: 90, longitude: -180, utc_offset: -12h, "
      "jurisdiction: AQ}\n"
      "  - {name: s_pole_2, city: Y, latitude: -90, longitude: 180, utc_offset: +14h, "
      "jurisdiction: AQ}\n"
      "  - {name: ktm, city: Kathmandu, latitude: 27.7172, longitude: 85.324, utc_offset: "
      "5h45m, jurisdiction: NP}\n"
      "links:\n"
      "  - {a: n_pole_1, b: s_pole_2, bandwidth: 1bps}\n"
      "  - {a: ktm, b: s_pole_2, bandwidth: 1Tbps, latency: 1d}\n");
  ASSERT_EQ(l.errors(), Lines{});
  EXPECT_EQ(l.params.dcs[2].utc_offset, 5h + 45min);
  EXPECT_EQ(l.params.dcs[1].utc_offset, 14h);
  EXPECT_EQ(l.params.links[1].latency, 24h);
  EXPECT_NO_THROW(models::Topology{l.params});
}

TEST(TopologyLoader, ReadsAnEmbeddedTopologyFromAnOpenReader) {
  testing::Loaded s(
      "topology:\n"
      "  description: two DCs\n"
      "  dcs:\n"
      "    - {name: fra, city: Frankfurt, latitude: 50.1, longitude: 8.7, utc_offset: 1h, "
      "jurisdiction: EU}\n"
      "  linkz: []\n");
  const TopologySection section = read_topology(s.root().child("topology"), "embedded");
  s.reader.finish();
  EXPECT_EQ(section.name, "embedded");  // no name: the caller's default
  EXPECT_EQ(section.description, "two DCs");
  ASSERT_EQ(section.params.dcs.size(), 1u);
  EXPECT_EQ(section.params.dcs[0].name, "fra");
  EXPECT_EQ(
      s.errors(),
      Lines{"s.yaml:5:3: error: topology.linkz: unknown key 'linkz' (did you mean 'links'?)"});
}

// --- errors, each at its key ------------------------------------------------------------------

TEST(TopologyLoaderErrors, ReportsEveryDcRuleAtItsValue) {
  LoadedTopology l(
      "dcs:\n"
      "  - name: Fra\n"
      "    city: \"\"\n"
      "    latitude: 91\n"
      "    longitude: -180.5\n"
      "    utc_offset: +5h20m\n"
      "    jurisdiction: eu\n"
      "  - name: fra\n"
      "    city: Frankfurt\n"
      "    latitude: 50.1109\n"
      "    longitude: 8.6821\n"
      "    utc_offset: +15h\n"
      "    jurisdiction: E1\n"
      "  - name: fra\n"
      "    city: Frankfurt again\n"
      "    latitude: 50\n"
      "    longitude: 8\n"
      "    utc_offset: -12h\n"
      "    jurisdiction: EU\n");
  EXPECT_EQ(
      l.errors(),
      (Lines{"t.yaml:2:11: error: dcs[0].name: expected a DC name of lower-case letters, digits "
             "and '_' (no '-': a link is named <a>-<b>), found 'Fra'",
             "t.yaml:3:11: error: dcs[0].city: expected a non-empty string, found ''",
             "t.yaml:4:15: error: dcs[0].latitude: expected a number from -90 to 90, found '91'",
             "t.yaml:5:16: error: dcs[0].longitude: expected a number from -180 to 180, found "
             "'-180.5'",
             "t.yaml:6:17: error: dcs[0].utc_offset: expected a zone offset on the 15-minute grid "
             "(like +5h30m or +5h45m), found '+5h20m'",
             "t.yaml:7:19: error: dcs[0].jurisdiction: expected a jurisdiction of upper-case "
             "letters, like EU or US, found 'eu' (did you mean 'EU'?)",
             "t.yaml:12:17: error: dcs[1].utc_offset: expected a duration from -12h to 14h, found "
             "'+15h'",
             "t.yaml:13:19: error: dcs[1].jurisdiction: expected a jurisdiction of upper-case "
             "letters, like EU or US, found 'E1'",
             "t.yaml:14:11: error: dcs[2].name: duplicate DC name 'fra' (first at dcs[1])"}));
}

TEST(TopologyLoaderErrors, ReportsMissingKeysWhereTheirMappingStarts) {
  LoadedTopology l(
      "dcs:\n"
      "  - {name: fra, latitude: 50, longitude: 8, utc_offset: 1h, longitute: 8}\n"
      "links:\n"
      "  - {a: fra}\n");
  EXPECT_EQ(l.errors(),
            (Lines{"t.yaml:2:5: error: dcs[0].city: missing required key 'city'",
                   "t.yaml:2:5: error: dcs[0].jurisdiction: missing required key 'jurisdiction'",
                   "t.yaml:2:61: error: dcs[0].longitute: unknown key 'longitute' (did you mean "
                   "'longitude'?)",
                   "t.yaml:4:5: error: links[0].b: missing required key 'b'",
                   "t.yaml:4:5: error: links[0].bandwidth: missing required key 'bandwidth'"}));
}

TEST(TopologyLoaderErrors, ReportsEveryLinkRuleAtItsValue) {
  LoadedTopology l(std::string(three_dcs) +
                   "links:\n"
                   "  - {a: far, b: par, bandwidth: 10Gbps}\n"
                   "  - {a: fra, b: xyz, bandwidth: 10Gbps}\n"
                   "  - {a: par, b: par, bandwidth: 10Gbps}\n"
                   "  - {a: fra, b: par, bandwidth: 10Gbps}\n"
                   "  - {a: par, b: fra, bandwidth: 10Gbps}\n"
                   "  - {a: fra, b: lon, bandwidth: 0Gbps}\n"
                   "  - {a: par, b: lon, bandwidth: 1Gbps, latency: 0s, up: yes}\n");
  EXPECT_EQ(
      l.errors(),
      (Lines{"t.yaml:6:9: error: links[0].a: unknown DC 'far' (did you mean 'fra'?)",
             "t.yaml:7:17: error: links[1].b: unknown DC 'xyz': no DC in dcs has this name",
             "t.yaml:8:17: error: links[2].b: a link must join two different DCs, found 'par' at "
             "both ends",
             "t.yaml:10:5: error: links[4]: duplicate link: links[3] already joins 'par' and "
             "'fra' (at most one link per pair of DCs, in either order)",
             "t.yaml:11:33: error: links[5].bandwidth: expected a positive bandwidth, like "
             "10Gbps, found '0Gbps'",
             "t.yaml:12:49: error: links[6].latency: expected a duration from 1us to 1d, found "
             "'0s'",
             "t.yaml:12:57: error: links[6].up: expected true or false, found 'yes' (yes/no/on/off "
             "are not booleans here: write true or false)"}));
}

// The params keep the names as written, so the model sees the same mistakes and throws: the
// loader's rules are the model's.
TEST(TopologyLoaderErrors, TheModelRejectsTheSameLinkMistakes) {
  const std::string links[] = {
      "  - {a: far, b: par, bandwidth: 10Gbps}\n",
      "  - {a: par, b: par, bandwidth: 10Gbps}\n",
      "  - {a: fra, b: par, bandwidth: 10Gbps}\n  - {a: par, b: fra, bandwidth: 10Gbps}\n",
  };
  for (const std::string& written : links) {
    SCOPED_TRACE(written);
    LoadedTopology l(std::string(three_dcs) + "links:\n" + written);
    EXPECT_EQ(l.errors().size(), 1u);
    EXPECT_THROW(models::Topology{l.params}, std::invalid_argument);
  }
}

TEST(TopologyLoaderErrors, ALinkToADcWithAnInvalidNameIsNotReportedAgain) {
  LoadedTopology l(
      "dcs:\n"
      "  - {name: Fra, city: F, latitude: 50, longitude: 8, utc_offset: 1h, jurisdiction: EU}\n"
      "  - {name: par, city: P, latitude: 48, longitude: 2, utc_offset: 1h, jurisdiction: EU}\n"
      "links:\n"
      "  - {a: Fra, b: par, bandwidth: 10Gbps}\n");
  ASSERT_EQ(l.errors().size(), 1u);
  EXPECT_EQ(l.diagnostics[0].key_path, "dcs[0].name");
}

TEST(TopologyLoaderErrors, DcsTooCloseForAFiberLatencyNeedAWrittenOne) {
  const std::string dcs =
      "dcs:\n"
      "  - {name: a1, city: A, latitude: 10, longitude: 20, utc_offset: 0h, jurisdiction: EU}\n"
      "  - {name: a2, city: A, latitude: 10.00001, longitude: 20, utc_offset: 0h, "
      "jurisdiction: EU}\n"
      "  - {name: b1, city: B, latitude: 10.01, longitude: 20, utc_offset: 0h, jurisdiction: EU}\n"
      "links:\n";
  // 1 m apart: 7.5 ns of fiber, 0us once rounded. The model would throw.
  LoadedTopology close(dcs + "  - {a: a1, b: a2, bandwidth: 1Gbps}\n");
  EXPECT_EQ(close.errors(),
            Lines{"t.yaml:6:5: error: links[0].latency: the DCs are 1 m apart, so their fiber "
                  "latency rounds to 0us: write the link's latency (at least 1us)"});
  EXPECT_THROW(models::Topology{close.params}, std::invalid_argument);
  // With the latency written, or 1.1 km apart (8 us), all is well.
  LoadedTopology written(dcs +
                         "  - {a: a1, b: a2, bandwidth: 1Gbps, latency: 1us}\n"
                         "  - {a: a1, b: b1, bandwidth: 1Gbps}\n");
  ASSERT_EQ(written.errors(), Lines{});
  const models::Topology t(written.params);
  EXPECT_EQ(t.link(models::LinkId{0}).latency, 1us);
  EXPECT_EQ(t.link(models::LinkId{1}).latency, 8us);
}

TEST(TopologyLoaderErrors, ReportsTheRouteFactorAndAnEmptyDcList) {
  LoadedTopology l(
      "route_factor: 0.9\n"
      "dcs: []\n"
      "link: []\n");
  EXPECT_EQ(l.errors(),
            (Lines{"t.yaml:1:15: error: route_factor: expected a number from 1 to 10, found '0.9'",
                   "t.yaml:2:6: error: dcs: at least one DC is needed",
                   "t.yaml:3:1: error: link: unknown key 'link' (did you mean 'links'?)"}));
  LoadedTopology none("name: \"\"\n");
  EXPECT_EQ(none.errors(),
            (Lines{"t.yaml:1:1: error: dcs: missing required key 'dcs'",
                   "t.yaml:1:7: error: name: expected a non-empty string, found ''"}));
}

TEST(TopologyLoaderErrors, AFileThatCannotBeReadIsReportedWithoutALine) {
  Diagnostics diagnostics;
  const models::TopologyParams p =
      load_topology(std::filesystem::path(B24_SOURCE_DIR) / "no-such-topology.yaml", diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].line, 0);
  EXPECT_TRUE(p.dcs.empty());
}

}  // namespace
}  // namespace b24::scenarios
