#pragma once
// `b24sim compare`'s text on stdout: which runs form each group, how differences are
// estimated, any warning about groups that are not replications, and the aligned table.

#include <string>

#include "reports/compare_result.hpp"

namespace b24::reports {

[[nodiscard]] std::string compare_text(const CompareResult& result, bool all_figures);

}  // namespace b24::reports
