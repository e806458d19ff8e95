// islet's v8::Platform routes each isolate's foreground tasks into the
// mailbox of the actor that owns it, holds the ones posted before the
// isolate has an actor, drops them once the isolate is detached, and leaves
// background work to V8's own worker threads. The platform never looks
// inside an isolate, so stand-in pointers serve as isolates here and only
// the test's own tasks are posted.
#include "runtime/engine/platform.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <thread>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/scheduler/executor.h"
#include "runtime/scheduler/timer_service.h"
#include "tests/common/wait.h"

namespace islet::runtime {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// Runs its mailbox's tasks; a task can ask whose turn it runs in.
class TaskActor final : public Actor {
 public:
  explicit TaskActor(Executor* executor) : Actor(executor, SIZE_MAX) {}

  // The actor whose turn the calling thread is in, or null.
  static const TaskActor* Current() { return current_; }

 protected:
  bool RunTurn() override {
    current_ = this;
    std::deque<Task> batch;
    mailbox().TakeBatch(16, &batch);
    for (auto& task : batch) task();
    current_ = nullptr;
    return !mailbox().empty();
  }

 private:
  static inline thread_local const TaskActor* current_ = nullptr;
};

// What the tasks of one test did. Thread-safe.
class TaskLog {
 public:
  struct Run {
    int id;
    const TaskActor* actor;  // whose turn it ran in; null outside any
    bool on_executor;
    std::thread::id thread;
    Clock::time_point at;
  };

  void Ran(const Run& run) {
    MutexLock lock(mu_);
    runs_.push_back(run);
  }
  void Destroyed(int id) {
    MutexLock lock(mu_);
    destroyed_.push_back(id);
  }

  std::vector<Run> runs() const {
    MutexLock lock(mu_);
    return runs_;
  }
  size_t run_count() const {
    MutexLock lock(mu_);
    return runs_.size();
  }
  std::vector<int> ids() const {
    MutexLock lock(mu_);
    std::vector<int> ids;
    for (const Run& run : runs_) ids.push_back(run.id);
    return ids;
  }
  bool WasDestroyed(int id) const {
    MutexLock lock(mu_);
    return std::find(destroyed_.begin(), destroyed_.end(), id) != destroyed_.end();
  }
  size_t destroyed() const {
    MutexLock lock(mu_);
    return destroyed_.size();
  }
  // The run of task `id`; fails the test if it did not run.
  Run RunOf(int id) const {
    MutexLock lock(mu_);
    for (const Run& run : runs_) {
      if (run.id == id) return run;
    }
    ADD_FAILURE() << "task " << id << " did not run";
    return Run{};
  }

 private:
  mutable Mutex mu_;
  std::vector<Run> runs_ GUARDED_BY(mu_);
  std::vector<int> destroyed_ GUARDED_BY(mu_);
};

class LoggedTask final : public v8::Task {
 public:
  LoggedTask(TaskLog* log, int id, Executor* executor) : log_(log), id_(id), executor_(executor) {}
  ~LoggedTask() override { log_->Destroyed(id_); }

  void Run() override {
    log_->Ran({id_, TaskActor::Current(), executor_->OnExecutorThread(), std::this_thread::get_id(),
               Clock::now()});
  }

 private:
  TaskLog* log_;
  int id_;
  Executor* executor_;
};

// Takes `items` work items, one at a time, on as many threads as V8 gives it.
class CountingJob final : public v8::JobTask {
 public:
  CountingJob(int items, std::atomic<int>* done) : items_(items), done_(done) {}

  void Run(v8::JobDelegate* delegate) override {
    while (!delegate->ShouldYield()) {
      if (next_.fetch_add(1) >= items_) return;
      done_->fetch_add(1);
    }
  }
  size_t GetMaxConcurrency(size_t /*worker_count*/) const override {
    int left = items_ - next_.load();
    return left > 0 ? static_cast<size_t>(left) : 0;
  }

