#include "runtime/worker/port_bindings.h"

#include <string>

#include "runtime/worker/binding_util.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/fast_clone.h"
#include "runtime/worker/isolate_slots.h"
#include "runtime/worker/native_modules.h"
#include "runtime/worker/serializer.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

using binding_util::Self;
using binding_util::Str;

PortId ArgPort(const FunctionCallbackInfo<Value>& args, int i) {
  return binding_util::ToId(args[i]);
}

void ThrowNotOurs(v8::Isolate* isolate) {
  isolate->ThrowException(
      v8::Exception::Error(v8::String::NewFromUtf8Literal(isolate, "not a port of this thread")));
}

// The port the call names, if the calling worker owns it. A port another
// worker or job owns (or one in transit) is an error, whatever the JS did
// to reach the binding; one that is gone (closed and drained) is nothing
// to act on. Returns 0 in both cases.
PortId OwnPort(const FunctionCallbackInfo<Value>& args, int i) {
  Worker* self = Self(args);
  PortId id = ArgPort(args, i);
  switch (self->bus()->OwnershipOf(id, self)) {
    case Bus::Ownership::kOwned:
      return id;
    case Bus::Ownership::kUnknown:
      return 0;
    case Bus::Ownership::kForeign:
      ThrowNotOurs(args.GetIsolate());
      return 0;
  }
  return 0;
}

// binding.newPort(id) -> MessagePort object (bare; bootstrap finishes it)
void NewPort(const FunctionCallbackInfo<Value>& args) {
  Local<v8::Object> port;
  if (Self(args)
          ->NewPortObject(args.GetIsolate()->GetCurrentContext(), ArgPort(args, 0))
          .ToLocal(&port)) {
    args.GetReturnValue().Set(port);
  }
}

// binding.createChannel() -> [id1, id2], both owned by this worker
void CreateChannel(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  v8::Isolate* isolate = args.GetIsolate();
  std::shared_ptr<Worker> owner = std::static_pointer_cast<Worker>(self->shared_from_this());
  auto [a, b] = self->bus()->CreateChannel(std::weak_ptr<PortOwner>(owner));
  Local<Value> ids[] = {v8::Number::New(isolate, double(a)), v8::Number::New(isolate, double(b))};
  args.GetReturnValue().Set(v8::Array::New(isolate, ids, 2));
}

// binding.portPost(id, value, transferList) -> true if queued
void PortPost(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  PortId id = ArgPort(args, 0);
  Message message;
  if (SerializeMessage(self, context, args[1], args[2], id, &message, args[3]).IsNothing()) return;
  Bus::PostResult result = self->bus()->Post(id, std::move(message), self);
  if (result == Bus::PostResult::kNotOwner) return ThrowNotOurs(args.GetIsolate());
  if (result == Bus::PostResult::kDelivered) self->CountMessageOut();
  // Like Node, posting to a closed channel drops the message silently.
  args.GetReturnValue().Set(result == Bus::PostResult::kDelivered);
  // Each bound a post can meet (docs/security.md, "Memory is bounded").
  const char* full = nullptr;
  switch (result) {
    case Bus::PostResult::kQueueFull:
      full =
          "The receiving port already holds its maximum of queued messages "
          "(isletd --max-port-queue); the message was not sent";
      break;
    case Bus::PostResult::kQueueBytesFull:
      full =
          "The receiving port already holds its maximum of queued message bytes "
          "(isletd --max-port-queue-bytes); the message was not sent";
      break;
    case Bus::PostResult::kSenderBytesFull:
      full =
          "This worker already has its maximum of message bytes posted and not yet "
          "read (isletd --max-worker-queue-bytes); the message was not sent";
      break;
    case Bus::PostResult::kBudgetFull:
      full =
          "The daemon holds its maximum of off-heap memory (isletd "
          "--max-external-total-mb); the message was not sent";
      break;
    default:
      return;
  }
  binding_util::ThrowWithCode(args.GetIsolate(),
                              v8::Exception::RangeError(Str(args.GetIsolate(), full)),
                              "ERR_ISLET_QUEUE_FULL");
}

void PortStart(const FunctionCallbackInfo<Value>& args) {
  if (PortId id = OwnPort(args, 0)) Self(args)->StartPort(id);
}

