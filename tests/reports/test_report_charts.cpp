// The HTML report's chart module: ticks a person reads at a glance, min/max thinning that keeps
// spikes, and line charts whose SVG says how much data it draws.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report_html_checks.hpp"
#include "reports/html/axis_ticks.hpp"
#include "reports/html/downsample.hpp"
#include "reports/html/html_text.hpp"
#include "reports/html/line_chart.hpp"

namespace b24::reports::html {
namespace {

TEST(AxisTicks, ValueTicksAreOneTwoFiveStepsCoveringTheData) {
  const Ticks t = value_ticks(0.0, 493.6, 5);
  EXPECT_EQ(t.low, 0.0);
  EXPECT_EQ(t.high, 600.0);
  EXPECT_EQ(t.labels, (std::vector<std::string>{"0", "200", "400", "600"}));

  const Ticks small = value_ticks(0.0012, 0.0047, 4);
  EXPECT_LE(small.low, 0.0012);
  EXPECT_GE(small.high, 0.0047);
  EXPECT_EQ(small.labels[1], "0.002") << small.labels[1];
}

TEST(AxisTicks, FlatAndInvalidRangesStillGiveAnAxis) {
  const Ticks flat = value_ticks(5.0, 5.0, 5);
  EXPECT_LT(flat.low, 5.0);
  EXPECT_GT(flat.high, 5.0);
  const Ticks zero = value_ticks(0.0, 0.0, 5);
  EXPECT_EQ(zero.low, 0.0);
  EXPECT_GT(zero.high, 0.0);
  const Ticks nan = value_ticks(std::nan(""), 1.0, 5);
  EXPECT_EQ(nan.low, 0.0);
  EXPECT_EQ(nan.high, 1.0);
}

TEST(AxisTicks, TimeTicksAreWholeHoursDaysOrYears) {
  const Ticks day = time_ticks(24.0, 7);
  EXPECT_EQ(day.labels, (std::vector<std::string>{"0", "6", "12", "18", "24"}));
  EXPECT_STREQ(time_unit_for(24.0).short_name, "h");
  const Ticks sixteen = time_ticks(16.0, 7);
  EXPECT_EQ(sixteen.labels.back(), "15");  // 3 h steps; the axis ends with the run, at 16 h
  EXPECT_EQ(sixteen.high, 16.0);
  const Ticks week = time_ticks(7 * 24.0, 7);
  EXPECT_STREQ(time_unit_for(7 * 24.0).short_name, "d");
  EXPECT_EQ(week.labels[1], "2");  // 2-day steps
  const Ticks decade = time_ticks(10 * 8766.0, 6);
  EXPECT_STREQ(time_unit_for(10 * 8766.0).short_name, "y");
  EXPECT_EQ(decade.labels.back(), "10");
}

TEST(Downsample, KeepsFirstLastMinimumAndMaximum) {
  std::vector<ChartPoint> points;
  for (int i = 0; i < 8640; ++i) points.push_back({i / 360.0, 100.0 + (i % 7)});
  points[4321].y = 5000.0;  // a one-sample spike
  points[100].y = -3.0;
  const std::vector<ChartPoint> thin = downsample_min_max(points, 500);
  EXPECT_LE(thin.size(), 500u);
  EXPECT_EQ(thin.front().x, points.front().x);
  EXPECT_EQ(thin.back().x, points.back().x);
  double max = -1e9, min = 1e9;
  for (std::size_t i = 0; i < thin.size(); ++i) {
    max = std::max(max, thin[i].y);
    min = std::min(min, thin[i].y);
    if (i > 0) {
      EXPECT_LT(thin[i - 1].x, thin[i].x);  // still in time order
    }
  }
  EXPECT_EQ(max, 5000.0);
  EXPECT_EQ(min, -3.0);
  const std::vector<ChartPoint> short_series(points.begin(), points.begin() + 10);
  EXPECT_EQ(downsample_min_max(short_series, 500).size(), 10u);
}

TEST(Downsample, AllNanBucketsStayGaps) {
  std::vector<ChartPoint> points;
  for (int i = 0; i < 1000; ++i) {
    points.push_back({double(i), i >= 400 && i < 600 ? std::nan("") : 1.0});
  }
  const std::vector<ChartPoint> thin = downsample_min_max(points, 100);
  const auto gaps =
      std::count_if(thin.begin(), thin.end(), [](const ChartPoint& p) { return std::isnan(p.y); });
  EXPECT_GT(gaps, 0);
}

LineChart two_series_chart() {
  LineChart c;
  c.id = "chart-test";
  c.title = "Load <test> & \"more\"";
  c.unit = "requests/s";
  c.span_hours = 24.0;
  c.series.push_back({"arrived", {{0, 1}, {12, 3}, {24, 2}}, false, false, 0});
  c.series.push_back({"nodes", {{0, 2}, {6, std::nan("")}, {8, 4}, {24, 4}}, true, true, -1});
  c.series.push_back({"empty", {}, false, false, -1});
  c.threshold = 3.5;
  c.threshold_label = "SLO";
  c.bands.push_back({10.0, 12.0, "DC down"});
  return c;
}

TEST(LineChart, SvgCarriesItsDataForAHeadlessCheck) {
  const std::string svg = render_line_chart(two_series_chart());
  const auto charts = reports::testing::charts_in(svg);
  ASSERT_EQ(charts.size(), 1u);
  EXPECT_EQ(charts[0].id, "chart-test");
  EXPECT_EQ(charts[0].declared_series, 2);  // the empty series is not drawn
  EXPECT_EQ(charts[0].declared_points, 7);
  EXPECT_EQ(charts[0].series_with_data, 2);
  EXPECT_NE(svg.find("viewBox=\"0 0 480 220\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"100%\""), std::string::npos);
  EXPECT_NE(svg.find("Load &lt;test&gt; &amp; &quot;more&quot;"), std::string::npos);
  EXPECT_NE(svg.find("class=\"threshold\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"band\""), std::string::npos);
  EXPECT_NE(svg.find("series s1 dashed"), std::string::npos);
  EXPECT_NE(svg.find(">12h</text>"), std::string::npos);
  EXPECT_TRUE(reports::testing::remote_references(svg).empty());
  // The NaN is a gap: the step series has two subpaths, drawn with H/V.
  const std::size_t nodes = svg.find("series s1");
  const std::string d = reports::testing::attribute_of(svg, svg.rfind("<path", nodes), "d");
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2) << d;
  EXPECT_NE(d.find('H'), std::string::npos);
  EXPECT_EQ(svg, render_line_chart(two_series_chart()));  // deterministic
}

TEST(LineChart, AFarThresholdIsNamedNotDrawn) {
  LineChart c = two_series_chart();
  c.threshold = 800.0;  // far above the data: drawing it would flatten the series
  const std::string svg = render_line_chart(c);
  EXPECT_EQ(svg.find("class=\"threshold\""), std::string::npos);
  EXPECT_NE(svg.find("SLO (above the chart)"), std::string::npos);
}

TEST(HtmlText, NumbersIgnoreTheLocaleAndEscapingIsComplete) {
  EXPECT_EQ(fixed(12.345, 2), "12.35");
  EXPECT_EQ(fixed(-0.01, 1), "0.0");
  EXPECT_EQ(fixed(std::nan(""), 1), "n/a");
  EXPECT_EQ(compact(12.50, 2), "12.5");
  EXPECT_EQ(compact(3.0, 2), "3");
  EXPECT_EQ(compact(-0.001, 1), "0");
  EXPECT_EQ(grouped(86412345), "86\u2009412\u2009345");
  EXPECT_EQ(grouped(-1234), "-1\u2009234");
  EXPECT_EQ(escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  EXPECT_EQ(sim_time(3600000000), "01:00:00");
  EXPECT_EQ(sim_time(90061500000), "1d 01:01:01.500000");
}

}  // namespace
}  // namespace b24::reports::html
