#include "policy/contract.hpp"

#include <stdexcept>
#include <string>

namespace b24::policy {

void contract_violation(std::string_view rule) {
  std::string message = "policy precondition violated: ";
  message += rule;
  throw std::invalid_argument(message);
}

}  // namespace b24::policy
