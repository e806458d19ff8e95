#include "runtime/scheduler/executor.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <functional>
#include <future>
#include <latch>
#include <thread>

#include "tests/common/wait.h"

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
  // All eight block at once, which needs compensation threads.
  const bool blocked = islet::testing::WaitUntil([&] { return all_blocked.try_wait(); });
  EXPECT_TRUE(blocked) << "eight actors did not all block at once on two threads";
  if (blocked) {
    // And an actor still gets a thread to release them.
    auto releaser = std::make_shared<TestActor>(&executor);
    releaser->Post([&] { release.set_value(); });
    EXPECT_TRUE(islet::testing::WaitUntil([&] { return all_done.try_wait(); }))
        << "the releaser never ran, or the waiters never finished";
  } else {
    release.set_value();  // let what did block end, so the executor can stop
  }
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return all_done.try_wait(); }));
}

using namespace std::chrono_literals;

// A turn that spins until `release` is set: long CPU work holding its thread.
void SpinUntil(const std::atomic<bool>& release) {
  while (!release.load()) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#endif
  }
}

TEST(ExecutorTest, ARunnextBehindATurnThatRunsOnIsStolen) {
  // No monitor: only the steal gets the runnext out from behind the turn
  // that scheduled it, and the posting thread wakes no one to do it.
  Executor executor({.threads = 2, .long_turn_microseconds = 0});
  auto poster = std::make_shared<TestActor>(&executor);
  auto receiver = std::make_shared<TestActor>(&executor);
  std::atomic<bool> received{false};
  std::atomic<bool> poster_done{false};
  poster->Post([&] {
    receiver->Post([&] { received = true; });  // receiver becomes this thread's runnext
    // Then this turn runs on until the receiver has run elsewhere.
    bool ok = islet::testing::WaitUntil([&] { return received.load(); });
    poster_done = ok;
  });
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return poster_done.load(); }));
  EXPECT_GE(executor.stats().steals, 1u);
}

TEST(ExecutorTest, ATurnKnowsWhetherItFollowsThePreviousOneWithoutAPause) {
  Executor executor({.threads = 1});
  auto a = std::make_shared<TestActor>(&executor);
  auto b = std::make_shared<TestActor>(&executor);
  std::promise<std::pair<bool, bool>> seen;
  a->Post([&] {
    bool a_follows = Executor::TurnFollowsPrevious();  // the thread was idle before
    b->Post([&, a_follows] { seen.set_value({a_follows, Executor::TurnFollowsPrevious()}); });
  });
  auto f = seen.get_future();
  ASSERT_EQ(f.wait_for(30s), std::future_status::ready);
  auto [a_follows, b_follows] = f.get();
  EXPECT_FALSE(a_follows);
  EXPECT_TRUE(b_follows);                         // b ran next on the same thread, right after a
  EXPECT_FALSE(Executor::TurnFollowsPrevious());  // not on an executor thread
}

TEST(ExecutorTest, ActorsQueuedTogetherRunOnBothThreads) {
  // Each of the two turns waits until the other has started: only two
  // threads running at once get through. A thread that finds work while
  // others are parked wakes one for the rest (posting while a thread spins
  // wakes no one). No monitor, so no long-turn hand-off helps.
  Executor executor({.threads = 2, .long_turn_microseconds = 0});
  for (int round = 0; round < 50; ++round) {
    auto a = std::make_shared<TestActor>(&executor);
    auto b = std::make_shared<TestActor>(&executor);
    std::atomic<int> started{0};
    std::atomic<int> met{0};
    auto meet = [&] {
      ++started;
      if (islet::testing::WaitUntil([&] { return started.load() == 2; }, 10s)) ++met;
    };
    a->Post(meet);
    b->Post(meet);
    ASSERT_TRUE(islet::testing::WaitUntil([&] { return started.load() == 2; }, 30s))
        << "round " << round;
    ASSERT_TRUE(islet::testing::WaitUntil([&] { return met.load() == 2; }, 30s))
        << "round " << round;
  }
}

