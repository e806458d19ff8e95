#include <memory>
#include <string>

#include "runtime/shm/segment_registry.h"
#include "runtime/worker/binding_util.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/isolate_slots.h"
#include "runtime/worker/native_modules.h"
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

void Refuse(const FunctionCallbackInfo<Value>& args, std::string_view code,
            const std::string& message) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<Value> items[] = {Str(isolate, code), Str(isolate, message)};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

// binding.shmOpen(name, byteLength, daemonWide) -> SharedArrayBuffer |
// [code, message]. The worker counts as attached to the segment until it
// exits. A worker reaches its own job's segment `name` (the registry's
// JOB:name), or with `daemonWide` the daemon-wide `name` if the daemon's
// owner allowed them (isletd --shm-daemon-wide): never another job's. JS has
// checked the arguments; they are checked again here, whatever JS did.
void ShmOpen(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  auto* self = WorkerOf(isolate);
  if (!args[0]->IsString() || !args[1]->IsNumber()) {
    return Refuse(args, "ERR_INVALID_ARG_VALUE", "shmOpen(name, byteLength): bad arguments");
  }
  std::string name = ToUtf8(isolate, args[0]);
  double length = args[1].As<v8::Number>()->Value();
  if (!(length >= 1 && length <= 9007199254740991.0) ||
      length != static_cast<double>(static_cast<uint64_t>(length))) {
    return Refuse(args, "ERR_INVALID_ARG_VALUE", "shmOpen: byteLength is not a safe integer >= 1");
  }
  if (auto ok = SegmentRegistry::ValidateName(name); !ok) {
    return Refuse(args, "ERR_INVALID_ARG_VALUE", ok.error().message);
  }
  bool daemon_wide = args[2]->IsTrue();
  if (daemon_wide && !self->host()->shm_daemon_wide()) {
    return Refuse(args, "ERR_ISLET_SHM_SCOPE",
                  "daemon-wide shared memory is not enabled on this daemon (isletd "
                  "--shm-daemon-wide); without { scope: 'daemon' }, shared() opens the job's own "
                  "segment");
  }
  std::string key = daemon_wide ? name : SegmentRegistry::JobScoped(self->config().job_id, name);
  uint64_t worker = self->config().id;
  auto opened = self->host()->segments()->Open(key, static_cast<uint64_t>(length), worker);
  if (!opened) {
    // The registry names the segment by its key; the script knows its name.
    std::string message = opened.error().message;
    if (!daemon_wide) {
      const std::string quoted = "'" + key + "'";
      for (size_t at; (at = message.find(quoted)) != std::string::npos;) {
        message.replace(at, quoted.size(), "'" + name + "'");
      }
    }
    return Refuse(args, JsCode(opened.error().code), message);
  }
  opened->segment->Attach(worker);  // until the worker exits
  args.GetReturnValue().Set(v8::SharedArrayBuffer::New(isolate, BackingStoreOf(opened->segment)));
}

}  // namespace

constexpr binding_util::Function kShmFunctions[] = {
    {"shmOpen", ShmOpen},
};
const NativeModule kShmModule = {"shm", kShmFunctions};

}  // namespace islet::runtime
