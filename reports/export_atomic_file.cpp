#include "reports/export_atomic_file.hpp"

#include <unistd.h>

#include <string>
#include <system_error>
#include <utility>

#include "reports/report_error.hpp"
#include "sim/assert.hpp"

namespace b24::reports {

AtomicFile::AtomicFile(std::filesystem::path final_path)
    : final_(std::move(final_path)),
      // The pid keeps two concurrent writers of the same file apart; the last rename wins.
      temporary_(final_.parent_path() / (std::string(".") + final_.filename().string() +
                                         ".partial-" + std::to_string(::getpid()))) {
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) throw ReportError("cannot create " + temporary_.string());
}

AtomicFile::~AtomicFile() {
  if (published_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::write(std::string_view bytes) {
  B24_ASSERT(!finished_);
  out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void AtomicFile::finish() {
  B24_ASSERT(!finished_);
  out_.close();
  if (!out_) throw ReportError("cannot write " + temporary_.string() + " (disk full?)");
  finished_ = true;
}

void AtomicFile::publish() {
  B24_ASSERT(finished_ && !published_);
  std::error_code ec;
  std::filesystem::rename(temporary_, final_, ec);
  if (ec) {
    throw ReportError("cannot rename " + temporary_.string() + " to " + final_.string() + ": " +
                      ec.message());
  }
  published_ = true;
}

}  // namespace b24::reports