 private:
  const int items_;
  std::atomic<int>* done_;
  std::atomic<int> next_{0};
};

class PlatformTest : public ::testing::Test {
 protected:
  // A stand-in isolate: the platform only uses the pointer as a key.
  v8::Isolate* FakeIsolate(int i) { return reinterpret_cast<v8::Isolate*>(&isolate_keys_[i]); }
  std::shared_ptr<TaskActor> NewActor() { return std::make_shared<TaskActor>(&executor_); }
  std::unique_ptr<v8::Task> NewTask(int id) {
    return std::make_unique<LoggedTask>(&log_, id, &executor_);
  }
  bool WaitForRuns(size_t n) {
    return islet::testing::WaitUntil([&] { return log_.run_count() >= n; });
  }

  // Declared first, destroyed last: tasks the others hold log their end here.
  TaskLog log_;
  Executor executor_{ExecutorOptions{.threads = 1, .long_turn_microseconds = 0}};
  TimerService timers_;
  Platform platform_{&timers_};
  char isolate_keys_[4] = {};
};

TEST_F(PlatformTest, ForegroundTasksRunInTheAttachedActorsTurnsInOrder) {
  auto actor = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), actor);
  std::shared_ptr<v8::TaskRunner> runner = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  for (int id = 1; id <= 3; ++id) runner->PostTask(NewTask(id));
  runner->PostNonNestableTask(NewTask(4));
  ASSERT_TRUE(WaitForRuns(4));
  EXPECT_EQ(log_.ids(), (std::vector<int>{1, 2, 3, 4}));
  for (const TaskLog::Run& run : log_.runs()) {
    EXPECT_EQ(run.actor, actor.get()) << "task " << run.id;
    EXPECT_TRUE(run.on_executor) << "task " << run.id;
  }
  // V8 asks for the runner again and again: it is the isolate's one runner.
  EXPECT_EQ(platform_.GetForegroundTaskRunner(FakeIsolate(0)).get(), runner.get());
  platform_.DetachIsolate(FakeIsolate(0));
}

TEST_F(PlatformTest, TasksPostedBeforeTheIsolateHasAnActorWaitForIt) {
  // V8 posts tasks while it creates an isolate, before a worker adopts it.
  std::shared_ptr<v8::TaskRunner> runner = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  runner->PostTask(NewTask(1));
  runner->PostNonNestableTask(NewTask(2));
  EXPECT_EQ(log_.run_count(), 0u);
  EXPECT_EQ(log_.destroyed(), 0u);
  auto actor = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), actor);
  runner->PostTask(NewTask(3));
  ASSERT_TRUE(WaitForRuns(3));
  EXPECT_EQ(log_.ids(), (std::vector<int>{1, 2, 3}));
  for (const TaskLog::Run& run : log_.runs()) EXPECT_EQ(run.actor, actor.get()) << run.id;
  platform_.DetachIsolate(FakeIsolate(0));
}

TEST_F(PlatformTest, EachIsolatesTasksReachItsOwnActor) {
  auto first = NewActor();
  auto second = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), first);
  platform_.AttachIsolate(FakeIsolate(1), second);
  auto to_first = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  auto to_second = platform_.GetForegroundTaskRunner(FakeIsolate(1));
  EXPECT_NE(to_first.get(), to_second.get());
  for (int i = 0; i < 5; ++i) {
    to_first->PostTask(NewTask(100 + i));
    to_second->PostTask(NewTask(200 + i));
  }
  ASSERT_TRUE(WaitForRuns(10));
  for (const TaskLog::Run& run : log_.runs()) {
    EXPECT_EQ(run.actor, run.id < 200 ? first.get() : second.get()) << "task " << run.id;
  }
  platform_.DetachIsolate(FakeIsolate(0));
  platform_.DetachIsolate(FakeIsolate(1));
}

