// The client's digest cache (issue 14): a file's SHA-256 is read from the
// cache only while stat says the file is as it was when hashed.
#include "client/digest_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "client/bundle.h"
#include "proto/digest.h"
#include "tests/daemon/harness.h"

namespace islet::client {
namespace {

using testing::TempDir;

struct stat Stat(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
  return st;
}

TEST(DigestCacheTest, AnEntryHoldsWhileTheFileIsUnchanged) {
  TempDir dir;
  dir.Write("a.js", "one");
  std::string cache_file = dir.Join("cache/digests");
  {
    DigestCache cache(cache_file);
    EXPECT_EQ(cache.Find(dir.Join("a.js"), Stat(dir.Join("a.js"))), std::nullopt);
    cache.Record(dir.Join("a.js"), Stat(dir.Join("a.js")), proto::Sha256("one"));
    cache.Save();
  }
  DigestCache reloaded(cache_file);
  EXPECT_EQ(reloaded.Find(dir.Join("a.js"), Stat(dir.Join("a.js"))), proto::Sha256("one"));
  dir.Write("a.js", "two");  // rewritten: a new ctime (and mtime)
  EXPECT_EQ(reloaded.Find(dir.Join("a.js"), Stat(dir.Join("a.js"))), std::nullopt);
}

TEST(DigestCacheTest, ASecondCollectReadsOnlyChangedFiles) {
  TempDir dir;
  TempDir cache_home;
  setenv("XDG_CACHE_HOME", cache_home.path().c_str(), 1);
  dir.Write("p/package.json", "{}");
  dir.Write("p/main.js", "main");
  dir.Write("p/lib.js", "lib");
  BundleOptions options{.use_digest_cache = true};
  auto first = CollectBundle(dir.Join("p/main.js"), options);
  ASSERT_TRUE(first) << first.error();
  for (const auto& file : first->files()) EXPECT_FALSE(file.content().empty()) << file.name();
  dir.Write("p/lib.js", "lib changed");
  auto second = CollectBundle(dir.Join("p/main.js"), options);
  ASSERT_TRUE(second) << second.error();
  for (const auto& file : second->files()) {
    if (file.name() == "lib.js") {
      EXPECT_EQ(file.content(), "lib changed");
      EXPECT_EQ(file.digest(), proto::Sha256("lib changed"));
    } else {
      EXPECT_TRUE(file.content().empty()) << file.name() << ": read again";
      EXPECT_EQ(file.digest(), proto::Sha256(file.name() == "main.js" ? "main" : "{}"));
    }
  }
  // Without the cache every content is read.
  auto plain = CollectBundle(dir.Join("p/main.js"));
  ASSERT_TRUE(plain);
  for (const auto& file : plain->files()) EXPECT_FALSE(file.content().empty()) << file.name();
  unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace islet::client
