// Fuzzes the daemon's checks of control requests: the input, if it parses
// as an islet.v1.Request, goes through what ControlService::Handle runs on
// it before the runtime is involved. That is ToSpawnSpec for a spawn
// (ValidateBundle, CheckedLimits, the restart policy, the heap sizes),
// CheckedLimits for set_limits and the segment-name check for the shm_*
// requests (SegmentRegistry::ValidateQualifiedName, which the runtime's
// registry applies), and the Supervisor's own checks of a terminate's grace
// period and a post's JSON (runtime/supervisor/request_checks.h), which it
// makes before it looks the worker up.
//
// Besides not crashing, what is accepted must survive the daemon's own
// round trips, and what is refused must be answerable:
// - an accepted spawn, recorded in the state file as a supervised worker
//   is (ToProto, EncodeStateFile), reads back (DecodeStateFile, then
//   ToSpawnSpec as Resurrect calls it) as the same spec: an acknowledged
//   supervised worker is neither lost nor changed by a daemon restart;
// - accepted limits, as inspect reports them (ToProto), are accepted again
//   unchanged;
// - an error reply serializes and parses back with its message whole (a
//   message the client cannot parse would end the connection instead).

#include <google/protobuf/stubs/logging.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "daemon/convert.h"
#include "daemon/state_file.h"
#include "proto/framing.h"
#include "proto/islet/v1/control.pb.h"
#include "runtime/runtime.h"
#include "runtime/shm/segment_registry.h"
#include "runtime/supervisor/request_checks.h"

namespace islet::daemon {
namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "request_fuzzer: %s\n", what.c_str());
  std::abort();
}

void CheckErrorReply(uint64_t id, const runtime::Error& error) {
  v1::Response response;
  response.set_id(id);
  SetStatus(error, &response);
  std::string wire;
  if (!proto::AppendFrame(response, &wire)) Fail("an error reply does not serialize");
  proto::FrameDecoder decoder;
  decoder.Feed(wire);
  std::string payload;
  v1::Response parsed;
  if (decoder.Next(&payload) != proto::FrameDecoder::Status::kFrame ||
      !parsed.ParseFromString(payload)) {
    Fail("an error reply does not parse back: " + error.message);
  }
  if (parsed.status().code() != ToProtoCode(error.code) ||
      parsed.status().message() != error.message) {
    Fail("an error reply comes back changed: " + error.message);
  }
}

bool SameLimits(const runtime::WorkerLimits& a, const runtime::WorkerLimits& b) {
  return a.cpu_ms_per_turn == b.cpu_ms_per_turn && a.cpu_ms_total == b.cpu_ms_total &&
         a.deadline_ms == b.deadline_ms && a.max_external_mb == b.max_external_mb &&
         a.max_port_queue == b.max_port_queue;
}

// A policy of `never` is not recorded beyond its mode (ToProto writes only
// that), and the state file holds only supervised workers anyway.
bool SamePolicy(const runtime::RestartPolicy& a, const runtime::RestartPolicy& b) {
  if (a.mode != b.mode) return false;
  if (a.mode == runtime::RestartPolicy::Mode::kNever) return true;
  return a.max_restarts == b.max_restarts && a.window_seconds == b.window_seconds &&
         a.backoff_initial_ms == b.backoff_initial_ms && a.backoff_max_ms == b.backoff_max_ms;
}

bool SameSpec(const runtime::SpawnSpec& a, const runtime::SpawnSpec& b) {
  if (a.files.size() != b.files.size()) return false;
  for (size_t i = 0; i < a.files.size(); ++i) {
    if (a.files[i].name != b.files[i].name || a.files[i].content != b.files[i].content) {
      return false;
    }
  }
  return a.main == b.main && a.root == b.root && a.argv == b.argv && a.env == b.env &&
         a.name == b.name && a.max_old_generation_mb == b.max_old_generation_mb &&
         a.max_young_generation_mb == b.max_young_generation_mb &&
         a.code_range_mb == b.code_range_mb && SameLimits(a.limits, b.limits) &&
         SamePolicy(a.restart, b.restart);
}

