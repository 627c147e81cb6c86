#include "reports/run_directory.hpp"

#include <unistd.h>

#include <string>
#include <system_error>
#include <utility>

#include "reports/report_error.hpp"
#include "sim/assert.hpp"

namespace b24::reports {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, const std::error_code& ec) {
  throw ReportError(what + " " + path.string() + ": " + ec.message());
}

// `runs/day/` names the directory `runs/day`; "", "." and ".." name no directory we could create
// and rename.
fs::path normalized_output(fs::path out) {
  out = out.lexically_normal();
  if (!out.has_filename() && out.has_parent_path()) out = out.parent_path();
  const fs::path name = out.filename();
  if (name.empty() || name == "." || name == ".." || out == out.root_path()) {
    throw ReportError("run directory \"" + out.string() +
                      "\" does not name a directory that can be created");
  }
  return out;
}

fs::path sibling(const fs::path& out, std::string_view tag) {
  return out.parent_path() /
         (out.filename().string() + std::string(tag) + std::to_string(::getpid()));
}

// An existing `out` may be replaced only if it is a run directory or an empty directory (see the
// header); returns whether something is there to replace.
bool check_replaceable(const fs::path& out) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(out, ec);
  // Not found (or a parent that is a file): nothing to replace; creating it reports the problem.
  if (st.type() == fs::file_type::not_found) return false;
  if (ec) fail("cannot inspect", out, ec);
  if (!fs::is_directory(st)) {
    throw ReportError("cannot write the run to " + out.string() +
                      ": it exists and is not a directory; not replacing it");
  }
  const bool is_run = fs::exists(out / run_database_file_name, ec);
  if (ec) fail("cannot inspect", out, ec);
  const bool is_empty = fs::is_empty(out, ec);
  if (ec) fail("cannot inspect", out, ec);
  if (!is_run && !is_empty) {
    throw ReportError("cannot write the run to " + out.string() +
                      ": it is a non-empty directory without " +
                      std::string(run_database_file_name) +
                      ", so not an earlier run; not replacing it (choose another --out)");
  }
  return true;
}

// The name carries our pid, so anything there is a leftover of a killed run of ours.
void remove_leftover(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) fail("cannot remove the leftover", path, ec);
}

}  // namespace

RunDirectory::RunDirectory(fs::path out)
    : final_(normalized_output(std::move(out))),
      temporary_(sibling(final_, ".partial-")),
      aside_(sibling(final_, ".old-")) {
  check_replaceable(final_);
  std::error_code ec;
  if (final_.has_parent_path()) {
    fs::create_directories(final_.parent_path(), ec);
    if (ec) fail("cannot create the directory", final_.parent_path(), ec);
  }
  remove_leftover(temporary_);
  fs::create_directory(temporary_, ec);
  if (ec) fail("cannot create the run directory", temporary_, ec);
}

RunDirectory::~RunDirectory() {
  if (committed_) return;
  std::error_code ec;  // nothing useful to do about a failure while unwinding
  fs::remove_all(temporary_, ec);
}

void RunDirectory::commit() {
  B24_ASSERT_MSG(!committed_, "a run directory is committed once");
  const bool replacing = check_replaceable(final_);
  std::error_code ec;
  if (replacing) {
    remove_leftover(aside_);
    fs::rename(final_, aside_, ec);
    if (ec) fail("cannot move the earlier run aside:", final_, ec);
  }
  fs::rename(temporary_, final_, ec);
  if (ec) {
    std::error_code ignored;  // best effort: put the earlier run back, report the first error
    if (replacing) fs::rename(aside_, final_, ignored);
    fail("cannot rename " + temporary_.string() + " to", final_, ec);
  }
  committed_ = true;
  // The new run is in place; an old copy that cannot be deleted is clutter, not an error.
  if (replacing) fs::remove_all(aside_, ec);
}

}  // namespace b24::reports
