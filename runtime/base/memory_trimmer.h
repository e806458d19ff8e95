#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>

#include "runtime/base/mutex.h"

namespace islet {

// Gives memory back to the OS after large frees. glibc's malloc keeps what
// it freed in its arenas for reuse: after a flood of queued messages is
// read or dropped, the daemon would go on holding the flood's peak.
// Whoever frees a lot reports it (Freed: one relaxed add); once `threshold`
// bytes have been freed since the last trim, a thread of the trimmer's own
// calls malloc_trim(0), so neither the freeing worker's turn nor anyone's
// lock waits for it. Trims are at least `min_interval` apart; what was
// freed meanwhile gets one more trim at the end of the interval.
// Thread-safe.
class MemoryTrimmer {
 public:
  explicit MemoryTrimmer(size_t threshold = 32u << 20,
                         std::chrono::milliseconds min_interval = std::chrono::milliseconds(500));
  ~MemoryTrimmer();
  MemoryTrimmer(const MemoryTrimmer&) = delete;
  MemoryTrimmer& operator=(const MemoryTrimmer&) = delete;

  void Freed(size_t bytes) {
    size_t before = freed_.fetch_add(bytes, std::memory_order_relaxed);
    if (before < threshold_ && before + bytes >= threshold_) Wake();
  }
  // Trims done so far.
  uint64_t trims() const { return trims_.load(std::memory_order_relaxed); }

 private:
  void Wake();
  void Loop();

  const size_t threshold_;
  const std::chrono::milliseconds min_interval_;
  std::atomic<size_t> freed_{0};
  std::atomic<uint64_t> trims_{0};
  Mutex mu_;
  CondVar cv_;
  bool due_ GUARDED_BY(mu_) = false;
  bool stopping_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace islet
