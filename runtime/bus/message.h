#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace islet::runtime {

using PortId = uint64_t;

// What a message carries besides bytes and ports (ArrayBuffer contents,
// SharedArrayBuffer backing stores): defined by the serializer, opaque here,
// so the bus needs no V8.
class MessageAttachments {
 public:
  virtual ~MessageAttachments() = default;
};

// One serialized postMessage: move-only; owned by exactly one queue or
// receiver at a time.
struct Message {
  std::vector<uint8_t> bytes;
  std::vector<PortId> ports;  // transferred ports, re-homed on receipt
  std::unique_ptr<MessageAttachments> attachments;
  bool close_marker = false;  // internal: the sending side closed
};

}  // namespace islet::runtime
