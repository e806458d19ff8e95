// MessageBytes: small messages inline, large ones on the heap, and every
// copy, move and adoption keeps the bytes intact.

#include "runtime/bus/message_bytes.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace islet::runtime {
namespace {

std::vector<uint8_t> Pattern(size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = uint8_t(i * 7 + 3);
  return v;
}

void ExpectBytes(const MessageBytes& b, const std::vector<uint8_t>& want) {
  ASSERT_EQ(b.size(), want.size());
  EXPECT_EQ(std::memcmp(b.data(), want.data(), want.size()), 0);
}

TEST(MessageBytesTest, EmptyByDefault) {
  MessageBytes b;
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.size(), 0u);
}

TEST(MessageBytesTest, CopiesMovesAndAssignsAtEverySizeAroundTheInlineLimit) {
  for (size_t n : {size_t(1), MessageBytes::kInline - 1, MessageBytes::kInline,
                   MessageBytes::kInline + 1, size_t(4096)}) {
    SCOPED_TRACE(n);
    auto want = Pattern(n);
    MessageBytes a;
    a.assign(want.data(), n);
    ExpectBytes(a, want);
    MessageBytes copy(a);
    ExpectBytes(copy, want);
    ExpectBytes(a, want);
    MessageBytes moved(std::move(copy));
    ExpectBytes(moved, want);
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
    MessageBytes assigned;
    assigned = {9, 9, 9};
    assigned = moved;
    ExpectBytes(assigned, want);
    assigned = std::move(moved);
    ExpectBytes(assigned, want);
    MessageBytes& alias = assigned;  // through an alias: compilers flag a literal self-assignment
    assigned = alias;                // self-assignment keeps the bytes
    ExpectBytes(assigned, want);
    // Reassigning from large to small and back.
    assigned = {1, 2};
    ExpectBytes(assigned, {1, 2});
    assigned.assign(want.data(), n);
    ExpectBytes(assigned, want);
  }
}

TEST(MessageBytesTest, AdoptsAMallocBlockOfAnySize) {
  for (size_t n : {size_t(0), size_t(5), MessageBytes::kInline + 10, size_t(100000)}) {
    SCOPED_TRACE(n);
    auto want = Pattern(n);
    auto* block = static_cast<uint8_t*>(std::malloc(n == 0 ? 1 : n));
    if (n != 0) std::memcpy(block, want.data(), n);
    MessageBytes b = {4, 5, 6};
    b.adopt(block, n);  // freed now (small) or by b (large): ASan checks both
    ExpectBytes(b, want);
  }
}

// assign() from its own bytes (a suffix of them, or all): the old block may
// only go after the copy. ASan catches a read of freed memory here.
TEST(MessageBytesTest, AssignsFromItsOwnBytes) {
  for (size_t n : {size_t(10), MessageBytes::kInline + 20, size_t(5000)}) {
    SCOPED_TRACE(n);
    auto want = Pattern(n);
    MessageBytes b;
    b.assign(want.data(), n);
    b.assign(b.data() + 3, n - 3);  // shrink from inside: heap -> heap or inline
    ExpectBytes(b, std::vector<uint8_t>(want.begin() + 3, want.end()));
    b.assign(b.data(), b.size());  // all of itself
    ExpectBytes(b, std::vector<uint8_t>(want.begin() + 3, want.end()));
  }
}

TEST(MessageBytesTest, InitializerListsAndIndexing) {
  MessageBytes b = {1, 2, 3};
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0], 1);
  EXPECT_EQ(b[2], 3);
}

}  // namespace
}  // namespace islet::runtime
