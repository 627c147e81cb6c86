#pragma once
// B24_ASSERT stays on in release builds (as SimGrid's xbt_assert and TigerBeetle's asserts do):
// a simulator that silently continues past a broken invariant produces wrong numbers that look
// right. Keep asserted expressions cheap; B24_ASSERT_SLOW is for O(n) checks and compiles away
// under NDEBUG.

namespace b24::sim::detail {
[[noreturn]] void assert_failed(const char* expr, const char* file, int line, const char* msg);
}  // namespace b24::sim::detail

#define B24_ASSERT_MSG(cond, msg)                                          \
  do {                                                                     \
    if (!(cond)) [[unlikely]]                                              \
      ::b24::sim::detail::assert_failed(#cond, __FILE__, __LINE__, (msg)); \
  } while (false)

#define B24_ASSERT(cond) B24_ASSERT_MSG(cond, nullptr)

#ifdef NDEBUG
#define B24_ASSERT_SLOW(cond) \
  do {                        \
  } while (false)
#else
#define B24_ASSERT_SLOW(cond) B24_ASSERT(cond)
#endif
