#include "runtime/scheduler/mailbox.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace islet::runtime {
namespace {

TEST(MailboxTest, ManyProducersKeepPerProducerOrder) {
  constexpr int kProducers = 8;
  constexpr int kPerProducer = 20000;
  Mailbox mailbox;
  std::vector<std::pair<int, int>> seen;  // touched only by the consumer
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&, p] {
      for (int i = 0; i < kPerProducer; ++i) {
        ASSERT_TRUE(mailbox.Push([&seen, p, i] { seen.emplace_back(p, i); }));
      }
    });
  }
  std::deque<Task> batch;
  size_t total = 0;
  while (total < size_t{kProducers} * kPerProducer) {
    total += mailbox.TakeBatch(64, &batch);
    while (!batch.empty()) {
      batch.front()();
      batch.pop_front();
    }
  }
  for (auto& t : producers) t.join();
  std::vector<int> next(kProducers, 0);
  for (auto [p, i] : seen) {
    ASSERT_EQ(i, next[p]) << "producer " << p;
    ++next[p];
  }
  for (int n : next) EXPECT_EQ(n, kPerProducer);
}

TEST(MailboxTest, CapacityRefusesButUrgentGetsThrough) {
  Mailbox mailbox(2);
  EXPECT_TRUE(mailbox.Push([] {}));
  EXPECT_TRUE(mailbox.Push([] {}));
  EXPECT_FALSE(mailbox.Push([] {}));
  EXPECT_TRUE(mailbox.PushUrgent([] {}));
  EXPECT_EQ(mailbox.size(), 3u);
}

TEST(MailboxTest, ClosedRefusesAndReturnsQueued) {
  Mailbox mailbox;
  EXPECT_TRUE(mailbox.Push([] {}));
  auto left = mailbox.Close();
  EXPECT_EQ(left.size(), 1u);
  EXPECT_FALSE(mailbox.Push([] {}));
  EXPECT_FALSE(mailbox.PushUrgent([] {}));
  EXPECT_TRUE(mailbox.empty());
}

}  // namespace
}  // namespace islet::runtime
