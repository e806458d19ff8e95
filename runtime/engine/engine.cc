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
  v8::V8::InitializeICU();
  v8::V8::InitializePlatform(platform_.get());
  v8::V8::Initialize();
  Logger("isolate")->debug("V8 {} initialised", v8::V8::GetVersion());
}

}  // namespace islet::runtime
