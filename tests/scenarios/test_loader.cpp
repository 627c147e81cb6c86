// Loading YAML into the positioned tree: syntax errors with 1-based positions, duplicate keys
// (which yaml-cpp accepts silently), missing files, merge keys, alias cycles, and input that
// must not crash the loader.

#include <gtest/gtest.h>

#include <string>

#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {
namespace {

std::vector<std::string> formatted(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.in_file_order()) out.push_back(format(d));
  return out;
}

using Lines = std::vector<std::string>;

TEST(Loader, KeepsOneBasedPositionsOfKeysAndValues) {
  Diagnostics diagnostics;
  const Document doc = load_yaml_string(
      "web:\n"              // line 1
      "  min_nodes: 2\n"    // line 2: key at column 3, value at column 14
      "  name: \"fra\"\n",  // line 3: the quoted value starts at its quote, column 9
      "s.yaml", diagnostics);
  ASSERT_TRUE(doc.loaded());
  EXPECT_TRUE(diagnostics.empty());
  const Node& root = doc.node(doc.root());
  ASSERT_EQ(root.kind, NodeKind::mapping);
  const MapEntry* web = doc.find(doc.root(), "web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->key_mark.line, 1);
  EXPECT_EQ(web->key_mark.column, 1);
  const MapEntry* min_nodes = doc.find(web->value, "min_nodes");
  ASSERT_NE(min_nodes, nullptr);
  EXPECT_EQ(min_nodes->key_mark.line, 2);
  EXPECT_EQ(min_nodes->key_mark.column, 3);
  const Node& two = doc.node(min_nodes->value);
  EXPECT_EQ(two.text, "2");
  EXPECT_EQ(two.mark.line, 2);
  EXPECT_EQ(two.mark.column, 14);
  EXPECT_FALSE(two.quoted);
  const Node& fra = doc.node(doc.find(web->value, "name")->value);
  EXPECT_EQ(fra.text, "fra");
  EXPECT_TRUE(fra.quoted);
  EXPECT_EQ(fra.mark.column, 9);
  EXPECT_EQ(doc.file_name(fra.mark.file), "s.yaml");
}

TEST(Loader, ReportsSyntaxErrorsAtTheirOneBasedPosition) {
  {
    Diagnostics d;
    // "a: b: c": the second ':' is column 5.
    EXPECT_FALSE(load_yaml_string("a: b: c\n", "s.yaml", d).loaded());
    EXPECT_EQ(formatted(d), Lines{"s.yaml:1:5: error: invalid YAML: illegal map value"});
  }
  {
    Diagnostics d;
    // " max_nodes" is indented by one space: the map under "web" cannot end there.
    EXPECT_FALSE(load_yaml_string("web:\n  min_nodes: 2\n max_nodes: 3\n", "s.yaml", d).loaded());
    EXPECT_EQ(formatted(d), Lines{"s.yaml:3:2: error: invalid YAML: end of map not found"});
  }
  {
    Diagnostics d;
    EXPECT_FALSE(load_yaml_string("a: 1\n\tb: 2\n", "s.yaml", d).loaded());
    EXPECT_EQ(formatted(d),
              Lines{"s.yaml:2:1: error: invalid YAML: illegal tab when looking for indentation"});
  }
}

TEST(Loader, ReportsDuplicateKeysKeepingTheFirst) {
  Diagnostics d;
  const Document doc = load_yaml_string(
      "web:\n"            // 1
      "  min_nodes: 2\n"  // 2
      "  max_nodes: 5\n"  // 3
      "  min_nodes: 3\n"  // 4: duplicate at column 3
      "dcs:\n"            // 5
      "  - name: fra\n"   // 6: "name" at column 5
      "    name: ams\n",  // 7: duplicate at column 5
      "s.yaml", d);
  EXPECT_EQ(formatted(d),
            (Lines{"s.yaml:4:3: error: web.min_nodes: duplicate key 'min_nodes' (first written at "
                   "line 2, column 3)",
                   "s.yaml:7:5: error: dcs[0].name: duplicate key 'name' (first written at line "
                   "6, column 5)"}));
  ASSERT_TRUE(doc.loaded());
  const NodeId web = doc.find(doc.root(), "web")->value;
  EXPECT_EQ(doc.node(web).entries.size(), 2U);
  EXPECT_EQ(doc.node(doc.find(web, "min_nodes")->value).text, "2");
}

TEST(Loader, ReportsAMissingFile) {
  Diagnostics d;
  const Document doc = load_yaml_file("/nonexistent-b24/scenario.yaml", d);
  EXPECT_FALSE(doc.loaded());
  EXPECT_EQ(formatted(d), Lines{"/nonexistent-b24/scenario.yaml: error: cannot read the "
                                "scenario: No such file or directory"});
}

TEST(Loader, ReportsADirectory) {
  Diagnostics d;
  EXPECT_FALSE(load_yaml_file("/", d).loaded());
  EXPECT_EQ(formatted(d), Lines{"/: error: cannot read the scenario: it is a directory"});
}

TEST(Loader, LoadsAnEmptyTextAsANullRoot) {
  for (const char* text : {"", "# only a comment\n", "\n\n"}) {
    Diagnostics d;
    const Document doc = load_yaml_string(text, "s.yaml", d);
    ASSERT_TRUE(doc.loaded()) << text;
    EXPECT_EQ(doc.node(doc.root()).kind, NodeKind::null);
    EXPECT_TRUE(d.empty());
  }
}

TEST(Loader, ReportsASecondDocument) {
  Diagnostics d;
  const Document doc = load_yaml_string("a: 1\n---\nb: 2\n", "s.yaml", d);
  EXPECT_TRUE(doc.loaded());
  EXPECT_EQ(formatted(d), Lines{"s.yaml:2:1: error: a second YAML document starts here; a "
                                "scenario file holds one (check this line's indentation, or "
                                "remove the '---')"});
}

TEST(Loader, MarksAnEmptyValueAtItsKey) {
  // yaml-cpp places "a:"'s missing value at the next line's token; a reader wants the key.
  Diagnostics d;
  const Document doc = load_yaml_string("a:\nb: 1\n", "s.yaml", d);
  const Node& a = doc.node(doc.find(doc.root(), "a")->value);
  EXPECT_EQ(a.kind, NodeKind::null);
  EXPECT_EQ(a.mark.line, 1);
  EXPECT_EQ(a.mark.column, 1);
}

TEST(Loader, AppliesMergeKeysWithWrittenKeysWinning) {
  Diagnostics d;
  const Document doc = load_yaml_string(
      "x-web: &web\n"       // 1
      "  min_nodes: 2\n"    // 2
      "  max_nodes: 8\n"    // 3
      "fra:\n"              // 4
      "  <<: *web\n"        // 5
      "  max_nodes: 20\n",  // 6
      "s.yaml", d);
  EXPECT_TRUE(d.empty());
  const NodeId fra = doc.find(doc.root(), "fra")->value;
  ASSERT_EQ(doc.node(fra).entries.size(), 2U);
  EXPECT_EQ(doc.node(doc.find(fra, "max_nodes")->value).text, "20");
  const MapEntry* merged = doc.find(fra, "min_nodes");
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(doc.node(merged->value).text, "2");
  EXPECT_EQ(merged->key_mark.line, 2);  // where the value is written
}

TEST(Loader, MergesAListOfMappingsEarlierFirst) {
  Diagnostics d;
  const Document doc =
      load_yaml_string("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n", "s.yaml", d);
  EXPECT_TRUE(d.empty());
  const NodeId c = doc.find(doc.root(), "c")->value;
  EXPECT_EQ(doc.node(doc.find(c, "y")->value).text, "1");
  EXPECT_EQ(doc.node(doc.find(c, "z")->value).text, "2");
}

TEST(Loader, RejectsAMergeOfANonMapping) {
  Diagnostics d;
  (void)load_yaml_string("a:\n  <<: 5\n", "s.yaml", d);
  // "  <<: 5": the value is at column 7.
  EXPECT_EQ(formatted(d), Lines{"s.yaml:2:7: error: a.<<: a merge key '<<' takes a mapping or a "
                                "list of mappings, found '5'"});
}

TEST(Loader, RejectsAnAliasInsideItsOwnAnchor) {
  Diagnostics d;
  // "a: &x [1, *x]": the alias is at column 11, the second item of a.
  (void)load_yaml_string("a: &x [1, *x]\n", "s.yaml", d);
  EXPECT_EQ(formatted(d),
            Lines{"s.yaml:1:11: error: a[1]: an alias refers to a value that contains it (a "
                  "cycle)"});
}

TEST(Loader, RejectsKeysThatAreNotNames) {
  Diagnostics d;
  const Document doc = load_yaml_string("? [a, b]\n: 1\nc: 2\n", "s.yaml", d);
  // The flow sequence used as a key starts at column 3.
  EXPECT_EQ(formatted(d),
            Lines{"s.yaml:1:3: error: a mapping key must be a name, found a sequence"});
  EXPECT_EQ(doc.node(doc.root()).entries.size(), 1U);  // only "c"
}

TEST(Loader, SharesAliasedValuesInsteadOfCopyingThem) {
  // A "billion laughs" document: each level refers to the previous one ten times.
  std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    const std::string alias = "*l" + std::to_string(i - 1);
    std::string items = alias;
    for (int k = 1; k < 10; ++k) items.append(", ").append(alias);
    text.append("l").append(std::to_string(i)).append(": &l").append(std::to_string(i));
    text.append(" [").append(items).append("]\n");
  }
  Diagnostics d;
  const Document doc = load_yaml_string(text, "s.yaml", d);
  EXPECT_TRUE(d.empty());
  EXPECT_LT(doc.size(), 200U);  // not 10^10 nodes
}

TEST(Loader, SurvivesGarbageAndDeepNesting) {
  const std::string garbage("\x00\x01\xff\xfe: [ {\x7f \"\x80", 12);
  const std::string deep(20'000, '[');
  for (const std::string& text : {garbage, deep, std::string("]]]"), std::string("{{{{"),
                                  std::string("&a *a"), std::string("!<!> x")}) {
    Diagnostics d;
    (void)load_yaml_string(text, "s.yaml", d);
    // What matters is that we get here; errors, if any, carry the file name.
    for (const Diagnostic& diagnostic : d) EXPECT_EQ(diagnostic.file, "s.yaml");
  }
  Diagnostics d;
  EXPECT_FALSE(load_yaml_string(deep, "s.yaml", d).loaded());
  EXPECT_FALSE(d.empty());
}

}  // namespace
}  // namespace b24::scenarios
