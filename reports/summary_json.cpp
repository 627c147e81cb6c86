#include "reports/summary_json.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <variant>

#include "reports/report_error.hpp"

namespace b24::reports {
namespace {

nlohmann::ordered_json to_ordered_json(const Summary& summary);

nlohmann::ordered_json to_ordered_json(const SummaryScalar& scalar) {
  return std::visit([](const auto& v) { return nlohmann::ordered_json(v); }, scalar.value());
}

nlohmann::ordered_json to_ordered_json(const Summary& summary) {
  // An empty summary is {} rather than null.
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const Summary::Entry& entry : summary.entries()) {
    object[entry.key] = std::visit([](const auto& v) { return to_ordered_json(v); }, entry.value);
  }
  return object;
}

}  // namespace

std::string to_json(const Summary& summary) {
  // error_handler::replace: a string that is not valid UTF-8 (a scenario name read from a
  // file) becomes U+FFFD instead of throwing halfway through writing the run.
  return to_ordered_json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

void write_summary_json(const std::filesystem::path& file, const Summary& summary) {
  const std::string text = to_json(summary);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw ReportError("cannot create " + file.string());
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw ReportError("cannot write " + file.string() + " (disk full?)");
}

}  // namespace b24::reports
