#pragma once

// Clang's thread-safety analysis (-Wthread-safety): the thread rules written
// on a class ("guarded by mu_", "call with mu_ held") become checked by the
// compiler. `bazel build --config=thread-safety //...` builds the tree with
// clang and these checks as errors; under g++ the macros expand to nothing.
// See https://clang.llvm.org/docs/ThreadSafetyAnalysis.html.

#if defined(__clang__)
#define ISLET_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define ISLET_THREAD_ANNOTATION(x)
#endif

// A type that is a lock (islet::Mutex, islet::AdaptiveMutex).
#define CAPABILITY(name) ISLET_THREAD_ANNOTATION(capability(name))
// An RAII type that holds a lock for its lifetime (islet::MutexLock).
#define SCOPED_CAPABILITY ISLET_THREAD_ANNOTATION(scoped_lockable)
// A member that may be read or written only with the lock held.
#define GUARDED_BY(x) ISLET_THREAD_ANNOTATION(guarded_by(x))
// A pointer whose pointee may be touched only with the lock held.
#define PT_GUARDED_BY(x) ISLET_THREAD_ANNOTATION(pt_guarded_by(x))
// Locks that must be taken in this order.
#define ACQUIRED_BEFORE(...) ISLET_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) ISLET_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))
// A function the caller must call with the lock held.
#define REQUIRES(...) ISLET_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
// A function the caller must call without the lock (it takes the lock itself).
#define EXCLUDES(...) ISLET_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
// A function that takes or releases the lock and returns with it so.
#define ACQUIRE(...) ISLET_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RELEASE(...) ISLET_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define TRY_ACQUIRE(...) ISLET_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
// A function that checks at run time that the lock is held.
#define ASSERT_CAPABILITY(x) ISLET_THREAD_ANNOTATION(assert_capability(x))
// A function that returns a reference to the given lock.
#define RETURN_CAPABILITY(x) ISLET_THREAD_ANNOTATION(lock_returned(x))
// The analysis cannot follow this function (say why where it is used).
#define NO_THREAD_SAFETY_ANALYSIS ISLET_THREAD_ANNOTATION(no_thread_safety_analysis)
