// `b24view --screenshot`, the real executable: a PNG that is not blank for a good run, and a
// non-zero exit with the reason on stderr for a missing or corrupt database.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QProcess>
#include <set>

#include "../reports/sqlite_dump.hpp"
#include "viewer_test_support.hpp"

namespace b24::viewer {
namespace {
using reports::testing::ScratchDirectory;
using reports::testing::write_file;
using testing::tour_run;

struct Outcome {
  int status = -1;
  QString stderr_text;
};

Outcome run_b24view(const QStringList& arguments) {
  QProcess process;
  process.start(B24VIEW_PATH, arguments);
  if (!process.waitForFinished(180'000)) {
    process.kill();
    return {};
  }
  if (process.exitStatus() != QProcess::NormalExit) return {};  // a crash: status stays -1
  return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardError())};
}

int distinct_colours(const QImage& image) {
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
  }
  return static_cast<int>(colours.size());
}

TEST(Screenshot, WritesAPictureOfTheRunAtTheGivenTime) {
  testing::app();
  ScratchDirectory dir;
  const QString png = QString::fromStdString((dir.path() / "tour.png").string());
  const Outcome o = run_b24view({"--screenshot", png, QString::fromStdString(tour_run().string()),
                                 "--at", "02:00", "--select", "dc/sto", "--size", "1200x800"});
  ASSERT_EQ(o.status, 0) << o.stderr_text.toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1200, 800));
  // A blank or single-colour window has a handful of colours; map, charts and text have many.
  EXPECT_GT(distinct_colours(image), 200);
}

TEST(Screenshot, AMissingRunExitsNonZeroWithTheReason) {
  testing::app();
  ScratchDirectory dir;
  const QString png = QString::fromStdString((dir.path() / "x.png").string());
  const Outcome o = run_b24view({"--screenshot", png, "/nonexistent/b24view-run"});
  EXPECT_EQ(o.status, 1);
  EXPECT_TRUE(o.stderr_text.contains("/nonexistent/b24view-run")) << o.stderr_text.toStdString();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x.png"));
}

TEST(Screenshot, ACorruptDatabaseExitsNonZero) {
  testing::app();
  ScratchDirectory dir;
  write_file(dir.path() / "run.sqlite", std::string(8192, 'z'));
  const Outcome o =
      run_b24view({"--screenshot", QString::fromStdString((dir.path() / "x.png").string()),
                   QString::fromStdString(dir.path().string())});
  EXPECT_EQ(o.status, 1);
  EXPECT_FALSE(o.stderr_text.isEmpty());
}

TEST(Screenshot, ABadTimeExitsNonZero) {
  testing::app();
  ScratchDirectory dir;
  const Outcome o =
      run_b24view({"--screenshot", QString::fromStdString((dir.path() / "x.png").string()),
                   QString::fromStdString(tour_run().string()), "--at", "soon"});
  EXPECT_EQ(o.status, 1);
  EXPECT_TRUE(o.stderr_text.contains("--at")) << o.stderr_text.toStdString();
}

}  // namespace
}  // namespace b24::viewer
