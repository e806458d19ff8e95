#include "runtime/worker/serializer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "runtime/bus/bus.h"
#include "runtime/worker/binding_util.h"
#include "runtime/worker/fast_clone.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

using binding_util::Str;

namespace {

class SerializerDelegate final : public v8::ValueSerializer::Delegate {
 public:
  explicit SerializerDelegate(Worker* worker) : worker_(worker) {}
  ~SerializerDelegate() override {
    if (scratch_in_use_) ScratchBuffer().in_use = false;
  }

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    worker_->ThrowDataCloneError(message);
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    PortId id = worker_->PortIdOf(object);
    if (id == 0) {
      ThrowDataCloneError(v8::String::NewFromUtf8Literal(isolate, "Cannot clone this object"));
      return v8::Nothing<bool>();
    }
    auto it = std::find(ports_.begin(), ports_.end(), id);
    if (it == ports_.end()) {
      binding_util::ThrowWithCode(
          isolate,
          v8::Exception::TypeError(v8::String::NewFromUtf8Literal(
              isolate,
              "Object that needs transfer was found in message but not listed in transferList")),
          "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST");
      return v8::Nothing<bool>();
    }
    serializer_->WriteUint32(static_cast<uint32_t>(it - ports_.begin()));
    return v8::Just(true);
  }

  // A buffer is known by its backing store, never by a Local: V8 hands the
  // delegate a handle from a scope that closes when the call returns, so a
  // kept Local soon names whatever object reuses its slot (four distinct
  // buffers nested as [[a, b], [c, d]] arrived as a, b, b, d). V8 itself
  // asks once per buffer object; two objects over one store share an id.
  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate*,
                                             v8::Local<v8::SharedArrayBuffer> sab) override {
    std::shared_ptr<v8::BackingStore> store = sab->GetBackingStore();
    auto& stores = attachments().shared_buffers;
    for (size_t i = 0; i < stores.size(); ++i) {
      if (stores[i] == store) return v8::Just(static_cast<uint32_t>(i));
    }
    stores.push_back(std::move(store));
    return v8::Just(static_cast<uint32_t>(stores.size() - 1));
  }

  // The serializer's buffer starts in a per-thread scratch block, so a small
  // message costs no allocation here (MessageBytes keeps it inline); one
  // that outgrows the block moves to malloc. Serialization can run JS
  // (getters) that posts again on the same thread: only the outermost
  // serializer uses the block.
  void* ReallocateBufferMemory(void* old_buffer, size_t size, size_t* actual_size) override {
    Scratch& scratch = ScratchBuffer();
    if (old_buffer == nullptr && !scratch.in_use && size <= sizeof(scratch.bytes)) {
      scratch.in_use = scratch_in_use_ = true;
      *actual_size = sizeof(scratch.bytes);
      return scratch.bytes;
    }
    if (old_buffer != nullptr && old_buffer == scratch.bytes) {
      if (size <= sizeof(scratch.bytes)) {
        *actual_size = sizeof(scratch.bytes);
        return scratch.bytes;
      }
      void* grown = std::malloc(size);
      if (grown == nullptr) return nullptr;
      std::memcpy(grown, scratch.bytes, sizeof(scratch.bytes));
      scratch.in_use = scratch_in_use_ = false;
      *actual_size = size;
      return grown;
    }
    *actual_size = size;
    return std::realloc(old_buffer, size);
  }
  void FreeBufferMemory(void* buffer) override {
    if (buffer == ScratchBuffer().bytes) {
      ScratchBuffer().in_use = scratch_in_use_ = false;
      return;
    }
    std::free(buffer);
  }

  // Moves the released buffer into `out`, copying out of the scratch block.
  void Release(std::pair<uint8_t*, size_t> data, MessageBytes* out) {
    if (data.first == ScratchBuffer().bytes) {
      out->assign(data.first, data.second);
      ScratchBuffer().in_use = scratch_in_use_ = false;
    } else {
      out->adopt(data.first, data.second);
    }
  }

  V8Attachments& attachments() {
    if (!attachments_) attachments_ = std::make_unique<V8Attachments>();
    return *attachments_;
  }
  std::unique_ptr<V8Attachments> TakeAttachments() { return std::move(attachments_); }

  v8::ValueSerializer* serializer_ = nullptr;
  std::vector<PortId> ports_;

 private:
  struct Scratch {
    alignas(16) uint8_t bytes[4096];
    bool in_use = false;
  };
  static Scratch& ScratchBuffer() {
    thread_local Scratch scratch;
    return scratch;
  }

  Worker* worker_;
  std::unique_ptr<V8Attachments> attachments_;  // only if something needs it
  bool scratch_in_use_ = false;
};

class DeserializerDelegate final : public v8::ValueDeserializer::Delegate {
 public:
  DeserializerDelegate(Message* message, std::vector<v8::Local<v8::Object>>* ports)
      : message_(message), ports_(ports) {}

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t index;
    if (!deserializer_->ReadUint32(&index) || index >= ports_->size()) {
      isolate->ThrowException(v8::Exception::Error(
          v8::String::NewFromUtf8Literal(isolate, "malformed message: bad port index")));
      return {};
    }
    return (*ports_)[index];
  }

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* isolate,
                                                                   uint32_t id) override {
    auto* attachments = static_cast<V8Attachments*>(message_->attachments.get());
    if (attachments == nullptr || id >= attachments->shared_buffers.size()) {
      isolate->ThrowException(v8::Exception::Error(
          v8::String::NewFromUtf8Literal(isolate, "malformed message: bad SharedArrayBuffer id")));
      return {};
    }
    return v8::SharedArrayBuffer::New(isolate, attachments->shared_buffers[id]);
  }

  v8::ValueDeserializer* deserializer_ = nullptr;

 private:
  Message* message_;
  std::vector<v8::Local<v8::Object>>* ports_;
};

}  // namespace

