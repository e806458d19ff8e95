// Worker: its MessagePorts: the JS objects of the ports it owns, which of
// them are started, and the drain that delivers their queued messages.
#include "runtime/base/log.h"
#include "runtime/engine/engine.h"
#include "runtime/worker/bindings.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/serializer.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {
namespace {

// Messages one drain of a port delivers before the port waits for a later
// turn: ~40 us of small messages. 64 cost the throughput benchmark 7% in
// turn overhead; at 128 a ping's median under a flood is 40 us instead of
// 22, its p99 ~100 us instead of ~75 (tools/bench/README.md).
constexpr size_t kDrainBudget = 128;

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {

v8::Local<v8::FunctionTemplate> Worker::PortTemplate() { return port_template_.Get(isolate_); }

v8::MaybeLocal<v8::Object> Worker::NewPortObject(v8::Local<v8::Context> context, PortId id) {
  ISLET_DCHECK(InTurnHere());
  v8::Local<v8::Function> ctor;
  if (!PortTemplate()->GetFunction(context).ToLocal(&ctor)) return {};
  constructing_port_ = true;
  v8::MaybeLocal<v8::Object> object = ctor->NewInstance(context);
  constructing_port_ = false;
  v8::Local<v8::Object> port;
  if (!object.ToLocal(&port)) return {};
  port->SetInternalField(0, v8::Number::New(isolate_, static_cast<double>(id)));
  return port;
}

PortId Worker::PortIdOf(v8::Local<v8::Object> object) {
  if (!PortTemplate()->HasInstance(object) || object->InternalFieldCount() < 1) return 0;
  v8::Local<v8::Value> id = object->GetInternalField(0);
  return id->IsNumber() ? static_cast<PortId>(id.As<v8::Number>()->Value()) : 0;
}

v8::MaybeLocal<v8::Object> Worker::AdoptPort(v8::Local<v8::Context> context, PortId id) {
  ISLET_DCHECK(InTurnHere());
  std::shared_ptr<Worker> self = std::static_pointer_cast<Worker>(shared_from_this());
  bus_->Adopt(id, std::weak_ptr<PortOwner>(self));
  v8::Local<v8::Value> args[] = {v8::Number::New(isolate_, static_cast<double>(id))};
  v8::Local<v8::Value> port;
  if (!CallHook(context, Hook::kMakePort, 1, args).ToLocal(&port) || !port->IsObject()) return {};
  return port.As<v8::Object>();
}

void Worker::ForgetPort(PortId id) {
  ISLET_DCHECK(InTurnHere());
  ports_.Forget(id);
  v8::Local<v8::Context> context = isolate_->GetCurrentContext();
  v8::Local<v8::Value> args[] = {v8::Number::New(isolate_, static_cast<double>(id))};
  (void)CallHook(context, Hook::kOnPortDetached, 1, args);
}

void Worker::StartPort(PortId id) {
  ISLET_DCHECK(InTurnHere());
  if (ports_.Start(id) && bus_->Pending(id) > 0) OnPortReady(id);
}

void Worker::StopPort(PortId id) {
  ISLET_DCHECK(InTurnHere());
  ports_.Stop(id);
}

bool Worker::TakeInflight(PortId id, Message* out) {
  ISLET_DCHECK(InTurnHere());
  return ports_.TakeDelivering(id, out);
}

void Worker::OnPortReady(PortId port) {
  PostUrgent([this, port] { DrainPort(isolate_->GetCurrentContext(), port, kDrainBudget); });
}

void Worker::DrainPort(v8::Local<v8::Context> context, PortId port, size_t budget) {
  if (!ports_.Started(port)) {
    // A port that was never started hears the channel's close once nothing
    // else is queued before it, if the worker is alive for other reasons
    // (Node's unstarted port does not keep its loop alive either). Anything
    // else waits for a start: StartPort re-arms.
    if (!IsAlive() || !bus_->OnlyCloseMarker(port)) return;
  }
  bool more = false;
  std::vector<Message> messages = bus_->Take(port, budget, &more);
  v8::Local<v8::Value> id = v8::Number::New(isolate_, static_cast<double>(port));
  // Delivered one at a time. A listener may take the next ones itself
  // (receiveMessageOnPort: TakeInflight), stop the port (its last 'message'
  // listener removed) or give it away (transferred): what it did not get
  // goes back to the port's queue, in order, as in Node.
  PortTable::Delivery delivery(&ports_, port, &messages);
  // Whether the port is still started is looked up again only after a
  // listener started, stopped or dropped some port.
  uint64_t seen = ports_.epoch();
  while (!delivery.done()) {
    if (finishing()) return;
    if (ports_.epoch() != seen) {
      if (!ports_.Started(port)) {
        bus_->Unread(port, delivery.Rest());
        return;
      }
      seen = ports_.epoch();
    }
    Message& message = delivery.Next();
    if (message.close_marker) {  // always alone in its batch
      ports_.Forget(port);
      v8::Local<v8::Value> args[] = {id};
      RunCallback(context, [&] { return CallHook(context, Hook::kOnPortClose, 1, args); });
      return;
    }
    // Counted before its listener runs: what the listener causes (a control
    // message, say) may have someone inspect the count.
    messages_in_.fetch_add(1, std::memory_order_relaxed);
    // RunCallback, with its one TryCatch also catching a message that
    // cannot be read (a 'messageerror' instead).
    {
      v8::TryCatch try_catch(isolate_);
      v8::MaybeLocal<v8::Value> result;
      v8::Local<v8::Value> value;
      v8::Local<v8::Array> transferred;
      if (DeserializeMessage(this, context, message, &transferred).ToLocal(&value)) {
        v8::Local<v8::Value> ports = transferred.IsEmpty() ? v8::Undefined(isolate_).As<v8::Value>()
                                                           : transferred.As<v8::Value>();
        v8::Local<v8::Value> args[] = {id, value, ports};
        result = CallHook(context, Hook::kOnPortMessage, 3, args);
      } else if (!try_catch.HasTerminated()) {
        v8::Local<v8::Value> args[] = {id, try_catch.Exception()};
        try_catch.Reset();
        result = CallHook(context, Hook::kOnPortMessageError, 2, args);
      }
      if (result.IsEmpty() || try_catch.HasCaught() || try_catch.HasTerminated()) {
        HandleException(context, try_catch);
      }
    }
    if (auto exit = lifecycle_.RequestedExit()) Finish(*std::move(exit));
    if (!finishing()) AfterCallback(context);
  }
  // More than one turn's worth: continue in a later turn. Only then, and
  // only from here: the bus notifies again only once the queue was emptied,
  // so there is exactly one drain task per port in the mailbox. (Re-posting
  // whenever messages are pending would race with that notification: under
  // a fast flood each drain could leave two tasks behind, and the mailbox
  // would grow to millions of them, starving every other port of the
  // worker.)
  if (!finishing() && more && ports_.Started(port)) OnPortReady(port);
}

void Worker::ThrowDataCloneError(v8::Local<v8::String> message) {
  v8::Local<v8::Context> context = isolate_->GetCurrentContext();
  v8::Local<v8::Value> args[] = {message};
  v8::Local<v8::Value> error;
  if (CallHook(context, Hook::kMakeDataCloneError, 1, args).ToLocal(&error)) {
    isolate_->ThrowException(error);
  }
}

void Worker::MarkUntransferable(v8::Local<v8::Object> object) {
  if (untransferable_key_.IsEmpty()) {
    untransferable_key_.Reset(isolate_, v8::Private::New(isolate_));
  }
  (void)object->SetPrivate(isolate_->GetCurrentContext(), untransferable_key_.Get(isolate_),
                           v8::True(isolate_));
}

bool Worker::IsUntransferable(v8::Local<v8::Object> object) {
  if (untransferable_key_.IsEmpty()) return false;
  return object->HasPrivate(isolate_->GetCurrentContext(), untransferable_key_.Get(isolate_))
      .FromMaybe(false);
}

}  // namespace islet::runtime
