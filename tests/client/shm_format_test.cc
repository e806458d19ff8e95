#include "client/shm_format.h"

#include <gtest/gtest.h>

namespace islet::client {
namespace {

TEST(ShmFormatTest, ParseSize) {
  EXPECT_EQ(*ParseSize("0"), 0u);
  EXPECT_EQ(*ParseSize("4096"), 4096u);
  EXPECT_EQ(*ParseSize("0x10"), 16u);
  EXPECT_EQ(*ParseSize("0x1b"), 27u);  // 'b' is a digit here, not a suffix
  EXPECT_EQ(*ParseSize("64K"), 65536u);
  EXPECT_EQ(*ParseSize("2m"), 2u << 20);
  EXPECT_EQ(*ParseSize("1G"), 1u << 30);
  EXPECT_EQ(*ParseSize("18446744073709551615"), UINT64_MAX);
  for (const char* bad :
       {"", "K", "-1", "1.5", "12x", "0x", "18446744073709551616", "99999999999G"}) {
    auto r = ParseSize(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error(), "'" + std::string(bad) +
                             "' is not a byte count (digits or 0x-hex, optionally with K, M or G)");
  }
}

TEST(ShmFormatTest, ParseHexBytes) {
  EXPECT_EQ(*ParseHexBytes("2a00ff"), std::string("\x2a\x00\xff", 3));
  EXPECT_EQ(*ParseHexBytes("0xDEAD"), "\xde\xad");
  EXPECT_EQ(*ParseHexBytes("de ad:be-ef"), "\xde\xad\xbe\xef");
  EXPECT_EQ(ParseHexBytes("abc").error(), "'abc' has an odd number of hex digits (two per byte)");
  EXPECT_EQ(ParseHexBytes("zz").error(), "'zz' is not hex: bad character 'z'");
  EXPECT_EQ(ParseHexBytes(" ").error(), "no bytes to write: --hex is empty");
}

TEST(ShmFormatTest, ParseInt32List) {
  EXPECT_EQ(*ParseInt32List("42"), std::string("\x2a\0\0\0", 4));
  EXPECT_EQ(*ParseInt32List("1, -1,0x10"), std::string("\x01\0\0\0\xff\xff\xff\xff\x10\0\0\0", 12));
  EXPECT_EQ(*ParseInt32List("2147483647,-2147483648,0xffffffff"),
            std::string("\xff\xff\xff\x7f\0\0\0\x80\xff\xff\xff\xff", 12));
  EXPECT_FALSE(ParseInt32List("2147483648"));
  EXPECT_FALSE(ParseInt32List("-2147483649"));
  EXPECT_FALSE(ParseInt32List("0x100000000"));
  EXPECT_FALSE(ParseInt32List("1,,2"));
  EXPECT_EQ(ParseInt32List("1,x").error(),
            "'x' is not an Int32 (-2147483648 to 2147483647, or 0x0 to 0xffffffff)");
}

TEST(ShmFormatTest, HexDumpCollapsesRepeatedLines) {
  std::string bytes(64, '\0');
  bytes[0] = 'A';
  bytes[1] = '\x01';
  EXPECT_EQ(FormatHexDump(bytes, 0),
            "00000000  41 01 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |A...............|\n"
            "00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
            "*\n"
            "00000030  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
            "00000040\n");
  EXPECT_EQ(FormatHexDump("hi", 0x20),
            "00000020  68 69                                             |hi|\n"
            "00000022\n");
}

TEST(ShmFormatTest, Int32sAreIndexedAsAnInt32ArraySeesThem) {
  std::string bytes;
  for (int32_t v : {7, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}) {
    bytes.append(reinterpret_cast<const char*>(&v), 4);
  }
  EXPECT_EQ(FormatInt32s(bytes, 16),
            "[ 4]           7          -1           0           0\n"
            "[ 8]           0           0           0           0\n"
            "*\n"  // [12] repeats [8]
            "[16]           5\n");
  // Only whole aligned words: bytes 2..10 hold just the word at 4.
  EXPECT_EQ(FormatInt32s(std::string(8, '\0'), 2), "[1]           0\n");
  EXPECT_EQ(FormatInt32s("abc", 1), "");
}

TEST(ShmFormatTest, TableAndJson) {
  v1::ShmSegment a;
  a.set_name("counter");
  a.set_size(4096);
  a.set_attached_workers(2);
  a.set_creator_worker_id(7);
  a.set_path("/dev/shm/islet-1-counter");
  v1::ShmSegment b;
  b.set_name("x");
  b.set_size(1);
  std::string table = FormatShmTable({a, b});
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "NAME     SIZE  ATTACHED  CREATOR   CREATED              PATH");
  EXPECT_NE(table.find("counter  4096  2         worker 7  "), std::string::npos) << table;
  EXPECT_NE(table.find("x        1     0         control   "), std::string::npos) << table;
  EXPECT_EQ(ShmSegmentsToJson({}), "[]");
  EXPECT_EQ(ShmSegmentsToJson({b}),
            "[\n  {\"name\":\"x\",\"size\":\"1\",\"attached_workers\":0,\"created_unix_ms\":\"0\","
            "\"creator_worker_id\":\"0\",\"path\":\"\"}\n]");
}

}  // namespace
}  // namespace islet::client