v8::Maybe<bool> SerializeMessage(Worker* worker, v8::Local<v8::Context> context,
                                 v8::Local<v8::Value> value, v8::Local<v8::Value> transfer_list,
                                 uint64_t source_port, Message* out, v8::Local<v8::Value> keys) {
  v8::Isolate* isolate = context->GetIsolate();
  // Nothing to transfer: most messages take the fast form (no JS runs when
  // one does not, so falling through to V8's path changes nothing).
  bool too_big = !keys.IsEmpty() && keys->IsNull();  // see messaging.js cloneKeys
  if (!too_big && (transfer_list.IsEmpty() || transfer_list->IsNullOrUndefined() ||
                   (transfer_list->IsArray() && transfer_list.As<v8::Array>()->Length() == 0))) {
    if (fast_clone::TrySerialize(context, value, &out->bytes, keys)) {
      out->ports.clear();
      out->attachments.reset();
      return v8::Just(true);
    }
  }
  SerializerDelegate delegate(worker);
  v8::ValueSerializer serializer(isolate, &delegate);
  delegate.serializer_ = &serializer;

  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  if (!transfer_list.IsEmpty() && transfer_list->IsArray()) {
    v8::Local<v8::Array> list = transfer_list.As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); ++i) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return v8::Nothing<bool>();
      if (item->IsArrayBuffer()) {
        v8::Local<v8::ArrayBuffer> ab = item.As<v8::ArrayBuffer>();
        if (std::find(buffers.begin(), buffers.end(), ab) != buffers.end()) {
          worker->ThrowDataCloneError(Str(isolate, "Transfer list contains duplicate ArrayBuffer"));
          return v8::Nothing<bool>();
        }
        if (worker->IsUntransferable(ab)) continue;  // copied instead, as in Node 20
        if (!ab->IsDetachable()) continue;
        serializer.TransferArrayBuffer(static_cast<uint32_t>(buffers.size()), ab);
        buffers.push_back(ab);
        continue;
      }
      if (item->IsObject()) {
        PortId id = worker->PortIdOf(item.As<v8::Object>());
        if (id != 0) {
          if (id == source_port) {
            worker->ThrowDataCloneError(Str(isolate, "Transfer list contains source port"));
            return v8::Nothing<bool>();
          }
          if (std::find(delegate.ports_.begin(), delegate.ports_.end(), id) !=
              delegate.ports_.end()) {
            worker->ThrowDataCloneError(
                Str(isolate, "Transfer list contains duplicate MessagePort"));
            return v8::Nothing<bool>();
          }
          delegate.ports_.push_back(id);
          continue;
        }
      }
      binding_util::ThrowWithCode(
          isolate, v8::Exception::TypeError(Str(isolate, "Found invalid object in transferList")),
          "ERR_INVALID_TRANSFER_OBJECT");
      return v8::Nothing<bool>();
    }
  }

  serializer.WriteHeader();
  if (serializer.WriteValue(context, value).IsNothing()) return v8::Nothing<bool>();

  // Success: only now do transferred things leave the sender.
  for (PortId id : delegate.ports_) {
    if (worker->bus()->OwnershipOf(id, worker) != Bus::Ownership::kOwned ||
        !worker->bus()->Detach(id)) {
      worker->ThrowDataCloneError(Str(isolate, "MessagePort in transfer list is already detached"));
      return v8::Nothing<bool>();
    }
    worker->ForgetPort(id);
  }
  for (auto& ab : buffers) {
    delegate.attachments().array_buffers.push_back(ab->GetBackingStore());
    ab->Detach();
  }
  delegate.Release(serializer.Release(), &out->bytes);
  out->ports = std::move(delegate.ports_);
  out->attachments = delegate.TakeAttachments();
  return v8::Just(true);
}

v8::MaybeLocal<v8::Value> DeserializeMessage(Worker* worker, v8::Local<v8::Context> context,
                                             Message& message, v8::Local<v8::Array>* ports_out) {
  v8::Isolate* isolate = context->GetIsolate();  // handles live in the caller's scope
  if (fast_clone::IsFastForm(message.bytes) && message.ports.empty() && !message.attachments) {
    return fast_clone::Deserialize(context, message.bytes, worker->shapes());
  }
  std::vector<v8::Local<v8::Object>> ports;
  for (PortId id : message.ports) {
    v8::Local<v8::Object> port;
    if (!worker->AdoptPort(context, id).ToLocal(&port)) return {};
    ports.push_back(port);
  }
  message.ports.clear();  // adopted: this worker owns them now
  DeserializerDelegate delegate(&message, &ports);
  v8::ValueDeserializer deserializer(isolate, message.bytes.data(), message.bytes.size(),
                                     &delegate);
  delegate.deserializer_ = &deserializer;
  if (auto* attachments = static_cast<V8Attachments*>(message.attachments.get())) {
    for (size_t i = 0; i < attachments->array_buffers.size(); ++i) {
      deserializer.TransferArrayBuffer(
          static_cast<uint32_t>(i), v8::ArrayBuffer::New(isolate, attachments->array_buffers[i]));
    }
  }
  bool header;
  if (!deserializer.ReadHeader(context).To(&header)) return {};
  v8::Local<v8::Value> value;
  if (!deserializer.ReadValue(context).ToLocal(&value)) return {};
  if (ports_out != nullptr && !ports.empty()) {
    std::vector<v8::Local<v8::Value>> items(ports.begin(), ports.end());
    *ports_out = v8::Array::New(isolate, items.data(), items.size());
  }
  return value;
}

}  // namespace islet::runtime
