#pragma once

#include <libplatform/libplatform.h>
#include <v8-platform.h>

#include <memory>
#include <unordered_map>

#include "runtime/base/mutex.h"
#include "runtime/scheduler/executor.h"
#include "runtime/scheduler/timer_service.h"

namespace islet::runtime {

class ActorTaskRunner;

// islet's v8::Platform. Background work goes to V8's default worker threads;
// an isolate's foreground tasks (GC steps, Atomics.waitAsync resolution,
// FinalizationRegistry cleanup, WebAssembly compilation results) are posted
// into the mailbox of the actor that owns the isolate and wake it, so they
// run without anyone pumping a loop. Thread-safe.
class Platform final : public v8::Platform {
 public:
  explicit Platform(TimerService* timers);
  ~Platform() override;

  // Routes `isolate`'s foreground tasks to `actor` from now on; tasks V8
  // posted before (during isolate creation) are delivered now.
  void AttachIsolate(v8::Isolate* isolate, std::weak_ptr<Actor> actor);
  // Forgets `isolate` and destroys its undelivered tasks. Call before
  // Isolate::Dispose, with the isolate lock held.
  void DetachIsolate(v8::Isolate* isolate);

  // v8::Platform:
  v8::PageAllocator* GetPageAllocator() override;
  int NumberOfWorkerThreads() override;
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(v8::Isolate* isolate) override;
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay_in_seconds) override;
  bool IdleTasksEnabled(v8::Isolate* isolate) override { return false; }
  std::unique_ptr<v8::JobHandle> PostJob(v8::TaskPriority priority,
                                         std::unique_ptr<v8::JobTask> job_task) override;
  double MonotonicallyIncreasingTime() override;
  double CurrentClockTimeMillis() override;
  v8::TracingController* GetTracingController() override;

 private:
  std::unique_ptr<v8::Platform> inner_;
  TimerService* timers_;
  Mutex mu_;
  std::unordered_map<v8::Isolate*, std::shared_ptr<ActorTaskRunner>> runners_ GUARDED_BY(mu_);
};

}  // namespace islet::runtime
