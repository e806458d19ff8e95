#include "runtime/engine/engine.h"

#include <malloc.h>

#include <chrono>

#include "runtime/base/log.h"
#include "runtime/base/mutex.h"

namespace islet::runtime {

Engine& Engine::Get() {
  static Engine* engine = new Engine();  // never destroyed: V8 outlives main
  return *engine;
}

Engine::Engine()
    : timers_(std::make_unique<TimerService>()),
      platform_(std::make_unique<Platform>(timers_.get())),
      allocator_(v8::ArrayBuffer::Allocator::NewDefaultAllocator()) {
  // Short builtin calls remap the embedded builtins near each isolate's code
  // range, and to place it V8 parses /proc/self/maps: a cost per new isolate
  // that grows with the number of live ones (32 ms at 2,000 workers).
  //
  // TurboFan compiles on the worker's own executor thread, not on V8's
  // background thread. With concurrent recompilation, an optimized function
  // is installed only when the isolate takes an interrupt that the
  // background job requests, and under isletd's turn-by-turn locking
  // (v8::Locker on a shared pool) that install did not happen: a function
  // sent to the background stayed unoptimized in later turns (jit_test), and
  // a receiving worker's message handlers ran their whole life unoptimized,
  // at half speed (the throughput benchmark flipped between 1.4M and 2.8M
  // msg/s from one daemon start to the next). Compiling in the turn puts the
  // optimized code in place when it is ready and counts its CPU against the
  // worker's own limit; the price is a turn paused for the compile (1-7 ms
  // seen under --trace-opt).
  //
  // Import assertions (`import data from './d.json' assert { type: 'json' }`)
  // are behind a flag in V8 10.2; Node 20 parses them.
  static constexpr char kFlags[] =
      "--no-short-builtin-calls --no-concurrent-recompilation --harmony-import-assertions";
  v8::V8::SetFlagsFromString(kFlags, sizeof(kFlags) - 1);
  v8::V8::InitializeICU();
  v8::V8::InitializePlatform(platform_.get());
  v8::V8::Initialize();
  reaper_ = std::thread([this] { ReapLoop(); });
  reaper_.detach();  // the engine lives until the process exits
  Logger("isolate")->debug("V8 {} initialised", v8::V8::GetVersion());
}

void Engine::DisposeLater(v8::Isolate* isolate, bool large) {
  {
    MutexLock lock(reap_mu_);
    to_dispose_.emplace_back(isolate, large);
  }
  reap_cv_.NotifyOne();
}

void Engine::ReapLoop() {
  // V8 frees much of a big heap's bookkeeping (and a worker's ArrayBuffers)
  // with free(); glibc keeps freed memory in its arenas, so without a trim a
  // worker that ran out of memory would leave gigabytes resident in the
  // daemon. Trimmed after a large isolate, or after many small ones (each
  // leaves ~0.4 MB in malloc: terminating 3,000 idle workers left 1.2 GB
  // resident), once a burst of disposals is over, at most once a second: a
  // trim walks every arena under its lock. A few small ones are not worth
  // it: their memory is reused by the next isolates.
  constexpr auto kTrimInterval = std::chrono::seconds(1);
  constexpr int kTrimAfterDisposals = 64;
  auto last_trim = std::chrono::steady_clock::now() - kTrimInterval;
  bool trim_pending = false;
  int disposed_since_trim = 0;
  MutexLock lock(reap_mu_);
  for (;;) {
    if (to_dispose_.empty()) {
      if (!trim_pending) {
        reap_cv_.Wait(reap_mu_);
      } else if (!reap_cv_.WaitUntil(reap_mu_, last_trim + kTrimInterval) && to_dispose_.empty()) {
        lock.Unlock();
        malloc_trim(0);
        lock.Lock();
        last_trim = std::chrono::steady_clock::now();
        trim_pending = false;
        disposed_since_trim = 0;
      }
      continue;
    }
    auto [isolate, large] = to_dispose_.front();
    to_dispose_.pop_front();
    lock.Unlock();
    isolate->Dispose();
    lock.Lock();
    trim_pending = trim_pending || large || ++disposed_since_trim >= kTrimAfterDisposals;
  }
}

}  // namespace islet::runtime
