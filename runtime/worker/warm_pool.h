#pragma once

#include <v8.h>

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "runtime/base/error.h"
#include "runtime/base/mutex.h"
#include "runtime/worker/array_buffer_allocator.h"
#include "runtime/worker/code_cache.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

class Engine;

// An isolate whose context already holds the worker environment (bootstrap
// run), not yet bound to a worker.
struct PreparedIsolate {
  v8::Isolate* isolate = nullptr;
  v8::Global<v8::Context> context;
  v8::Global<v8::Object> hooks;
  v8::Global<v8::FunctionTemplate> port_template;
  std::shared_ptr<CountingAllocator> allocator;  // the isolate's ArrayBuffers
  // Scripts compiled without a code cache (the isolate's data slot 1 points
  // here); the worker makes caches of them after its first turn.
  std::unique_ptr<CompileLog> compile_log;
  bool from_snapshot = false;  // deserialized from the EnvironmentSnapshot
};

// Builds a PreparedIsolate on the calling thread; the error says why not
// (the bootstrap's exception, a missing hook). Its ArrayBuffers are charged
// to `budget` (may be null).
Result<std::unique_ptr<PreparedIsolate>> PrepareIsolate(Engine* engine,
                                                        const ResourceLimits& limits,
                                                        std::shared_ptr<ExternalBudget> budget,
                                                        PrepareOptions options = {});
// Disposes one that no worker adopted.
void DisposePrepared(Engine* engine, std::unique_ptr<PreparedIsolate> prepared);

// Keeps `target` prepared isolates (with the daemon's default limits) ready,
// built on background threads, so spawning a worker does not pay for
// isolate creation and bootstrap on its path. Two threads where there are
// two cores or more: back-to-back spawns take isolates faster than one
// thread prepares them (~2.8 ms of CPU each), and a spawn that finds the
// pool empty prepares its own, on its path. Thread-safe.
class WarmPool {
 public:
  WarmPool(Engine* engine, size_t target, ResourceLimits limits,
           std::shared_ptr<ExternalBudget> budget, std::function<PrepareOptions()> options = {});
  ~WarmPool();

  // A prepared isolate if one is ready and `limits` are the pool's; else null
  // (the caller prepares its own).
  std::unique_ptr<PreparedIsolate> Take(const ResourceLimits& limits);
  size_t ready() const;
  // Isolates being prepared now (0 once the pool is full and idle).
  size_t preparing() const;

 private:
  void Loop();

  Engine* const engine_;
  const size_t target_;
  const ResourceLimits limits_;
  const std::function<PrepareOptions()> options_;  // asked before each preparation
  const std::shared_ptr<ExternalBudget> budget_;
  mutable Mutex mu_;
  CondVar cv_;
  std::deque<std::unique_ptr<PreparedIsolate>> ready_ GUARDED_BY(mu_);
  size_t preparing_ GUARDED_BY(mu_) = 0;
  bool stopping_ GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace islet::runtime
