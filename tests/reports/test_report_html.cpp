// report.html from a small hand-made run database (no simulation): every section the data
// calls for, charts that carry data, the map, the timeline, escaping, determinism, and clear
// errors for what is not a run directory.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>

#include "report_html_checks.hpp"
#include "reports/report_error.hpp"
#include "reports/report_html.hpp"
#include "reports/report_meta.hpp"
#include "reports/sqlite_recorder.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDirectory;

sim::Instant minute(int m) {
  return sim::start_instant + std::chrono::minutes{m};
}

void write_meta(SqliteRecorder& rec) {
  rec.set_meta("scenario_name", "tiny-outage");
  rec.set_meta("scenario_file", "scenarios/tiny.yaml");
  rec.set_meta("scenario_text", "name: tiny-outage\n# </pre><script>alert(1)</script>\n");
  rec.set_meta("seed", "7");
  rec.set_meta("overrides", "--set 'duration=2h'");
  rec.set_meta("version", "0.1.0");
  rec.set_meta("duration_us", "7200000000");
  rec.set_meta("sample_step_us", "60000000");
  rec.set_meta("dc_entities", "dc/fra,dc/par");
  rec.set_meta("topology_text", "dcs: [fra, par]\n");
  rec.set_meta(meta_scenario_resolved, "name: tiny-outage\nseed: 7\nduration: 2h\n");
  rec.set_meta(meta_slo_p99_latency_ms, meta_number(800.0));
  rec.set_meta(meta_slo_max_error_rate, meta_number(0.001));
  rec.set_meta(meta_dc_sites, dc_sites_json({{"fra", "Frankfurt am Main", 50.11, 8.68, "EU"},
                                             {"par", "Paris", 48.86, 2.35, "EU"}}));
  rec.set_meta(meta_dc_links, dc_links_json({{"fra", "par"}}));
}

// fra is down from minute 30 to 60; par takes its load.
void write_series(SqliteRecorder& rec) {
  for (int m = 1; m <= 120; ++m) {
    const bool fra_up = m < 30 || m >= 60;
    const double load = 100.0 + m;
    rec.sample(minute(m), "dc/fra",
               {{"arrivals", fra_up ? load * 60 : 0.0},
                {"offered_rps", load},
                {"desired_capacity", fra_up ? 4.0 : 0.0},
                {"nodes_in_service", fra_up ? 4.0 : 0.0},
                {"cpu_pct", fra_up ? 40.0 + m % 5 : 0.0},
                {"p50_latency_ms", 30.0},
                {"p99_latency_ms", m == 61 ? 950.0 : 140.0},
                {"dc_up", fra_up ? 1.0 : 0.0}});
    rec.sample(minute(m), "dc/par",
               {{"arrivals", (fra_up ? 50.0 : 50.0 + load) * 60},
                {"offered_rps", fra_up ? 50.0 : 50.0 + load},
                {"desired_capacity", fra_up ? 2.0 : 6.0},
                {"nodes_in_service", fra_up ? 2.0 : 5.0},
                {"cpu_pct", 45.0},
                {"p50_latency_ms", 31.0},
                {"p99_latency_ms", 150.0},
                {"dc_up", 1.0}});
    rec.sample(minute(m), "repl/fra->par",
               {{"lag_s", fra_up ? 0.01 : 60.0 * (m - 29)}, {"state", fra_up ? 0.0 : 1.0}});
    if (m % 3 == 0) {
      rec.event(minute(m), "scaling", "dc/par/asg", "target tracking: desired capacity +1");
    }
    if (m == 30) {
      rec.event(minute(m), "dc_failed", "dc/fra", "fault: the whole DC is down");
      rec.event(minute(m), "cohort_move", "cohort/eu-de", "fra -> par: home fra is down");
    }
    if (m == 60) rec.event(minute(m), "dc_recovered", "dc/fra", "fault over: the DC is back");
  }
}

