#include "client/bundle_upload.h"

#include <unordered_map>
#include <vector>

#include "client/bundle.h"
#include "proto/digest.h"

namespace islet::client {

namespace {

// A file's content is in the bundle, or, where the bundle has only its
// digest, that of an empty file.
bool Held(const v1::File& file) {
  static const std::string kEmpty = proto::Sha256("");
  return !file.content().empty() || file.digest() == kEmpty;
}

// A file's content: what the bundle holds, or else (the digest cache knew
// its digest) read now from the project, checked against that digest.
Result<std::string> ContentOf(const v1::Bundle& bundle, const v1::File& file) {
  if (Held(file)) return file.content();
  std::string path = bundle.root() == "/" ? "/" + file.name() : bundle.root() + "/" + file.name();
  auto content = ReadWholeFile(path);
  if (!content) return std::unexpected(Error{ErrorKind::kIo, content.error()});
  if (proto::Sha256(*content) != file.digest()) {
    return std::unexpected(
        Error{ErrorKind::kIo, path + " changed while islet was uploading the project; run again"});
  }
  return *std::move(content);
}

// `bundle` with every content in it, for a daemon without a store.
Result<void> Inline(const v1::Bundle& bundle, v1::Bundle* out) {
  *out = bundle;
  for (v1::File& file : *out->mutable_files()) {
    if (!file.link_target().empty() || !file.content().empty()) continue;
    auto content = ContentOf(bundle, file);
    if (!content) return std::unexpected(content.error());
    file.set_content(*std::move(content));
  }
  return {};
}

}  // namespace

Result<UploadStats> UploadBundle(Client& client, const v1::Bundle& bundle, v1::Bundle* out,
                                 bool force) {
  UploadStats stats;
  size_t total = 0;
  bool all_held = true;  // every content is in `bundle` (none left to read)
  for (const v1::File& file : bundle.files()) {
    if (file.link_target().empty()) {
      ++stats.files;
      total += file.content().size();
      all_held = all_held && Held(file);
    }
  }
  if (!force && all_held && total <= kInlineBundleBytes) {
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
      if (auto ok = Inline(bundle, out); !ok) return std::unexpected(ok.error());
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
    auto content = ContentOf(bundle, *by_digest[digests[index]]);
    if (!content) return std::unexpected(content.error());
    if (batch_bytes > 0 && batch_bytes + content->size() > kBlobPutBatchBytes) {
      if (auto ok = flush(); !ok) return std::unexpected(ok.error());
    }
    batch_bytes += content->size();
    ++stats.uploaded;
    stats.uploaded_bytes += content->size();
    put.mutable_blob_put()->add_blobs(*std::move(content));
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
