// scenarios/README.md documents every key the loader accepts, and nothing else (issue 6). The
// loader's list is what its section readers ask for while loading the shipped scenarios and the
// key corpus (scenarios/key_log.hpp); the documented list is every backticked name in the first
// column of the README's key tables (`| key | ...` headers), in the second column of its choice
// tables (a header naming a key, "| `kind` | keys | ...": each choice's keys) and in its `###`
// headings. Keys
// are compared by name (the last segment of a path; `dcs[].name` documents `dcs` and `name`),
// because the README's tables give paths relative to their section in several styles.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "scenarios/json_schema.hpp"
#include "scenarios/key_log.hpp"

namespace b24::scenarios {
namespace {

const std::filesystem::path source_dir = B24_SOURCE_DIR;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) out.push_back(part);
  return out;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  const auto last = s.find_last_not_of(' ');
  return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
}

// `dcs[].city` or `distribution:` -> dcs, city / distribution.
void add_names(const std::string& token, std::set<std::string>& out) {
  std::string t = token;
  while (!t.empty() && t.back() == ':') t.pop_back();
  for (std::string segment : split(t, '.')) {
    while (segment.ends_with("[]")) segment.resize(segment.size() - 2);
    if (!segment.empty()) out.insert(segment);
  }
}

void add_backticked(const std::string& text, std::set<std::string>& out) {
  static const std::regex code("`([A-Za-z_][A-Za-z0-9_.\\[\\]-]*):?`");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator();
       ++it) {
    add_names((*it)[1].str(), out);
  }
}

std::set<std::string> documented_names() {
  std::ifstream in(source_dir / "scenarios" / "README.md");
  EXPECT_TRUE(in) << "cannot read scenarios/README.md";
  std::set<std::string> out;
  std::string line;
  enum class Table { other, keys, choices } table = Table::other;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.starts_with("###")) add_backticked(line, out);
    if (!line.starts_with("|")) {
      in_table = false;
      continue;
    }
    const std::vector<std::string> cells = split(line.substr(1), '|');
    const std::string first = cells.empty() ? std::string{} : trim(cells[0]);
    if (!in_table) {  // the header row
      in_table = true;
      table = first == "key" ? Table::keys : Table::other;
      // "| `kind` | keys | notes |": a key's choices, each with the keys it takes.
      if (first.starts_with('`') && cells.size() > 1) {
        table = Table::choices;
        add_backticked(first, out);
      }
      continue;
    }
    if (first.find_first_not_of("-: ") == std::string::npos) continue;  // the rule row
    if (table == Table::keys) add_backticked(first, out);
    if (table == Table::choices) add_backticked(cells[1], out);
  }
  return out;
}

std::set<std::string> loader_names(const KeyLog& keys) {
  std::set<std::string> out;
  for (const auto& [path, kinds] : keys.keys()) {
    std::string last = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    while (last.ends_with("[]")) last.resize(last.size() - 2);
    if (!last.empty() && last != "*") out.insert(last);
  }
  return out;
}

TEST(DocumentedKeys, EveryKeyTheLoaderAcceptsIsDocumented) {
  const std::set<std::string> documented = documented_names();
  const KeyLog keys = shipped_key_list(source_dir / "scenarios");
  ASSERT_GT(keys.keys().size(), 100U) << "the harvest read almost nothing";
  for (const std::string& name : loader_names(keys)) {
    EXPECT_TRUE(documented.count(name) != 0)
        << "the loader reads '" << name << "' but scenarios/README.md has no key row for it";
  }
}

TEST(DocumentedKeys, EveryDocumentedKeyIsReadByTheLoader) {
  const std::set<std::string> loader = loader_names(shipped_key_list(source_dir / "scenarios"));
  // `include` is resolved before the section readers run (include.hpp); `x-` keys are free.
  const std::set<std::string> not_read = {"include"};
  for (const std::string& name : documented_names()) {
    if (not_read.count(name) != 0 || name.starts_with("x-")) continue;
    EXPECT_TRUE(loader.count(name) != 0)
        << "scenarios/README.md documents '" << name << "' but no loaded scenario reads it";
  }
}

// The harvest records nesting: keys under sequence items and author-chosen names.
TEST(KeyLog, NormalizesItemsAndChosenNames) {
  KeyLog log;
  log.note_entries("dcs");
  log.note_key("dcs.fra.web.min_size");
  log.note_kind("faults[3].at", "a time of day like 11:00");
  EXPECT_EQ(log.keys().count("dcs.*.web.min_size"), 1U);
  ASSERT_EQ(log.keys().count("faults[].at"), 1U);
  EXPECT_EQ(log.keys().at("faults[].at").count("a time of day like 11:00"), 1U);
  EXPECT_EQ(log.keys().count("dcs.fra.web.min_size"), 0U);
}

// The schema names the same keys the loader reads: spot-check one of each kind of nesting.
TEST(JsonSchema, GeneratedFromTheKeyList) {
  const std::string schema = scenario_json_schema(shipped_key_list(source_dir / "scenarios"));
  EXPECT_NE(schema.find("\"$schema\""), std::string::npos);
  EXPECT_NE(schema.find("\"auto_scaling\""), std::string::npos);
  EXPECT_NE(schema.find("\"min_size\""), std::string::npos);
  EXPECT_NE(schema.find("\"additionalProperties\": false"), std::string::npos);
  EXPECT_NE(schema.find("\"enum\": [\"application\", \"classic\"]"), std::string::npos);
}

// Editors offer the defaults the loader takes: numbers as numbers, values with units as their
// text, a distribution as its mapping; a default that depends on another key (the algorithm on
// the balancer's type) is no single "default" but each value, in the description.
TEST(JsonSchema, GivesTheDefaultsTheLoaderTakes) {
  const nlohmann::json schema =
      nlohmann::json::parse(scenario_json_schema(shipped_key_list(source_dir / "scenarios")));
  const nlohmann::json& top = schema.at("properties");
  EXPECT_EQ(top.at("auto_scaling").at("properties").at("min_size").at("default"), 2);
  const nlohmann::json& lb = top.at("load_balancer").at("properties");
  EXPECT_EQ(lb.at("health_check").at("properties").at("interval").at("default"), "30s");
  EXPECT_EQ(lb.at("type").at("default"), "application");
  EXPECT_EQ(top.at("web_node").at("properties").at("cpu_time").at("default"),
            nlohmann::json::parse(R"({"distribution": "exponential", "mean": "50ms"})"));
  EXPECT_FALSE(lb.at("algorithm").contains("default"));
  const std::string algorithm = lb.at("algorithm").at("description");
  EXPECT_NE(algorithm.find("round_robin"), std::string::npos) << algorithm;
  EXPECT_NE(algorithm.find("least_outstanding_requests"), std::string::npos) << algorithm;
}

}  // namespace
}  // namespace b24::scenarios
