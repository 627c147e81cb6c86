// The viewer's data layer without widgets: time text, series, thinning, events, topology text.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "viewer/downsample.hpp"
#include "viewer/event_facts.hpp"
#include "viewer/geo_projection.hpp"
#include "viewer/series.hpp"
#include "viewer/time_text.hpp"
#include "viewer/topology_meta.hpp"
#include "viewer_test_support.hpp"

namespace b24::viewer {
namespace {
using testing::at;

TEST(TimeText, ReadsClockDurationAndLocalTimes) {
  EXPECT_EQ(parse_instant("10:30", std::nullopt).time_us, at(10, 30));
  EXPECT_EQ(parse_instant("10:30:15", std::nullopt).time_us, at(10, 30) + 15'000'000);
  EXPECT_EQ(parse_instant("10h30m", std::nullopt).time_us, at(10, 30));
  EXPECT_EQ(parse_instant("90min", std::nullopt).time_us, at(1, 30));
  EXPECT_EQ(parse_instant("1d 03:15", std::nullopt).time_us, at(27, 15));
  // dc-outage: Frankfurt (UTC+1) fails at 11:00 local, 10 h into the run.
  EXPECT_EQ(parse_instant("11:30 local", 3600).time_us, at(10, 30));
  // A zone ahead of the clock wraps to the first such instant from the start.
  EXPECT_EQ(parse_instant("05:00 local", 9 * 3600).time_us, at(20));
  EXPECT_EQ(parse_instant("02:00 local", -8 * 3600).time_us, at(10));
}

TEST(TimeText, RejectsWhatItCannotRead) {
  for (const char* bad : {"", "10:75", "soon", "10:30 local", "-5m", "3x"}) {
    const ParsedInstant p = parse_instant(bad, std::nullopt);
    EXPECT_FALSE(p.time_us) << bad;
    EXPECT_FALSE(p.error.empty()) << bad;
  }
}

TEST(TimeText, FormatsInstantsAndLocalClocks) {
  EXPECT_EQ(format_instant(at(10, 30)), "10:30:00");
  EXPECT_EQ(format_instant(at(27, 15) + 5'000'000), "1d 03:15:05");
  EXPECT_EQ(format_local_clock(at(10, 30), 3600), "11:30");
  EXPECT_EQ(format_local_clock(at(3), -8 * 3600), "19:00");
  EXPECT_EQ(parse_duration_us("+5h30min"), at(5, 30));
  EXPECT_EQ(parse_duration_us("-8h"), -at(8));
}

TEST(Series, ValueAtHoldsTheLastSampleAtOrBefore) {
  const Series s({10, 20, 30}, {1.0, std::nan(""), 3.0});
  EXPECT_FALSE(s.value_at(9));
  EXPECT_EQ(s.value_at(10), 1.0);
  EXPECT_EQ(s.value_at(19), 1.0);
  EXPECT_FALSE(s.value_at(25));  // NaN: no value
  EXPECT_EQ(s.value_at(1000), 3.0);
  EXPECT_EQ(s.max_value(), 3.0);
}

TEST(Downsample, KeepsAtMostTwoPointsPerColumnAndTheSpikes) {
  Series s;
  for (int i = 0; i < 10'000; ++i) s.append(i * 1000, i == 4321 ? 500.0 : std::sin(i * 0.01));
  const auto points = downsample_min_max(s, 0, 9'999'000, 200);
  EXPECT_LE(points.size(), 2u * 200 + 2);
  EXPECT_GE(points.size(), 200u);
  double peak = 0.0;
  for (const auto& p : points) peak = std::max(peak, p.value);
  EXPECT_EQ(peak, 500.0);  // a one-sample spike survives
  for (std::size_t i = 1; i < points.size(); ++i) {
    EXPECT_LE(points[i - 1].time_us, points[i].time_us);
  }
}

TEST(Downsample, AZoomedRangeReachesOnePointBeyondEachEdge) {
  Series s;
  for (int i = 0; i < 100; ++i) s.append(i * 10, i);
  const auto points = downsample_min_max(s, 205, 395, 500);
  ASSERT_FALSE(points.empty());
  EXPECT_EQ(points.front().time_us, 200);
  EXPECT_EQ(points.back().time_us, 400);
}

TEST(EventFacts, NamesTheDcsOfAnEvent) {
  EXPECT_EQ(dcs_of_event({0, "scaling", "dc/par/asg", ""}), std::vector<std::string>{"par"});
  EXPECT_EQ(dcs_of_event({0, "disconnect", "repl/fra->par", ""}),
            (std::vector<std::string>{"fra", "par"}));
  EXPECT_EQ(dcs_of_event({0, "partition_start", "links/fra-par", ""}),
            (std::vector<std::string>{"fra", "par"}));
  EXPECT_EQ(dcs_of_event({0, "cohort_move", "cohort/fr", "par -> sto: cohort 2"}),
            (std::vector<std::string>{"par", "sto"}));
  EXPECT_TRUE(is_incident("dc_failed"));
  EXPECT_FALSE(is_incident("dc_recovered"));
  const std::vector<std::int64_t> times{10, 20, 30};
  EXPECT_EQ(next_incident(times, 10), 20);
  EXPECT_EQ(next_incident(times, 30), std::nullopt);
  EXPECT_EQ(previous_incident(times, 20), 10);
}

TEST(TopologyMeta, ReadsATopologyAnInlineOneAndDcSitesJson) {
  const auto file = parse_topology_text(
      "dcs:\n  - {name: fra, city: Frankfurt, latitude: 50.1, longitude: 8.7, utc_offset: +1h, "
      "jurisdiction: EU}\n  - {name: pdx, city: Hillsboro, latitude: 45.5, longitude: -123.0, "
      "utc_offset: -8h, jurisdiction: US}\nlinks:\n  - {a: fra, b: pdx, bandwidth: 1Gbps}\n");
  ASSERT_TRUE(file);
  ASSERT_EQ(file->dcs.size(), 2u);
  EXPECT_EQ(file->dcs[1].utc_offset_s, -8 * 3600);
  EXPECT_EQ(file->dcs[0].latitude_deg, 50.1);
  ASSERT_EQ(file->links.size(), 1u);
  EXPECT_EQ(file->links[0].entity(), "links/fra-pdx");
  const auto inline_topology = parse_scenario_topology(
      "name: x\ntopology:\n  dcs:\n    - {name: ams, latitude: 52.4, longitude: 4.9}\n");
  ASSERT_TRUE(inline_topology);
  EXPECT_EQ(inline_topology->dcs.at(0).name, "ams");
  const auto sites = parse_dc_sites_json(R"([{"name":"fra","city":"F","lat":50.1,"lon":8.7}])");
  ASSERT_TRUE(sites);
  EXPECT_EQ(sites->dcs.at(0).longitude_deg, 8.7);
  EXPECT_FALSE(parse_topology_text("{{{ not yaml"));
  EXPECT_FALSE(parse_scenario_topology("topology: topology/europe-5.yaml\n"));
}

TEST(GeoProjection, FitsTheDcsWithAMarginAndInverts) {
  std::vector<DcSite> dcs(2);
  dcs[0].latitude_deg = 50.0;
  dcs[0].longitude_deg = 8.0;
  dcs[1].latitude_deg = 48.0;
  dcs[1].longitude_deg = 2.0;
  const GeoBox box = dc_bounding_box(dcs);
  EXPECT_LT(box.lon_min, 2.0);
  EXPECT_GT(box.lon_max, 8.0);
  EXPECT_GE(box.lon_max - box.lon_min, 24.0);
  const GeoProjection p(box, QRectF(0, 0, 800, 500));
  const QPointF fra = p.to_screen(8.0, 50.0);
  EXPECT_TRUE(QRectF(0, 0, 800, 500).contains(fra));
  const QPointF back = p.to_geo(fra);
  EXPECT_NEAR(back.x(), 8.0, 1e-9);
  EXPECT_NEAR(back.y(), 50.0, 1e-9);
}

}  // namespace
}  // namespace b24::viewer
