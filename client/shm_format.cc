#include "client/shm_format.h"

#include <time.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>

#include "client/format.h"

namespace islet::client {
namespace {

std::unexpected<std::string> Fail(std::string message) {
  return std::unexpected(std::move(message));
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Unsigned decimal or 0x-hex digits, all of `text`; nullopt on anything else
// or on overflow past `max`.
std::optional<uint64_t> ParseNumber(std::string_view text, uint64_t max) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    int d = base == 16 ? HexDigit(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (d < 0) return std::nullopt;
    if (value > (max - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      return std::nullopt;
    }
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return value;
}

std::string Hex8(uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%08llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string LocalTime(int64_t unix_ms) {
  time_t seconds = static_cast<time_t>(unix_ms / 1000);
  struct tm tm;
  if (localtime_r(&seconds, &tm) == nullptr) return "-";
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace

std::expected<uint64_t, std::string> ParseSize(std::string_view text) {
  std::string_view digits = text;
  uint64_t unit = 1;
  if (!digits.empty()) {
    switch (std::toupper(static_cast<unsigned char>(digits.back()))) {
      case 'K':
        unit = 1ull << 10;
        break;
      case 'M':
        unit = 1ull << 20;
        break;
      case 'G':
        unit = 1ull << 30;
        break;
    }
    // "0x1b" ends in a hex digit, not a suffix: only strip outside hex.
    bool hex = digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
    if (unit != 1 && !hex) digits.remove_suffix(1);
    if (hex) unit = 1;
  }
  auto value = ParseNumber(digits, UINT64_MAX / unit);
  if (!value) {
    return Fail("'" + std::string(text) +
                "' is not a byte count (digits or 0x-hex, optionally with K, M or G)");
  }
  return *value * unit;
}

std::expected<std::string, std::string> ParseHexBytes(std::string_view text) {
  std::string digits;
  std::string_view rest = text;
  if (rest.size() >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X'))
    rest.remove_prefix(2);
  for (char c : rest) {
    if (c == ' ' || c == ':' || c == '-' || c == '\t') continue;
    if (HexDigit(c) < 0)
      return Fail("'" + std::string(text) + "' is not hex: bad character '" + c + "'");
    digits += c;
  }
  if (digits.empty()) return Fail("no bytes to write: --hex is empty");
  if (digits.size() % 2 != 0) {
    return Fail("'" + std::string(text) + "' has an odd number of hex digits (two per byte)");
  }
  std::string bytes;
  for (size_t i = 0; i < digits.size(); i += 2) {
    bytes += static_cast<char>(HexDigit(digits[i]) * 16 + HexDigit(digits[i + 1]));
  }
  return bytes;
}

std::expected<std::string, std::string> ParseInt32List(std::string_view text) {
  std::string bytes;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    bool negative = !item.empty() && item.front() == '-';
    if (negative) item.remove_prefix(1);
    bool hex = item.size() > 2 && item[0] == '0' && (item[1] == 'x' || item[1] == 'X');
    // Decimal: -2^31 .. 2^31-1. Hex: a bit pattern, 0 .. 0xffffffff.
    uint64_t max = hex && !negative ? 0xffffffffull : negative ? 0x80000000ull : 0x7fffffffull;
    auto value = ParseNumber(item, max);
    if (!value) {
      return Fail("'" + std::string(text.substr(start, comma - start)) +
                  "' is not an Int32 (-2147483648 to 2147483647, or 0x0 to 0xffffffff)");
    }
    uint32_t word = static_cast<uint32_t>(negative ? (0 - *value) : *value);
    char le[4];
    std::memcpy(le, &word, 4);  // x86-64 and arm64 are little-endian, as is Int32Array here
    bytes.append(le, 4);
    start = comma + 1;
  }
  return bytes;
}

std::string FormatHexDump(std::string_view bytes, uint64_t offset) {
  std::string out;
  std::string_view previous;
  bool collapsing = false;
  for (size_t i = 0; i < bytes.size(); i += 16) {
    std::string_view line = bytes.substr(i, 16);
    if (line.size() == 16 && line == previous && i + 16 < bytes.size()) {
      if (!collapsing) out += "*\n";
      collapsing = true;
      continue;
    }
    collapsing = false;
    previous = line;
    out += Hex8(offset + i) + " ";
    for (size_t j = 0; j < 16; ++j) {
      if (j == 8) out += ' ';
      if (j < line.size()) {
        char buf[4];
        std::snprintf(buf, sizeof(buf), " %02x", static_cast<unsigned char>(line[j]));
        out += buf;
      } else {
        out += "   ";
      }
    }
    out += "  |";
    for (char c : line) out += (c >= 0x20 && c < 0x7f) ? c : '.';
    out += "|\n";
  }
  out += Hex8(offset + bytes.size()) + "\n";
  return out;
}

std::string FormatInt32s(std::string_view bytes, uint64_t offset) {
  uint64_t first = (offset + 3) / 4;           // first whole word's index
  uint64_t end = (offset + bytes.size()) / 4;  // one past the last
  if (end <= first) return "";
  std::string index_width = std::to_string(std::to_string(end - 1).size());
  std::string out;
  std::string previous;
  bool collapsing = false;
  for (uint64_t row = first; row < end; row += 4) {
    std::string values;
    for (uint64_t k = row; k < std::min(row + 4, end); ++k) {
      int32_t v;
      std::memcpy(&v, bytes.data() + (k * 4 - offset), 4);
      char buf[16];
      std::snprintf(buf, sizeof(buf), " %11d", v);
      values += buf;
    }
    if (values == previous && row + 4 < end) {
      if (!collapsing) out += "*\n";
      collapsing = true;
      continue;
    }
    collapsing = false;
    previous = values;
    char label[32];
    std::snprintf(label, sizeof(label), ("[%" + index_width + "llu]").c_str(),
                  static_cast<unsigned long long>(row));
    out += label + values + "\n";
  }
  return out;
}

std::string FormatShmTable(const std::vector<v1::ShmSegment>& segments) {
  using Row = std::array<std::string, 6>;
  std::vector<Row> rows = {{"NAME", "SIZE", "ATTACHED", "CREATOR", "CREATED", "PATH"}};
  for (const v1::ShmSegment& s : segments) {
    rows.push_back(
        {s.name(), std::to_string(s.size()), std::to_string(s.attached_workers()),
         s.creator_worker_id() == 0 ? "control" : "worker " + std::to_string(s.creator_worker_id()),
         LocalTime(s.created_unix_ms()), s.path()});
  }
  std::array<size_t, 6> width{};
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  std::string out;
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out += row[i];
      if (i + 1 < row.size()) out += std::string(width[i] - row[i].size() + 2, ' ');
    }
    out += '\n';
  }
  return out;
}

std::string ShmSegmentsToJson(const std::vector<v1::ShmSegment>& segments) {
  return JsonArrayOf(segments);
}

}  // namespace islet::client
