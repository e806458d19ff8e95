#include "runtime/worker/snapshot.h"

#include <chrono>
#include <string>

#include "runtime/base/log.h"
#include "runtime/base/mutex.h"
#include "runtime/engine/engine.h"
#include "runtime/js/sources.h"
#include "runtime/worker/bindings.h"
#include "runtime/worker/code_cache.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/hooks.h"
#include "runtime/worker/native_modules.h"
#include "runtime/worker/port_bindings.h"

namespace islet::runtime {

const EnvironmentSnapshot* EnvironmentSnapshot::Get(Engine* engine) {
  enum class State { kWaiting, kMaking, kReady, kFailed };
  static Mutex mu;
  static State state GUARDED_BY(mu) = State::kWaiting;
  static const EnvironmentSnapshot* snapshot GUARDED_BY(mu) = nullptr;
  {
    MutexLock lock(mu);
    if (state != State::kWaiting) return snapshot;
    // Not before a worker's first turn has left the environment's code in
    // the code cache (CompileLog::Flush): the snapshot's bootstrap compiles
    // through that cache, so its functions carry the bytecode of what a
    // worker runs as it starts (initWorker, the loader's path to the main
    // module, posting a message), not only of what the bootstrap itself ran.
    // Without that a snapshot left every new worker compiling those
    // functions in its first turn: ~3 ms more per spawn.
    if (!CodeCache::Get().Has("node:internal/bootstrap", js::FindSource("bootstrap"))) {
      return nullptr;
    }
    state = State::kMaking;
  }
  EnvironmentSnapshot* made = Make(engine);
  MutexLock lock(mu);
  snapshot = made;
  state = made != nullptr ? State::kReady : State::kFailed;
  return snapshot;
}

EnvironmentSnapshot* EnvironmentSnapshot::Make(Engine* engine) {
  const auto start = std::chrono::steady_clock::now();
  v8::StartupData blob{nullptr, 0};
  std::string error;
  {
    v8::SnapshotCreator creator(ExternalReferences());
    v8::Isolate* isolate = creator.GetIsolate();
    {
      v8::Locker locker(isolate);
      isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
      v8::HandleScope handle_scope(isolate);
      v8::Local<v8::Context> context = v8::Context::New(isolate);
      {
        v8::Context::Scope context_scope(context);
        v8::TryCatch try_catch(isolate);
        v8::Local<v8::FunctionTemplate> port_template = NewPortTemplate(isolate);
        v8::Local<v8::Object> hooks;
        if (!RunBootstrap(context, port_template).ToLocal(&hooks)) {
          error = try_catch.HasCaught()
                      ? "the bootstrap threw: " + DescribeException(isolate, try_catch)
                      : "the bootstrap failed without an exception";
        } else if (auto checked = Hooks::Check(context, hooks); !checked) {
          error = checked.error().message;
        } else if (creator.AddData(context, hooks) != kHooksIndex ||
                   creator.AddData(port_template) != kPortTemplateIndex) {
          error = "snapshot data landed at unexpected indices";
        }
      }
      if (error.empty()) {
        creator.SetDefaultContext(context);
      }
    }
    if (error.empty()) {
      // kKeep: the functions the bootstrap compiled (and ran) keep their
      // bytecode, so a worker's first turn compiles none of them again.
      v8::Locker locker(isolate);
      blob = creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
    }
    engine->platform()->DetachIsolate(isolate);
    if (error.empty() && blob.data == nullptr) error = "V8 made no snapshot";
    // (A creator whose blob was never made only warns in V8's debug builds.)
  }
  if (!error.empty()) {
    Logger("isolate")->error("environment snapshot: {}; preparing isolates without one", error);
    return nullptr;
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  Logger("isolate")->debug("environment snapshot: {} KiB in {:.1f} ms", blob.raw_size / 1024, ms);
  return new EnvironmentSnapshot(blob);
}

}  // namespace islet::runtime
