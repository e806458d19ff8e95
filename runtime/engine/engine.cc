#include "runtime/engine/engine.h"

#include "runtime/base/log.h"

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
  static constexpr char kFlags[] = "--no-short-builtin-calls";
  v8::V8::SetFlagsFromString(kFlags, sizeof(kFlags) - 1);
  v8::V8::InitializeICU();
  v8::V8::InitializePlatform(platform_.get());
  v8::V8::Initialize();
  reaper_ = std::thread([this] { ReapLoop(); });
  reaper_.detach();  // the engine lives until the process exits
  Logger("isolate")->debug("V8 {} initialised", v8::V8::GetVersion());
}

void Engine::DisposeLater(v8::Isolate* isolate) {
  {
    std::lock_guard lock(reap_mu_);
    to_dispose_.push_back(isolate);
  }
  reap_cv_.notify_one();
}

void Engine::ReapLoop() {
  std::unique_lock lock(reap_mu_);
  for (;;) {
    reap_cv_.wait(lock, [&] { return !to_dispose_.empty(); });
    v8::Isolate* isolate = to_dispose_.front();
    to_dispose_.pop_front();
    lock.unlock();
    isolate->Dispose();
    lock.lock();
  }
}

}  // namespace islet::runtime
