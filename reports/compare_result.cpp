#include "reports/compare_result.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "reports/compare_figures.hpp"
#include "sim/assert.hpp"

namespace b24::reports {
namespace {

// Keys in display order: the headline ones any run holds, then the rest by first appearance.
std::vector<std::string> figure_keys(const std::vector<CompareGroup>& groups) {
  std::set<std::string> present;
  std::vector<std::string> others;
  for (const CompareGroup& g : groups) {
    for (const CompareRun& r : g.runs) {
      for (const auto& [key, value] : r.figures) {
        if (!is_comparable_key(key) || !present.insert(key).second) continue;
        if (!is_headline(key)) others.push_back(key);
      }
    }
  }
  std::vector<std::string> keys;
  for (const HeadlineFigure& h : headline_figures()) {
    if (present.contains(std::string(h.key))) keys.emplace_back(h.key);
  }
  keys.insert(keys.end(), others.begin(), others.end());
  return keys;
}

// Paired when both groups are replications of two or more runs over the same set of seeds.
DifferenceMethod choose_method(const CompareGroup& a, const CompareGroup& b, bool unpaired) {
  if (a.runs.size() < 2 || b.runs.size() < 2) return DifferenceMethod::none;
  if (unpaired || a.runs.size() != b.runs.size()) return DifferenceMethod::welch;
  std::set<std::string> seeds_a;
  std::set<std::string> seeds_b;
  for (const CompareRun& r : a.runs) seeds_a.insert(r.seed);
  for (const CompareRun& r : b.runs) seeds_b.insert(r.seed);
  const bool distinct = seeds_a.size() == a.runs.size();
  return distinct && seeds_a == seeds_b ? DifferenceMethod::paired : DifferenceMethod::welch;
}

// The group's figures as a runs x keys matrix, for the keys every run of the group holds.
void estimate_group(const CompareGroup& group, std::size_t g, std::vector<CompareFigure>& figures,
                    double confidence) {
  std::vector<std::size_t> complete;  // indexes into figures
  std::vector<std::vector<double>> rows(group.runs.size());
  for (std::size_t f = 0; f < figures.size(); ++f) {
    std::vector<double> column;
    for (const CompareRun& r : group.runs) {
      if (const auto v = r.figure(figures[f].key)) column.push_back(*v);
    }
    if (column.size() != group.runs.size()) continue;
    complete.push_back(f);
    for (std::size_t r = 0; r < rows.size(); ++r) rows[r].push_back(column[r]);
  }
  const std::vector<SampleEstimate> estimates = estimate_columns(rows, confidence);
  for (std::size_t c = 0; c < complete.size(); ++c) {
    GroupFigure gf;
    for (const auto& row : rows) gf.values.push_back(row[c]);
    gf.estimate = estimates[c];
    figures[complete[c]].groups[g] = std::move(gf);
  }
}

// Group b's values reordered to follow group a's seeds (paired differences need b[i] to be the
// run with a's i-th seed).
std::vector<double> in_seed_order_of(const CompareGroup& a, const CompareGroup& b,
                                     const std::vector<double>& b_values) {
  std::map<std::string, double> by_seed;
  for (std::size_t i = 0; i < b.runs.size(); ++i) by_seed[b.runs[i].seed] = b_values[i];
  std::vector<double> out;
  for (const CompareRun& r : a.runs) out.push_back(by_seed.at(r.seed));
  return out;
}

DifferenceEstimate difference(const CompareResult& result, std::size_t g,
                              const CompareFigure& figure) {
  const std::vector<double>& a = figure.groups[0]->values;
  const std::vector<double>& b = figure.groups[g]->values;
  if (result.methods[g] == DifferenceMethod::paired) {
    return paired_difference(a, in_seed_order_of(result.groups[0], result.groups[g], b),
                             result.confidence);
  }
  return welch_difference(a, b, result.confidence);  // method none when a group has one run
}

}  // namespace

double CompareFigure::percent_difference(std::size_t group) const {
  if (!groups[0] || !groups[group]) return std::numeric_limits<double>::quiet_NaN();
  const double base = groups[0]->estimate.mean;
  if (base == 0.0) return std::numeric_limits<double>::quiet_NaN();
  return 100.0 * (groups[group]->estimate.mean - base) / std::abs(base);
}

CompareResult compare_groups(std::vector<CompareGroup> groups, const CompareOptions& options) {
  B24_ASSERT(!groups.empty());
  CompareResult result;
  result.confidence = options.confidence;
  for (CompareGroup& g : groups) {
    B24_ASSERT(!g.runs.empty());
    g.problems = replication_problems(g.runs);
  }
  result.groups = std::move(groups);
  for (const CompareGroup& g : result.groups) {
    result.methods.push_back(&g == &result.groups.front()
                                 ? DifferenceMethod::none
                                 : choose_method(result.groups.front(), g, options.unpaired));
  }
  for (std::string& key : figure_keys(result.groups)) {
    CompareFigure f;
    f.label = figure_label(key);
    f.headline = is_headline(key);
    f.key = std::move(key);
    f.groups.resize(result.groups.size());
    f.differences.resize(result.groups.size());
    result.figures.push_back(std::move(f));
  }
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    estimate_group(result.groups[g], g, result.figures, result.confidence);
  }
  for (CompareFigure& f : result.figures) {
    for (std::size_t g = 1; g < result.groups.size(); ++g) {
      if (f.groups[0] && f.groups[g]) f.differences[g] = difference(result, g, f);
    }
  }
  return result;
}

}  // namespace b24::reports
