#include "daemon/bundle_store.h"

#include "proto/digest.h"

namespace islet::daemon {

BundleStore::BundleStore(size_t max_bytes) : max_bytes_(max_bytes) {}

runtime::Result<BundleStore::Stored> BundleStore::Put(std::string content,
                                                      std::string_view claimed) {
  std::string digest = proto::Sha256(content);  // outside the lock: the costly part
  if (!claimed.empty() && claimed != digest) {
    return std::unexpected(runtime::Error{runtime::ErrorCode::kInvalidArgument,
                                          "its content does not match its digest"});
  }
  MutexLock lock(mu_);
  uploaded_bytes_ += content.size();
  if (auto it = blobs_.find(digest); it != blobs_.end()) {
    duplicate_bytes_ += content.size();
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return Stored{std::move(digest), it->second.blob};
  }
  if (!MakeRoom(content.size())) {
    return std::unexpected(
        runtime::Error{runtime::ErrorCode::kResourceExhausted,
                       "the daemon's bundle store is full: a " + std::to_string(content.size()) +
                           "-byte file does not fit beside the " + std::to_string(bytes_) +
                           " bytes running jobs use (isletd --bundle-store-mb " +
                           std::to_string(max_bytes_ >> 20) + ")"});
  }
  auto blob = std::make_shared<const std::string>(std::move(content));
  bytes_ += blob->size();
  lru_.push_front(digest);
  blobs_.emplace(digest, Entry{blob, lru_.begin()});
  return Stored{std::move(digest), std::move(blob)};
}

bool BundleStore::MakeRoom(size_t incoming) {
  if (incoming > max_bytes_) return false;
  // From the least recently used end; what a job still holds stays.
  for (auto it = lru_.end(); bytes_ + incoming > max_bytes_ && it != lru_.begin();) {
    --it;
    auto entry = blobs_.find(*it);
    // use_count() is exact here: only the store hands out copies (under
    // mu_), and a job can only drop the ones it has.
    if (entry->second.blob.use_count() > 1) continue;
    bytes_ -= entry->second.blob->size();
    ++evicted_;
    blobs_.erase(entry);
    it = lru_.erase(it);
  }
  return bytes_ + incoming <= max_bytes_;
}

Blob BundleStore::Find(std::string_view digest) {
  MutexLock lock(mu_);
  auto it = blobs_.find(std::string(digest));
  if (it == blobs_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.blob;
}

std::vector<uint32_t> BundleStore::Missing(
    const google::protobuf::RepeatedPtrField<std::string>& digests) {
  std::vector<uint32_t> missing;
  MutexLock lock(mu_);
  for (int i = 0; i < digests.size(); ++i) {
    auto it = blobs_.find(digests[i]);
    if (it == blobs_.end()) {
      missing.push_back(static_cast<uint32_t>(i));
    } else {
      // Asked for, so about to be used: the last to go.
      lru_.splice(lru_.begin(), lru_, it->second.lru);
    }
  }
  return missing;
}

v1::BundleStoreInfo BundleStore::Info() const {
  v1::BundleStoreInfo info;
  MutexLock lock(mu_);
  uint64_t in_use = 0;
  for (const auto& [digest, entry] : blobs_) {
    if (entry.blob.use_count() > 1) in_use += entry.blob->size();
  }
  info.set_blobs(blobs_.size());
  info.set_bytes(bytes_);
  info.set_max_bytes(max_bytes_);
  info.set_in_use_bytes(in_use);
  info.set_evicted_blobs(evicted_);
  info.set_uploaded_bytes(uploaded_bytes_);
  info.set_duplicate_bytes(duplicate_bytes_);
  return info;
}

}  // namespace islet::daemon
