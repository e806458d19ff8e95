#pragma once

#include <v8.h>

#include <cstddef>
#include <string_view>

#include "runtime/base/error.h"

namespace islet::runtime {

// The JS functions the C++ turn loop calls: bootstrap.js returns them in one
// object (its `hooks`). They are all resolved at once, when the isolate is
// prepared and before any user code runs, so a hook that bootstrap.js lost
// or renamed fails start-up with its name instead of turning some event
// into a silent no-op; and what user code later does to the object cannot
// change which function runs. Executor thread (isolate locked).
class Hooks {
 public:
  enum class Hook {
    kBeforeExit,
    kDescribeError,
    kEmitExit,
    kErrorForParent,
    kFireTimer,
    kHandleUncaught,
    kInitWorker,
    kMakeDataCloneError,
    kMakePort,
    kOnControlMessage,
    kOnPortClose,
    kOnPortDetached,
    kOnPortMessage,
    kOnPortMessageError,
    kOnSignal,
    kOnWorkerError,
    kOnWorkerExit,
    kOnWorkerFailure,
    kOnWorkerOnline,
    kRunImmediates,
    kRunMain,
    kRunTicks,
    kUnhandledRejection,
    kCount
  };
  // The hook's property name on bootstrap.js's object.
  static std::string_view Name(Hook hook);

  // Checks that `object` has every hook as a function: an error naming the
  // first that is missing (PrepareIsolate calls it on every new isolate).
  static Result<void> Check(v8::Local<v8::Context> context, v8::Local<v8::Object> object);

  // Resolves every hook of `object` (which Check accepted); false and a
  // cleared table if one is missing after all.
  bool Bind(v8::Local<v8::Context> context, v8::Local<v8::Object> object);
  // Calls `hook` with the hooks object as `this`; exceptions propagate to
  // the caller's TryCatch. Empty if Bind has not succeeded.
  v8::MaybeLocal<v8::Value> Call(v8::Local<v8::Context> context, Hook hook, int argc = 0,
                                 v8::Local<v8::Value>* argv = nullptr);
  // The hooks object itself (for its data members, such as tickInfo).
  v8::Local<v8::Object> object(v8::Isolate* isolate) const { return object_.Get(isolate); }
  void Reset();

 private:
  v8::Global<v8::Object> object_;
  v8::Global<v8::Function> functions_[static_cast<size_t>(Hook::kCount)];
};

}  // namespace islet::runtime
