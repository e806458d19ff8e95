#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace google::protobuf {
class MessageLite;
}

namespace islet::proto {

// Frames are protobuf's "delimited" format: a varint length, then the bytes.
inline constexpr size_t kDefaultMaxFrameBytes = 16u << 20;
inline constexpr size_t kMaxVarintBytes = 10;

// Appends `message` as one frame to `out`. Returns false if it cannot be
// serialized (missing required fields never happen in proto3; too large does).
bool AppendFrame(const google::protobuf::MessageLite& message, std::string* out);

// Splits a byte stream into frame payloads. Not thread-safe; one per stream.
class FrameDecoder {
 public:
  enum class Status {
    kFrame,      // *payload holds one whole frame
    kNeedMore,   // no whole frame buffered yet
    kTooLarge,   // announced length exceeds the limit; the stream is unusable
    kMalformed,  // the length prefix is not a valid varint
  };

  explicit FrameDecoder(size_t max_frame_bytes = kDefaultMaxFrameBytes)
      : max_frame_bytes_(max_frame_bytes) {}

  void Feed(std::string_view bytes) { buffer_.append(bytes); }

  // Extracts the next frame. After kTooLarge or kMalformed, keeps failing.
  Status Next(std::string* payload);

  // Bytes buffered that are not yet part of a returned frame.
  size_t buffered() const { return buffer_.size() - consumed_; }
  // Memory the buffer holds (its capacity): what a connection costs.
  size_t held() const { return buffer_.capacity(); }
  // An emptied buffer keeps at most this much; a larger one (a big frame
  // went through) is given back.
  static constexpr size_t kKeepBytes = 64 * 1024;
  // The length announced by the last kTooLarge.
  uint64_t announced_length() const { return announced_length_; }

 private:
  size_t max_frame_bytes_;
  std::string buffer_;
  size_t consumed_ = 0;
  uint64_t announced_length_ = 0;
  Status failed_ = Status::kNeedMore;
};

}  // namespace islet::proto