void CheckResurrects(const runtime::SpawnSpec& spec, const BundleLimits& limits) {
  runtime::SupervisedSpec supervised;
  supervised.id = 7;
  supervised.spec = spec;
  supervised.restarts = 2;
  v1::StateFile state;
  ToProto(supervised, state.add_workers());
  auto decoded = DecodeStateFile(EncodeStateFile(state));
  if (!decoded) Fail("the state file of an accepted spawn does not decode: " + decoded.error());
  if (decoded->workers_size() != 1) Fail("the state file of one spawn has another count");
  v1::SupervisedWorker& entry = *decoded->mutable_workers(0);
  if (entry.worker_id() != supervised.id || entry.restarts() != supervised.restarts) {
    Fail("a recorded worker comes back with another id or restart count");
  }
  auto again = ToSpawnSpec(entry.mutable_spawn(), limits);
  if (!again) Fail("an accepted spawn is refused on resurrection: " + again.error().message);
  if (!SameSpec(spec, *again)) Fail("an accepted spawn comes back changed from the state file");
}

void Spawn(uint64_t id, const v1::SpawnRequest& request) {
  // The daemon's default limits, and small ones that inputs this size reach.
  const BundleLimits kLimits[] = {BundleLimits{}, BundleLimits{.max_bytes = 64, .max_files = 3}};
  for (const BundleLimits& limits : kLimits) {
    v1::SpawnRequest copy = request;  // ToSpawnSpec moves the bundle out
    auto spec = ToSpawnSpec(&copy, limits);
    if (!spec) {
      CheckErrorReply(id, spec.error());
      continue;
    }
    CheckResurrects(*spec, limits);
  }
}

void SetLimits(uint64_t id, const v1::SetLimitsRequest& request) {
  auto limits = CheckedLimits(request.limits());
  if (!limits) return CheckErrorReply(id, limits.error());
  v1::Limits shown;
  ToProto(*limits, &shown);
  auto again = CheckedLimits(shown);
  if (!again || !SameLimits(*limits, *again)) Fail("accepted limits do not read back the same");
}

void SegmentName(uint64_t id, const std::string& name) {
  if (auto ok = runtime::SegmentRegistry::ValidateQualifiedName(name); !ok) {
    CheckErrorReply(id, ok.error());
  }
}

void Terminate(uint64_t id, const v1::TerminateRequest& request) {
  if (auto ok = runtime::CheckGracePeriod(request.grace_ms()); !ok) {
    CheckErrorReply(id, ok.error());
  }
}

void Post(uint64_t id, const v1::PostRequest& request) {
  if (auto ok = runtime::CheckControlJson(request.json()); !ok) {
    CheckErrorReply(id, ok.error());
  }
}

void Handle(const v1::Request& request) {
  uint64_t id = request.id();
  switch (request.body_case()) {
    case v1::Request::kSpawn:
      return Spawn(id, request.spawn());
    case v1::Request::kSetLimits:
      return SetLimits(id, request.set_limits());
    case v1::Request::kTerminate:
      return Terminate(id, request.terminate());
    case v1::Request::kPost:
      return Post(id, request.post());
    case v1::Request::kShmCreate:
      return SegmentName(id, request.shm_create().name());
    case v1::Request::kShmDelete:
      return SegmentName(id, request.shm_delete().name());
    case v1::Request::kShmRead:
      return SegmentName(id, request.shm_read().name());
    case v1::Request::kShmWrite:
      return SegmentName(id, request.shm_write().name());
    default:
      // The rest carry nothing the daemon checks without a runtime.
      return;
  }
}

}  // namespace
}  // namespace islet::daemon

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // protobuf logs every string field with invalid UTF-8 it refuses to
  // parse, which is most mutated inputs: that would bury the fuzzer's own
  // output.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  islet::v1::Request request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  islet::daemon::Handle(request);
  return 0;
}
