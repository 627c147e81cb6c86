#pragma once
// Command-line overrides: `b24sim run s.yaml --set auto_scaling.max_size=60` sets one value of the
// scenario for one run (issue 6), as if the file said so.
//
// An override is `key.path=value`. The path is keys separated by dots, each optionally followed
// by `[index]` for an item of a sequence (`faults[0].at`); it ends at the first '='. The value is
// YAML: a scalar (`3000/s`, `15:00 local`, `none`) or a flow collection
// (`{distribution: exponential, mean: 40ms}`, `[...]`); empty is YAML's null.
//
// Overrides are applied to the loaded Document before the scenario is read, so the Reader checks
// an overridden value exactly as a written one, with the same messages. Each override is a file
// of its own in the document, named "--set" (or "--set[i]", 0-based, when there are several), on
// line 1; columns count bytes of the override text. So an invalid value reads
//   --set:1:23: error: auto_scaling.max_size: max_size (2) is less than min_size (4)
// A missing mapping key, and the mappings on the way to it, are created (and then read like any
// key: a misspelt one is an unknown key with a "did you mean"); an item of a sequence must exist.
// Overrides apply in order, so a later one wins at the same path. Nodes on the path are copied
// before they change: a mapping shared through an anchor or merge key changes only at that path.

#include <cstddef>
#include <span>
#include <string>

#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"

namespace b24::scenarios {

// "--set" when `count` is 1, else "--set[index]".
[[nodiscard]] std::string override_source_name(std::size_t index, std::size_t count);

// Applies every override to `document`. A malformed override (no '=', an empty key path or key,
// a bad index), a path that cannot be followed (through a scalar, a key of a sequence, an index of
// a mapping, an index out of range) and invalid YAML in the value are reported, at the override,
// and that override is skipped; the others still apply. A document that failed to load is left
// as it is, but its overrides are still checked.
void apply_overrides(Document& document, std::span<const std::string> overrides,
                     Diagnostics& diagnostics);

}  // namespace b24::scenarios
