// The counting ArrayBuffer allocator, without an isolate.

#include "runtime/worker/array_buffer_allocator.h"

#include <gtest/gtest.h>

#include <barrier>
#include <thread>
#include <vector>

namespace islet::runtime {
namespace {

TEST(CountingAllocatorTest, ChargesAndUnchargesTheWorkerAndTheBudget) {
  auto budget = std::make_shared<ExternalBudget>(0);
  CountingAllocator a(budget);
  void* p = a.Allocate(1000);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(static_cast<unsigned char*>(p)[999], 0);  // zeroed
  void* q = a.AllocateUninitialized(24);
  EXPECT_EQ(a.used(), 1024u);
  EXPECT_EQ(budget->used(), 1024u);
  a.Free(p, 1000);
  a.Free(q, 24);
  EXPECT_EQ(a.used(), 0u);
  EXPECT_EQ(budget->used(), 0u);
  EXPECT_EQ(a.peak(), 1024u);
}

TEST(CountingAllocatorTest, RefusesPastItsOwnLimit) {
  CountingAllocator a(nullptr);
  a.set_limit(100);
  void* p = a.Allocate(60);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(a.Allocate(41), nullptr);
  EXPECT_EQ(a.refused(), 1u);
  EXPECT_EQ(a.used(), 60u);  // nothing charged for the refusal
  void* q = a.Allocate(40);  // exactly the limit
  EXPECT_NE(q, nullptr);
  a.Free(p, 60);
  a.Free(q, 40);
}

TEST(CountingAllocatorTest, RefusesPastTheSharedBudgetWithoutChargingEither) {
  auto budget = std::make_shared<ExternalBudget>(100);
  CountingAllocator a(budget), b(budget);
  void* p = a.Allocate(70);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(b.Allocate(31), nullptr);
  EXPECT_EQ(b.used(), 0u);
  EXPECT_EQ(budget->used(), 70u);
  a.Free(p, 70);
  void* q = b.Allocate(100);
  EXPECT_NE(q, nullptr);
  b.Free(q, 100);
}

TEST(CountingAllocatorTest, ConcurrentAllocationsNeverHoldMoreThanTheBudget) {
  constexpr uint64_t kCap = 64 * 1024;
  auto budget = std::make_shared<ExternalBudget>(kCap);
  std::atomic<uint64_t> granted{0};
  std::barrier all_allocated(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      CountingAllocator a(budget);
      std::vector<void*> held;
      for (int i = 0; i < 100; ++i) {
        if (void* p = a.Allocate(4096)) held.push_back(p);
      }
      granted += held.size() * 4096;
      all_allocated.arrive_and_wait();
      for (void* p : held) a.Free(p, 4096);
    });
  }
  for (auto& t : threads) t.join();
  // Every thread held what it got until the end, so what was granted was
  // held at once: never more than the cap, and the cap was reached.
  EXPECT_LE(granted.load(), kCap);
  EXPECT_GE(granted.load(), kCap - 3 * 4096);
  EXPECT_EQ(budget->used(), 0u);
}

}  // namespace
}  // namespace islet::runtime
