#include "runtime/supervisor/subscriber.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace islet::runtime {
namespace {

WorkerEvent Out(std::string text) {
  return WorkerEvent{1, Output{Stream::kStdout, std::move(text)}};
}

std::string Text(const WorkerEvent& event) { return std::get<Output>(event.body).data; }

TEST(SubscriberTest, DeliversInPushOrderWhenDrained) {
  std::vector<std::string> seen;
  Subscriber s([&](const WorkerEvent& e) { seen.push_back(Text(e)); });
  s.Push(Out("a"));
  s.Push(Out("b"));
  EXPECT_TRUE(seen.empty());  // nothing is delivered by Push
  s.Drain();
  s.Push(Out("c"));
  s.Drain();
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(SubscriberTest, AConcurrentDrainLeavesItsEventsToTheDeliveringThread) {
  std::promise<void> entered, release;
  auto release_future = release.get_future().share();
  std::vector<std::string> seen;
  std::atomic<int> concurrent{0}, max_concurrent{0};
  Subscriber s([&](const WorkerEvent& e) {
    int now = ++concurrent;
    max_concurrent = std::max(max_concurrent.load(), now);
    if (Text(e) == "first") {
      entered.set_value();
      release_future.wait();
    }
    seen.push_back(Text(e));
    --concurrent;
  });
  s.Push(Out("first"));
  std::thread deliverer([&] { s.Drain(); });
  entered.get_future().wait();
  s.Push(Out("second"));
  s.Drain();  // returns at once: the deliverer holds the sink
  release.set_value();
  deliverer.join();
  EXPECT_EQ(seen, (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(max_concurrent.load(), 1);
}

TEST(SubscriberTest, CloseWaitsForADeliveryInProgressAndStopsTheRest) {
  std::promise<void> entered, release;
  std::atomic<bool> in_sink{false};
  std::vector<std::string> seen;
  auto release_future = release.get_future().share();
  Subscriber s([&](const WorkerEvent& e) {
    in_sink = true;
    if (Text(e) == "first") {
      entered.set_value();
      release_future.wait();
    }
    seen.push_back(Text(e));
    in_sink = false;
  });
  s.Push(Out("first"));
  s.Push(Out("second"));
  std::thread deliverer([&] { s.Drain(); });
  entered.get_future().wait();
  auto closed = std::async(std::launch::async, [&] {
    s.Close();
    return in_sink.load();
  });
  // Close cannot return while the sink runs.
  EXPECT_EQ(closed.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  release.set_value();
  EXPECT_FALSE(closed.get());
  deliverer.join();
  s.Push(Out("third"));
  s.Drain();
  EXPECT_EQ(seen, (std::vector<std::string>{"first"}));
}

TEST(SubscriberTest, CloseFromInsideTheSinkReturns) {
  std::vector<std::string> seen;
  Subscriber* self = nullptr;
  Subscriber s([&](const WorkerEvent& e) {
    seen.push_back(Text(e));
    self->Close();
  });
  self = &s;
  s.Push(Out("a"));
  s.Push(Out("b"));
  s.Drain();
  EXPECT_EQ(seen, (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace islet::runtime
