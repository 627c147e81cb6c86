#pragma once
// What the report tests look for in report.html: the charts (with their data attributes and
// series paths), the sections, and any reference that would need the network. Plain string
// scanning, independent of the code that writes the report.

#include <string>
#include <string_view>
#include <vector>

namespace b24::reports::testing {

struct ChartFound {
  std::string id;            // the enclosing <figure>'s id ("chart-dc-fra-load")
  int declared_series = 0;   // data-series
  int declared_points = 0;   // data-points
  int series_with_data = 0;  // <path class="series ..."> with a non-empty d and >= 2 points
};

// Every <svg class="chart" ...> ... </svg> in document order.
[[nodiscard]] std::vector<ChartFound> charts_in(std::string_view html);

// Snippets around anything that could reach the network: "http://", "https://", "ftp://",
// src/href values that are not a same-document "#..." reference, url(...) that is not
// "#..." or "data:", and @import.
[[nodiscard]] std::vector<std::string> remote_references(std::string_view html);

// The value of `attribute="..."` in the tag that starts at `tag_begin`, or "".
[[nodiscard]] std::string attribute_of(std::string_view html, std::size_t tag_begin,
                                       std::string_view attribute);

[[nodiscard]] bool has_section(std::string_view html, std::string_view id);

// "every chart has >= 1 series with >= 2 points": the ids of the charts that do not.
[[nodiscard]] std::vector<std::string> charts_without_data(std::string_view html);

}  // namespace b24::reports::testing
