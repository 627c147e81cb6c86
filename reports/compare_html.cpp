#include "reports/compare_html.hpp"

#include <algorithm>
#include <cmath>

#include "reports/compare_table.hpp"
#include "reports/html/html_text.hpp"

namespace b24::reports {
namespace {

constexpr std::string_view style = R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:1rem;color:#1a1a1a}
h1{font-size:1.3rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
details{margin-top:1rem}
.warning{color:#a40000}
.note{color:#555;font-size:.9rem}
@media print{.scroll{overflow:visible}}
</style>
)";

std::string table_html(const CompareResult& result, FigureSelection selection) {
  const CompareTable table = make_compare_table(result, selection);
  std::string out = "<div class=\"scroll\"><table>\n<thead><tr>";
  for (const std::string& h : table.header) out += "<th>" + html::escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (const std::string& cell : row) out += "<td>" + html::escape(cell) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string groups_html(const CompareResult& result) {
  std::string out = "<ul>\n";
  for (const CompareGroup& g : result.groups) {
    out += "<li>" + html::escape(describe_group(g)) + "<br><span class=\"note\">";
    for (std::size_t i = 0; i < g.runs.size(); ++i) {
      out += (i > 0 ? ", " : "") + html::escape(g.runs[i].directory.string());
    }
    out += "</span></li>\n";
    for (const std::string& p : g.problems) {
      out += "<li class=\"warning\">" +
             html::escape("warning: " + g.label + " is not a set of replications: " + p) +
             "</li>\n";
    }
  }
  for (std::size_t g = 1; g < result.groups.size(); ++g) {
    out += "<li>" + html::escape(describe_method(result, g)) + "</li>\n";
  }
  return out + "</ul>\n";
}

}  // namespace

std::string compare_html(const CompareResult& result, std::string_view charts_html) {
  const int percent = static_cast<int>(std::lround(100.0 * result.confidence));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>b24sim compare</title>\n";
  out += style;
  out += "</head>\n<body>\n<h1>b24sim compare</h1>\n";
  out += groups_html(result);
  out += "<p class=\"note\">Mean ± " + std::to_string(percent) +
         " % confidence interval (Student t) over each group's replications. * marks a "
         "difference whose interval excludes 0; % is relative to " +
         html::escape(result.groups.front().label) +
         "'s mean. Every figure is in compare.json.</p>\n";
  out += table_html(result, FigureSelection::headline);
  if (!charts_html.empty()) {
    out += "<section class=\"charts\">\n" + std::string(charts_html) + "</section>\n";
  }
  // The rest (per DC, per replication edge, ...) folded away: often hundreds of rows.
  const auto others = std::count_if(result.figures.begin(), result.figures.end(),
                                    [](const CompareFigure& f) { return !f.headline; });
  if (others > 0) {
    out += "<details>\n<summary>Every other figure (" + std::to_string(others) + ")</summary>\n";
    out += table_html(result, FigureSelection::others) + "</details>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace b24::reports
