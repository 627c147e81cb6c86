#pragma once
// A file that appears under its name only once it is complete: written to a hidden temporary
// sibling `.<name>.partial-<pid>`, flushed and checked, then renamed over the final name (a
// rename within one directory is atomic on POSIX). Destroying an AtomicFile that was not
// published removes the temporary file, so an exception (a full disk, a bad database) leaves
// neither a half-written file nor litter. Used for exports and comparison outputs, where
// several files are finished first and published together at the end.

#include <filesystem>
#include <fstream>
#include <string_view>

namespace b24::reports {

class AtomicFile {
 public:
  // Creates the temporary file; throws ReportError naming the path if it cannot.
  explicit AtomicFile(std::filesystem::path final_path);
  ~AtomicFile();

  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&&) = delete;
  AtomicFile& operator=(AtomicFile&&) = delete;

  void write(std::string_view bytes);
  // Flushes and closes the temporary file; throws ReportError if any write failed (disk full).
  void finish();
  // Renames the finished file to its final name, replacing an older file of that name.
  void publish();

  [[nodiscard]] const std::filesystem::path& final_path() const noexcept { return final_; }

 private:
  std::filesystem::path final_;
  std::filesystem::path temporary_;
  std::ofstream out_;
  bool finished_ = false;
  bool published_ = false;
};

}  // namespace b24::reports
