#pragma once
// A Document written back as YAML (block style), for `b24sim explain`: the scenario after
// includes and overrides, one text that loads again into the same scenario. Scalars keep their
// written text; those written in quotes (or as blocks) are written double-quoted, so "yes" in
// quotes stays text and a plain 30s stays a plain duration. Anchors and merge keys are already
// expanded in the Document; `x-` keys are kept (the loader ignores them).
//
// The values in `defaults` (nodes the explain command added: the defaults of keys the file
// leaves out) get a trailing "# default" comment; a mapping in it marks its key line only, as
// everything below it is a default too.

#include <set>
#include <string>
#include <string_view>

#include "scenarios/document.hpp"

namespace b24::scenarios {

[[nodiscard]] std::string write_yaml(const Document& document,
                                     const std::set<NodeId>& defaults = {});

// `text` as a YAML double-quoted scalar, with escapes: "yes" -> "\"yes\"".
[[nodiscard]] std::string yaml_double_quoted(std::string_view text);

}  // namespace b24::scenarios
