#pragma once
// `include:` at the top of a scenario: other YAML files whose keys the scenario starts from, so
// that several scenarios share one platform (the world topology, the cohorts, the replication
// graph) and differ only in what they add or change.
//
//   include: platform/world.yaml            # or a list; paths are relative to the including file
//   faults: [...]                           # keys written here win over included ones
//
// Merge rule: mappings merge key by key, recursively; anything else (a scalar, a sequence) written
// in the including file replaces the included value whole. With several files, later ones win
// over earlier ones, and the including file over all of them. Included files may include others;
// a cycle is an error naming the chain ("a.yaml:1:10 includes b.yaml, b.yaml:2:10 includes
// a.yaml"), a diamond is not. Every merged node keeps the mark of the file it came from, so an
// error in an included value points into that file; a merged key keeps the winning file's mark.
// An included file is named in diagnostics by its path as resolved (the including file's
// directory / the written path, normalized). scenarios/README.md documents the key.

#include <filesystem>
#include <vector>

#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"

namespace b24::scenarios {

// Resolves the root's `include:` key in place (removing it). `file` is the path the document was
// loaded from: included paths are relative to its directory. Returns the files it included, in
// the order it read them (nested ones too), for the run's record. Problems (a missing file, a
// cycle, an included file that is not a mapping, a value that is not a path: a number, a boolean or
// null unless quoted, a mapping, an empty value) become diagnostics at the include's value; the
// document then keeps what it could merge. An empty included file adds nothing.
std::vector<std::filesystem::path> resolve_includes(Document& document,
                                                    const std::filesystem::path& file,
                                                    Diagnostics& diagnostics);

}  // namespace b24::scenarios
