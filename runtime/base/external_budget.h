#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "runtime/base/memory_trimmer.h"

namespace islet::runtime {

// Off-heap memory held by all workers together (ArrayBuffer contents, and
// message bytes queued unread on ports), with a cap: isletd
// --max-external-total-mb. Thread-safe.
class ExternalBudget {
 public:
  // With a `trimmer`, what queued messages give back is reported to it
  // (ReleaseQueued), so that a flood's memory returns to the OS once read
  // or dropped.
  explicit ExternalBudget(uint64_t cap_bytes, std::shared_ptr<MemoryTrimmer> trimmer = nullptr)
      : cap_(cap_bytes), trimmer_(std::move(trimmer)) {}
  // Reserves `n` bytes; false (nothing reserved) past the cap.
  bool Charge(uint64_t n) {
    uint64_t now = used_.fetch_add(n, std::memory_order_relaxed) + n;
    if (cap_ != 0 && now > cap_) {
      used_.fetch_sub(n, std::memory_order_relaxed);
      return false;
    }
    return true;
  }
  void Release(uint64_t n) { used_.fetch_sub(n, std::memory_order_relaxed); }
  // Release, for queued message bytes (QueueAccount gives them back in
  // steps of a MiB, so steady traffic never gets here).
  void ReleaseQueued(uint64_t n) {
    Release(n);
    if (trimmer_) trimmer_->Freed(n);
  }
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }
  uint64_t cap() const { return cap_; }

 private:
  std::atomic<uint64_t> used_{0};
  const uint64_t cap_;
  const std::shared_ptr<MemoryTrimmer> trimmer_;
};

}  // namespace islet::runtime
