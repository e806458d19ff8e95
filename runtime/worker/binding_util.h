#pragma once

// Small helpers shared by the files that define native bindings.

#include <v8.h>

#include <span>
#include <string_view>

namespace islet::runtime {

class Worker;

namespace binding_util {

// The worker that owns the isolate. Bindings that need it are only called
// once a worker has adopted the isolate (never by the warm-up bootstrap).
inline Worker* Self(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return static_cast<Worker*>(args.GetIsolate()->GetData(0));
}

inline v8::Local<v8::String> Str(v8::Isolate* isolate, std::string_view s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()))
      .ToLocalChecked();
}

struct Function {
  const char* name;
  v8::FunctionCallback callback;
};

// Sets each function as a named property of `target`.
inline bool SetFunctions(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                         std::span<const Function> functions) {
  v8::Isolate* isolate = context->GetIsolate();
  for (const Function& f : functions) {
    v8::Local<v8::Function> fn;
    if (!v8::Function::New(context, f.callback).ToLocal(&fn)) return false;
    fn->SetName(Str(isolate, f.name));
    if (target->Set(context, Str(isolate, f.name), fn).IsNothing()) return false;
  }
  return true;
}

}  // namespace binding_util
}  // namespace islet::runtime