// Only this worker's own record of started ports changes: no check needed.
void PortStop(const FunctionCallbackInfo<Value>& args) { Self(args)->StopPort(ArgPort(args, 0)); }

// The channel is taken apart in a later turn, as Node's MessagePort::Close
// completes on the next loop iteration (see messaging.js close()).
void PortClose(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  PortId id = OwnPort(args, 0);
  if (id == 0) return;
  self->PostUrgent([self, id] { self->bus()->Close(id); });
}

// binding.portReceive(id) -> [value] | undefined (receiveMessageOnPort)
void PortReceive(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  PortId id = ArgPort(args, 0);
  Message message;
  if (!self->TakeInflight(id, &message)) {  // inside a listener: the batch's next
    id = OwnPort(args, 0);
    if (id == 0) return;
    if (self->bus()->Pending(id) == 0) {
      // A script polling for a reply (the synchronous-call pattern) must
      // not wait for a child that would only start after this turn.
      self->StartPendingChildren();
      return;
    }
    std::vector<Message> messages = self->bus()->Take(id, 1);
    if (messages.empty() || messages[0].close_marker) return;
    message = std::move(messages[0]);
  }
  Local<Value> value;
  if (!DeserializeMessage(self, context, message).ToLocal(&value)) return;
  Local<Value> items[] = {value};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 1));
}

// binding.isOrdinaryObject(value): an object fast_clone can take, so that
// Object.keys(value) runs no JS (see messaging.js cloneKeys).
void IsOrdinaryObject(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(fast_clone::IsOrdinaryObject(args[0]));
}

void MarkUntransferable(const FunctionCallbackInfo<Value>& args) {
  if (args[0]->IsObject()) Self(args)->MarkUntransferable(args[0].As<v8::Object>());
}

// binding.structuredClone(value, transferList)
void StructuredClone(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  Message message;
  if (SerializeMessage(self, context, args[0], args[1], 0, &message).IsNothing()) return;
  Local<Value> value;
  if (DeserializeMessage(self, context, message).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

void RefHandle(const FunctionCallbackInfo<Value>& args) {
  Self(args)->RefHandle(args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0));
}

bool GetString(Local<v8::Context> context, Local<v8::Object> obj, const char* key,
               std::string* out) {
  Local<Value> v;
  if (!obj->Get(context, Str(context->GetIsolate(), key)).ToLocal(&v)) return false;
  if (v->IsUndefined() || v->IsNull()) return true;
  *out = ToUtf8(context->GetIsolate(), v);
  return true;
}

// binding.spawnWorker({filename, code, name, argv, env, data, transferList})
//   -> [threadId, parentPortId]
void SpawnWorker(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsObject()) return;
  Local<v8::Object> opts = args[0].As<v8::Object>();
  ChildSpec spec;
  if (!GetString(context, opts, "filename", &spec.main) ||
      !GetString(context, opts, "code", &spec.eval_code) ||
      !GetString(context, opts, "name", &spec.name)) {
    return;
  }
  Local<Value> argv, env, data, transfer, share_env, inherit_env;
  if (!opts->Get(context, Str(isolate, "argv")).ToLocal(&argv) ||
      !opts->Get(context, Str(isolate, "env")).ToLocal(&env) ||
      !opts->Get(context, Str(isolate, "data")).ToLocal(&data) ||
      !opts->Get(context, Str(isolate, "transferList")).ToLocal(&transfer) ||
      !opts->Get(context, Str(isolate, "shareEnv")).ToLocal(&share_env) ||
      !opts->Get(context, Str(isolate, "inheritEnv")).ToLocal(&inherit_env)) {
    return;
  }
  if (argv->IsArray()) {
    Local<v8::Array> list = argv.As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); ++i) {
      Local<Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return;
      spec.argv.push_back(ToUtf8(isolate, item));
    }
  }
  if (env->IsObject()) {
    Local<v8::Array> keys;
    if (!env.As<v8::Object>()->GetOwnPropertyNames(context).ToLocal(&keys)) return;
    for (uint32_t i = 0; i < keys->Length(); ++i) {
      Local<Value> key, value;
      if (!keys->Get(context, i).ToLocal(&key) ||
          !env.As<v8::Object>()->Get(context, key).ToLocal(&value)) {
        return;
      }
      spec.env.emplace_back(ToUtf8(isolate, key), ToUtf8(isolate, value));
    }
  }
  spec.share_env = share_env->IsTrue();
  spec.inherit_env = inherit_env->IsTrue();
  Local<Value> limits;
  if (!opts->Get(context, Str(isolate, "limits")).ToLocal(&limits)) return;
  if (limits->IsObject()) {
    auto read = [&](const char* key, double* out) {
      Local<Value> v;
      if (limits.As<v8::Object>()->Get(context, Str(isolate, key)).ToLocal(&v) && v->IsNumber()) {
        *out = v.As<v8::Number>()->Value();
      }
    };
    read("maxOldGenerationSizeMb", &spec.limits.max_old_generation_mb);
    read("maxYoungGenerationSizeMb", &spec.limits.max_young_generation_mb);
    read("codeRangeSizeMb", &spec.limits.code_range_mb);
    read("stackSizeMb", &spec.limits.stack_mb);
  }
  spec.init = std::make_shared<Message>();
  if (SerializeMessage(self, context, data, transfer, 0, spec.init.get()).IsNothing()) return;
  auto child = self->host()->SpawnChild(*self, std::move(spec));
  if (!child) {
    binding_util::ThrowWithCode(isolate, v8::Exception::Error(Str(isolate, child.error().message)),
                                "ERR_WORKER_INIT_FAILED");
    return;
  }
  self->AddChild(child->thread_id, child->parent_port);
  Local<Value> out[] = {v8::Integer::NewFromUnsigned(isolate, child->thread_id),
                        v8::Number::New(isolate, double(child->parent_port)),
                        v8::Number::New(isolate, double(child->worker_id))};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 3));
}