void write_summary(SqliteRecorder& rec) {
  rec.set_summary(
      Summary()
          .add("run", Summary().add("scenario", "tiny-outage").add("events", 1234))
          .add("requests", Summary().add("arrived", 1000000).add("failed", 2500))
          .add("availability_pct", 99.75)
          .add("latency", Summary().add("p99_ms", 493.6))
          .add("slo_violation_minutes", 3)
          .add("nodes", Summary().add("node_hours", 12.5).add("cost_usd", 2.13))
          .add("placement", Summary().add("cohort_moves", 1).add("residency_violations", 0))
          .add("writes", Summary().add("at_risk", 17.0).add("lost", 0.0))
          .add("checks", Summary()
                             .add("passed", 1)
                             .add("failed", 1)
                             .add("1", Summary()
                                           .add("expression", "writes_lost == 0")
                                           .add("measured", 0.0)
                                           .add("unit", "")
                                           .add("verdict", "pass"))
                             .add("2", Summary()
                                           .add("expression", "availability >= 99.9%")
                                           .add("measured", 99.75)
                                           .add("unit", "%")
                                           .add("verdict", "fail"))));
}

fs::path make_run(const fs::path& dir) {
  fs::create_directories(dir);
  SqliteRecorder rec(dir);
  write_meta(rec);
  write_series(rec);
  write_summary(rec);
  rec.close();
  return dir;
}

