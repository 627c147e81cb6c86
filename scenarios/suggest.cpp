#include "scenarios/suggest.hpp"

#include <algorithm>
#include <vector>

namespace b24::scenarios {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows: the transposition step looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

// Lower case without '-' and '_': "minNodes", "min-nodes" and "min_nodes" are one key.
std::string folded(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '-' || c == '_') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

template <class Candidates>
std::optional<std::string> closest(std::string_view word, const Candidates& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  const std::string word_folded = folded(word);
  for (const auto& candidate : candidates) {
    const std::string_view c = candidate;
    if (c == word) continue;
    std::size_t distance = edit_distance(word, c);
    const std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), c.size()) / 3);
    if (folded(c) == word_folded) distance = 0;  // same name, other spelling convention
    if (distance > allowed) continue;
    if (!best || distance < best_distance) {
      best = std::string(c);
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
  return closest(word, candidates);
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
  return closest(word, candidates);
}

}  // namespace b24::scenarios
