#include "reports/compare_output.hpp"

#include <system_error>

#include "reports/compare_html.hpp"
#include "reports/compare_json.hpp"
#include "reports/compare_series.hpp"
#include "reports/export_atomic_file.hpp"
#include "reports/report_error.hpp"

namespace b24::reports {

CompareFiles write_compare_outputs(const CompareResult& result, const std::filesystem::path& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    throw ReportError("compare output " + out.string() + " exists and is not a directory");
  }
  fs::create_directories(out, ec);
  if (ec) throw ReportError("cannot create " + out.string() + ": " + ec.message());

  const std::string charts = compare_charts_html(result, load_compare_series(result));
  AtomicFile json(out / "compare.json");
  json.write(compare_json(result));
  json.finish();
  AtomicFile html(out / "compare.html");
  html.write(compare_html(result, charts));
  html.finish();
  json.publish();
  html.publish();
  return {json.final_path(), html.final_path()};
}

}  // namespace b24::reports
