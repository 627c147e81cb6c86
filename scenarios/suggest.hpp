#pragma once
// "Did you mean ...?" for misspelt keys and enum values.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace b24::scenarios {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// adjacent characters each cost 1 ("min_ndoes" is one edit from "min_nodes").
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo: at most a third of
// the longer word's length in edits (at least 1), or equal ignoring case, '-' and '_'. Ties go
// to the earlier candidate, so the answer is deterministic.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       std::span<const std::string> candidates);
[[nodiscard]] std::optional<std::string> closest_match(
    std::string_view word, std::span<const std::string_view> candidates);

}  // namespace b24::scenarios
