#pragma once
// Counts calls to the global operator new in the program that links bench/alloc_counter.cpp,
// so a benchmark can prove that its measured loop does not allocate.
#include <cstdint>

namespace b24::bench {
std::uint64_t allocations() noexcept;
}
