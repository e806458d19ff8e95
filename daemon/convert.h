#pragma once

#include <cstddef>
#include <expected>

#include "proto/islet/v1/control.pb.h"
#include "runtime/runtime.h"

// Translation between the wire contract (islet.v1) and the runtime facade.
// Pure functions; any thread.
namespace islet::daemon {

class BundleStore;

struct BundleLimits {
  size_t max_bytes = 256u << 20;  // sum of file contents (--max-bundle-bytes)
  size_t max_files = 50000;       // files and links (--max-bundle-files)
};

// Checks a bundle at the daemon boundary: a main file name that is one of the
// files, at least one file, valid relative names, no duplicates, digests of
// 32 bytes, links without content, within limits (as far as the contents
// sent inline go: ToSpawnSpec counts the stored ones). The error
// (INVALID_ARGUMENT) names the problem, and the flag for a limit.
runtime::Result<void> ValidateBundle(const v1::Bundle& bundle, const BundleLimits& limits);
// "bundle too large: N bytes (limit ..., isletd --max-bundle-bytes)".
std::string TooLargeMessage(size_t total, const BundleLimits& limits);

runtime::WorkerLimits FromProto(const v1::Limits& limits);
// The limits, if every one is 0 (none) or a positive finite number; NaN,
// infinities and negatives are INVALID_ARGUMENT naming the field.
runtime::Result<runtime::WorkerLimits> CheckedLimits(const v1::Limits& limits);
void ToProto(const runtime::WorkerLimits& limits, v1::Limits* out);
// Zero fields take the defaults; INVALID_ARGUMENT for negative ones or an
// unknown mode.
runtime::Result<runtime::RestartPolicy> FromProto(const v1::RestartPolicy& policy);
void ToProto(const runtime::RestartPolicy& policy, v1::RestartPolicy* out);

// Validates, then moves the request's contents into a SpawnSpec. With a
// `store`, every content ends up shared through it: inline ones are added
// (RESOURCE_EXHAUSTED when the store is full), digests are looked up
// (FAILED_PRECONDITION naming how many it lacks: the client uploads them and
// tries again). Without one, digest-only files are FAILED_PRECONDITION.
runtime::Result<runtime::SpawnSpec> ToSpawnSpec(v1::SpawnRequest* request,
                                                const BundleLimits& limits,
                                                BundleStore* store = nullptr);

// Whether `name` is a valid bundle file name: relative, '/'-separated, no
// empty, "." or ".." component, no NUL.
bool IsValidBundleFileName(std::string_view name);

v1::Code ToProtoCode(runtime::ErrorCode code);
void SetStatus(const runtime::Error& error, v1::Response* response);

v1::WorkerState ToProto(runtime::WorkerState state);
void ToProto(const runtime::ExitInfo& exit, v1::ExitInfo* out);
void ToProto(const runtime::WorkerInfo& info, v1::WorkerInfo* out);
void ToProto(const runtime::ExecutorStats& stats, v1::ExecutorInfo* out);
void ToProto(const runtime::ShmSegmentInfo& info, v1::ShmSegment* out);
// A supervised worker as the state file keeps it (ToSpawnSpec reads it back).
void ToProto(const runtime::SupervisedSpec& supervised, v1::SupervisedWorker* out);

// Fills `response` for one streamed event: Response{event} for output and
// exit, Response{end_of_stream} for EndOfStream.
void ToProto(const runtime::WorkerEvent& event, v1::Response* response);

}  // namespace islet::daemon
