#pragma once

// Named shared-memory segments (require('islet').shared, `islet shm`). No V8.
//
// Backing: one POSIX shared-memory object per segment, created with
// shm_open("/<prefix><name>", O_CREAT | O_EXCL, 0600), so the bytes are at
// /dev/shm/<prefix><name> for any process of the daemon's user. The object is
// sized with posix_fallocate, so running out of /dev/shm is an error at
// creation rather than a SIGBUS later, and mapped once, MAP_SHARED.
//
// The prefix is "islet-<pid>-", or "islet-<pid>.<n>-" when that one is taken.
// A registry claims it when it creates its first segment, and owns it by
// holding flock() on /dev/shm/<prefix>.lock from then on: pids repeat across pid namespaces
// (containers, Bazel's sandbox) that share /dev/shm, and after a crash. The kernel drops the lock
// when its holder dies, so whatever the new owner finds under the prefix was
// left by a dead process and is removed. See docs/shm.md.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/base/error.h"
#include "runtime/base/mutex.h"

namespace islet::runtime {

// What `islet shm ls` shows of a segment.
struct SegmentInfo {
  std::string name;
  uint64_t size = 0;
  uint32_t attached_workers = 0;
  int64_t created_unix_ms = 0;
  uint64_t creator = 0;  // worker id; 0 = the control plane
  std::string path;      // e.g. /dev/shm/islet-1234-counter
};

struct SegmentRegistryOptions {
  uint64_t max_bytes = 1ull << 30;  // live mapped bytes, deleted-but-held included
  uint64_t max_segments = 1024;     // named segments
  std::string base;                 // prefixes are <base>- or <base>.<n>-; empty: islet-<pid>
};

// One segment's memory: a MAP_SHARED mapping of its shm object, unmapped when
// the last owner lets go. Owned by shared_ptr: by the registry while the name
// exists, and by every SharedArrayBuffer backing store made over it, so its
// memory stays valid after Delete. Thread-safe.
class Segment {
 public:
  Segment(const Segment&) = delete;
  Segment& operator=(const Segment&) = delete;
  ~Segment();

  const std::string& name() const { return name_; }
  const std::string& path() const { return path_; }
  uint64_t size() const { return size_; }
  // Page-aligned, valid for `size()` bytes while this Segment lives.
  void* data() const { return data_; }
  uint64_t creator() const { return creator_; }
  int64_t created_unix_ms() const { return created_unix_ms_; }

  // A worker opened this segment by name (Attach); it counts as attached
  // until it exits (Detach), however many buffers it made.
  void Attach(uint64_t worker);
  void Detach(uint64_t worker);
  uint32_t attached_workers() const;

  // One object the embedding layer keeps per segment, held weakly: while any
  // strong reference lives, every call returns it; otherwise `make` (run
  // under this segment's lock) makes a new one. The worker bindings keep
  // here the V8 backing store that every SharedArrayBuffer over the segment
  // shares, because V8 wakes an Atomics.wait only through the very store it
  // waits on. `make`'s object may own a reference to this Segment.
  std::shared_ptr<void> SharedHandle(const std::function<std::shared_ptr<void>()>& make);

  // Bounds-checked copies out of and into the segment. Aligned 4-byte words
  // are copied with one atomic access each (never torn against Atomics.*),
  // other bytes one by one. `length` 0 reads to the end.
  Result<std::string> Read(uint64_t offset, uint64_t length) const;
  Result<void> Write(uint64_t offset, std::string_view bytes);

 private:
  friend class SegmentRegistry;
  struct Accounting;
  Segment(std::string name, std::string path, uint64_t size, void* data, uint64_t creator,
          std::shared_ptr<Accounting> accounting);