TEST_F(PlatformTest, DetachDestroysUndeliveredTasksAndDropsLaterOnes) {
  std::shared_ptr<v8::TaskRunner> runner = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  runner->PostTask(NewTask(1));
  runner->PostTask(NewTask(2));
  platform_.DetachIsolate(FakeIsolate(0));
  // Destroyed by DetachIsolate itself, while the isolate still lives.
  EXPECT_EQ(log_.destroyed(), 2u);
  // V8 may still hold the runner and post to it: nothing is queued any more.
  runner->PostTask(NewTask(3));
  EXPECT_TRUE(log_.WasDestroyed(3));
  runner->PostDelayedTask(NewTask(4), 0);
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return log_.WasDestroyed(4); }));
  EXPECT_EQ(log_.run_count(), 0u);

  // A new isolate at the same address starts afresh.
  std::shared_ptr<v8::TaskRunner> fresh = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  EXPECT_NE(fresh.get(), runner.get());
  auto actor = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), actor);
  fresh->PostTask(NewTask(5));
  ASSERT_TRUE(WaitForRuns(1));
  EXPECT_EQ(log_.ids(), std::vector<int>{5});
  platform_.DetachIsolate(FakeIsolate(0));
  platform_.DetachIsolate(FakeIsolate(1));  // never seen: nothing to do
}

TEST_F(PlatformTest, ATaskForAnActorThatIsGoneIsDestroyedUnrun) {
  auto actor = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), actor);
  actor.reset();  // never scheduled, so nothing else holds it
  platform_.GetForegroundTaskRunner(FakeIsolate(0))->PostTask(NewTask(1));
  EXPECT_TRUE(log_.WasDestroyed(1));
  EXPECT_EQ(log_.run_count(), 0u);
  platform_.DetachIsolate(FakeIsolate(0));
}

TEST_F(PlatformTest, DelayedTasksRunInTheActorNoSoonerThanTheirDelay) {
  auto actor = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), actor);
  auto runner = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  // Posted in the order they are due, so that a stall between two posts
  // cannot reorder them.
  runner->PostTask(NewTask(3));
  auto posted = Clock::now();
  runner->PostNonNestableDelayedTask(NewTask(2), 0.01);
  runner->PostDelayedTask(NewTask(1), 0.05);
  ASSERT_TRUE(WaitForRuns(3));
  EXPECT_EQ(log_.ids(), (std::vector<int>{3, 2, 1}));
  EXPECT_GE(log_.RunOf(1).at - posted, milliseconds(50));
  EXPECT_GE(log_.RunOf(2).at - posted, milliseconds(10));
  // Fired on the timer thread, run in the actor's turn like any other task.
  for (const TaskLog::Run& run : log_.runs()) EXPECT_EQ(run.actor, actor.get()) << run.id;
  platform_.DetachIsolate(FakeIsolate(0));
}

TEST_F(PlatformTest, ADelayedTaskDueAfterDetachIsDestroyedUnrun) {
  auto actor = NewActor();
  platform_.AttachIsolate(FakeIsolate(0), actor);
  platform_.AttachIsolate(FakeIsolate(1), actor);
  platform_.AttachIsolate(FakeIsolate(2), actor);
  // Isolate 0's runner outlives the detach (V8 held on to it); isolate 2's
  // is gone by the time its task is due.
  std::shared_ptr<v8::TaskRunner> held = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  std::shared_ptr<v8::TaskRunner> dropped = platform_.GetForegroundTaskRunner(FakeIsolate(2));
  platform_.DetachIsolate(FakeIsolate(0));
  platform_.DetachIsolate(FakeIsolate(2));
  held->PostDelayedTask(NewTask(1), 0.01);
  dropped->PostDelayedTask(NewTask(2), 0.01);
  dropped.reset();
  // Due after the others: once it has run, the timer thread has passed them.
  platform_.GetForegroundTaskRunner(FakeIsolate(1))->PostDelayedTask(NewTask(3), 0.03);
  ASSERT_TRUE(WaitForRuns(1));
  EXPECT_TRUE(
      islet::testing::WaitUntil([&] { return log_.WasDestroyed(1) && log_.WasDestroyed(2); }));
  EXPECT_EQ(log_.ids(), std::vector<int>{3});
  platform_.DetachIsolate(FakeIsolate(1));
}

