#include "runtime/worker/hooks.h"

#include <iterator>
#include <string>

namespace islet::runtime {

namespace {

constexpr std::string_view kNames[] = {
    "beforeExit",    "describeError",      "emitExit",           "errorForParent",
    "fireTimer",     "handleUncaught",     "initWorker",         "makeDataCloneError",
    "makePort",      "onControlMessage",   "onPortClose",        "onPortDetached",
    "onPortMessage", "onPortMessageError", "onSignal",           "onWorkerError",
    "onWorkerExit",  "onWorkerFailure",    "onWorkerOnline",     "runImmediates",
    "runMain",       "runTicks",           "unhandledRejection",
};
static_assert(std::size(kNames) == static_cast<size_t>(Hooks::Hook::kCount));

// The function `object` holds for `hook`, read as an own data property: a
// getter could run code, and an inherited value could come from a patched
// Object.prototype.
v8::MaybeLocal<v8::Function> Lookup(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                                    Hooks::Hook hook) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string_view name = Hooks::Name(hook);
  v8::Local<v8::String> key;
  if (!v8::String::NewFromUtf8(isolate, name.data(), v8::NewStringType::kInternalized,
                               static_cast<int>(name.size()))
           .ToLocal(&key)) {
    return {};
  }
  if (!object->HasRealNamedProperty(context, key).FromMaybe(false)) return {};  // own only
  v8::Local<v8::Value> value;
  if (!object->GetRealNamedProperty(context, key).ToLocal(&value) || !value->IsFunction()) {
    return {};
  }
  return value.As<v8::Function>();
}

}  // namespace

std::string_view Hooks::Name(Hook hook) { return kNames[static_cast<size_t>(hook)]; }

Result<void> Hooks::Check(v8::Local<v8::Context> context, v8::Local<v8::Object> object) {
  v8::TryCatch try_catch(context->GetIsolate());
  for (size_t i = 0; i < static_cast<size_t>(Hook::kCount); ++i) {
    if (Lookup(context, object, static_cast<Hook>(i)).IsEmpty()) {
      return MakeError(ErrorCode::kInternal,
                       "bootstrap.js returned no '" + std::string(kNames[i]) + "' hook function");
    }
  }
  return {};
}

bool Hooks::Bind(v8::Local<v8::Context> context, v8::Local<v8::Object> object) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::TryCatch try_catch(isolate);
  for (size_t i = 0; i < static_cast<size_t>(Hook::kCount); ++i) {
    v8::Local<v8::Function> fn;
    if (!Lookup(context, object, static_cast<Hook>(i)).ToLocal(&fn)) {
      Reset();
      return false;
    }
    functions_[i].Reset(isolate, fn);
  }
  object_.Reset(isolate, object);
  return true;
}

v8::MaybeLocal<v8::Value> Hooks::Call(v8::Local<v8::Context> context, Hook hook, int argc,
                                      v8::Local<v8::Value>* argv) {
  auto& fn = functions_[static_cast<size_t>(hook)];
  if (fn.IsEmpty()) return {};
  v8::Isolate* isolate = context->GetIsolate();
  return fn.Get(isolate)->Call(context, object_.Get(isolate), argc, argv);
}

void Hooks::Reset() {
  for (auto& fn : functions_) fn.Reset();
  object_.Reset();
}

}  // namespace islet::runtime
