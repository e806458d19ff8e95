#pragma once

#include <v8.h>

#include <memory>

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

 private:
  Engine();

  std::unique_ptr<TimerService> timers_;
  std::unique_ptr<Platform> platform_;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
};

}  // namespace islet::runtime
