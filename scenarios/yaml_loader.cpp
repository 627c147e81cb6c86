#include "scenarios/yaml_loader.hpp"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "scenarios/tree_builder.hpp"

namespace b24::scenarios {

namespace {

// Sees only whether a second document starts, and where.
class DocumentStartProbe final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark start;
};

void add_error(Diagnostics& diagnostics, const Document& document, Mark at, std::string message) {
  diagnostics.add(
      Diagnostic{document.file_name(at.file), at.line, at.column, "", std::move(message)});
}

// Parses the first document; reports a second one. Returns the top value (a null node for text
// without a document). Throws what yaml-cpp throws.
NodeId parse(std::istream& in, Document& document, FileId file, Diagnostics& diagnostics,
             TextOrigin origin = {}) {
  YAML::Parser parser(in);
  TreeBuilder builder(document, file, diagnostics, std::move(origin));
  parser.HandleNextDocument(builder);
  NodeId root = builder.root();
  if (root == no_node) {
    // No document at all (empty text, only comments): a null root, i.e. every default.
    Node empty;
    empty.mark = builder.mark(YAML::Mark{});
    root = document.add(std::move(empty));
  }
  DocumentStartProbe probe;
  if (parser.HandleNextDocument(probe)) {
    add_error(diagnostics, document, builder.mark(probe.start),
              "a second YAML document starts here; a scenario file holds one (check this "
              "line's indentation, or remove the '---')");
  }
  return root;
}

}  // namespace

Document load_yaml_string(std::string_view text, std::string name, Diagnostics& diagnostics) {
  Document document;
  const FileId file = document.add_file(std::move(name));
  std::istringstream in{std::string(text)};
  try {
    document.set_root(parse(in, document, file, diagnostics));
  } catch (const YAML::Exception& e) {
    document.set_root(no_node);
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    diagnostics.add(
        Diagnostic{document.file_name(file), line, column, "", "invalid YAML: " + e.msg});
  } catch (const std::exception& e) {
    // yaml-cpp has thrown plain library exceptions on some malformed input; a scenario error,
    // not a crash.
    document.set_root(no_node);
    diagnostics.add(
        Diagnostic{document.file_name(file), 0, 0, "", std::string("invalid YAML: ") + e.what()});
  }
  return document;
}

Document load_yaml_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    diagnostics.add(Diagnostic{name, 0, 0, "", "cannot read the scenario: it is a directory"});
    Document document;
    document.add_file(name);
    return document;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) {
    const int error = errno;
    diagnostics.add(Diagnostic{name, 0, 0, "",
                               std::string("cannot read the scenario: ") +
                                   (error != 0 ? std::strerror(error) : "read error")});
    Document document;
    document.add_file(name);
    return document;
  }
  return load_yaml_string(text.str(), name, diagnostics);
}

NodeId load_yaml_value(std::string_view text, const ValueOrigin& origin, Document& document,
                       Diagnostics& diagnostics) {
  const int offset = origin.column - 1;
  const auto add = [&](const YAML::Mark& at, std::string message) {
    const bool known = !at.is_null();
    diagnostics.add(Diagnostic{document.file_name(origin.file), known ? at.line + 1 : 0,
                               known ? at.column + 1 + (at.line == 0 ? offset : 0) : 0,
                               origin.key_path, "invalid YAML value: " + std::move(message)});
  };
  std::istringstream in{std::string(text)};
  try {
    return parse(in, document, origin.file, diagnostics, TextOrigin{offset, origin.key_path});
  } catch (const YAML::Exception& e) {
    add(e.mark, e.msg);
  } catch (const std::exception& e) {
    add(YAML::Mark::null_mark(), e.what());
  }
  return no_node;
}

}  // namespace b24::scenarios
