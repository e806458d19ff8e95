#include "runtime/scheduler/executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <thread>

namespace islet::runtime {
namespace {

// Runs posted tasks, up to `budget` per turn, counting turns and threads.
class TestActor : public Actor {
 public:
  TestActor(Executor* e, size_t budget = 16) : Actor(e, SIZE_MAX), budget_(budget) {}
  std::atomic<int> turns{0};
  std::atomic<int> concurrent{0};
  std::atomic<bool> overlapped{false};

 protected:
  bool RunTurn() override {
    if (concurrent.fetch_add(1) != 0) overlapped = true;
    ++turns;
    std::deque<Task> batch;
    mailbox().TakeBatch(budget_, &batch);
    for (auto& t : batch) t();
    concurrent.fetch_sub(1);
    return !mailbox().empty();
  }

 private:
  size_t budget_;
};

TEST(ExecutorTest, NoLostWakeUpsUnderConcurrentPosting) {
  Executor executor({.threads = 2});
  auto actor = std::make_shared<TestActor>(&executor);
  constexpr int kThreads = 4, kPosts = 20000;
  std::atomic<int> ran{0};
  std::promise<void> all_ran;
  std::vector<std::thread> posters;
  for (int t = 0; t < kThreads; ++t) {
    posters.emplace_back([&] {
      for (int i = 0; i < kPosts; ++i) {
        actor->Post([&] {
          if (++ran == kThreads * kPosts) all_ran.set_value();
        });
      }
    });
  }
  for (auto& t : posters) t.join();
  all_ran.get_future().wait();
  EXPECT_EQ(ran.load(), kThreads * kPosts);
  EXPECT_FALSE(actor->overlapped.load()) << "an actor ran on two threads at once";
}

TEST(ExecutorTest, FloodingActorDoesNotStarveAnother) {
  Executor executor({.threads = 1});
  auto flooder = std::make_shared<TestActor>(&executor, /*budget=*/8);
  auto quiet = std::make_shared<TestActor>(&executor);
  std::atomic<bool> stop{false};
  std::atomic<int> flood_ran{0};
  // The flooder re-posts to itself forever; the quiet actor must still run.
  std::function<void()> again = [&] {
    ++flood_ran;
    if (!stop) flooder->Post([&] { again(); });
  };
  for (int i = 0; i < 100; ++i) flooder->Post([&] { again(); });
  std::promise<void> quiet_ran;
  quiet->Post([&] { quiet_ran.set_value(); });
  quiet_ran.get_future().wait();
  stop = true;
  executor.Stop();
  EXPECT_GT(flood_ran.load(), 0);
}

TEST(ExecutorTest, PingPongRunsOnOneThreadViaRunnext) {
  Executor executor({.threads = 2});
  auto a = std::make_shared<TestActor>(&executor);
  auto b = std::make_shared<TestActor>(&executor);
  constexpr int kRounds = 10000;
  std::atomic<int> switches{0};
  std::thread::id last;
  std::promise<void> done;
  std::function<void(int)> ping, pong;
  ping = [&](int n) {
    if (std::this_thread::get_id() != last) ++switches;
    last = std::this_thread::get_id();
    if (n == kRounds) return done.set_value();
    b->Post([&, n] { pong(n + 1); });
  };
  pong = [&](int n) {
    if (std::this_thread::get_id() != last) ++switches;
    last = std::this_thread::get_id();
    a->Post([&, n] { ping(n + 1); });
  };
  a->Post([&] { ping(0); });
  done.get_future().wait();
  // Hand-offs stay on the posting thread almost always (a steal is rare).
  EXPECT_LT(switches.load(), kRounds / 10);
}

TEST(ExecutorTest, BlockingActorGetsACompensatingThread) {
  // With one thread, an actor that blocks until another actor runs would
  // deadlock without compensation.
  Executor executor({.threads = 1, .max_blocked_threads = 4});
  auto waiter = std::make_shared<TestActor>(&executor);
  auto notifier = std::make_shared<TestActor>(&executor);
  std::promise<void> notified;
  auto notified_future = notified.get_future().share();
  std::promise<void> waiter_done;
  waiter->Post([&] {
    executor.BeginBlocking();
    notifier->Post([&] { notified.set_value(); });
    notified_future.wait();
    executor.EndBlocking();
    waiter_done.set_value();
  });
  waiter_done.get_future().wait();
  EXPECT_GE(executor.live_threads(), 2);
}

TEST(ExecutorTest, ManyBlockedActorsAllProgressWithTwoThreads) {
  Executor executor({.threads = 2, .max_blocked_threads = 16});
  constexpr int kWaiters = 8;
  std::latch all_blocked(kWaiters);
  std::promise<void> release;
  auto released = release.get_future().share();
  std::latch all_done(kWaiters);
  std::vector<std::shared_ptr<TestActor>> waiters;
  for (int i = 0; i < kWaiters; ++i) {
    waiters.push_back(std::make_shared<TestActor>(&executor));
    waiters.back()->Post([&] {
      executor.BeginBlocking();
      all_blocked.count_down();
      released.wait();
      executor.EndBlocking();
      all_done.count_down();
    });
  }
  all_blocked.wait();  // all eight block at once: needs compensation
  auto releaser = std::make_shared<TestActor>(&executor);
  releaser->Post([&] { release.set_value(); });
  all_done.wait();
}

}  // namespace
}  // namespace islet::runtime
