#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "proto/islet/v1/control.pb.h"
#include "runtime/base/error.h"
#include "runtime/base/mutex.h"

namespace islet::daemon {

// A file's content, shared by every job whose bundle has it.
using Blob = std::shared_ptr<const std::string>;

// The daemon's content-addressed store of bundle files (BlobQueryRequest in
// control.proto): each distinct content is held once, named by its SHA-256,
// however many jobs use it. A job holds its files' blobs while it runs
// (runtime::BundleFile::shared), so what a job uses is never evicted; the
// rest is a cache for the next upload. The store's bytes, in use or not,
// are bounded by `max_bytes` (--bundle-store-mb): adding past it evicts
// unused contents, least recently used first, and fails when what running
// jobs use leaves no room. Thread-safe.
class BundleStore {
 public:
  explicit BundleStore(size_t max_bytes);
  BundleStore(const BundleStore&) = delete;
  BundleStore& operator=(const BundleStore&) = delete;

  struct Stored {
    std::string digest;
    Blob blob;
  };
  // Stores `content` under the digest computed here (a client's claim is
  // never trusted) and returns it with the blob. RESOURCE_EXHAUSTED, naming
  // the flag, when it does not fit; INVALID_ARGUMENT, and nothing stored,
  // when `claimed` (a digest the client gave, if any) is not that digest.
  runtime::Result<Stored> Put(std::string content, std::string_view claimed = {});

  // The blob named `digest` (32 bytes), or null; a hit counts as a use for
  // eviction.
  Blob Find(std::string_view digest);

  // The indices of the digests the store lacks, ascending.
  std::vector<uint32_t> Missing(const google::protobuf::RepeatedPtrField<std::string>& digests);

  v1::BundleStoreInfo Info() const;
  size_t max_bytes() const { return max_bytes_; }

 private:
  struct Entry {
    Blob blob;
    std::list<std::string>::iterator lru;  // position in lru_
  };
  // Evicts unused contents, oldest use first, until `incoming` more bytes
  // fit; false if they cannot.
  bool MakeRoom(size_t incoming) REQUIRES(mu_);

  const size_t max_bytes_;
  mutable Mutex mu_;
  std::unordered_map<std::string, Entry> blobs_ GUARDED_BY(mu_);
  std::list<std::string> lru_ GUARDED_BY(mu_);  // digests, most recent first
  size_t bytes_ GUARDED_BY(mu_) = 0;
  uint64_t evicted_ GUARDED_BY(mu_) = 0;
  uint64_t uploaded_bytes_ GUARDED_BY(mu_) = 0;
  uint64_t duplicate_bytes_ GUARDED_BY(mu_) = 0;
};

}  // namespace islet::daemon