TEST_F(PlatformTest, TheRunnerTakesNonNestableTasksButNoIdleTasks) {
  // V8 posts FinalizationRegistry cleanup and Atomics.waitAsync timeouts as
  // non-nestable tasks, and only where the runner says it takes them.
  auto runner = platform_.GetForegroundTaskRunner(FakeIsolate(0));
  EXPECT_TRUE(runner->NonNestableTasksEnabled());
  EXPECT_TRUE(runner->NonNestableDelayedTasksEnabled());
  EXPECT_FALSE(runner->IdleTasksEnabled());
  EXPECT_FALSE(platform_.IdleTasksEnabled(FakeIsolate(0)));
  platform_.DetachIsolate(FakeIsolate(0));
}

TEST_F(PlatformTest, BackgroundTasksRunOnV8sWorkerThreadsNotOnExecutors) {
  EXPECT_GE(platform_.NumberOfWorkerThreads(), 1);
  auto posted = Clock::now();
  platform_.CallOnWorkerThread(NewTask(1));
  platform_.CallDelayedOnWorkerThread(NewTask(2), 0.02);
  ASSERT_TRUE(WaitForRuns(2));
  for (const TaskLog::Run& run : log_.runs()) {
    EXPECT_EQ(run.actor, nullptr) << run.id;
    EXPECT_FALSE(run.on_executor) << run.id;
    EXPECT_NE(run.thread, std::this_thread::get_id()) << run.id;
  }
  // V8's clock reads whole microseconds, ours nanoseconds.
  EXPECT_GE(log_.RunOf(2).at - posted, milliseconds(20) - std::chrono::microseconds(2));
}

TEST_F(PlatformTest, AJobDoesEveryWorkItemOnceAndJoinWaitsForAll) {
  constexpr int kItems = 10000;
  std::atomic<int> done{0};
  std::unique_ptr<v8::JobHandle> job = platform_.PostJob(
      v8::TaskPriority::kUserVisible, std::make_unique<CountingJob>(kItems, &done));
  ASSERT_TRUE(job != nullptr);
  ASSERT_TRUE(job->IsValid());
  job->Join();
  EXPECT_EQ(done.load(), kItems);
  EXPECT_FALSE(job->IsValid());  // joined: the handle is spent
}

TEST_F(PlatformTest, ClocksAreV8sUnitsSecondsAndMilliseconds) {
  // Bracketed by our clocks: the monotonic time is in seconds, on the same
  // clock as steady_clock; the wall time in milliseconds since the epoch.
  auto outer_start = Clock::now();
  double from = platform_.MonotonicallyIncreasingTime();
  auto inner_start = Clock::now();
  ASSERT_TRUE(
      islet::testing::WaitUntil([&] { return Clock::now() - inner_start >= milliseconds(20); }));
  auto inner_end = Clock::now();
  double to = platform_.MonotonicallyIncreasingTime();
  auto outer_end = Clock::now();
  auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  EXPECT_GE(to - from, seconds(inner_end - inner_start) - 1e-5);
  EXPECT_LE(to - from, seconds(outer_end - outer_start) + 1e-5);

  auto wall_ms = [] {
    return std::chrono::duration<double, std::milli>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  double before = wall_ms();
  double now = platform_.CurrentClockTimeMillis();
  double after = wall_ms();
  EXPECT_GE(now, before - 1);
  EXPECT_LE(now, after + 1);

  EXPECT_NE(platform_.GetPageAllocator(), nullptr);
  EXPECT_NE(platform_.GetTracingController(), nullptr);
}

}  // namespace
}  // namespace islet::runtime
