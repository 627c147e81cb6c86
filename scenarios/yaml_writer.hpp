#pragma once
// A Document written back as YAML (block style), for `b24sim explain`: the scenario after
// includes and overrides, one text that loads again into the same scenario. Scalars keep their
// written text; those written in quotes (or as blocks) are written double-quoted, so "yes" in
// quotes stays text and a plain 30s stays a plain duration. Anchors and merge keys are already
// expanded in the Document; `x-` keys are kept (the loader ignores them).

#include <string>

#include "scenarios/document.hpp"

namespace b24::scenarios {

[[nodiscard]] std::string write_yaml(const Document& document);

}  // namespace b24::scenarios
