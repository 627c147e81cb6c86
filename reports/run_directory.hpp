#pragma once
// A run directory that is either complete or absent. Everything is written into a temporary
// sibling `<out>.partial-<pid>`; commit() renames it to `<out>`. Destroying a RunDirectory that
// was not committed (an exception unwinding the run) removes the temporary directory, so a
// reader never sees half a run under the final name. A process killed outright (SIGKILL, a
// failed B24_ASSERT) runs no destructor: its `<out>.partial-<pid>` stays behind for a person to
// inspect or delete, and `<out>` is still untouched.
//
// Replacing an earlier run: if `<out>` already exists, commit() replaces it, because re-running
// a scenario into the same --out is the common case and keeping stale results would be worse.
// A directory cannot be renamed over a non-empty one, so commit() renames the old one aside to
// `<out>.old-<pid>`, renames the new one in, then deletes the old one. Between the two renames
// `<out>` is briefly absent, never mixed. To avoid deleting something that is not ours (a typo
// such as --out ~), only an empty directory or one holding `run.sqlite` is replaced; anything
// else (a file, a symlink, a directory with other contents) is refused with a ReportError, and
// that check is made at construction too, before any simulation time is spent.
//
// The pid in the temporary names keeps two concurrent runs into the same `<out>` apart; the
// last to commit wins.

#include <filesystem>
#include <string_view>

namespace b24::reports {

// The file whose presence marks a directory as a run directory (see above).
inline constexpr std::string_view run_database_file_name = "run.sqlite";

class RunDirectory {
 public:
  // Creates the parent directories of `out` if needed and a fresh temporary directory.
  // Throws ReportError, naming the path, when that fails or `out` may not be replaced.
  explicit RunDirectory(std::filesystem::path out);
  // Removes the temporary directory unless commit() succeeded; never throws.
  ~RunDirectory();

  RunDirectory(const RunDirectory&) = delete;
  RunDirectory& operator=(const RunDirectory&) = delete;
  RunDirectory(RunDirectory&&) = delete;
  RunDirectory& operator=(RunDirectory&&) = delete;

  // Where to write files now: the temporary directory until commit(), then the final one.
  [[nodiscard]] const std::filesystem::path& path() const noexcept {
    return committed_ ? final_ : temporary_;
  }
  [[nodiscard]] const std::filesystem::path& final_path() const noexcept { return final_; }
  [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept { return temporary_; }
  [[nodiscard]] bool committed() const noexcept { return committed_; }

  // Publishes the run under final_path(), replacing an earlier run there. Close every file
  // written into path() first. Throws ReportError if a rename fails; the temporary directory is
  // then still removed by the destructor and an earlier run is put back where possible.
  void commit();

 private:
  std::filesystem::path final_;
  std::filesystem::path temporary_;
  std::filesystem::path aside_;  // where an earlier run is moved during commit()
  bool committed_ = false;
};

}  // namespace b24::reports
