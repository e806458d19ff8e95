// MessageRing: a port's FIFO queue, reused in place. Order must hold across
// wrap-around, growth while wrapped, and messages put back at the front.

#include "runtime/bus/message_ring.h"

#include <gtest/gtest.h>

#include <vector>

namespace islet::runtime {
namespace {

Message Numbered(uint8_t n) {
  Message m;
  m.bytes = {n};
  return m;
}

uint8_t NumberOf(const Message& m) { return m.bytes.data()[0]; }

TEST(MessageRingTest, FifoAcrossWrapAroundAndGrowth) {
  MessageRing ring;
  uint8_t next_in = 0, next_out = 0;
  // Push 5, pop 3, repeatedly: the head walks round the ring while it
  // grows, so growth happens with the contents wrapped.
  for (int round = 0; round < 40; ++round) {
    for (int i = 0; i < 5; ++i) ring.push_back(Numbered(next_in++));
    for (int i = 0; i < 3; ++i) {
      ASSERT_FALSE(ring.empty());
      EXPECT_EQ(NumberOf(ring.pop_front()), next_out++);
    }
    EXPECT_EQ(NumberOf(ring.back()), uint8_t(next_in - 1));
  }
  EXPECT_EQ(ring.size(), 80u);
  std::vector<Message> out;
  ring.TakeFront(1000, &out);
  ASSERT_EQ(out.size(), 80u);
  for (const Message& m : out) EXPECT_EQ(NumberOf(m), next_out++);
  EXPECT_TRUE(ring.empty());
}

TEST(MessageRingTest, TakeFrontTakesAtMostMaxAndPushFrontRestoresOrder) {
  MessageRing ring;
  for (uint8_t i = 0; i < 10; ++i) ring.push_back(Numbered(i));
  std::vector<Message> taken;
  ring.TakeFront(4, &taken);
  ASSERT_EQ(taken.size(), 4u);
  EXPECT_EQ(ring.size(), 6u);
  // Hand back all but the first, then more than the ring's free room.
  taken.erase(taken.begin());
  ring.PushFront(std::move(taken));
  std::vector<Message> extra;
  for (uint8_t i = 100; i < 120; ++i) extra.push_back(Numbered(i));
  ring.PushFront(std::move(extra));
  std::vector<uint8_t> order;
  while (!ring.empty()) order.push_back(NumberOf(ring.pop_front()));
  std::vector<uint8_t> want;
  for (uint8_t i = 100; i < 120; ++i) want.push_back(i);
  for (uint8_t i = 1; i < 10; ++i) want.push_back(i);
  EXPECT_EQ(order, want);
}

TEST(MessageRingTest, AnEmptiedLargeRingCanBeRefilled) {
  MessageRing ring;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 5000; ++i) ring.push_back(Numbered(uint8_t(i)));
    for (int i = 0; i < 5000; ++i) ASSERT_EQ(NumberOf(ring.pop_front()), uint8_t(i));
    EXPECT_TRUE(ring.empty());
  }
  ring.PushFront({});
  EXPECT_TRUE(ring.empty());
}

}  // namespace
}  // namespace islet::runtime
