// MessageRing: a port's FIFO queue, small messages packed in a ring of
// bytes, others boxed. Order and contents must hold across wrap-around,
// growth while wrapped, mixed packed and boxed messages, and messages put
// back at the front.

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

// Sizes that do not divide the ring, so records end short of its end and
// the next one skips to the start; boxed messages (ports, a close marker,
// large bytes) in between.
TEST(MessageRingTest, MixedSizesAndBoxedMessagesKeepOrderAndContents) {
  MessageRing ring;
  auto make = [](int n) {
    Message m;
    size_t size = 1 + (n * 37) % 300;  // 1..300 bytes: some above kPackedMax
    std::vector<uint8_t> bytes(size);
    for (size_t i = 0; i < size; ++i) bytes[i] = uint8_t(n + i);
    m.bytes.assign(bytes.data(), bytes.size());
    if (n % 7 == 0) m.ports = {PortId(n), PortId(n + 1)};
    if (n % 11 == 0) m.close_marker = true;
    return m;
  };
  auto check = [](const Message& m, int n) {
    size_t size = 1 + (n * 37) % 300;
    ASSERT_EQ(m.bytes.size(), size) << n;
    for (size_t i = 0; i < size; ++i) ASSERT_EQ(m.bytes.data()[i], uint8_t(n + i)) << n;
    EXPECT_EQ(m.ports.size(), n % 7 == 0 ? 2u : 0u) << n;
    EXPECT_EQ(m.close_marker, n % 11 == 0) << n;
  };
  int in = 0, out = 0;
  for (int round = 0; round < 200; ++round) {
    for (int i = 0; i < 1 + round % 9; ++i) ring.push_back(make(in++));
    if (round % 2 == 0) {
      for (int i = 0; i < 1 + round % 5 && !ring.empty(); ++i) check(ring.pop_front(), out++);
    } else {
      std::vector<Message> taken;
      ring.TakeFront(1 + round % 5, &taken);  // records copied, then decoded
      for (const Message& m : taken) check(m, out++);
    }
    ASSERT_EQ(ring.size(), size_t(in - out));
  }
  while (!ring.empty()) check(ring.pop_front(), out++);
  EXPECT_EQ(out, in);
  // A ring destroyed with boxed messages in it frees them (ASan).
  MessageRing left;
  for (int i = 0; i < 50; ++i) left.push_back(make(i));
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
