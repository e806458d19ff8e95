#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/bus/message_bytes.h"

namespace islet::runtime {

using PortId = uint64_t;

// What a message carries besides bytes and ports (ArrayBuffer contents,
// SharedArrayBuffer backing stores): defined by the serializer, opaque here,
// so the bus needs no V8.
class MessageAttachments {
 public:
  virtual ~MessageAttachments() = default;
  // A copy for one more receiver (shared stores are shared, not copied), or
  // null if these attachments cannot be delivered twice (transferred ones).
  virtual std::unique_ptr<MessageAttachments> Clone() const = 0;
};

// One serialized postMessage: move-only; owned by exactly one queue or
// receiver at a time.
struct Message {
  MessageBytes bytes;
  std::vector<PortId> ports;  // transferred ports, re-homed on receipt
  std::unique_ptr<MessageAttachments> attachments;
  bool close_marker = false;  // internal: the sending side closed
};

}  // namespace islet::runtime
