#include "report_html_checks.hpp"

#include <algorithm>
#include <cctype>

namespace b24::reports::testing {
namespace {

int to_int(const std::string& text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), ::isdigit)) return -1;
  return std::stoi(text);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string snippet(std::string_view html, std::size_t at) {
  const std::size_t from = at < 40 ? 0 : at - 40;
  return std::string(html.substr(from, 100));
}

// Values of every `name=` attribute ("href=", "src=", also xlink:href=), quoted either way.
void check_attribute_values(std::string_view html, std::string_view name,
                            std::vector<std::string>& found) {
  const std::string text = lower(html);
  for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '-')) {
      continue;  // part of a longer name such as data-href=
    }
    std::size_t v = at + name.size();
    if (v >= text.size()) break;
    const char quote = text[v];
    if (quote == '"' || quote == '\'') ++v;
    if (text.compare(v, 1, "#") != 0) found.push_back(snippet(html, at));
  }
}

}  // namespace

std::string attribute_of(std::string_view html, std::size_t tag_begin, std::string_view attribute) {
  const std::size_t tag_end = html.find('>', tag_begin);
  std::string key(" ");  // appended: `" " + str` trips a GCC 12 -Wrestrict false positive
  key.append(attribute).append("=\"");
  const std::size_t at = html.substr(0, tag_end).find(key, tag_begin);
  if (at == std::string_view::npos) return {};
  const std::size_t value = at + key.size();
  return std::string(html.substr(value, html.find('"', value) - value));
}

std::vector<ChartFound> charts_in(std::string_view html) {
  std::vector<ChartFound> charts;
  const std::string_view open = "<svg class=\"chart\"";
  for (std::size_t at = html.find(open); at != std::string_view::npos;
       at = html.find(open, at + 1)) {
    ChartFound c;
    const std::size_t figure = html.rfind("<figure", at);
    if (figure != std::string_view::npos) c.id = attribute_of(html, figure, "id");
    c.declared_series = to_int(attribute_of(html, at, "data-series"));
    c.declared_points = to_int(attribute_of(html, at, "data-points"));
    const std::size_t end = html.find("</svg>", at);
    const std::string_view path_open = "<path class=\"series";
    for (std::size_t p = html.find(path_open, at); p < end; p = html.find(path_open, p + 1)) {
      const std::string d = attribute_of(html, p, "d");
      const int points = to_int(attribute_of(html, p, "data-points"));
      if (!d.empty() && d.front() == 'M' && points >= 2) ++c.series_with_data;
    }
    charts.push_back(c);
  }
  return charts;
}

std::vector<std::string> remote_references(std::string_view html) {
  std::vector<std::string> found;
  const std::string text = lower(html);
  for (const std::string_view scheme : {"http://", "https://", "ftp://", "@import"}) {
    for (std::size_t at = text.find(scheme); at != std::string::npos;
         at = text.find(scheme, at + 1)) {
      found.push_back(snippet(html, at));
    }
  }
  check_attribute_values(html, "href=", found);
  check_attribute_values(html, "src=", found);
  for (std::size_t at = text.find("url("); at != std::string::npos;
       at = text.find("url(", at + 1)) {
    std::size_t v = at + 4;
    while (v < text.size() && (text[v] == '"' || text[v] == '\'' || text[v] == ' ')) ++v;
    if (text.compare(v, 1, "#") != 0 && text.compare(v, 5, "data:") != 0) {
      found.push_back(snippet(html, at));
    }
  }
  return found;
}

bool has_section(std::string_view html, std::string_view id) {
  return html.find("<section id=\"" + std::string(id) + "\"") != std::string_view::npos;
}

std::vector<std::string> charts_without_data(std::string_view html) {
  std::vector<std::string> bad;
  for (const ChartFound& c : charts_in(html)) {
    if (c.declared_series < 1 || c.declared_points < 2 || c.series_with_data < 1 ||
        c.series_with_data != c.declared_series) {
      bad.push_back(c.id.empty() ? "(chart without id)" : c.id);
    }
  }
  return bad;
}

}  // namespace b24::reports::testing
