#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>

#include "runtime/runtime.h"

namespace islet::runtime {

// Restart decisions for supervised workers, as pure functions: the policy,
// the worker's restart history and its exit in, a decision out. No clocks,
// locks or logging, so every rule is unit-tested (restart_planner_test).

// kInvalidArgument saying what is wrong with the policy, for the client.
Result<void> CheckRestartPolicy(const RestartPolicy& policy);

// A failure is any exit but a clean one (reason exited, code 0).
bool IsFailure(const ExitInfo& exit);

// "error, code 1: boom": an exit as the restart notices print it.
std::string DescribeExit(const ExitInfo& exit);

// What a supervised worker remembers between its runs.
struct RestartHistory {
  // When each restart within the current window happened.
  std::deque<std::chrono::steady_clock::time_point> restarts;
  // Doublings of the backoff so far; reset by a run that lasted a window.
  uint32_t backoff_step = 0;
};

struct RestartDecision {
  enum class Kind {
    kFinal,    // the policy does not restart this exit (never, or on-failure and clean)
    kGiveUp,   // too many restarts within the window: the worker is failed
    kRestart,  // start it again after `delay`
  };
  Kind kind = Kind::kFinal;
  std::chrono::milliseconds delay{0};
  RestartHistory history;  // the history to keep (kRestart and kGiveUp)
  // For the worker's stderr and the log (kRestart and kGiveUp), e.g.
  // "exited (error, code 1: boom); restarting in 200 ms (restart 2 of at
  // most 5 in 60 s)".
  std::string notice;
};

// Decides what follows an exit of a worker under `policy` that ran for
// `uptime_seconds` and exited at `now`. The backoff starts at
// backoff_initial_ms and doubles with each restart up to backoff_max_ms;
// a run that lasted a whole window starts it over. Past max_restarts
// restarts within window_seconds the worker is given up.
RestartDecision PlanRestart(const RestartPolicy& policy, const RestartHistory& history,
                            const ExitInfo& exit, double uptime_seconds,
                            std::chrono::steady_clock::time_point now);

}  // namespace islet::runtime
