// Fuzzes the state file reader, DecodeStateFile, and what Resurrect
// (daemon/main.cc) does with each entry of a file that decodes: ToSpawnSpec
// with the daemon's bundle limits, keeping the original of an entry it
// cannot start, which the next save writes back.
//
// The input is read twice: as a whole file (the magic, length and checksum
// checks), and as the payload of a file with a correct header, which the
// fuzzer makes here. Mutations of a whole file almost never get past the
// CRC-32; the second reading lets them reach the payload's parse and the
// entries, as a file written by a daemon of another version would.

#include <google/protobuf/stubs/logging.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "daemon/convert.h"
#include "daemon/state_file.h"
#include "proto/islet/v1/control.pb.h"

namespace islet::daemon {
namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "state_file_fuzzer: %s\n", what.c_str());
  std::abort();
}

void PutLittleEndian(std::string* out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// `payload` under the header the daemon writes (control.proto, StateFile):
// "ISLETST1", the payload's length (8 bytes) and CRC-32 (4 bytes), both
// little-endian.
std::string WithHeader(std::string_view payload) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc =
      crc32(crc, reinterpret_cast<const Bytef*>(payload.data()), static_cast<uInt>(payload.size()));
  std::string out = "ISLETST1";
  PutLittleEndian(&out, payload.size(), 8);
  PutLittleEndian(&out, static_cast<uint32_t>(crc), 4);
  out.append(payload);
  return out;
}

void Read(std::string_view bytes) {
  auto state = DecodeStateFile(bytes);
  if (!state) return;
  BundleLimits limits;  // isletd's default --max-bundle-bytes
  v1::StateFile kept;
  for (v1::SupervisedWorker& entry : *state->mutable_workers()) {
    v1::SupervisedWorker original = entry;  // ToSpawnSpec moves the bundle out
    auto spec = ToSpawnSpec(entry.mutable_spawn(), limits);
    // Resurrect starts only supervised workers, as only those are recorded.
    if (!spec || spec->restart.mode == runtime::RestartPolicy::Mode::kNever) {
      *kept.add_workers() = std::move(original);
    }
  }
  // The entries kept are written back with every save: what was read must
  // be writable again, and read back whole.
  std::string written = EncodeStateFile(kept);
  if (written.empty()) Fail("the entries read from a state file do not encode");
  auto reread = DecodeStateFile(written);
  if (!reread) {
    Fail("a state file written from one that decoded does not decode: " + reread.error());
  }
  if (reread->workers_size() != kept.workers_size()) {
    Fail("a rewritten state file holds another number of workers");
  }
}

}  // namespace
}  // namespace islet::daemon

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // protobuf logs every string field with invalid UTF-8 it refuses to
  // parse, which is most mutated payloads: that would bury the fuzzer's own
  // output.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  islet::daemon::Read(bytes);
  islet::daemon::Read(islet::daemon::WithHeader(bytes));
  return 0;
}