TEST(ReportHtml, HasEverySectionTheRunCallsFor) {
  ScratchDirectory scratch;
  const std::string html = render_report_html(make_run(scratch.path() / "run"));
  for (const char* id : {"headline", "map", "dcs", "replication", "timeline", "reproduce"}) {
    EXPECT_TRUE(testing::has_section(html, id)) << id;
  }
  EXPECT_FALSE(testing::has_section(html, "calls"));    // no calls in this run
  EXPECT_FALSE(testing::has_section(html, "storage"));  // not a storage run
  EXPECT_NE(html.find("<meta name=\"viewport\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(ReportHtml, EveryChartHasData) {
  ScratchDirectory scratch;
  const std::string html = render_report_html(make_run(scratch.path() / "run"));
  const auto charts = testing::charts_in(html);
  // fra and par: load, nodes, CPU, latency; replication: overview and fra->par's own chart.
  EXPECT_GE(charts.size(), 10u);
  EXPECT_TRUE(testing::charts_without_data(html).empty());
  EXPECT_NE(html.find("id=\"chart-dc-fra-load\""), std::string::npos);
  EXPECT_NE(html.find("id=\"chart-repl-fra-par-lag\""), std::string::npos);
  EXPECT_NE(html.find("class=\"band\""), std::string::npos);  // fra's outage shaded
}

TEST(ReportHtml, NoRemoteReferenceAndNothingUnescaped) {
  ScratchDirectory scratch;
  const std::string html = render_report_html(make_run(scratch.path() / "run"));
  EXPECT_EQ(testing::remote_references(html), std::vector<std::string>{});
  EXPECT_EQ(html.find("<script"), std::string::npos);  // the scenario text's tag is escaped
  EXPECT_NE(html.find("&lt;script&gt;alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("xmlns"), std::string::npos);
}

TEST(ReportHtml, HeadlineIsColouredAgainstTheSloAndChecks) {
  ScratchDirectory scratch;
  const std::string html = render_report_html(make_run(scratch.path() / "run"));
  // 99.75 % against a 0.1 % error budget: red; p99 493.6 ms under 800 ms: green.
  EXPECT_NE(html.find("<div class=\"card bad\"><div class=\"label\">Availability"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"card ok\"><div class=\"label\">p99 latency"),
            std::string::npos);
  EXPECT_NE(html.find("SLO: at most 800 ms"), std::string::npos);
  EXPECT_NE(html.find("1 of 2 passed"), std::string::npos);
  EXPECT_NE(html.find("<code>availability &gt;= 99.9%</code>"), std::string::npos);
  EXPECT_NE(html.find("class=\"fail\">FAIL"), std::string::npos);
  EXPECT_NE(html.find("Writes at risk"), std::string::npos);
  EXPECT_NE(html.find("Residency violations"), std::string::npos);
}

TEST(ReportHtml, MapTimelineAndReproduction) {
  ScratchDirectory scratch;
  const std::string html = render_report_html(make_run(scratch.path() / "run"));
  EXPECT_NE(html.find("<svg class=\"map\" id=\"map-world\""), std::string::npos);
  EXPECT_NE(html.find("class=\"dc failed\" data-dc=\"fra\""), std::string::npos);
  EXPECT_NE(html.find("class=\"dc quiet\" data-dc=\"par\""), std::string::npos);
  EXPECT_NE(html.find("<path id=\"land-110m\""), std::string::npos);
  EXPECT_NE(html.find("Frankfurt am Main"), std::string::npos);  // a detail map labels it
  EXPECT_NE(html.find("<svg class=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find(">dc_failed</td>"), std::string::npos);
  EXPECT_NE(html.find("fra -&gt; par: home fra is down"), std::string::npos);
  EXPECT_NE(html.find("20 &times; scaling"), std::string::npos) << "not collapsed per hour";
  EXPECT_NE(html.find("b24sim run scenarios/tiny.yaml --seed 7 --set &#39;duration=2h&#39;"),
            std::string::npos);
  EXPECT_NE(html.find("name: tiny-outage\nseed: 7\nduration: 2h"), std::string::npos);
}

TEST(ReportHtml, SameRunGivesTheSameBytesAndWritesReportHtml) {
  ScratchDirectory scratch;
  const fs::path run = make_run(scratch.path() / "run");
  const fs::path file = write_report_html(run);
  EXPECT_EQ(file, run / "report.html");
  EXPECT_EQ(testing::read_file(file), render_report_html(run));
  EXPECT_FALSE(fs::exists(run / "report.html.partial"));
  // A second run written the same way (another wall-clock start) renders identically.
  EXPECT_EQ(render_report_html(make_run(scratch.path() / "again")), render_report_html(run));
}

TEST(ReportHtml, OldRunsWithoutTheReportKeysStillRender) {
  ScratchDirectory scratch;
  const fs::path dir = scratch.path() / "old";
  fs::create_directories(dir);
  {
    SqliteRecorder rec(dir);
    rec.set_meta("scenario_name", "old");
    rec.set_meta("dc_entities", "dc/fra");
    rec.sample(minute(1), "dc/fra", {{"cpu_pct", 10.0}});
    rec.sample(minute(2), "dc/fra", {{"cpu_pct", 12.0}});
    rec.close();
  }
  const std::string html = render_report_html(dir);
  EXPECT_TRUE(testing::has_section(html, "dcs"));
  EXPECT_FALSE(testing::has_section(html, "map"));
  EXPECT_NE(html.find("recorded no SLO"), std::string::npos);
  EXPECT_TRUE(testing::charts_without_data(html).empty());
}

void expect_report_error(const fs::path& dir, const std::string& fragment) {
  try {
    (void)render_report_html(dir);
    FAIL() << "no error for " << dir;
  } catch (const ReportError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(dir.string()), std::string::npos) << message;
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
  }
}

TEST(ReportHtml, WhatIsNotARunDirectoryIsAClearError) {
  ScratchDirectory scratch;
  expect_report_error(scratch.path() / "missing", "does not exist");
  fs::create_directories(scratch.path() / "empty");
  expect_report_error(scratch.path() / "empty", "holds no run.sqlite");
  fs::create_directories(scratch.path() / "corrupt");
  testing::write_file(scratch.path() / "corrupt" / "run.sqlite", "not a database at all");
  expect_report_error(scratch.path() / "corrupt", "file is not a database");
  fs::create_directories(scratch.path() / "other");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((scratch.path() / "other" / "run.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "CREATE TABLE t(x); PRAGMA user_version = 9;", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  expect_report_error(scratch.path() / "other", "schema version 9");
  EXPECT_FALSE(fs::exists(scratch.path() / "corrupt" / "report.html"));
}

}  // namespace
}  // namespace b24::reports
