#include "proto/framing.h"

#include <gtest/gtest.h>

#include "proto/islet/v1/control.pb.h"

namespace islet::proto {
namespace {

using Status = FrameDecoder::Status;

v1::Request MakeRequest(uint64_t id, size_t name_bytes) {
  v1::Request r;
  r.set_id(id);
  r.mutable_spawn()->set_name(std::string(name_bytes, 'x'));
  return r;
}

TEST(FramingTest, RoundTripsManyFramesFedByteByByte) {
  std::string wire;
  for (uint64_t i = 1; i <= 50; ++i) ASSERT_TRUE(AppendFrame(MakeRequest(i, i * 7), &wire));
  FrameDecoder decoder;
  std::string payload;
  uint64_t next = 1;
  for (char c : wire) {
    decoder.Feed(std::string_view(&c, 1));
    while (decoder.Next(&payload) == Status::kFrame) {
      v1::Request r;
      ASSERT_TRUE(r.ParseFromString(payload));
      EXPECT_EQ(r.id(), next);
      EXPECT_EQ(r.spawn().name().size(), next * 7);
      ++next;
    }
  }
  EXPECT_EQ(next, 51u);
  EXPECT_EQ(decoder.buffered(), 0u);
}

TEST(FramingTest, EmptyMessageIsAZeroLengthFrame) {
  std::string wire;
  ASSERT_TRUE(AppendFrame(v1::Request(), &wire));
  EXPECT_EQ(wire, std::string(1, '\0'));
  FrameDecoder decoder;
  decoder.Feed(wire);
  std::string payload = "junk";
  EXPECT_EQ(decoder.Next(&payload), Status::kFrame);
  EXPECT_TRUE(payload.empty());
}

TEST(FramingTest, TruncatedFrameNeedsMore) {
  std::string wire;
  ASSERT_TRUE(AppendFrame(MakeRequest(9, 100), &wire));
  FrameDecoder decoder;
  decoder.Feed(std::string_view(wire).substr(0, wire.size() - 1));
  std::string payload;
  EXPECT_EQ(decoder.Next(&payload), Status::kNeedMore);
  decoder.Feed(std::string_view(wire).substr(wire.size() - 1));
  EXPECT_EQ(decoder.Next(&payload), Status::kFrame);
}

TEST(FramingTest, OversizedLengthIsRejectedBeforeBuffering) {
  std::string wire;
  ASSERT_TRUE(AppendFrame(MakeRequest(1, 2000), &wire));
  FrameDecoder decoder(/*max_frame_bytes=*/1024);
  decoder.Feed(wire.substr(0, 2));  // just the length prefix
  std::string payload;
  EXPECT_EQ(decoder.Next(&payload), Status::kTooLarge);
  EXPECT_GT(decoder.announced_length(), 1024u);
  EXPECT_EQ(decoder.Next(&payload), Status::kTooLarge);  // sticky
}

TEST(FramingTest, OverlongVarintIsMalformed) {
  FrameDecoder decoder;
  decoder.Feed(std::string(11, '\xff'));
  std::string payload;
  EXPECT_EQ(decoder.Next(&payload), Status::kMalformed);
}

TEST(FramingTest, HugeVarintIsTooLarge) {
  FrameDecoder decoder;
  decoder.Feed(std::string(9, '\xff') + std::string(1, '\x01'));
  std::string payload;
  EXPECT_EQ(decoder.Next(&payload), Status::kTooLarge);
}

}  // namespace
}  // namespace islet::proto
