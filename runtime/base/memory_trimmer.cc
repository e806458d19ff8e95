#include "runtime/base/memory_trimmer.h"

#include <malloc.h>

namespace islet {

MemoryTrimmer::MemoryTrimmer(size_t threshold, std::chrono::milliseconds min_interval)
    : threshold_(threshold), min_interval_(min_interval), thread_([this] { Loop(); }) {}

MemoryTrimmer::~MemoryTrimmer() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  cv_.NotifyAll();
  thread_.join();
}

void MemoryTrimmer::Wake() {
  {
    MutexLock lock(mu_);
    due_ = true;
  }
  cv_.NotifyOne();
}

void MemoryTrimmer::Loop() {
  MutexLock lock(mu_);
  for (;;) {
    while (!due_ && !stopping_) cv_.Wait(mu_);
    if (stopping_) return;
    due_ = false;
    freed_.store(0, std::memory_order_relaxed);
    lock.Unlock();
    malloc_trim(0);
    trims_.fetch_add(1, std::memory_order_relaxed);
    lock.Lock();
    // Rate-limited: frees that cross the threshold meanwhile wait their turn.
    auto until = std::chrono::steady_clock::now() + min_interval_;
    while (!stopping_ && cv_.WaitUntil(mu_, until)) {
    }
    // A flood is usually read or dropped over a while: what was freed
    // since the trim, below the threshold or not, is given back too, once.
    if (freed_.load(std::memory_order_relaxed) != 0) due_ = true;
  }
}

}  // namespace islet
