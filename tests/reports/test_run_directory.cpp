#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <stdexcept>

#include "reports/report_error.hpp"
#include "reports/run_directory.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {
namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::read_file;
using testing::ScratchDirectory;
using testing::write_file;

std::string pid_suffix() {
  return std::to_string(::getpid());
}

TEST(RunDirectory, WritesIntoATemporarySiblingUntilCommit) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  RunDirectory run(out);
  EXPECT_EQ(run.final_path(), out);
  EXPECT_EQ(run.path(), scratch.path() / ("run1.partial-" + pid_suffix()));
  EXPECT_TRUE(fs::is_directory(run.path()));
  EXPECT_FALSE(fs::exists(out));
  write_file(run.path() / "run.sqlite", "data");

  run.commit();
  EXPECT_TRUE(run.committed());
  EXPECT_EQ(run.path(), out);
  EXPECT_EQ(read_file(out / "run.sqlite"), "data");
  EXPECT_THAT(scratch.names(), ElementsAre("run1"));
}

TEST(RunDirectory, AnExceptionBeforeCommitLeavesNoDirectory) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  try {
    RunDirectory run(out);
    write_file(run.path() / "run.sqlite", "half a run");
    throw std::runtime_error("the simulation failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_THAT(scratch.names(), ElementsAre());
}

TEST(RunDirectory, CommitReplacesAnEarlierRun) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  fs::create_directory(out);
  write_file(out / "run.sqlite", "old");
  write_file(out / "report.html", "old report");

  RunDirectory run(out);
  write_file(run.path() / "run.sqlite", "new");
  EXPECT_EQ(read_file(out / "run.sqlite"), "old");  // untouched until commit
  run.commit();
  EXPECT_EQ(read_file(out / "run.sqlite"), "new");
  EXPECT_FALSE(fs::exists(out / "report.html"));
  EXPECT_THAT(scratch.names(), ElementsAre("run1"));  // no .old- or .partial- left
}

TEST(RunDirectory, ReplacesAnEmptyDirectory) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  fs::create_directory(out);
  RunDirectory run(out);
  write_file(run.path() / "summary.json", "{}");
  run.commit();
  EXPECT_EQ(read_file(out / "summary.json"), "{}");
}

TEST(RunDirectory, RefusesToReplaceADirectoryThatIsNotARun) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "home";
  fs::create_directory(out);
  write_file(out / "precious.txt", "keep me");
  try {
    RunDirectory run(out);
    FAIL() << "expected a ReportError";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr(out.string()));
    EXPECT_THAT(e.what(), HasSubstr("not replacing"));
  }
  EXPECT_EQ(read_file(out / "precious.txt"), "keep me");
  EXPECT_THAT(scratch.names(), ElementsAre("home"));
}

TEST(RunDirectory, RechecksAtCommitWhatAppearedDuringTheRun) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  {
    RunDirectory run(out);
    fs::create_directory(out);
    write_file(out / "precious.txt", "keep me");
    EXPECT_THROW(run.commit(), ReportError);
    EXPECT_FALSE(run.committed());
  }
  EXPECT_EQ(read_file(out / "precious.txt"), "keep me");
  EXPECT_THAT(scratch.names(), ElementsAre("run1"));
}

TEST(RunDirectory, RefusesToReplaceAFile) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  write_file(out, "a file");
  EXPECT_THROW(RunDirectory{out}, ReportError);
  EXPECT_EQ(read_file(out), "a file");
}

TEST(RunDirectory, APathUnderARegularFileIsAClearError) {
  ScratchDirectory scratch;
  write_file(scratch.path() / "file", "x");
  const fs::path out = scratch.path() / "file" / "runs" / "run1";
  try {
    RunDirectory run(out);
    FAIL() << "expected a ReportError";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot create"));
    EXPECT_THAT(e.what(), HasSubstr((scratch.path() / "file").string()));
  }
  EXPECT_THAT(scratch.names(), ElementsAre("file"));
}

TEST(RunDirectory, CreatesMissingParentsAndAcceptsATrailingSlash) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "a" / "b" / "run1";
  RunDirectory run(out.string() + "/");
  EXPECT_EQ(run.final_path(), out);
  run.commit();
  EXPECT_TRUE(fs::is_directory(out));
}

TEST(RunDirectory, RejectsPathsThatNameNoDirectory) {
  EXPECT_THROW(RunDirectory{""}, ReportError);
  EXPECT_THROW(RunDirectory{"."}, ReportError);
  EXPECT_THROW(RunDirectory{"a/.."}, ReportError);
  EXPECT_THROW(RunDirectory{"/"}, ReportError);
}

TEST(RunDirectory, ClearsTheLeftoverOfAKilledRunWithTheSamePid) {
  ScratchDirectory scratch;
  const fs::path out = scratch.path() / "run1";
  const fs::path leftover = scratch.path() / ("run1.partial-" + pid_suffix());
  fs::create_directory(leftover);
  write_file(leftover / "run.sqlite", "stale");
  RunDirectory run(out);
  EXPECT_TRUE(fs::is_empty(run.path()));
}

}  // namespace
}  // namespace b24::reports
