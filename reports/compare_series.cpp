#include "reports/compare_series.hpp"

#include <limits>
#include <variant>

#include "reports/export_run_reader.hpp"

namespace b24::reports {
namespace {

constexpr const char* overlaid_metrics =
    "'offered_rps','nodes_in_service','cpu_pct','p99_latency_ms'";

// dc_entities is "dc/fra" or "dc/fra,dc/ams,...": as an SQL list of quoted names.
std::string entity_list(const std::string& dc_entities) {
  std::string out;
  std::size_t start = 0;
  while (start <= dc_entities.size()) {
    std::size_t end = dc_entities.find(',', start);
    if (end == std::string::npos) end = dc_entities.size();
    std::string name = dc_entities.substr(start, end - start);
    if (!name.empty()) {
      std::string quoted = "'";
      for (char c : name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      out += (out.empty() ? "" : ",") + quoted + "'";
    }
    start = end + 1;
  }
  return out;
}

double as_double(const Cell& cell) {
  if (const auto* d = std::get_if<double>(&cell)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*i);
  return std::numeric_limits<double>::quiet_NaN();
}

void load_run_series(std::size_t group, std::size_t run, const CompareRun& r,
                     std::vector<CompareSeries>& out) {
  RunReader reader(r.directory);
  const std::string entities = entity_list(reader.meta("dc_entities").value_or(""));
  if (entities.empty()) return;
  const std::string sql = "SELECT entity, metric, time_us, value FROM samples_v WHERE entity IN (" +
                          entities + ") AND metric IN (" + overlaid_metrics +
                          ") ORDER BY entity, metric, time_us";
  reader.for_each_row(sql, [&](std::span<const Cell> row) {
    const auto& entity = std::get<std::string>(row[0]);
    const auto& metric = std::get<std::string>(row[1]);
    if (out.empty() || out.back().group != group || out.back().run != run ||
        out.back().entity != entity || out.back().metric != metric) {
      out.push_back({group, run, entity, metric, {}, {}});
    }
    out.back().time_s.push_back(as_double(row[2]) / 1e6);
    out.back().values.push_back(as_double(row[3]));
  });
}

}  // namespace

std::vector<CompareSeries> load_compare_series(const CompareResult& result) {
  std::vector<CompareSeries> out;
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    for (std::size_t r = 0; r < result.groups[g].runs.size(); ++r) {
      load_run_series(g, r, result.groups[g].runs[r], out);
    }
  }
  return out;
}

std::string compare_charts_html(const CompareResult& /*result*/,
                                const std::vector<CompareSeries>& /*series*/) {
  return {};  // the hook: see the header
}

}  // namespace b24::reports