// binding.terminateWorker(workerId)
void TerminateWorker(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Worker* self = Self(args);
  WorkerId id = binding_util::ToId(args[0]);
  if (!self->host()->TerminateChild(*self, id)) {
    isolate->ThrowException(v8::Exception::Error(
        v8::String::NewFromUtf8Literal(isolate, "not a worker this thread started")));
  }
}

// binding.broadcastJoin(name) -> port id of a new BroadcastChannel member
void BroadcastJoin(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  PortId port = self->host()->JoinBroadcast(*self, ToUtf8(args.GetIsolate(), args[0]));
  args.GetReturnValue().Set(v8::Number::New(args.GetIsolate(), double(port)));
}

// binding.takeWorkerInit() -> [workerData, environmentData] | undefined
void TakeWorkerInit(const FunctionCallbackInfo<Value>& args) {
  Worker* self = Self(args);
  std::shared_ptr<Message> init = self->TakeInit();
  if (!init) return;
  Local<Value> value;
  if (DeserializeMessage(self, args.GetIsolate()->GetCurrentContext(), *init).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

}  // namespace

void PortConstructor(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* self = WorkerOf(args.GetIsolate());
  if (self == nullptr || !self->constructing_port()) {
    v8::Isolate* isolate = args.GetIsolate();
    binding_util::ThrowWithCode(isolate,
                                v8::Exception::TypeError(v8::String::NewFromUtf8Literal(
                                    isolate, "Constructor cannot be called")),
                                "ERR_CONSTRUCT_CALL_INVALID");
  }
}

v8::Local<v8::FunctionTemplate> NewPortTemplate(v8::Isolate* isolate) {
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, PortConstructor);
  tmpl->SetClassName(v8::String::NewFromUtf8Literal(isolate, "MessagePort"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  return tmpl;
}

constexpr binding_util::Function kMessagingFunctions[] = {
    {"newPort", NewPort},
    {"createChannel", CreateChannel},
    {"portPost", PortPost},
    {"portStart", PortStart},
    {"portStop", PortStop},
    {"portClose", PortClose},
    {"portReceive", PortReceive},
    {"markUntransferable", MarkUntransferable},
    {"isOrdinaryObject", IsOrdinaryObject},
    {"structuredClone", StructuredClone},
    {"refHandle", RefHandle},
};
const NativeModule kMessagingModule = {"messaging", kMessagingFunctions};

constexpr binding_util::Function kWorkerFunctions[] = {
    {"spawnWorker", SpawnWorker},
    {"terminateWorker", TerminateWorker},
    {"takeWorkerInit", TakeWorkerInit},
    {"broadcastJoin", BroadcastJoin},
};
const NativeModule kWorkerModule = {"worker", kWorkerFunctions};

}  // namespace islet::runtime
