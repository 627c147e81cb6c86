// Diagnostic formatting (file:line:column: error: key_path: message), file ordering, the exit
// status the command line uses, and the exception that carries a whole pass's errors.

#include <gtest/gtest.h>

#include <sstream>

#include "scenarios/diagnostic.hpp"

namespace b24::scenarios {
namespace {

TEST(Diagnostic, FormatsLikeACompiler) {
  EXPECT_EQ(format({"s.yaml", 4, 3, "dcs[2].web.min_nodes", "expected an integer, found 'abc'"}),
            "s.yaml:4:3: error: dcs[2].web.min_nodes: expected an integer, found 'abc'");
}

TEST(Diagnostic, LeavesOutWhatItDoesNotKnow) {
  EXPECT_EQ(format({"s.yaml", 2, 5, "", "invalid YAML: illegal map value"}),
            "s.yaml:2:5: error: invalid YAML: illegal map value");
  EXPECT_EQ(format({"s.yaml", 7, 0, "web", "m"}), "s.yaml:7: error: web: m");
  EXPECT_EQ(format({"gone.yaml", 0, 0, "", "cannot read the scenario: No such file"}),
            "gone.yaml: error: cannot read the scenario: No such file");
}

TEST(Diagnostic, QuotesFoundTextSafely) {
  EXPECT_EQ(quote("abc"), "'abc'");
  EXPECT_EQ(quote(std::string_view("a\0b\n\x7f", 5)), "'a\\x00b\\n\\x7f'");
  const std::string long_text(100, 'x');
  EXPECT_EQ(quote(long_text), "'" + std::string(60, 'x') + "...'");
  // A cut never splits a UTF-8 character: 59 ASCII bytes, then a 2-byte 'é' across byte 60.
  const std::string accented = std::string(59, 'a') + "\xc3\xa9" + "zzz";
  EXPECT_EQ(quote(accented), "'" + std::string(59, 'a') + "...'");
}

TEST(Diagnostics, SortsIntoFileOrderKeepingFilesInFirstMentionOrder) {
  Diagnostics d;
  d.add({"b.yaml", 9, 1, "x", "third"});
  d.add({"a.yaml", 5, 2, "y", "fifth"});
  d.add({"b.yaml", 2, 7, "z", "second"});
  d.add({"b.yaml", 2, 3, "w", "first"});
  d.add({"a.yaml", 1, 1, "v", "fourth"});
  const auto sorted = d.in_file_order();
  ASSERT_EQ(sorted.size(), 5U);
  EXPECT_EQ(sorted[0].message, "first");
  EXPECT_EQ(sorted[1].message, "second");
  EXPECT_EQ(sorted[2].message, "third");
  EXPECT_EQ(sorted[3].message, "fourth");
  EXPECT_EQ(sorted[4].message, "fifth");
}

TEST(Diagnostics, ReportPrintsEveryErrorAndReturnsExitStatusTwo) {
  Diagnostics d;
  d.add({"s.yaml", 3, 1, "b", "second"});
  d.add({"s.yaml", 1, 4, "a", "first"});
  std::ostringstream out;
  EXPECT_EQ(report(d, out), 2);
  EXPECT_EQ(invalid_scenario_exit_status, 2);
  EXPECT_EQ(out.str(), "s.yaml:1:4: error: a: first\ns.yaml:3:1: error: b: second\n");
}

TEST(Diagnostics, ScenarioErrorCarriesAllOfThem) {
  Diagnostics d;
  d.add({"s.yaml", 3, 1, "b", "second"});
  d.add({"s.yaml", 1, 4, "a", "first"});
  try {
    throw ScenarioError(d);
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 2U);
    EXPECT_STREQ(e.what(), "s.yaml:1:4: error: a: first (and 1 more)");
  }
}

}  // namespace
}  // namespace b24::scenarios
