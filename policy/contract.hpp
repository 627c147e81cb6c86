#pragma once
// Preconditions of policy/ functions. A violated precondition is a caller bug, but policy/ must
// link into a real service unchanged, and a service must not abort on one bad request: so a
// violation throws std::invalid_argument (sim/'s always-on assertions are out of reach by design,
// because policy/ includes nothing of ours).

#include <string_view>

namespace b24::policy {

// Throws std::invalid_argument whose what() is "policy precondition violated: " + rule.
[[noreturn]] void contract_violation(std::string_view rule);

// Checks a precondition; `rule` states what must hold. Inline, so a passing check on the
// per-request path costs one branch and builds no string.
inline void require(bool condition, std::string_view rule) {
  if (!condition) [[unlikely]]
    contract_violation(rule);
}

}  // namespace b24::policy
