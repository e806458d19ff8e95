// A worker's port bookkeeping (runtime/worker/port_table.h), without V8.

#include "runtime/worker/port_table.h"

#include <gtest/gtest.h>

#include <vector>

namespace islet::runtime {
namespace {

Message Numbered(uint8_t n) {
  Message m;
  m.ports.push_back(n);  // a cheap way to tell messages apart
  return m;
}

TEST(PortTableTest, APortIsStartedOnceAndStopsAndForgets) {
  PortTable ports;
  EXPECT_FALSE(ports.Started(7));
  EXPECT_TRUE(ports.Start(7));
  EXPECT_TRUE(ports.Started(7));
  EXPECT_FALSE(ports.Start(7));  // already started: nothing is newly due
  ports.Stop(7);
  EXPECT_FALSE(ports.Started(7));
  EXPECT_TRUE(ports.Start(7));  // a stopped port starts again
  ports.Forget(7);
  EXPECT_FALSE(ports.Started(7));
  ports.Stop(8);  // never started: stays unstarted
  EXPECT_FALSE(ports.Started(8));
}

TEST(PortTableTest, EveryChangeMovesTheEpoch) {
  PortTable ports;
  uint64_t seen = ports.epoch();
  ports.Start(1);
  EXPECT_NE(ports.epoch(), seen);
  seen = ports.epoch();
  ports.Start(1);  // no change
  EXPECT_EQ(ports.epoch(), seen);
  ports.Stop(1);
  EXPECT_NE(ports.epoch(), seen);
  seen = ports.epoch();
  ports.Forget(1);
  EXPECT_NE(ports.epoch(), seen);
  seen = ports.epoch();
  ports.Clear();
  EXPECT_NE(ports.epoch(), seen);
}

TEST(PortTableTest, ADeliveryHandsOutItsBatchOnceWhoeverTakes) {
  PortTable ports;
  std::vector<Message> batch;
  for (uint8_t i = 0; i < 4; ++i) batch.push_back(Numbered(i));
  Message taken;
  EXPECT_FALSE(ports.TakeDelivering(5, &taken));  // nothing being delivered
  {
    PortTable::Delivery delivery(&ports, 5, &batch);
    EXPECT_EQ(delivery.Next().ports[0], 0u);
    // A listener takes the next one itself (receiveMessageOnPort).
    ASSERT_TRUE(ports.TakeDelivering(5, &taken));
    EXPECT_EQ(taken.ports[0], 1u);
    EXPECT_FALSE(ports.TakeDelivering(6, &taken));  // another port's batch is not this one
    EXPECT_EQ(delivery.Next().ports[0], 2u);
    std::vector<Message> rest = delivery.Rest();
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].ports[0], 3u);
    EXPECT_TRUE(delivery.done());
  }
  EXPECT_FALSE(ports.TakeDelivering(5, &taken));  // the delivery is over
}

TEST(PortTableTest, ANestedDeliveryRestoresTheOuterOne) {
  PortTable ports;
  std::vector<Message> outer_batch, inner_batch;
  outer_batch.push_back(Numbered(1));
  outer_batch.push_back(Numbered(2));
  inner_batch.push_back(Numbered(9));
  PortTable::Delivery outer(&ports, 1, &outer_batch);
  outer.Next();
  Message taken;
  {
    PortTable::Delivery inner(&ports, 2, &inner_batch);
    EXPECT_FALSE(ports.TakeDelivering(1, &taken));  // the inner drain is the current one
    ASSERT_TRUE(ports.TakeDelivering(2, &taken));
    EXPECT_EQ(taken.ports[0], 9u);
    EXPECT_FALSE(ports.TakeDelivering(2, &taken));  // all handed out
  }
  ASSERT_TRUE(ports.TakeDelivering(1, &taken));
  EXPECT_EQ(taken.ports[0], 2u);
}

}  // namespace
}  // namespace islet::runtime