TEST(ExecutorTest, ALongTurnLeavesItsThreadAndOthersRun) {
  // One thread, and a turn that only ends once another actor has run: without
  // long-turn compensation this never finishes.
  Executor executor({.threads = 1, .max_blocked_threads = 4, .long_turn_microseconds = 1000});
  auto spinner = std::make_shared<TestActor>(&executor);
  auto other = std::make_shared<TestActor>(&executor);
  std::atomic<bool> release{false};
  std::atomic<bool> spinning{false}, done{false};
  spinner->Post([&] {
    spinning = true;
    SpinUntil(release);
    done = true;
  });
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return spinning.load(); }));
  other->Post([&] { release = true; });
  bool ok = islet::testing::WaitUntil([&] { return done.load(); });
  release = true;  // lets the spinner end whatever happened
  ASSERT_TRUE(ok) << "the other actor never ran while a long turn held the only thread";
  ExecutorStats stats = executor.stats();
  EXPECT_GE(stats.long_turns_total, 1u);
  EXPECT_GE(stats.live_threads, 2);
  // Once the long turn is over its thread is no longer counted out.
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return executor.stats().compensated_threads == 0; }));
}

TEST(ExecutorTest, WithoutTheMonitorALongTurnHoldsTheOnlyThread) {
  // The control for the test above: long_turn_microseconds = 0 turns the
  // monitor off, and the other actor waits for the long turn to end.
  Executor executor({.threads = 1, .max_blocked_threads = 4, .long_turn_microseconds = 0});
  auto spinner = std::make_shared<TestActor>(&executor);
  auto other = std::make_shared<TestActor>(&executor);
  std::atomic<bool> release{false}, spinning{false}, other_ran{false};
  spinner->Post([&] {
    spinning = true;
    SpinUntil(release);
  });
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return spinning.load(); }));
  other->Post([&] { other_ran = true; });
  // Nothing can run it: the queue holds it while the spinner spins.
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return executor.stats().run_queue == 1; }));
  EXPECT_FALSE(other_ran.load());
  release = true;
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return other_ran.load(); }));
  EXPECT_EQ(executor.stats().long_turns_total, 0u);
}

TEST(ExecutorTest, ManyLongTurnsEachGetAThreadAndShortTurnsStillRun) {
  Executor executor({.threads = 2, .max_blocked_threads = 16, .long_turn_microseconds = 500});
  constexpr int kSpinners = 6;  // three times the pool
  std::atomic<bool> release{false};
  std::atomic<int> spinning{0};
  std::vector<std::shared_ptr<TestActor>> spinners;
  for (int i = 0; i < kSpinners; ++i) {
    spinners.push_back(std::make_shared<TestActor>(&executor));
    spinners.back()->Post([&] {
      ++spinning;
      SpinUntil(release);
    });
  }
  bool all = islet::testing::WaitUntil(
      [&] { return spinning.load() == kSpinners && executor.stats().long_turns == kSpinners; });
  // Short turns go on meanwhile: a ping-pong of 1,000 hops completes.
  auto a = std::make_shared<TestActor>(&executor);
  auto b = std::make_shared<TestActor>(&executor);
  std::atomic<int> hops{0};
  std::function<void(TestActor*, TestActor*)> hop = [&](TestActor* self, TestActor* peer) {
    if (++hops < 1000) peer->Post([&, self, peer] { hop(peer, self); });
  };
  a->Post([&] { hop(a.get(), b.get()); });
  bool pinged = islet::testing::WaitUntil([&] { return hops.load() >= 1000; });
  ExecutorStats during = executor.stats();
  release = true;
  ASSERT_TRUE(all) << spinning.load() << " of " << kSpinners << " long turns started";
  EXPECT_TRUE(pinged) << hops.load() << " hops";
  EXPECT_EQ(during.long_turns, kSpinners);
  EXPECT_GE(during.live_threads, kSpinners + 2);
  EXPECT_EQ(during.compensations_refused, 0u);
}

TEST(ExecutorTest, BeyondTheBoundReadyActorsWaitAndTheRefusalIsCounted) {
  Executor executor({.threads = 1, .max_blocked_threads = 1, .long_turn_microseconds = 500});
  std::atomic<bool> release{false};
  std::atomic<int> spinning{0};
  std::vector<std::shared_ptr<TestActor>> spinners;
  for (int i = 0; i < 3; ++i) {
    spinners.push_back(std::make_shared<TestActor>(&executor));
    spinners.back()->Post([&] {
      ++spinning;
      SpinUntil(release);
    });
  }
  // Two run (the pool's thread and the one compensating thread), both long;
  // the third waits in the queue, and the second long turn was refused a
  // thread of its own.
  bool refused = islet::testing::WaitUntil([&] {
    ExecutorStats s = executor.stats();
    return s.compensations_refused >= 1 && s.run_queue == 1;
  });
  ExecutorStats during = executor.stats();
  release = true;
  ASSERT_TRUE(refused);
  EXPECT_EQ(spinning.load(), 2);
  EXPECT_EQ(during.live_threads, 2);
  EXPECT_TRUE(
      islet::testing::WaitUntil([&] { return spinning.load() == 3; }));  // it runs once one ends
}

