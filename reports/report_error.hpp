#pragma once
// The error a user can cause while a run is being written (an output path that cannot be
// created, a full disk, a database that cannot be opened). Unlike a broken invariant, which
// trips B24_ASSERT, this is reported to the person running the simulator, so the message always
// names the path involved. The CLI catches it and exits with an error instead of aborting.

#include <stdexcept>

namespace b24::reports {

class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace b24::reports
