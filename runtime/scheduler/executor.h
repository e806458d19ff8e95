#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <thread>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/scheduler/executor_stats.h"
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
  // True on the thread running this actor's turn, now: the one thread that
  // may touch the actor's turn-local state (for ISLET_DCHECKs).
  bool InTurnHere() const;

 protected:
  // One turn: handle a bounded amount of work. Returns true if more work is
  // ready right now (the actor goes to the back of the run queue), false if
  // it waits for the next Post/Wake. Runs on an executor thread.
  virtual bool RunTurn() = 0;

 private:
  friend class Executor;
  // An actor's scheduling state. Transitions (CAS in Notify, stores in
  // Executor::Run):
  //   kIdle -> kQueued            Notify: put on a run queue (or runnext)
  //   kQueued -> kRunning         a thread starts its turn
  //   kRunning -> kRunningNotified  Notify during the turn: it runs again
  //   kRunning -> kIdle           the turn ended with nothing more to do
  //   kRunning(Notified) -> kQueued  the turn ended with more to do, or was
  //                               notified meanwhile: back to the run queue
  // Only a kIdle -> kQueued transition schedules, so an actor is on at most
  // one queue and runs on at most one thread at a time.
  enum : uint32_t { kIdle, kQueued, kRunning, kRunningNotified };

  void Notify();

  Executor* const executor_;
  Mailbox mailbox_;
  std::atomic<uint32_t> state_{kIdle};
};

struct ExecutorOptions {
  int threads = 0;  // 0 = hardware concurrency
  // Compensating threads: extra threads the executor may add while turns
  // block (Atomics.wait) or run long, so that `threads` stay free for
  // everyone else. Beyond this many, ready actors wait in the run queue.
  int max_blocked_threads = 256;
  int spin_microseconds = 50;  // spin before parking an idle thread
  // A turn that has computed this long (CPU time of its thread, so that a
  // turn the OS merely descheduled does not count) leaves its thread to
  // itself: the executor counts the thread out and wakes or adds a
  // compensating one. 0 = never (no monitor thread).
  int long_turn_microseconds = 5000;
  // Niceness added to a thread while it runs a long turn and long turns
  // fill every core (long turns are batch work; short turns are latency
  // work, and would otherwise wait for the OS to preempt one). 0 = never. Off where the
  // process cannot take a thread's priority back (long_turn_nice()); a
  // thread that still fails to (RLIMIT_NICE lowered meanwhile) retires.
  int long_turn_nice = 10;
};

// A fixed pool of threads running actors (M:N). When an actor running on an
// executor thread schedules an idle actor, that actor runs next on the same
// thread (Go's runnext), so ping-pong needs no thread wake-up. A monitor
// thread (Go's sysmon) notices turns that run long and hands their share of
// the pool to a compensating thread, as a blocking wait does. Thread-safe.
class Executor {
 public:
  explicit Executor(const ExecutorOptions& options);
  ~Executor();  // Stop()s

  // Stops taking work and joins every thread. Queued actors are dropped
  // from the run queue (their owners tear them down).
  void Stop();

  // Called by an actor's turn, on its executor thread, before a blocking
  // wait (Atomics.wait): keeps `threads` threads available for other actors
  // by waking or adding a compensating thread (bounded). The thread stays
  // counted out until its turn ends. Calls from other threads do nothing.
  void BeginBlocking();
  void EndBlocking();

  int threads() const { return target_; }
  int live_threads() const;
  ExecutorStats stats() const;
  std::chrono::microseconds long_turn_threshold() const { return long_turn_; }
  // The niceness long turns get: the option's, or 0 if this process cannot
  // raise a thread's priority back afterwards (not root, no CAP_SYS_NICE
  // and too low an RLIMIT_NICE).
  int long_turn_nice() const { return long_turn_nice_; }
  // True on one of this executor's threads.
  bool OnExecutorThread() const;
  // In a turn: whether it began right after the previous turn on this
  // thread ended, with no spin or park between them. A clock an actor read
  // at the end of that turn then also marks the start of this one (the
  // worker's CPU accounting saves a thread-clock system call per turn).
  static bool TurnFollowsPrevious();

