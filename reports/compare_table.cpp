#include "reports/compare_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace b24::reports {
namespace {

std::string printf_double(const char* format, int precision, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, precision, value);
  return buffer;
}

std::string group_cell(const std::optional<GroupFigure>& g) {
  if (!g) return "n/a";
  if (g->estimate.n < 2) return format_figure(g->estimate.mean);
  return format_with_interval(g->estimate.mean, g->estimate.ci_half_width);
}

std::string difference_cell(const std::optional<DifferenceEstimate>& d) {
  if (!d) return "n/a";
  if (d->method == DifferenceMethod::none) return format_figure(d->difference);
  const bool excludes_zero = std::abs(d->difference) > d->ci_half_width;
  return format_with_interval(d->difference, d->ci_half_width) + (excludes_zero ? " *" : "");
}

std::string percent_cell(double percent) {
  if (std::isnan(percent)) return "n/a";
  return printf_double("%+.*f%%", std::abs(percent) < 10 ? 2 : 1, percent);
}

}  // namespace

std::string format_figure(double value) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == std::trunc(value) && std::abs(value) < 1e15) return printf_double("%.*f", 0, value);
  if (std::abs(value) >= 1e5) return printf_double("%.*f", 1, value);
  return printf_double("%.*g", 6, value);
}

std::string format_with_interval(double value, double half_width) {
  if (std::isnan(half_width)) return format_figure(value);
  if (half_width == 0.0) return format_figure(value) + " ± 0";
  const int magnitude = static_cast<int>(std::floor(std::log10(half_width)));
  const int decimals = std::clamp(2 - magnitude, 0, 9);
  return printf_double("%.*f", decimals, value) + " ± " +
         printf_double("%.*f", decimals, half_width);
}

bool selected(const CompareFigure& figure, FigureSelection selection) {
  switch (selection) {
    case FigureSelection::headline:
      return figure.headline;
    case FigureSelection::others:
      return !figure.headline;
    case FigureSelection::all:
      break;
  }
  return true;
}

CompareTable make_compare_table(const CompareResult& result, FigureSelection selection) {
  CompareTable table;
  table.header.push_back("figure");
  for (const CompareGroup& g : result.groups) table.header.push_back(g.label);
  const std::string& base = result.groups.front().label;
  for (std::size_t g = 1; g < result.groups.size(); ++g) {
    table.header.push_back(result.groups[g].label + " - " + base);
    table.header.push_back(result.groups[g].label + " - " + base + " %");
  }
  for (const CompareFigure& f : result.figures) {
    if (!selected(f, selection)) continue;
    std::vector<std::string> row{f.label};
    for (const auto& g : f.groups) row.push_back(group_cell(g));
    for (std::size_t g = 1; g < result.groups.size(); ++g) {
      row.push_back(difference_cell(f.differences[g]));
      row.push_back(percent_cell(f.percent_difference(g)));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string describe_group(const CompareGroup& group) {
  const CompareRun& first = group.runs.front();
  std::string text = group.label + ": " + std::to_string(group.runs.size()) +
                     (group.runs.size() == 1 ? " run of " : " runs of ") + first.scenario;
  if (const std::string o = overrides_without_seed(first.overrides); !o.empty()) text += " " + o;
  text += group.runs.size() == 1 ? ", seed " : ", seeds ";
  for (std::size_t i = 0; i < group.runs.size(); ++i) {
    text += (i > 0 ? ", " : "") + group.runs[i].seed;
  }
  return text;
}

std::string describe_method(const CompareResult& result, std::size_t group) {
  const std::string name = result.groups[group].label + " - " + result.groups.front().label;
  switch (result.methods[group]) {
    case DifferenceMethod::paired:
      return name + ": paired by seed (common random numbers), Student t with " +
             std::to_string(result.groups[group].runs.size() - 1) + " df";
    case DifferenceMethod::welch:
      return name + ": independent groups, Welch's t (Welch-Satterthwaite df per figure)";
    case DifferenceMethod::none:
      break;
  }
  return name + ": difference of single runs, no interval (replicate with more seeds)";
}

}  // namespace b24::reports
