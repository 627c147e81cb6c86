#pragma once
// Loads YAML text into a scenarios::Document. This is the only place that sees yaml-cpp: its
// event parser feeds our tree directly, so positions, duplicate keys and quoting survive.
//
// Never throws for bad input: a syntax error, a missing file, a duplicate key, a non-string key,
// an alias cycle or a second document becomes a Diagnostic and loading goes on where it can.
// On a syntax error or an unreadable file the document is returned with loaded() == false.
// An empty file loads as a document whose root is null (reading it gives the defaults).
//
// Merge keys ("<<: *defaults", YAML 1.1) are supported, as yaml-cpp 0.7 does not: keys written in
// the mapping win over merged ones, and earlier merge sources win over later ones.

#include <filesystem>
#include <string>
#include <string_view>

#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"

namespace b24::scenarios {

// `name` is what diagnostics call the text (a file name, "<command line>", a test's name).
[[nodiscard]] Document load_yaml_string(std::string_view text, std::string name,
                                        Diagnostics& diagnostics);

[[nodiscard]] Document load_yaml_file(const std::filesystem::path& path, Diagnostics& diagnostics);

// Where a YAML value written outside a file comes from: the value of a command-line override
// (`--set key.path=value`) is a file of its own in the document ("--set"), on line 1, starting at
// the override's column; errors inside it carry the override's key path.
struct ValueOrigin {
  FileId file = 0;
  int column = 1;  // 1-based column of the value's first byte
  std::string key_path;
};

// Loads one YAML value (a scalar, a flow mapping or sequence, ...) into an existing document and
// returns its node: a null node for empty text, no_node after a syntax error (reported). Its
// marks name origin.file; its nodes are new, so the value can replace a node of the document
// without touching any other.
[[nodiscard]] NodeId load_yaml_value(std::string_view text, const ValueOrigin& origin,
                                     Document& document, Diagnostics& diagnostics);

}  // namespace b24::scenarios
