#pragma once

// Small helpers shared by the files that define native bindings.

#include <v8.h>

#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "runtime/js/sources.h"
#include "runtime/worker/isolate_slots.h"

namespace islet::runtime {

class Worker;

namespace binding_util {

// The worker that owns the isolate. Bindings that need it are only called
// once a worker has adopted the isolate (never by the warm-up bootstrap).
inline Worker* Self(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return WorkerOf(args.GetIsolate());
}

// An id (port, worker) a script passed in: a Number holding a positive
// integer that a double represents exactly. Anything else (NaN, -1, 2**64,
// a string, an object) is 0, which names nothing, so the caller refuses it
// as it refuses any id that is not the caller's. No conversion runs: a
// valueOf of the script's never executes inside a binding.
inline uint64_t ToId(v8::Local<v8::Value> value) {
  if (!value->IsNumber()) return 0;
  const double d = value.As<v8::Number>()->Value();
  constexpr double kMaxExact = 9007199254740992.0;  // 2**53
  if (!(d >= 1 && d <= kMaxExact) || d != std::floor(d)) return 0;
  return static_cast<uint64_t>(d);
}

inline v8::Local<v8::String> Str(v8::Isolate* isolate, std::string_view s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()))
      .ToLocalChecked();
}

// The resource behind an embedded JS source's V8 string: the binary's own
// text, shared by every isolate and never freed. One per embedded source
// that is ASCII (sources_test checks they all are), made once per process;
// the table is also what lets the environment snapshot keep these strings
// external (native_modules.cc lists each resource as an external
// reference, so a deserialized string points at the binary again instead
// of holding a copy).
class EmbeddedSource final : public v8::String::ExternalOneByteStringResource {
 public:
  explicit EmbeddedSource(std::string_view text) : text_(text) {}
  const char* data() const override { return text_.data(); }
  size_t length() const override { return text_.size(); }
  void Dispose() override {}  // the binary's, shared: nothing to free

 private:
  std::string_view text_;
};

// js::kSources[i]'s resource, or null where that source is not ASCII.
inline const std::vector<EmbeddedSource*>& EmbeddedSources() {
  static const std::vector<EmbeddedSource*> kResources = [] {
    std::vector<EmbeddedSource*> resources;
    for (size_t i = 0; i < js::kSourceCount; ++i) {
      bool ascii = true;
      for (char c : js::kSources[i].text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      resources.push_back(ascii ? new EmbeddedSource(js::kSources[i].text) : nullptr);
    }
    return resources;
  }();
  return kResources;
}

// An embedded JS source (js::FindSource) as a V8 string that points at the
// binary's copy instead of copying it into the isolate's heap: the sources
// every worker loads are held for the isolate's life. Other text is copied.
inline v8::Local<v8::String> SourceString(v8::Isolate* isolate, std::string_view text) {
  const std::vector<EmbeddedSource*>& resources = EmbeddedSources();
  for (size_t i = 0; i < js::kSourceCount; ++i) {
    if (js::kSources[i].text.data() != text.data() || resources[i] == nullptr) continue;
    v8::Local<v8::String> out;
    if (v8::String::NewExternalOneByte(isolate, resources[i]).ToLocal(&out)) return out;
    break;
  }
  return Str(isolate, text);
}

struct Function {
  const char* name;
  v8::FunctionCallback callback;
};

// Defines `key` as an own data property of `obj`. Unlike Object::Set, it
// runs no setter a script may have put on Object.prototype (or Error's):
// native code never hands a script's accessor one of its objects, and a
// setter that throws cannot fail a call that must not fail.
inline bool DefineData(v8::Local<v8::Context> context, v8::Local<v8::Object> obj,
                       std::string_view key, v8::Local<v8::Value> value) {
  return obj->CreateDataProperty(context, Str(context->GetIsolate(), key), value).FromMaybe(false);
}

// An object with no prototype, for internal tables (the binding): reading a
// name it lacks finds nothing a script defined.
inline v8::Local<v8::Object> NewBareObject(v8::Isolate* isolate) {
  return v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
}

// Throws `error` (made by v8::Exception::*) with Node's `code` property.
inline void ThrowWithCode(v8::Isolate* isolate, v8::Local<v8::Value> error, std::string_view code) {
  if (error->IsObject()) {
    (void)DefineData(isolate->GetCurrentContext(), error.As<v8::Object>(), "code",
                     Str(isolate, code));
  }
  isolate->ThrowException(error);
}

// Sets each function as a named property of `target`.
inline bool SetFunctions(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                         std::span<const Function> functions) {
  v8::Isolate* isolate = context->GetIsolate();
  for (const Function& f : functions) {
    v8::Local<v8::Function> fn;
    if (!v8::Function::New(context, f.callback).ToLocal(&fn)) return false;
    fn->SetName(Str(isolate, f.name));
    if (!DefineData(context, target, f.name, fn)) return false;
  }
  return true;
}

}  // namespace binding_util
}  // namespace islet::runtime
