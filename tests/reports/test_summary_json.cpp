#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "reports/report_error.hpp"
#include "reports/summary_json.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::read_file;
using testing::ScratchDirectory;

Summary example() {
  Summary s;
  s.add("scenario", "single-dc-day")
      .add("seed", 42)
      .add("requests", std::uint64_t{86'400'123})
      .add("availability_pct", 99.95)
      .add("node_hours", 96.0)
      .add("slo_met", true)
      .add("latency_ms", Summary().add("p50", 81.25).add("p99", 0.1 + 0.2))
      .add("empty", Summary())
      .add("mean_with_no_requests", std::nan(""))
      .add("note", "quote \" backslash \\ newline \n é");
  return s;
}

TEST(SummaryJson, HasAFixedLayout) {
  EXPECT_EQ(to_json(example()),
            R"({
  "scenario": "single-dc-day",
  "seed": 42,
  "requests": 86400123,
  "availability_pct": 99.95,
  "node_hours": 96.0,
  "slo_met": true,
  "latency_ms": {
    "p50": 81.25,
    "p99": 0.30000000000000004
  },
  "empty": {},
  "mean_with_no_requests": null,
  "note": "quote \" backslash \\ newline \n é"
}
)");
}

TEST(SummaryJson, IsByteIdenticalForIdenticalInput) {
  ScratchDirectory scratch;
  write_summary_json(scratch.path() / "a.json", example());
  write_summary_json(scratch.path() / "b.json", example());
  const std::string a = read_file(scratch.path() / "a.json");
  EXPECT_EQ(a, read_file(scratch.path() / "b.json"));
  EXPECT_EQ(a, to_json(example()));
  // Insertion order, not sorted order: a different order is a different file.
  EXPECT_NE(to_json(Summary().add("b", 1).add("a", 2)), to_json(Summary().add("a", 2).add("b", 1)));
}

TEST(SummaryJson, ParsesBackToTheSameValues) {
  const auto j = nlohmann::ordered_json::parse(to_json(example()));
  EXPECT_EQ(j.at("scenario"), "single-dc-day");
  EXPECT_EQ(j.at("requests").get<std::int64_t>(), 86'400'123);
  EXPECT_TRUE(j.at("requests").is_number_integer());
  EXPECT_TRUE(j.at("node_hours").is_number_float());
  EXPECT_EQ(j.at("latency_ms").at("p99").get<double>(), 0.1 + 0.2);
  EXPECT_TRUE(j.at("mean_with_no_requests").is_null());
  EXPECT_EQ(j.at("note"), "quote \" backslash \\ newline \n é");
  EXPECT_EQ(j.begin().key(), "scenario");
}

TEST(SummaryJson, DoublesRoundTripExactly) {
  const double values[] = {0.1,
                           1.0 / 3.0,
                           1e300,
                           std::numeric_limits<double>::denorm_min(),
                           -0.0,
                           123456789.125,
                           std::numeric_limits<double>::max(),
                           1e-7};
  for (const double v : values) {
    const auto j = nlohmann::json::parse(to_json(Summary().add("v", v)));
    const double back = j.at("v").get<double>();
    EXPECT_EQ(std::memcmp(&back, &v, sizeof v), 0) << to_json(Summary().add("v", v));
  }
}

TEST(SummaryJson, AnUnwritableFileIsAnErrorNamingIt) {
  ScratchDirectory scratch;
  testing::write_file(scratch.path() / "file", "x");
  const fs::path target = scratch.path() / "file" / "summary.json";
  try {
    write_summary_json(target, example());
    FAIL() << "expected a ReportError";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr(target.string()));
  }
}

}  // namespace
}  // namespace b24::reports
