#include "proto/framing.h"

#include <google/protobuf/message_lite.h>

namespace islet::proto {

bool AppendFrame(const google::protobuf::MessageLite& message, std::string* out) {
  size_t size = message.ByteSizeLong();
  if (size > static_cast<size_t>(INT32_MAX)) return false;
  uint64_t v = size;
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    if (v != 0) byte |= 0x80;
    out->push_back(static_cast<char>(byte));
  } while (v != 0);
  size_t at = out->size();
  out->resize(at + size);
  return message.SerializeToArray(out->data() + at, static_cast<int>(size));
}

FrameDecoder::Status FrameDecoder::Next(std::string* payload) {
  if (failed_ != Status::kNeedMore) return failed_;
  const auto* p = reinterpret_cast<const uint8_t*>(buffer_.data()) + consumed_;
  size_t avail = buffer_.size() - consumed_;
  uint64_t length = 0;
  size_t header = 0;
  if (avail == 0) {
    buffer_.clear();
    consumed_ = 0;
    if (buffer_.capacity() > kKeepBytes) std::string().swap(buffer_);
    return Status::kNeedMore;
  }
  for (;;) {
    if (header == avail) return Status::kNeedMore;
    if (header == kMaxVarintBytes) return failed_ = Status::kMalformed;
    uint8_t byte = p[header];
    length |= static_cast<uint64_t>(byte & 0x7f) << (7 * header);
    ++header;
    if ((byte & 0x80) == 0) break;
  }
  if (length > max_frame_bytes_) {
    announced_length_ = length;
    return failed_ = Status::kTooLarge;
  }
  if (avail - header < length) return Status::kNeedMore;
  payload->assign(reinterpret_cast<const char*>(p + header), length);
  consumed_ += header + length;
  // Compact once the consumed prefix dominates, keeping appends amortised O(1).
  if (consumed_ > 4096 && consumed_ * 2 > buffer_.size()) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  return Status::kFrame;
}

}  // namespace islet::proto
