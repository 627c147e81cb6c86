#include "reports/compare_json.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace b24::reports {
namespace {

using Json = nlohmann::ordered_json;

// A seed is a number in run.sqlite's text; kept as a string if it is not one.
Json seed_json(const std::string& seed) {
  const bool digits =
      !seed.empty() && seed.size() < 20 && std::all_of(seed.begin(), seed.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
  return digits ? Json(std::stoull(seed)) : Json(seed);
}

Json group_json(const CompareGroup& g) {
  Json runs = Json::array();
  for (const CompareRun& r : g.runs) {
    runs.push_back({{"directory", r.directory.string()},
                    {"scenario", r.scenario},
                    {"scenario_hash", r.scenario_hash},
                    {"overrides", r.overrides},
                    {"seed", seed_json(r.seed)}});
  }
  return {{"label", g.label},
          {"replications", g.runs.size() >= 2 && g.problems.empty()},
          {"problems", g.problems},
          {"runs", std::move(runs)}};
}

Json estimate_json(const std::string& label, const std::optional<GroupFigure>& g) {
  if (!g) return nullptr;
  const SampleEstimate& e = g->estimate;
  return {{"group", label},
          {"n", e.n},
          {"values", g->values},
          {"mean", e.mean},
          {"stddev", e.stddev},
          {"ci_half_width", e.ci_half_width},
          {"ci_low", e.mean - e.ci_half_width},
          {"ci_high", e.mean + e.ci_half_width}};
}

Json difference_json(const CompareResult& result, const CompareFigure& f, std::size_t g) {
  const std::optional<DifferenceEstimate>& d = f.differences[g];
  Json out = {{"group", result.groups[g].label}, {"baseline", result.groups.front().label}};
  if (!d) {
    out["method"] = nullptr;
    return out;
  }
  out["method"] = difference_method_name(d->method);
  out["difference"] = d->difference;
  out["percent"] = f.percent_difference(g);
  out["df"] = d->df;
  out["t"] = d->t;
  out["ci_half_width"] = d->ci_half_width;
  out["ci_low"] = d->difference - d->ci_half_width;
  out["ci_high"] = d->difference + d->ci_half_width;
  return out;
}

Json figure_json(const CompareResult& result, const CompareFigure& f) {
  Json groups = Json::array();
  for (std::size_t g = 0; g < f.groups.size(); ++g) {
    groups.push_back(estimate_json(result.groups[g].label, f.groups[g]));
  }
  Json differences = Json::array();
  for (std::size_t g = 1; g < f.groups.size(); ++g) {
    differences.push_back(difference_json(result, f, g));
  }
  return {{"key", f.key},
          {"label", f.label},
          {"headline", f.headline},
          {"groups", std::move(groups)},
          {"differences", std::move(differences)}};
}

}  // namespace

std::string compare_json(const CompareResult& result) {
  Json groups = Json::array();
  for (const CompareGroup& g : result.groups) groups.push_back(group_json(g));
  Json comparisons = Json::array();
  for (std::size_t g = 1; g < result.groups.size(); ++g) {
    comparisons.push_back({{"group", result.groups[g].label},
                           {"baseline", result.groups.front().label},
                           {"method", difference_method_name(result.methods[g])}});
  }
  Json figures = Json::array();
  for (const CompareFigure& f : result.figures) figures.push_back(figure_json(result, f));
  const Json out = {{"format", "b24sim-compare"},
                    {"version", compare_json_version},
                    {"confidence", result.confidence},
                    {"groups", std::move(groups)},
                    {"comparisons", std::move(comparisons)},
                    {"figures", std::move(figures)}};
  // replace: a directory name that is not valid UTF-8 must not make the comparison fail.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace b24::reports
