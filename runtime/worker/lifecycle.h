#pragma once

#include <atomic>
#include <optional>
#include <utility>

#include "runtime/base/check.h"
#include "runtime/runtime_types.h"

namespace islet::runtime {

// A worker's life as one state machine: the phase any thread may read (what
// inspect shows) and the requests, from any thread, that end it.
//
// Phases (WorkerState), written only by the executor thread running the
// worker's turn:
//
//   kStarting ──first turn runs the start-up code (Begin)──────────▶ kRunning
//   kRunning  ──turn ends with nothing ready (EndTurn)─────────────▶ kIdle
//   kIdle     ──next turn (Begin)──────────────────────────────────▶ kRunning
//   kRunning  ──Atomics.wait starts (BeginWait)────────────────────▶ kBlocked
//   kBlocked  ──the wait ends (EndWait)────────────────────────────▶ kRunning
//   kStarting, kRunning, kIdle ──Finish(exit)──────────────────────▶ kTerminating
//   kTerminating ──the turn disposed the isolate (MarkExited)──────▶ kExited
//
// kTerminating is "finishing": the exit is decided and recorded; what still
// runs ('exit' listeners, the teardown) must not start anything new. Finish
// from kStarting happens when the isolate cannot be made or the worker was
// terminated before its first turn; from kIdle when a turn begins with a
// terminate request. Finish is first-wins: later calls keep the first exit.
// (The supervisor's kRestarting and kFailed describe a record between two
// workers, never a Worker.)
//
// Requests do not move the phase by themselves; the turn loop looks at them
// at its safe points (after each callback, after a microtask checkpoint)
// and calls Finish with the exit they imply:
//   terminate      RequestTerminate, any thread (a parent, the control API,
//                  a limit). Sticky; the first request wins.
//   exit(code)     process.exit() on the worker's thread.
//   out of memory  V8's near-heap-limit callback on the worker's thread.
// in_turn says whether a turn holds the isolate now, so that a terminating
// thread knows whether V8 must be interrupted.
class Lifecycle {
 public:
  // Any thread.
  WorkerState state() const { return state_.load(std::memory_order_relaxed); }
  bool terminate_requested() const { return terminate_requested_.load(); }
  bool in_turn() const { return in_turn_.load(); }
  bool out_of_memory() const { return out_of_memory_.load(); }
  // True for the first request only.
  bool RequestTerminate() { return !terminate_requested_.exchange(true); }

  // The executor thread running the worker's turn, below.

  // A turn holds the isolate from here to EndTurn.
  void EnterTurn() { in_turn_.store(true); }
  // The turn runs JS. True if this is the first such turn: the caller runs
  // the start-up code.
  bool Begin() {
    ISLET_DCHECK(!finishing());
    state_.store(WorkerState::kRunning, std::memory_order_relaxed);
    return !std::exchange(started_, true);
  }
  // The start-up code ran (or began to); a worker terminated before that
  // exits with 0, as Node's does.
  bool started() const { return started_; }
  // `more`: the worker has work ready now and runs again at once.
  void EndTurn(bool more) {
    in_turn_.store(false);
    if (!finishing() && !more) state_.store(WorkerState::kIdle, std::memory_order_relaxed);
  }
  // A wait in a finishing worker (an 'exit' listener's) leaves the phase.
  void BeginWait() {
    if (finishing()) return;
    ISLET_DCHECK(state() == WorkerState::kRunning);
    state_.store(WorkerState::kBlocked, std::memory_order_relaxed);
  }
  void EndWait() {
    if (state() == WorkerState::kBlocked)
      state_.store(WorkerState::kRunning, std::memory_order_relaxed);
  }

  void RequestExit(int code) {
    exit_code_ = code;
    exit_requested_ = true;
  }
  bool exit_requested() const { return exit_requested_; }
  int exit_code() const { return exit_code_; }
  // True the first time (the caller interrupts V8 once).
  bool MarkOutOfMemory() { return !out_of_memory_.exchange(true); }

  // Records how the worker ends; false (and no change) if it already is.
  bool Finish(ExitInfo exit) {
    if (finishing()) return false;
    exit_ = std::move(exit);
    state_.store(WorkerState::kTerminating, std::memory_order_relaxed);
    return true;
  }
  bool finishing() const {
    WorkerState s = state();
    return s == WorkerState::kTerminating || s == WorkerState::kExited;
  }
  const ExitInfo& exit() const { return exit_; }
  // The exit a process.exit() call implies, if one was made.
  std::optional<ExitInfo> RequestedExit() const {
    if (!exit_requested_) return std::nullopt;
    return ExitInfo{exit_code_, ExitReason::kExited, "", ""};
  }
  void MarkExited() {
    ISLET_DCHECK(state() == WorkerState::kTerminating);
    ISLET_DCHECK(!in_turn());  // EndTurn ran, or no turn began
    state_.store(WorkerState::kExited);
  }

 private:
  std::atomic<WorkerState> state_{WorkerState::kStarting};
  std::atomic<bool> terminate_requested_{false};
  std::atomic<bool> in_turn_{false};
  std::atomic<bool> out_of_memory_{false};
  // The worker's thread only.
  bool started_ = false;
  bool exit_requested_ = false;
  int exit_code_ = 0;
  ExitInfo exit_;
};

}  // namespace islet::runtime
