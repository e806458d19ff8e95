#pragma once

#include "client/client.h"
#include "proto/islet/v1/control.pb.h"

namespace islet::client {

// Bundles up to this size go inline in the spawn: one round trip, and the
// daemon adds them to its store all the same.
inline constexpr size_t kInlineBundleBytes = 256u << 10;
// What one BlobPut frame carries at most (a bigger file goes alone).
inline constexpr size_t kBlobPutBatchBytes = 4u << 20;

struct UploadStats {
  size_t files = 0;     // contents in the bundle
  size_t uploaded = 0;  // of those, sent (the daemon lacked them)
  size_t uploaded_bytes = 0;
};

// Makes the bundle to spawn with from `bundle` (CollectBundle's: contents
// and digests) into `*out`: a small one as it is; otherwise asks the daemon
// which contents its bundle store lacks (BlobQuery), uploads those
// (BlobPut), and gives `*out` the bundle with digests instead of contents.
// A daemon without a store (UNIMPLEMENTED) gets the contents inline. `force`
// skips the inline shortcut (for a spawn that found contents missing from
// the store, evicted meanwhile, to try again).
Result<UploadStats> UploadBundle(Client& client, const v1::Bundle& bundle, v1::Bundle* out,
                                 bool force = false);

}  // namespace islet::client
