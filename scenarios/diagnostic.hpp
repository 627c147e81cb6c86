#pragma once
// Scenario errors as a compiler reports them: file, 1-based line and column, the key path, what
// was found and what was expected. A pass over a scenario collects every error it can find
// (Diagnostics) instead of stopping at the first, so one `b24sim validate` shows them all.

#include <cstddef>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace b24::scenarios {

// Exit status of the command-line tools when a scenario is invalid (issues 3 and 6).
inline constexpr int invalid_scenario_exit_status = 2;

struct Diagnostic {
  std::string file;
  int line = 0;          // 1-based; 0 when the error is about the whole file (missing, unreadable)
  int column = 0;        // 1-based; 0 when unknown
  std::string key_path;  // "dcs[2].web.min_nodes"; empty for errors outside any key (syntax)
  std::string message;   // what was found and what was expected

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "file:line:column: error: key_path: message", the form editors and CI logs link to a position.
// Without a line: "file: error: message"; without a key path the "key_path: " part is left out.
[[nodiscard]] std::string format(const Diagnostic& diagnostic);

// Text found in a scenario, quoted for a message: 'abc'. Long values are cut short and control
// bytes escaped, so binary garbage cannot garble a terminal or a log.
[[nodiscard]] std::string quote(std::string_view text);

class Diagnostics {
 public:
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void append(const Diagnostics& other);

  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] const Diagnostic& operator[](std::size_t i) const { return items_[i]; }
  [[nodiscard]] auto begin() const { return items_.begin(); }
  [[nodiscard]] auto end() const { return items_.end(); }

  // In reading order: files in the order they were first mentioned, then line and column. A pass
  // finds errors in the order the schema asks for keys, which is not the order of the text.
  [[nodiscard]] std::vector<Diagnostic> in_file_order() const;

 private:
  std::vector<Diagnostic> items_;
};

// Thrown by code that cannot continue past an invalid scenario; carries every error of the pass.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(Diagnostics diagnostics);
  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

// Prints one formatted line per diagnostic, in file order, and returns
// invalid_scenario_exit_status for the caller to exit with.
int report(const Diagnostics& diagnostics, std::ostream& out);

}  // namespace b24::scenarios
