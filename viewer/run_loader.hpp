#pragma once
// Reading a run database into RunData. Blocking and thread-agnostic: RunModel calls these on a
// worker thread, tests call them directly. Each call opens its own read-only connection (a
// SQLite connection must not be shared between threads without care; opening one is cheap).
// Failures come back as a message, never as an exception or a crash: a missing directory, a
// file that is not SQLite, a database without our schema version.

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "viewer/run_data.hpp"

namespace b24::viewer {

struct LoadedRun {
  std::shared_ptr<const RunData> data;  // null on failure
  std::string error;                    // what went wrong, naming the path
};

// `path`: a run directory, or its run.sqlite.
[[nodiscard]] LoadedRun load_run(const std::filesystem::path& path);

using EntitySeries = std::map<std::string, Series, std::less<>>;

struct LoadedSeries {
  EntitySeries series;  // every metric recorded for the entity
  std::string error;
};

// Every series of one entity (what its charts draw).
[[nodiscard]] LoadedSeries load_entity_series(const std::filesystem::path& path,
                                              const std::string& entity);

}  // namespace b24::viewer