TEST(ExecutorTest, ATurnThatBlocksAndThenRunsLongIsCountedOutOnce) {
  Executor executor({.threads = 1, .max_blocked_threads = 4, .long_turn_microseconds = 500});
  auto actor = std::make_shared<TestActor>(&executor);
  std::promise<ExecutorStats> seen;
  actor->Post([&] {
    executor.BeginBlocking();
    executor.EndBlocking();
    // Then computes for 20 thresholds: the monitor ticks forty times meanwhile.
    auto until = std::chrono::steady_clock::now() + 10ms;
    while (std::chrono::steady_clock::now() < until) {
    }
    seen.set_value(executor.stats());
  });
  auto f = seen.get_future();
  ASSERT_EQ(f.wait_for(30s), std::future_status::ready);
  ExecutorStats during = f.get();
  EXPECT_EQ(during.compensated_threads, 1);
  EXPECT_EQ(during.long_turns, 0);  // counted out as blocked, not again as long
  EXPECT_EQ(during.blocks_total, 1u);
  EXPECT_EQ(during.long_turns_total, 0u);
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return executor.stats().compensated_threads == 0; }));
}

TEST(ExecutorTest, LongTurnsFillingEveryCoreRunNicedAndTheirThreadsGetItBack) {
  errno = 0;
  const int base = getpriority(PRIO_PROCESS, 0);
  ASSERT_EQ(errno, 0);
  if (base + 5 > 19) GTEST_SKIP() << "the process is already niced to " << base;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Executor executor({.threads = 1,
                     .max_blocked_threads = cores + 4,
                     .long_turn_microseconds = 500,
                     .long_turn_nice = 5});
  // Where a thread may not take its priority back (no CAP_SYS_NICE, as in
  // Bazel's sandbox), niceness is off and long turns keep the process's.
  const bool may_restore = executor.long_turn_nice() != 0;
  const int niced = may_restore ? base + 5 : base;
  if (may_restore) EXPECT_EQ(executor.long_turn_nice(), 5);
  // One long turn fewer than cores: a core is free for short turns, and
  // nothing is niced.
  std::atomic<bool> release{false};
  std::vector<std::shared_ptr<TestActor>> spinners;
  std::vector<std::atomic<pid_t>> tids(static_cast<size_t>(cores));
  auto spin = [&](int i) {
    spinners.push_back(std::make_shared<TestActor>(&executor));
    spinners.back()->Post([&, i] {
      tids[static_cast<size_t>(i)] = gettid();
      SpinUntil(release);
    });
  };
  auto priority = [](pid_t tid) {
    errno = 0;
    return getpriority(PRIO_PROCESS, static_cast<id_t>(tid));
  };
  for (int i = 0; i + 1 < cores; ++i) spin(i);
  bool ok = islet::testing::WaitUntil([&] { return executor.stats().long_turns == cores - 1; });
  if (ok && cores > 1) {
    // Several monitor ticks.
    auto until = std::chrono::steady_clock::now() + 5ms;
    while (std::chrono::steady_clock::now() < until) {
    }
    EXPECT_EQ(priority(tids[0]), base);
  }
  // One more: long turns fill the cores, and every one of them is niced.
  spin(cores - 1);
  ok = ok && islet::testing::WaitUntil([&] {
         if (executor.stats().long_turns != cores) return false;
         for (auto& t : tids) {
           if (t.load() == 0 || priority(t.load()) != niced) return false;
         }
         return true;
       });
  release = true;
  ASSERT_TRUE(ok) << "long turns: " << executor.stats().long_turns;
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return executor.stats().compensated_threads == 0; }));
  // Each thread is back at the process's priority (or retired).
  auto again = std::make_shared<TestActor>(&executor);
  std::promise<pid_t> where;
  again->Post([&] { where.set_value(gettid()); });
  auto f = where.get_future();
  ASSERT_EQ(f.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(priority(f.get()), base) << "a short turn ran on a thread still niced";
  EXPECT_EQ(executor.stats().threads_retired, 0u);
  for (auto& t : tids) EXPECT_EQ(priority(t.load()), base);
}

}  // namespace
}  // namespace islet::runtime
