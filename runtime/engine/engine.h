#pragma once

#include <v8.h>

#include <deque>
#include <memory>
#include <thread>

#include "runtime/base/mutex.h"
#include "runtime/engine/platform.h"
#include "runtime/scheduler/timer_service.h"

namespace islet::runtime {

// Process-wide V8 state: the platform, the shared timer thread and the
// ArrayBuffer allocator. V8 cannot be re-initialised in a process, so the
// engine is created on first use and lives until exit. Thread-safe.
class Engine {
 public:
  static Engine& Get();

  Platform* platform() { return platform_.get(); }
  TimerService* timers() { return timers_.get(); }
  v8::ArrayBuffer::Allocator* allocator() { return allocator_.get(); }

  // Disposes `isolate` on a background thread: disposal takes about a
  // millisecond, which an executor thread should spend running actors. The
  // isolate must be unlocked, detached from the platform, and unused.
  // `large`: it held a big heap (or ran out of memory), so once disposals
  // are over the process's free memory is handed back (malloc_trim).
  void DisposeLater(v8::Isolate* isolate, bool large = false);

 private:
  Engine();
  void ReapLoop();

  Mutex reap_mu_;
  CondVar reap_cv_;
  std::deque<std::pair<v8::Isolate*, bool>> to_dispose_ GUARDED_BY(reap_mu_);
  std::thread reaper_;

  std::unique_ptr<TimerService> timers_;
  std::unique_ptr<Platform> platform_;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
};

}  // namespace islet::runtime
