#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "proto/islet/v1/control.pb.h"

// Parsing and rendering for `islet shm`. Pure functions; any thread.
namespace islet::client {

// A size or offset: decimal or 0x-hex digits, optionally followed by K, M or
// G (powers of 1024). The error names the text.
std::expected<uint64_t, std::string> ParseSize(std::string_view text);

// Hex digits, two per byte, optionally "0x"-prefixed and separated by
// spaces, ':' or '-'.
std::expected<std::string, std::string> ParseHexBytes(std::string_view text);

// Comma-separated Int32 values (decimal, or 0x-hex up to 0xffffffff) as
// little-endian bytes, as an Int32Array holds them.
std::expected<std::string, std::string> ParseInt32List(std::string_view text);

// `hexdump -C` style: "00000040  2a 00 ... |*...|", 16 bytes a line,
// offsets counted from the segment's start (`bytes` begins at `offset`).
// Runs of identical lines collapse into "*"; the last line is the end offset.
std::string FormatHexDump(std::string_view bytes, uint64_t offset);

// The 4-byte-aligned Int32s wholly inside the range, four a line, each line
// led by the Int32Array index of its first value ("[12]").
std::string FormatInt32s(std::string_view bytes, uint64_t offset);

// The `islet shm ls` table: NAME SIZE ATTACHED CREATOR CREATED PATH.
std::string FormatShmTable(const std::vector<v1::ShmSegment>& segments);

// A JSON array of segments (proto3 JSON, .proto field names).
std::string ShmSegmentsToJson(const std::vector<v1::ShmSegment>& segments);

}  // namespace islet::client
