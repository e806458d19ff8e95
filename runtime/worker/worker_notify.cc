// Worker: what reaches it from outside its turns (the control port, signals,
// its children's lifecycle) and what it reports to its parent.
#include "runtime/base/log.h"
#include "runtime/engine/engine.h"
#include "runtime/worker/binding_util.h"
#include "runtime/worker/bindings.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/serializer.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

using binding_util::Str;

void Worker::ReportErrorToParent(v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                                 const std::string& header) {
  auto parent = config_.parent.lock();
  if (!parent) return;
  auto message = std::make_shared<Message>();
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> args[] = {error, Str(isolate_, header)};
  v8::Local<v8::Value> plain;
  if (CallHook(context, Hook::kErrorForParent, 2, args).ToLocal(&plain)) error = plain;
  try_catch.Reset();
  if (SerializeMessage(this, context, error, {}, 0, message.get()).IsNothing()) {
    try_catch.Reset();
    message = std::make_shared<Message>();
    v8::Local<v8::String> text;
    if (!error->ToString(context).ToLocal(&text)) {
      text = v8::String::NewFromUtf8Literal(isolate_, "uncaught error");
    }
    if (SerializeMessage(this, context, text, {}, 0, message.get()).IsNothing()) return;
  }
  parent->NotifyChildError(config_.thread_id, std::move(message));
}

Worker::ControlPost Worker::PostControl(std::string json, size_t max_queued_bytes) {
  size_t n = json.size();
  size_t before = control_queued_->fetch_add(n, std::memory_order_relaxed);
  if (before != 0 && n > max_queued_bytes - std::min(before, max_queued_bytes)) {
    control_queued_->fetch_sub(n, std::memory_order_relaxed);
    return ControlPost::kFull;
  }
  // Uncounted when the task runs, or is dropped with the mailbox.
  std::shared_ptr<void> held(nullptr, [counter = control_queued_, n](void*) {
    counter->fetch_sub(n, std::memory_order_relaxed);
  });
  bool posted = Post([this, json = std::move(json), held = std::move(held)]() mutable {
    held.reset();
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    v8::Local<v8::Value> args[] = {Str(isolate_, json)};
    RunCallback(context, [&] { return CallHook(context, Hook::kOnControlMessage, 1, args); });
  });
  return posted ? ControlPost::kQueued : ControlPost::kRefused;
}

void Worker::Signal(std::string name) {
  bool posted = PostUrgent([this, name = std::move(name)] {
    if (finishing()) return;
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    v8::Local<v8::Value> args[] = {Str(isolate_, name)};
    bool handled = false;
    RunCallback(context, [&]() -> v8::MaybeLocal<v8::Value> {
      v8::MaybeLocal<v8::Value> result = CallHook(context, Hook::kOnSignal, 1, args);
      v8::Local<v8::Value> value;
      handled = result.ToLocal(&value) && value->IsTrue();
      return result;
    });
    if (!handled) Terminate();
  });
  if (!posted) Terminate();
}

void Worker::NotifyChildOnline(uint32_t thread_id) {
  PostUrgent([this, thread_id] {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    v8::Local<v8::Value> args[] = {v8::Integer::NewFromUnsigned(isolate_, thread_id)};
    RunCallback(context, [&] { return CallHook(context, Hook::kOnWorkerOnline, 1, args); });
  });
}

void Worker::NotifyChildFailure(uint32_t thread_id, std::string code, std::string message) {
  PostUrgent([this, thread_id, code = std::move(code), message = std::move(message)] {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    if (auto port = children_.PortOf(thread_id)) DrainPort(context, *port, SIZE_MAX);
    if (finishing()) return;
    auto str = [&](const std::string& s) { return Str(isolate_, s); };
    v8::Local<v8::Value> args[] = {v8::Integer::NewFromUnsigned(isolate_, thread_id), str(code),
                                   str(message)};
    RunCallback(context, [&] { return CallHook(context, Hook::kOnWorkerFailure, 3, args); });
  });
}

void Worker::NotifyChildError(uint32_t thread_id, std::shared_ptr<Message> error) {
  PostUrgent([this, thread_id, error] {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    // Whatever the child posted before it failed arrives first.
    if (auto port = children_.PortOf(thread_id)) DrainPort(context, *port, SIZE_MAX);
    if (finishing()) return;
    RunCallback(context, [&]() -> v8::MaybeLocal<v8::Value> {
      v8::Local<v8::Value> tid = v8::Integer::NewFromUnsigned(isolate_, thread_id);
      v8::Local<v8::Value> value;
      if (!DeserializeMessage(this, context, *error).ToLocal(&value)) return {};
      v8::Local<v8::Value> args[] = {tid, value};
      return CallHook(context, Hook::kOnWorkerError, 2, args);
    });
  });
}

void Worker::NotifyChildExit(uint32_t thread_id, int exit_code) {
  PostUrgent([this, thread_id, exit_code] {
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    // 'exit' comes after the child's last message, as in Node.
    if (auto port = children_.PortOf(thread_id)) {
      DrainPort(context, *port, SIZE_MAX);
      children_.Remove(thread_id);
    }
    if (finishing()) return;
    v8::Local<v8::Value> args[] = {v8::Integer::NewFromUnsigned(isolate_, thread_id),
                                   v8::Integer::New(isolate_, exit_code)};
    RunCallback(context, [&] { return CallHook(context, Hook::kOnWorkerExit, 2, args); });
  });
}

}  // namespace islet::runtime