  const std::string name_;
  const std::string path_;
  const uint64_t size_;
  void* const data_;
  const uint64_t creator_;
  const int64_t created_unix_ms_;
  const std::shared_ptr<Accounting> accounting_;  // outlives the registry if need be
  mutable Mutex mu_;
  std::set<uint64_t> holders_ GUARDED_BY(mu_);
  std::weak_ptr<void> handle_ GUARDED_BY(mu_);
};

// The daemon's named segments and their quotas. Owned by the Supervisor.
// Thread-safe; creating a segment holds the registry's lock while the object
// is allocated (posix_fallocate), so creations are serialized.
class SegmentRegistry {
 public:
  // Largest range one Read returns (control frames stay well under 16 MiB).
  static constexpr uint64_t kMaxReadBytes = 8u << 20;
  static constexpr size_t kMaxNameLength = 64;

  explicit SegmentRegistry(SegmentRegistryOptions options = {});
  // Unlinks every name still registered; mappings held elsewhere stay valid.
  ~SegmentRegistry();
  SegmentRegistry(const SegmentRegistry&) = delete;
  SegmentRegistry& operator=(const SegmentRegistry&) = delete;

  // A name as a worker gives it: 1 to 64 characters from [A-Za-z0-9._-],
  // not starting with '.'; INVALID_ARGUMENT naming the problem otherwise.
  static Result<void> ValidateName(std::string_view name);
  // A name in the registry: a daemon-wide NAME, or JOB:NAME, job JOB's
  // segment NAME (docs/shm.md, "Namespaces"). JOB is a job id, 1 to 2^64-1.
  static Result<void> ValidateQualifiedName(std::string_view name);
  // Job `job`'s segment `name` as the registry names it.
  static std::string JobScoped(uint64_t job, std::string_view name) {
    return std::to_string(job) + ":" + std::string(name);
  }

  struct Opened {
    std::shared_ptr<Segment> segment;
    bool created = false;
  };
  // Opens `name`, creating it (zero-filled, `creator` recorded) if it does
  // not exist. Errors: INVALID_ARGUMENT (bad name, size 0),
  // FAILED_PRECONDITION (exists with another size; the message names both),
  // RESOURCE_EXHAUSTED (a quota, or /dev/shm is full), UNAVAILABLE (no
  // prefix could be claimed), INTERNAL (a syscall).
  Result<Opened> Open(std::string_view name, uint64_t size, uint64_t creator);

  // Named segments, sorted by name.
  std::vector<SegmentInfo> List() const;
  Result<SegmentInfo> Get(std::string_view name) const;
  // Unlinks the name; holders keep their memory until they release it, and a
  // later Open of the name makes a new segment. NOT_FOUND if absent.
  Result<void> Delete(std::string_view name);
  Result<std::string> Read(std::string_view name, uint64_t offset, uint64_t length) const;
  Result<void> Write(std::string_view name, uint64_t offset, std::string_view bytes);

  // `worker` exited: it no longer counts as attached anywhere. (A deleted
  // segment is not listed, so its attachments do not matter.)
  void ReleaseWorker(uint64_t worker);

  // The claimed prefix, e.g. "islet-1234-"; empty before the first segment.
  std::string prefix() const;
  // Bytes mapped by segments alive now (named or deleted but still held).
  uint64_t live_bytes() const;
  const SegmentRegistryOptions& options() const { return options_; }

 private:
  // Takes the first free prefix for options_.base (see above).
  Result<void> ClaimPrefix() REQUIRES(mu_);
  // Unlinks what a dead owner left under prefix_.
  void RemoveStale() REQUIRES(mu_);
  Result<std::shared_ptr<Segment>> Find(std::string_view name) const REQUIRES(mu_);
  Result<std::shared_ptr<Segment>> Create(std::string_view name, uint64_t size, uint64_t creator)
      REQUIRES(mu_);

  const SegmentRegistryOptions options_;
  // Claimed once (under mu_), then constant, so read without it:
  std::string prefix_;
  std::string lock_path_;  // /dev/shm/<prefix_>.lock, flock()ed through lock_fd_
  int lock_fd_ = -1;
  const std::shared_ptr<Segment::Accounting> accounting_;
  mutable Mutex mu_;
  std::map<std::string, std::shared_ptr<Segment>, std::less<>> segments_ GUARDED_BY(mu_);
};

SegmentInfo Describe(const Segment& segment);

}  // namespace islet::runtime
