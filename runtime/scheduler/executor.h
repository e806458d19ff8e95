#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/scheduler/mailbox.h"

namespace islet::runtime {

class Executor;

// Something that runs on the executor pool: an event queue plus a turn.
// An actor holds no thread while idle; at most one executor thread runs it at
// a time. Post/Wake are thread-safe; RunTurn runs on an executor thread.
class Actor : public std::enable_shared_from_this<Actor> {
 public:
  Actor(Executor* executor, size_t mailbox_capacity);
  virtual ~Actor() = default;
  Actor(const Actor&) = delete;
  Actor& operator=(const Actor&) = delete;

  // Queues `task` and schedules the actor. False if the mailbox refused it.
  bool Post(Task task);
  // As Post, but ignores the mailbox bound (control events).
  bool PostUrgent(Task task);
  // Schedules a turn even with an empty mailbox (a timer came due).
  void Wake();

  Mailbox& mailbox() { return mailbox_; }
  Executor* executor() const { return executor_; }

 protected:
  // One turn: handle a bounded amount of work. Returns true if more work is
  // ready right now (the actor goes to the back of the run queue), false if
  // it waits for the next Post/Wake. Runs on an executor thread.
  virtual bool RunTurn() = 0;

 private:
  friend class Executor;
  enum : uint32_t { kIdle, kQueued, kRunning, kRunningNotified };

  void Notify();

  Executor* const executor_;
  Mailbox mailbox_;
  std::atomic<uint32_t> state_{kIdle};
};

struct ExecutorOptions {
  int threads = 0;             // 0 = hardware concurrency
  int max_blocked_threads = 64;  // compensating threads while actors block
  int spin_microseconds = 50;  // spin before parking an idle thread
};

// A fixed pool of threads running actors (M:N). When an actor running on an
// executor thread schedules an idle actor, that actor runs next on the same
// thread (Go's runnext), so ping-pong needs no thread wake-up. Thread-safe.
class Executor {
 public:
  explicit Executor(const ExecutorOptions& options);
  ~Executor();  // Stop()s

  // Stops taking work and joins every thread. Queued actors are dropped
  // from the run queue (their owners tear them down).
  void Stop();

  // Called by an actor's turn, on its executor thread, around a blocking
  // wait (Atomics.wait): keeps `threads` threads available for other actors
  // by waking or adding a compensating thread (bounded).
  void BeginBlocking();
  void EndBlocking();

  int threads() const { return target_; }
  int live_threads() const;
  // True on one of this executor's threads.
  bool OnExecutorThread() const;

 private:
  friend class Actor;
  struct ThreadState {
    std::shared_ptr<Actor> runnext;                    // guarded by Executor::mu_
    std::chrono::steady_clock::time_point runnext_at;  // guarded by Executor::mu_
  };
  // A runnext left waiting this long (its thread is in a long turn) may be
  // taken by another thread.
  static constexpr std::chrono::microseconds kStealAfter{100};

  void Schedule(std::shared_ptr<Actor> actor);
  void StartThreadLocked();
  void Loop(ThreadState* self);
  std::shared_ptr<Actor> TakeLocked(ThreadState* self);
  bool StealableLocked(ThreadState* self, std::chrono::steady_clock::time_point now) const;
  void Run(std::shared_ptr<Actor> actor);

  const int target_;
  const int max_blocked_;
  const int spin_us_;

  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable spare_cv_;
  std::deque<std::shared_ptr<Actor>> queue_;            // guarded by mu_
  std::vector<std::unique_ptr<ThreadState>> states_;    // guarded by mu_
  std::vector<std::thread> threads_;                    // guarded by mu_
  int parked_ = 0;        // threads waiting on work_cv_; guarded by mu_
  int spare_ = 0;         // threads parked as surplus; guarded by mu_
  int blocked_ = 0;       // threads inside BeginBlocking..End; guarded by mu_
  bool stopping_ = false;  // guarded by mu_
  std::atomic<size_t> queued_{0};  // queue_.size(), readable without mu_ for spinning
  std::atomic<int> runnext_waiting_{0};  // filled runnext slots
};

}  // namespace islet::runtime
