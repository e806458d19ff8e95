#pragma once

#include <v8.h>

#include <atomic>
#include <cstdint>
#include <memory>

#include "runtime/base/external_budget.h"

namespace islet::runtime {

// One isolate's ArrayBuffer allocator: it charges every allocation to its
// worker (and to the daemon's budget) and refuses one past either limit, so
// V8 throws "RangeError: Array buffer allocation failed" in that worker
// instead of the daemon running out of memory. Given to V8 as a shared_ptr
// (CreateParams::array_buffer_allocator_shared): backing stores hold it, so a
// buffer transferred to another worker is still freed, and uncharged, here.
// Thread-safe: buffers are freed on whichever thread drops them.
class CountingAllocator final : public v8::ArrayBuffer::Allocator {
 public:
  explicit CountingAllocator(std::shared_ptr<ExternalBudget> budget) : budget_(std::move(budget)) {}

  void* Allocate(size_t length) override;
  void* AllocateUninitialized(size_t length) override;
  void Free(void* data, size_t length) override;

  // 0 = no limit of its own.
  void set_limit(uint64_t bytes) { limit_.store(bytes, std::memory_order_relaxed); }
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }
  // Allocations refused so far.
  uint64_t refused() const { return refused_.load(std::memory_order_relaxed); }
  // The most it ever held at once.
  uint64_t peak() const { return peak_.load(std::memory_order_relaxed); }

 private:
  bool Charge(size_t length);
  void Uncharge(size_t length);

  const std::shared_ptr<ExternalBudget> budget_;  // may be null: no daemon cap
  std::atomic<uint64_t> used_{0};
  std::atomic<uint64_t> limit_{0};
  std::atomic<uint64_t> refused_{0};
  std::atomic<uint64_t> peak_{0};
};

}  // namespace islet::runtime
