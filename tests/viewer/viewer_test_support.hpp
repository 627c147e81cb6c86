#pragma once
// What the viewer tests share: one QApplication (offscreen), the student-tour run that the
// ctest fixture viewer.make_tour_run writes (made here when a test runs without ctest), and
// SQL over a run database read independently of the viewer's reader.

#include <QApplication>
#include <cstdint>
#include <filesystem>
#include <string>

namespace b24::viewer::testing {

// Created on first use, with the offscreen platform unless QT_QPA_PLATFORM says otherwise.
QApplication& app();

// The directory of the student-tour run (scenarios/student-tour.yaml, seed 1, 4 h).
[[nodiscard]] const std::filesystem::path& tour_run();

// Microseconds from hours and minutes.
[[nodiscard]] constexpr std::int64_t at(int hours, int minutes = 0) {
  return (static_cast<std::int64_t>(hours) * 60 + minutes) * 60'000'000;
}

// The value of `metric` of `entity` in force at `time_us` (the last sample at or before it),
// straight from SQLite.
[[nodiscard]] double sql_value_at(const std::filesystem::path& run, const std::string& entity,
                                  const std::string& metric, std::int64_t time_us);
// The time of the first event of `kind` on `entity`.
[[nodiscard]] std::int64_t sql_event_time(const std::filesystem::path& run, const std::string& kind,
                                          const std::string& entity);

}  // namespace b24::viewer::testing
