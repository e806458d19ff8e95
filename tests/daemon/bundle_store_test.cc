// The daemon's bundle store (issue 14): contents by SHA-256, once, bounded.
#include "daemon/bundle_store.h"

#include <gtest/gtest.h>

#include "daemon/convert.h"
#include "proto/digest.h"

namespace islet::daemon {
namespace {

google::protobuf::RepeatedPtrField<std::string> Digests(std::initializer_list<std::string> of) {
  google::protobuf::RepeatedPtrField<std::string> out;
  for (const std::string& content : of) out.Add(proto::Sha256(content));
  return out;
}

TEST(BundleStoreTest, KeepsEachContentOnceUnderTheDigestItComputes) {
  BundleStore store(1 << 20);
  auto a = store.Put("console.log(1)");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->digest, proto::Sha256("console.log(1)"));
  auto again = store.Put("console.log(1)");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->blob.get(), a->blob.get());  // the same memory
  EXPECT_EQ(store.Find(a->digest).get(), a->blob.get());
  EXPECT_EQ(store.Find(proto::Sha256("other")), nullptr);
  v1::BundleStoreInfo info = store.Info();
  EXPECT_EQ(info.blobs(), 1u);
  EXPECT_EQ(info.bytes(), 14u);
  EXPECT_EQ(info.uploaded_bytes(), 28u);
  EXPECT_EQ(info.duplicate_bytes(), 14u);
  EXPECT_EQ(info.in_use_bytes(), 14u);  // a, again: held here
}

TEST(BundleStoreTest, MissingNamesTheIndicesItLacks) {
  BundleStore store(1 << 20);
  ASSERT_TRUE(store.Put("b"));
  auto missing = store.Missing(Digests({"a", "b", "c"}));
  EXPECT_EQ(missing, (std::vector<uint32_t>{0, 2}));
}

TEST(BundleStoreTest, EvictsUnusedContentsLeastRecentlyUsedFirst) {
  BundleStore store(30);
  ASSERT_TRUE(store.Put(std::string(10, 'a')));
  ASSERT_TRUE(store.Put(std::string(10, 'b')));
  ASSERT_TRUE(store.Put(std::string(10, 'c')));
  ASSERT_NE(store.Find(proto::Sha256(std::string(10, 'a'))), nullptr);  // a is used again
  ASSERT_TRUE(store.Put(std::string(10, 'd')));                         // b goes
  EXPECT_EQ(store.Find(proto::Sha256(std::string(10, 'b'))), nullptr);
  EXPECT_NE(store.Find(proto::Sha256(std::string(10, 'a'))), nullptr);
  EXPECT_NE(store.Find(proto::Sha256(std::string(10, 'c'))), nullptr);
  EXPECT_EQ(store.Info().evicted_blobs(), 1u);
  EXPECT_EQ(store.Info().bytes(), 30u);
}

TEST(BundleStoreTest, WhatAJobHoldsIsNeverEvicted) {
  BundleStore store(20);
  auto held = store.Put(std::string(10, 'a'));  // a running job's file
  ASSERT_TRUE(held);
  ASSERT_TRUE(store.Put(std::string(10, 'b')));  // unused
  auto c = store.Put(std::string(10, 'c'));      // evicts b, not a
  ASSERT_TRUE(c);
  EXPECT_NE(store.Find(held->digest), nullptr);
  EXPECT_EQ(store.Find(proto::Sha256(std::string(10, 'b'))), nullptr);
  // With a and c both held, nothing can make room.
  auto full = store.Put(std::string(10, 'd'));
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, runtime::ErrorCode::kResourceExhausted);
  EXPECT_NE(full.error().message.find("--bundle-store-mb"), std::string::npos)
      << full.error().message;
  // Once the job lets go, its content is the cache that makes room.
  held->blob.reset();
  c->blob.reset();
  EXPECT_TRUE(store.Put(std::string(10, 'd')));
}

TEST(BundleStoreTest, AContentBiggerThanTheStoreIsRefused) {
  BundleStore store(8);
  auto big = store.Put(std::string(9, 'x'));
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, runtime::ErrorCode::kResourceExhausted);
}

v1::SpawnRequest Spawn() {
  v1::SpawnRequest request;
  request.mutable_bundle()->set_main("main.js");
  request.mutable_bundle()->set_root("/p");
  return request;
}