 private:
  friend class Actor;
  // Why a thread is counted out of the pool.
  enum class Compensation : uint8_t { kNone, kBlocked, kLongTurn };
  struct ThreadState {
    // All guarded by Executor::mu_.
    std::shared_ptr<Actor> runnext;
    std::chrono::steady_clock::time_point runnext_at;
    uint64_t turn = 0;  // turns begun on this thread
    bool in_turn = false;
    Compensation compensation = Compensation::kNone;
    bool niced = false;    // priority lowered for a long turn
    bool retired = false;  // left Loop; joined by the next StartThreadLocked
    pid_t tid = 0;
    clockid_t cpu_clock = 0;  // the thread's CPU-time clock
    bool has_cpu_clock = false;
    // The monitor's view: the turn it last saw running, since when, and the
    // thread's CPU time then.
    uint64_t seen_turn = 0;
    std::chrono::steady_clock::time_point seen_at;
    int64_t seen_cpu_ns = 0;
  };
  // A runnext left waiting this long (its thread is in a long turn) may be
  // taken by another thread.
  static constexpr std::chrono::microseconds kStealAfter{100};

  void Schedule(std::shared_ptr<Actor> actor);
  void StartThreadLocked() REQUIRES(mu_);
  void Loop(ThreadState* self);
  void Monitor();
  std::shared_ptr<Actor> TakeLocked(ThreadState* self) REQUIRES(mu_);
  bool StealableLocked(ThreadState* self, std::chrono::steady_clock::time_point now) const
      REQUIRES(mu_);
  void Run(std::shared_ptr<Actor> actor);
  void PushLocked(std::shared_ptr<Actor> actor) REQUIRES(mu_);
  // Moves `self`'s runnext, if any, to the shared queue. True if it did.
  bool QueueRunnextLocked(ThreadState* self) REQUIRES(mu_);
  // Threads free to take work: live, not counted out, not parked as spare.
  int AvailableLocked() const REQUIRES(mu_) {
    return live_ - compensated_ - (spare_ - spare_wakes_);
  }
  void CompensateLocked(ThreadState* self, Compensation why) REQUIRES(mu_);
  void WakeMonitorLocked() REQUIRES(mu_);
  bool MonitorIdleLocked() const REQUIRES(mu_);
  // Nices long turns while they fill every core, and takes it back after.
  void NiceLongTurnsLocked() REQUIRES(mu_);
  // The turn that was counted out ended. False if the thread must retire.
  bool EndCompensationLocked(ThreadState* self) REQUIRES(mu_);

  const int target_;
  const int max_blocked_;
  const int spin_us_;
  const int cores_;
  const std::chrono::microseconds long_turn_;
  const int base_nice_;  // the process's niceness when the executor started
  // What long turns get added; 0 where a thread could not take its
  // priority back afterwards (see long_turn_nice()).
  const int long_turn_nice_;

  mutable Mutex mu_;
  CondVar work_cv_;
  CondVar spare_cv_;
  CondVar monitor_cv_;
  std::deque<std::shared_ptr<Actor>> queue_ GUARDED_BY(mu_);
  std::vector<std::unique_ptr<ThreadState>> states_ GUARDED_BY(mu_);
  std::vector<std::thread> threads_ GUARDED_BY(mu_);
  std::thread monitor_;
  int live_ GUARDED_BY(mu_) = 0;                 // threads running Loop
  int parked_ GUARDED_BY(mu_) = 0;               // threads waiting on work_cv_
  int timed_parked_ GUARDED_BY(mu_) = 0;         // of those, waiting at most kStealAfter
  int spinning_ GUARDED_BY(mu_) = 0;             // threads spinning for work
  int spare_ GUARDED_BY(mu_) = 0;                // threads parked as surplus
  int spare_wakes_ GUARDED_BY(mu_) = 0;          // spares told to wake, not yet up
  int compensated_ GUARDED_BY(mu_) = 0;          // threads counted out (blocked or long)
  int long_now_ GUARDED_BY(mu_) = 0;             // of those, in a long turn
  int in_turn_ GUARDED_BY(mu_) = 0;              // threads in a turn
  bool monitor_asleep_ GUARDED_BY(mu_) = false;  // until a thread wakes
  bool stopping_ GUARDED_BY(mu_) = false;
  ExecutorStats counters_ GUARDED_BY(mu_);  // the cumulative fields
  std::atomic<size_t> queued_{0};           // queue_.size(), readable without mu_ for spinning
  std::atomic<int> runnext_waiting_{0};     // filled runnext slots
};

}  // namespace islet::runtime
