#pragma once
// A JSON Schema (draft 2020-12) of scenario files, generated from the loader's own key list
// (key_log.hpp): the key names and their nesting are exactly those the section readers ask for;
// types come from the kind each value was read as (an integer, a boolean, "one of ..." becomes
// an enum, a value with a unit a string). Unknown keys are rejected like the loader does, except
// `x-` keys (anchors and notes). For editors' completion and checking; the loader stays the judge.

#include <string>

#include "scenarios/key_log.hpp"

namespace b24::scenarios {

[[nodiscard]] std::string scenario_json_schema(const KeyLog& keys);

}  // namespace b24::scenarios
