#include "client/bundle_upload.h"

#include <unordered_map>
#include <vector>

namespace islet::client {

Result<UploadStats> UploadBundle(Client& client, const v1::Bundle& bundle, v1::Bundle* out,
                                 bool force) {
  UploadStats stats;
  size_t total = 0;
  for (const v1::File& file : bundle.files()) {
    if (file.link_target().empty()) {
      ++stats.files;
      total += file.content().size();
    }
  }
  if (!force && total <= kInlineBundleBytes) {
    *out = bundle;
    return stats;
  }

  // Distinct digests, each with a file that has that content.
  std::vector<std::string> digests;
  std::unordered_map<std::string, const v1::File*> by_digest;
  for (const v1::File& file : bundle.files()) {
    if (!file.link_target().empty() || file.digest().empty()) continue;
    if (by_digest.emplace(file.digest(), &file).second) digests.push_back(file.digest());
  }
  v1::Request query;
  for (const std::string& digest : digests) query.mutable_blob_query()->add_digests(digest);
  auto answer = client.Call(std::move(query));
  if (!answer) {
    // An older daemon, or one without a store: contents inline, as before.
    if (answer.error().kind == ErrorKind::kRemote && answer.error().code == v1::UNIMPLEMENTED) {
      *out = bundle;
      return stats;
    }
    return std::unexpected(answer.error());
  }

  v1::Request put;
  size_t batch_bytes = 0;
  auto flush = [&]() -> Result<void> {
    if (put.blob_put().blobs_size() == 0) return {};
    auto done = client.Call(std::move(put));
    put.Clear();
    batch_bytes = 0;
    if (!done) return std::unexpected(done.error());
    return {};
  };
  for (uint32_t index : answer->blob_query().missing()) {
    if (index >= digests.size()) {
      return std::unexpected(
          Error{ErrorKind::kProtocol, "the daemon named a bundle file it was not asked about"});
    }
    const std::string& content = by_digest[digests[index]]->content();
    if (batch_bytes > 0 && batch_bytes + content.size() > kBlobPutBatchBytes) {
      if (auto ok = flush(); !ok) return std::unexpected(ok.error());
    }
    put.mutable_blob_put()->add_blobs(content);
    batch_bytes += content.size();
    ++stats.uploaded;
    stats.uploaded_bytes += content.size();
  }
  if (auto ok = flush(); !ok) return std::unexpected(ok.error());

  out->Clear();
  out->set_main(bundle.main());
  out->set_root(bundle.root());
  out->set_cwd(bundle.cwd());
  out->mutable_files()->Reserve(bundle.files_size());
  for (const v1::File& file : bundle.files()) {
    v1::File* f = out->add_files();
    f->set_name(file.name());
    f->set_digest(file.digest());
    f->set_link_target(file.link_target());
  }
  return stats;
}

}  // namespace islet::client
