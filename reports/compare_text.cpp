#include "reports/compare_text.hpp"

#include <algorithm>
#include <cmath>

#include "reports/compare_table.hpp"

namespace b24::reports {
namespace {

// Columns are aligned on characters, not bytes: "±" is two bytes of UTF-8.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void append_row(std::string& out, const std::vector<std::string>& cells,
                const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    if (i + 1 < cells.size()) line.append(widths[i] + 2 - display_width(cells[i]), ' ');
  }
  out += line + "\n";
}

std::string table_text(const CompareTable& table) {
  std::vector<std::size_t> widths(table.header.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  widen(table.header);
  for (const auto& row : table.rows) widen(row);
  std::string out;
  append_row(out, table.header, widths);
  for (const auto& row : table.rows) append_row(out, row, widths);
  return out;
}

}  // namespace

std::string compare_text(const CompareResult& result, bool all_figures) {
  const int percent = static_cast<int>(std::lround(100.0 * result.confidence));
  std::string out = "b24sim compare: " + std::to_string(result.groups.size()) + " group" +
                    (result.groups.size() == 1 ? "" : "s") + "; mean ± " + std::to_string(percent) +
                    " % confidence interval (Student t) per group " + "of replications\n";
  for (const CompareGroup& g : result.groups) {
    out += "  " + describe_group(g) + "\n";
    for (const std::string& p : g.problems) {
      out += "  warning: " + g.label + " is not a set of replications: " + p + "\n";
    }
  }
  for (std::size_t g = 1; g < result.groups.size(); ++g) {
    out += "  " + describe_method(result, g) + "\n";
  }
  out += '\n';
  out += table_text(
      make_compare_table(result, all_figures ? FigureSelection::all : FigureSelection::headline));
  if (result.groups.size() > 1) {
    out += "\n* the " + std::to_string(percent) +
           " % interval of the difference excludes 0; % is relative to " +
           result.groups.front().label + "'s mean\n";
  }
  return out;
}

}  // namespace b24::reports
