#pragma once

#include <v8.h>

namespace islet::runtime {

class Engine;

// The worker environment as a V8 startup snapshot: a context in which
// bootstrap.js has run (the globals, process, the loaders, the hooks the
// turn loop calls), serialized once per process and deserialized into each
// new isolate. Preparing an isolate then copies a heap image instead of
// compiling and running the environment's JS, so its cost stays flat as
// the environment grows (docs/runtime.md, "The environment snapshot").
//
// What the snapshot can hold is what V8 can serialize: the bootstrap must
// leave no pending microtasks, no object with an internal field (no
// MessagePort), nothing bound to one worker (initWorker fills that in once
// a worker adopts the isolate), and every native function it holds must be
// listed in ExternalReferences() (native_modules.h).
class EnvironmentSnapshot {
 public:
  // The process's snapshot, made by the first caller (tens of milliseconds;
  // later callers wait for it). Null if it could not be made (logged once):
  // isolates are then prepared by running the bootstrap, as before.
  static const EnvironmentSnapshot* Get(Engine* engine);

  // (V8's CreateParams wants it non-const; V8 only reads it.)
  v8::StartupData* blob() const { return &blob_; }

  // Where the snapshot keeps what PrepareIsolate needs back
  // (GetDataFromSnapshotOnce): the hooks object (context data) and the
  // MessagePort template (isolate data).
  static constexpr size_t kHooksIndex = 0;
  static constexpr size_t kPortTemplateIndex = 0;

 private:
  explicit EnvironmentSnapshot(v8::StartupData blob) : blob_(blob) {}
  static EnvironmentSnapshot* Make(Engine* engine);

  mutable v8::StartupData blob_;  // owned, never freed (the process's)
};

}  // namespace islet::runtime
