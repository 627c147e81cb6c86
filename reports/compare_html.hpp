#pragma once
// compare.html: the comparison as one self-contained page (inline CSS, no script, no font, no
// remote URL), readable on a phone and printable: the groups, the method, any warning, the
// table, then whatever the chart hook (compare_series.hpp) returns.

#include <string>
#include <string_view>

#include "reports/compare_result.hpp"

namespace b24::reports {

// The headline table, the charts (`charts_html`, compare_charts_html()'s fragment, inserted
// as is), then every other figure in a folded <details> section (no script needed).
[[nodiscard]] std::string compare_html(const CompareResult& result, std::string_view charts_html);

}  // namespace b24::reports
