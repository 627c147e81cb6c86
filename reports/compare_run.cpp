#include "reports/compare_run.hpp"

#include <algorithm>
#include <set>
#include <variant>

#include "reports/export_run_reader.hpp"

namespace b24::reports {

std::optional<double> CompareRun::figure(std::string_view key) const {
  const auto it =
      std::find_if(figures.begin(), figures.end(), [&](const auto& f) { return f.first == key; });
  if (it == figures.end()) return std::nullopt;
  return it->second;
}

CompareRun load_compare_run(const std::filesystem::path& run) {
  RunReader reader(run);
  CompareRun out;
  out.directory = reader.directory();
  out.scenario = reader.meta("scenario_name").value_or("");
  out.scenario_hash = reader.meta("scenario_hash").value_or("");
  out.overrides = reader.meta("overrides").value_or("");
  out.seed = reader.meta("seed").value_or("");
  reader.for_each_row("SELECT key, value FROM summary ORDER BY rowid",
                      [&](std::span<const Cell> row) {
                        const auto* key = std::get_if<std::string>(&row[0]);
                        if (key == nullptr) return;
                        if (const auto* i = std::get_if<std::int64_t>(&row[1])) {
                          out.figures.emplace_back(*key, static_cast<double>(*i));
                        } else if (const auto* d = std::get_if<double>(&row[1])) {
                          out.figures.emplace_back(*key, *d);
                        }
                      });
  return out;
}

std::string overrides_without_seed(std::string_view overrides) {
  // join_overrides (cli/scenario_run.cpp) writes "--set '<key>=<value>'" items joined by spaces.
  constexpr std::string_view separator = " --set ";
  std::string out;
  std::size_t pos = 0;
  while (pos < overrides.size()) {
    const std::size_t next = overrides.find(separator, pos);
    const std::size_t end = next == std::string_view::npos ? overrides.size() : next;
    const std::string_view item = overrides.substr(pos, end - pos);
    std::string_view body = item;
    if (body.starts_with("--set ")) body.remove_prefix(6);
    if (body.starts_with('\'')) body.remove_prefix(1);
    std::string_view key = body.substr(0, body.find('='));
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    if (key != "seed") {
      if (!out.empty()) out += ' ';
      out += item;
    }
    pos = next == std::string_view::npos ? overrides.size() : next + 1;
  }
  return out;
}

std::vector<std::string> replication_problems(const std::vector<CompareRun>& runs) {
  std::vector<std::string> problems;
  if (runs.size() < 2) return problems;
  const CompareRun& first = runs.front();
  const std::string first_overrides = overrides_without_seed(first.overrides);
  std::set<std::string> seeds;
  for (const CompareRun& r : runs) {
    const std::string where = r.directory.string();
    if (r.scenario_hash != first.scenario_hash) {
      problems.push_back(where + ": scenario hash " + r.scenario_hash + " differs from " +
                         first.directory.string() + "'s " + first.scenario_hash);
    }
    if (const std::string o = overrides_without_seed(r.overrides); o != first_overrides) {
      problems.push_back(where + ": overrides \"" + o + "\" differ from " +
                         first.directory.string() + "'s \"" + first_overrides + "\"");
    }
    if (!seeds.insert(r.seed).second) {
      problems.push_back(where + ": seed " + r.seed + " is used twice (a repeated run adds no " +
                         "information and shrinks the interval falsely)");
    }
  }
  return problems;
}

}  // namespace b24::reports
