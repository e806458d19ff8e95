#include "runtime/worker/shm_bindings.h"

#include <memory>
#include <string>

#include "runtime/shm/segment_registry.h"
#include "runtime/worker/binding_util.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/isolate_slots.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

using binding_util::Str;
namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// The deleter of a segment's backing store, whose data is a reference to the
// mapping. V8 may call it on any thread (the GC's sweeper, whoever disposes
// the last isolate holding it), even after the registry is gone.
void Release(void* data, size_t length, void* deleter_data) {
  delete static_cast<std::shared_ptr<Segment>*>(deleter_data);
}

// The segment's one V8 backing store: every SharedArrayBuffer over the
// segment, in every isolate, must share it, because V8's Atomics.notify
// wakes only waiters on the same BackingStore object, not the same address.
std::shared_ptr<v8::BackingStore> BackingStoreOf(const std::shared_ptr<Segment>& segment) {
  return std::static_pointer_cast<v8::BackingStore>(segment->SharedHandle([&segment] {
    return std::shared_ptr<v8::BackingStore>(v8::SharedArrayBuffer::NewBackingStore(
        segment->data(), segment->size(), &Release, new std::shared_ptr<Segment>(segment)));
  }));
}

// The Node-style error code JS gives the refusal (runtime/js/islet.js).
const char* JsCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "ERR_INVALID_ARG_VALUE";
    case ErrorCode::kFailedPrecondition:
      return "ERR_ISLET_SHM_SIZE_MISMATCH";
    case ErrorCode::kResourceExhausted:
      return "ERR_ISLET_SHM_QUOTA";
    default:
      return "ERR_ISLET_SHM";
  }
}

// binding.shmOpen(name, byteLength) -> SharedArrayBuffer | [code, message].
// The worker counts as attached to the segment until it exits.
// JS has checked the types: name a string, byteLength a safe integer >= 1.
void ShmOpen(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  auto* self = WorkerOf(isolate);
  std::string name = ToUtf8(isolate, args[0]);
  double length = args[1]->NumberValue(isolate->GetCurrentContext()).FromMaybe(0);
  uint64_t worker = self->config().id;
  auto opened = self->host()->segments()->Open(name, static_cast<uint64_t>(length), worker);
  if (!opened) {
    Local<Value> items[] = {Str(isolate, JsCode(opened.error().code)),
                            Str(isolate, opened.error().message)};
    args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
    return;
  }
  opened->segment->Attach(worker);  // until the worker exits
  args.GetReturnValue().Set(v8::SharedArrayBuffer::New(isolate, BackingStoreOf(opened->segment)));
}

}  // namespace

bool InstallShmBindings(Local<v8::Context> context, Local<v8::Object> binding) {
  v8::Isolate* isolate = context->GetIsolate();
  Local<v8::Function> fn;
  if (!v8::Function::New(context, ShmOpen).ToLocal(&fn)) return false;
  fn->SetName(Str(isolate, "shmOpen"));
  return binding->Set(context, Str(isolate, "shmOpen"), fn).FromMaybe(false);
}

}  // namespace islet::runtime
