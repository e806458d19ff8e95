#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <thread>
#include <utility>

#include "runtime/base/mutex.h"
#include "runtime/scheduler/executor.h"

namespace islet::runtime {

// One thread that fires deadlines for every actor: all JS timers of all
// workers share it (no thread or OS timer per JS timer). An actor keeps its
// own timer list and asks here only for a wake-up at its earliest deadline.
// Callbacks run on the timer thread and must be short. Thread-safe.
class TimerService {
 public:
  using Clock = std::chrono::steady_clock;

  TimerService();
  ~TimerService();

  // Calls actor->Wake() at or after `when`, unless the actor is gone by then.
  void WakeAt(Clock::time_point when, std::weak_ptr<Actor> actor);
  // Runs `fn` on the timer thread at or after `when` (dropped on Stop).
  void RunAt(Clock::time_point when, std::move_only_function<void()> fn);

  void Stop();

 private:
  void Loop();

  Mutex mu_;
  CondVar cv_;
  // Keyed by (deadline, insertion sequence): equal deadlines fire in order.
  std::map<std::pair<Clock::time_point, uint64_t>, std::move_only_function<void()>> entries_
      GUARDED_BY(mu_);
  uint64_t seq_ GUARDED_BY(mu_) = 0;
  bool stopping_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace islet::runtime
