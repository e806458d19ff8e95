#include "runtime/worker/array_buffer_allocator.h"

#include <cstdlib>

namespace islet::runtime {

bool CountingAllocator::Charge(size_t length) {
  uint64_t now = used_.fetch_add(length, std::memory_order_relaxed) + length;
  uint64_t limit = limit_.load(std::memory_order_relaxed);
  if ((limit != 0 && now > limit) || (budget_ && !budget_->Charge(length))) {
    used_.fetch_sub(length, std::memory_order_relaxed);
    refused_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  uint64_t peak = peak_.load(std::memory_order_relaxed);
  while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
  return true;
}

void CountingAllocator::Uncharge(size_t length) {
  used_.fetch_sub(length, std::memory_order_relaxed);
  if (budget_) budget_->Release(length);
}

void* CountingAllocator::Allocate(size_t length) {
  if (!Charge(length)) return nullptr;
  void* data = std::calloc(length == 0 ? 1 : length, 1);
  if (data == nullptr) Uncharge(length);
  return data;
}

void* CountingAllocator::AllocateUninitialized(size_t length) {
  if (!Charge(length)) return nullptr;
  void* data = std::malloc(length == 0 ? 1 : length);
  if (data == nullptr) Uncharge(length);
  return data;
}

void CountingAllocator::Free(void* data, size_t length) {
  std::free(data);
  Uncharge(length);
}

}  // namespace islet::runtime
