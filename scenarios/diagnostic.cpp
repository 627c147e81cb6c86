#include "scenarios/diagnostic.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace b24::scenarios {

std::string format(const Diagnostic& diagnostic) {
  std::string out = diagnostic.file;
  if (diagnostic.line > 0) {
    out += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) out += ':' + std::to_string(diagnostic.column);
  }
  out += ": error: ";
  if (!diagnostic.key_path.empty()) out += diagnostic.key_path + ": ";
  out += diagnostic.message;
  // One line of text whatever the input: a key path written in binary garbage, or a yaml-cpp
  // message that ends with the offending byte ("unknown escape character: \0"), must not put a
  // control byte on a terminal or split a log line (issue 6, found by the malformed table).
  std::string printable;
  printable.reserve(out.size());
  for (const char ch : out) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      printable += buf;
    } else {
      printable += ch;
    }
  }
  return printable;
}

std::string quote(std::string_view text) {
  constexpr std::size_t max_shown = 60;
  std::size_t shown = std::min(text.size(), max_shown);
  // Cut at a character boundary, not inside a UTF-8 sequence.
  while (shown < text.size() && shown > 0 &&
         (static_cast<unsigned char>(text[shown]) & 0xc0) == 0x80) {
    --shown;
  }
  std::string out = "'";
  for (std::size_t i = 0; i < shown; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);  // UTF-8 passes through: names may be non-ASCII
    }
  }
  if (shown < text.size()) out += "...";
  out += "'";
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::vector<Diagnostic> Diagnostics::in_file_order() const {
  std::vector<std::string_view> files;  // first-mention order
  for (const Diagnostic& d : items_) {
    if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
  }
  auto file_rank = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.file) - files.begin();
  };
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = file_rank(a);
    const auto rb = file_rank(b);
    if (ra != rb) return ra < rb;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
  return sorted;
}

namespace {
std::string summary(const Diagnostics& diagnostics) {
  if (diagnostics.empty()) return "invalid scenario";
  std::string text = format(diagnostics.in_file_order().front());
  if (diagnostics.size() > 1) {
    text += " (and " + std::to_string(diagnostics.size() - 1) + " more)";
  }
  return text;
}
}  // namespace

ScenarioError::ScenarioError(Diagnostics diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

int report(const Diagnostics& diagnostics, std::ostream& out) {
  for (const Diagnostic& d : diagnostics.in_file_order()) out << format(d) << '\n';
  return invalid_scenario_exit_status;
}

}  // namespace b24::scenarios
