#pragma once

#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/base/mutex.h"
#include "runtime/runtime.h"

namespace islet::runtime {

// One worker's islet limits (WorkerLimits) and the CPU accounting they are
// judged by. The executor thread running the worker's turn reports each
// turn (BeginTurn/EndTurn); the watchdog thread asks whether a limit is
// broken (Check) while a turn runs; the control thread changes the limits.
// Thread-safe. V8-free: the worker acts on a breach (TerminateExecution).
class LimitEnforcer {
 public:
  LimitEnforcer(const WorkerLimits& initial, std::chrono::steady_clock::time_point start)
      : start_(start), limits_(initial) {}

  // Replaces the limits. True if one the watchdog enforces is set.
  bool Set(const WorkerLimits& limits) EXCLUDES(mu_);
  WorkerLimits limits() const EXCLUDES(mu_);
  // CPU per turn, CPU in total or a deadline: the worker needs watching.
  bool HasWatchedLimits() const EXCLUDES(mu_);

  // A turn begins on the calling thread, whose CPU clock is `thread_clock`
  // and read `cpu_start_ns` (wall clock `wall_start_ns`, steady).
  void BeginTurn(clockid_t thread_clock, uint64_t cpu_start_ns, int64_t wall_start_ns);
  // The turn ends with its thread's clock at `cpu_end_ns`.
  void EndTurn(uint64_t cpu_end_ns);

  // The turn in progress so far: wall clock and its thread's CPU; zeros
  // between turns. Any thread.
  struct TurnSoFar {
    uint64_t wall_ns = 0;
    uint64_t cpu_ns = 0;
  };
  TurnSoFar TurnInProgress() const;
  // CPU of the turns that have ended (add TurnInProgress for the total).
  uint64_t FinishedTurnsCpuNs() const { return cpu_ns_.load(); }

  // A broken limit: why the worker is ended, and the message its console
  // (or its parent's 'error' event) gets.
  struct Breach {
    ExitReason reason = ExitReason::kTerminated;
    std::string message;
  };
  // The first limit broken at `now`, if any (watchdog thread).
  std::optional<Breach> Check(std::chrono::steady_clock::time_point now) const EXCLUDES(mu_);

  // Records why the worker is being terminated; the first cause recorded
  // wins, and a worker with none was terminated on request.
  void RecordCause(Breach breach) EXCLUDES(mu_);
  Breach Cause() const EXCLUDES(mu_);

 private:
  const std::chrono::steady_clock::time_point start_;
  mutable Mutex mu_;
  WorkerLimits limits_ GUARDED_BY(mu_);
  std::optional<Breach> cause_ GUARDED_BY(mu_);

  // Turn accounting, read lock-free by other threads: turn_seq_ is odd
  // during a turn, and a reader that sees it change retries as "between".
  std::atomic<uint64_t> turn_seq_{0};
  std::atomic<clockid_t> turn_clock_{0};
  std::atomic<uint64_t> turn_cpu_start_ns_{0};
  std::atomic<int64_t> turn_started_ns_{0};
  std::atomic<uint64_t> cpu_ns_{0};  // finished turns
};

}  // namespace islet::runtime