// A spawn names its files by digest; the store gives their contents.
TEST(BundleStoreTest, SpawnsTakeContentsFromTheStore) {
  BundleStore store(1 << 20);
  ASSERT_TRUE(store.Put("require('lib')"));
  v1::SpawnRequest request = Spawn();
  auto* main = request.mutable_bundle()->add_files();
  main->set_name("main.js");
  main->set_digest(proto::Sha256("require('lib')"));
  auto* link = request.mutable_bundle()->add_files();
  link->set_name("node_modules/lib");
  link->set_link_target("packages/lib");
  auto* inline_file = request.mutable_bundle()->add_files();
  inline_file->set_name("packages/lib/index.js");
  inline_file->set_content("module.exports = 1");
  auto spec = ToSpawnSpec(&request, BundleLimits{}, &store);
  ASSERT_TRUE(spec) << spec.error().message;
  ASSERT_EQ(spec->files.size(), 3u);
  EXPECT_EQ(*spec->files[0].shared, "require('lib')");
  EXPECT_EQ(spec->files[1].link_target, "packages/lib");
  ASSERT_NE(spec->files[2].shared, nullptr);  // inline contents join the store too
  EXPECT_EQ(*spec->files[2].shared, "module.exports = 1");
  EXPECT_NE(store.Find(proto::Sha256("module.exports = 1")), nullptr);
}

TEST(BundleStoreTest, ASpawnNamingAContentTheStoreLacksFailsWithFailedPrecondition) {
  BundleStore store(1 << 20);
  v1::SpawnRequest request = Spawn();
  auto* main = request.mutable_bundle()->add_files();
  main->set_name("main.js");
  main->set_digest(proto::Sha256("never uploaded"));
  auto spec = ToSpawnSpec(&request, BundleLimits{}, &store);
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().code, runtime::ErrorCode::kFailedPrecondition);
  EXPECT_NE(spec.error().message.find("1 bundle file is not in the daemon's bundle store"),
            std::string::npos)
      << spec.error().message;
}

// A client cannot plant content under another content's name: the store
// names what it is given by its own hash, and a content sent with a digest
// that does not match is refused.
TEST(BundleStoreTest, AContentCannotBePlantedUnderAnotherDigest) {
  BundleStore store(1 << 20);
  v1::SpawnRequest request = Spawn();
  auto* main = request.mutable_bundle()->add_files();
  main->set_name("main.js");
  main->set_content("evil()");
  main->set_digest(proto::Sha256("module.exports = require('lodash')"));
  auto spec = ToSpawnSpec(&request, BundleLimits{}, &store);
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().code, runtime::ErrorCode::kInvalidArgument);
  EXPECT_NE(spec.error().message.find("does not match its digest"), std::string::npos);
  EXPECT_EQ(store.Find(proto::Sha256("module.exports = require('lodash')")), nullptr);
}

TEST(BundleStoreTest, TheBundleLimitCountsStoredContents) {
  BundleStore store(1 << 20);
  ASSERT_TRUE(store.Put(std::string(600, 'a')));
  ASSERT_TRUE(store.Put(std::string(600, 'b')));
  v1::SpawnRequest request = Spawn();
  for (auto [name, c] : {std::pair{"main.js", 'a'}, {"b.js", 'b'}}) {
    auto* file = request.mutable_bundle()->add_files();
    file->set_name(name);
    file->set_digest(proto::Sha256(std::string(600, c)));
  }
  auto spec = ToSpawnSpec(&request, BundleLimits{.max_bytes = 1000}, &store);
  ASSERT_FALSE(spec);
  EXPECT_NE(spec.error().message.find("bundle too large: 1200 bytes (limit 1000 bytes: isletd "
                                      "--max-bundle-bytes)"),
            std::string::npos)
      << spec.error().message;
}

TEST(BundleStoreTest, BadDigestsAndLinksAreRefused) {
  v1::SpawnRequest request = Spawn();
  auto* main = request.mutable_bundle()->add_files();
  main->set_name("main.js");
  main->set_digest("short");
  auto ok = ValidateBundle(request.bundle(), BundleLimits{});
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message.find("not a SHA-256's 32"), std::string::npos);
  main->clear_digest();
  auto* link = request.mutable_bundle()->add_files();
  link->set_name("node_modules/x");
  link->set_link_target("../../etc");
  ok = ValidateBundle(request.bundle(), BundleLimits{});
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message.find("bad target for bundle link 'node_modules/x'"),
            std::string::npos)
      << ok.error().message;
}

}  // namespace
}  // namespace islet::daemon
