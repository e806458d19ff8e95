#pragma once

// ISLET_DCHECK(cond): an assertion of an invariant the code relies on but
// does not handle (which thread may call a method, which state transitions
// are legal). On in builds with -DISLET_DCHECKS (the sanitizer configs,
// which CI runs), compiled out of the production build, where a check on
// every turn would cost what the benchmarks measure. A failed check logs
// where and aborts: a broken invariant must not go on silently.

#include <cstdio>
#include <cstdlib>

#if defined(ISLET_DCHECKS)
#define ISLET_DCHECK_IS_ON() 1
#else
#define ISLET_DCHECK_IS_ON() 0
#endif

namespace islet::base {

[[noreturn]] inline void CheckFailed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: check failed: %s\n", file, line, condition);
  std::fflush(stderr);
  std::abort();
}

}  // namespace islet::base

#if ISLET_DCHECK_IS_ON()
#define ISLET_DCHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::islet::base::CheckFailed(#condition, __FILE__, __LINE__))
#else
// The condition still compiles (so it cannot rot) but is never evaluated.
#define ISLET_DCHECK(condition) static_cast<void>(sizeof(!(condition)))
#endif
