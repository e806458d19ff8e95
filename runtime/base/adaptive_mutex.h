#pragma once

#include <pthread.h>

namespace islet::runtime {

// A mutex that spins briefly before it sleeps (glibc's
// PTHREAD_MUTEX_ADAPTIVE_NP), for locks held for a few instructions by
// threads on other cores, such as a message queue between a sending and a
// receiving worker. std::mutex sleeps in the kernel at the first contention,
// and each such sleep and wake costs microseconds: more than the critical
// section. Meets the Lockable requirements (std::lock_guard, std::unique_lock).
class AdaptiveMutex {
 public:
  AdaptiveMutex() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ADAPTIVE_NP);
    pthread_mutex_init(&mutex_, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~AdaptiveMutex() { pthread_mutex_destroy(&mutex_); }
  AdaptiveMutex(const AdaptiveMutex&) = delete;
  AdaptiveMutex& operator=(const AdaptiveMutex&) = delete;

  void lock() { pthread_mutex_lock(&mutex_); }
  bool try_lock() { return pthread_mutex_trylock(&mutex_) == 0; }
  void unlock() { pthread_mutex_unlock(&mutex_); }

 private:
  pthread_mutex_t mutex_;
};

}  // namespace islet::runtime
