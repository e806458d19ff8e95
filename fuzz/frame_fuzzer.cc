// Fuzzes the control socket's framing: the bytes a client sends, split into
// frames by proto::FrameDecoder and each frame parsed as a Request, the way
// daemon::Session::ProcessFrames does it (it stops at the first malformed
// or too large length, as the session closes there). No input may crash,
// and how the bytes arrive must not matter: a peer chooses where its writes
// split, so the frames (and the final status) must be the same whether the
// decoder is fed everything at once or a few bytes per read.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "proto/framing.h"
#include "proto/islet/v1/control.pb.h"

namespace {

using islet::proto::FrameDecoder;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "frame_fuzzer: %s\n", what);
  std::abort();
}

struct Split {
  std::vector<std::string> frames;
  FrameDecoder::Status last = FrameDecoder::Status::kNeedMore;
  size_t buffered = 0;
};

// Feeds `bytes` `chunk` bytes per read (0: all in one read), taking every
// whole frame after each read, until the stream ends or is unusable.
Split Decode(std::string_view bytes, size_t chunk, size_t max_frame_bytes) {
  Split out;
  FrameDecoder decoder(max_frame_bytes);
  std::string payload;
  size_t at = 0;
  do {
    size_t n = chunk == 0 ? bytes.size() - at : std::min(chunk, bytes.size() - at);
    decoder.Feed(bytes.substr(at, n));
    at += n;
    while ((out.last = decoder.Next(&payload)) == FrameDecoder::Status::kFrame) {
      if (payload.size() > max_frame_bytes) Fail("a frame is larger than the limit");
      out.frames.push_back(payload);
    }
  } while (at < bytes.size() && out.last == FrameDecoder::Status::kNeedMore);
  out.buffered = decoder.buffered();
  return out;
}

void CheckSameSplit(const Split& a, const Split& b) {
  if (a.frames != b.frames) Fail("the frames depend on how the bytes were split into reads");
  if (a.last != b.last) Fail("the final status depends on how the bytes were split into reads");
  // After an error the session stops reading, so only a healthy stream's
  // leftover is comparable.
  if (a.last == FrameDecoder::Status::kNeedMore && a.buffered != b.buffered) {
    Fail("the bytes left buffered depend on how the bytes were split into reads");
  }
}

// What a client's encoder (AppendFrame) writes for `request` must come back
// from the daemon's decoder as one frame that parses.
void CheckReencodes(const islet::v1::Request& request) {
  std::string wire;
  if (!islet::proto::AppendFrame(request, &wire)) Fail("a parsed request does not serialize");
  FrameDecoder decoder;
  decoder.Feed(wire);
  std::string payload;
  if (decoder.Next(&payload) != FrameDecoder::Status::kFrame) {
    Fail("AppendFrame's output is not one whole frame");
  }
  if (payload.size() != request.ByteSizeLong() || decoder.buffered() != 0) {
    Fail("AppendFrame's length prefix disagrees with the payload");
  }
  islet::v1::Request again;
  if (!again.ParseFromString(payload)) Fail("a re-encoded request does not parse");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The daemon's default --max-frame-bytes, and a small limit that inputs
  // this size can exceed with a length that is also within reach.
  for (size_t limit : {islet::proto::kDefaultMaxFrameBytes, size_t{64}}) {
    Split whole = Decode(bytes, 0, limit);
    CheckSameSplit(whole, Decode(bytes, 1, limit));
    CheckSameSplit(whole, Decode(bytes, 7, limit));
    if (limit != islet::proto::kDefaultMaxFrameBytes) continue;
    for (const std::string& frame : whole.frames) {
      islet::v1::Request request;
      if (!request.ParseFromString(frame)) break;  // the session closes here
      CheckReencodes(request);
    }
  }
  return 0;
}
