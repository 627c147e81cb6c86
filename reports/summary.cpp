#include "reports/summary.hpp"

#include <algorithm>
#include <utility>

namespace b24::reports {

bool Summary::contains(std::string_view key) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [key](const Entry& e) { return e.key == key; });
}

Summary& Summary::add(std::string_view key, SummaryScalar value) {
  B24_ASSERT_MSG(!contains(key), "duplicate key in a summary object");
  entries_.push_back(Entry{std::string(key), std::move(value)});
  return *this;
}

Summary& Summary::add(std::string_view key, Summary object) {
  B24_ASSERT_MSG(!contains(key), "duplicate key in a summary object");
  entries_.push_back(Entry{std::string(key), std::move(object)});
  return *this;
}

bool operator==(const Summary& a, const Summary& b) {
  return a.entries_ == b.entries_;
}

}  // namespace b24::reports
