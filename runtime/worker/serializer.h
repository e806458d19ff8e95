#pragma once

#include <v8.h>

#include <memory>
#include <vector>

#include "runtime/bus/message.h"

namespace islet::runtime {

class Worker;

// Backing stores a message carries: transferred ArrayBuffer contents (moved,
// not copied) and SharedArrayBuffer stores (shared).
class V8Attachments final : public MessageAttachments {
 public:
  std::vector<std::shared_ptr<v8::BackingStore>> array_buffers;
  std::vector<std::shared_ptr<v8::BackingStore>> shared_buffers;

  std::unique_ptr<MessageAttachments> Clone() const override {
    if (!array_buffers.empty()) return nullptr;
    auto copy = std::make_unique<V8Attachments>();
    copy->shared_buffers = shared_buffers;
    return copy;
  }
};

// Structured clone with transfer, as Node's postMessage does it. Requires the
// isolate lock and the worker's context entered.
//
// Serialize: on failure a JS exception (DataCloneError, TypeError) is pending
// and Nothing is returned; on success transferred ArrayBuffers are detached
// and transferred ports leave the sender. `source_port` (0 if none) may not
// appear in the transfer list. `keys`, if an array, is Object.keys(value),
// taken just before (see fast_clone::TrySerialize); null means the value has
// too many for the fast form.
v8::Maybe<bool> SerializeMessage(Worker* worker, v8::Local<v8::Context> context,
                                 v8::Local<v8::Value> value, v8::Local<v8::Value> transfer_list,
                                 uint64_t source_port, Message* out,
                                 v8::Local<v8::Value> keys = {});

// Recreates the value in this worker's isolate; transferred ports are adopted
// by `worker` (and listed in *ports, if given and there are any: *ports is
// left empty when the message carried none). On failure a JS exception is
// pending.
v8::MaybeLocal<v8::Value> DeserializeMessage(Worker* worker, v8::Local<v8::Context> context,
                                             Message& message,
                                             v8::Local<v8::Array>* ports = nullptr);

}  // namespace islet::runtime
