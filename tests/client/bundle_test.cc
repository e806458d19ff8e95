#include "client/bundle.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "tests/daemon/harness.h"

namespace islet::client {
namespace {

using testing::TempDir;

std::set<std::string> Names(const v1::Bundle& bundle) {
  std::set<std::string> names;
  for (const auto& file : bundle.files()) names.insert(file.name());
  return names;
}

TEST(BundleTest, CollectsModulesBesideAndBelowTheMainFile) {
  TempDir dir;
  dir.Write("app/main.js", "require('./lib/a')");
  dir.Write("app/lib/a.js", "module.exports = 1");
  dir.Write("app/lib/b.mjs", "export default 2");
  dir.Write("app/lib/deep/c.cjs", "");
  dir.Write("app/data.json", "{}");
  dir.Write("app/README.md", "not code");
  dir.Write("app/image.png", "binary");
  dir.Write("app/node_modules/dep/index.js", "skipped");
  dir.Write("app/.git/hooks/x.js", "skipped");
  dir.Write("app/lib/.cache/y.js", "skipped");
  dir.Write("outside.js", "skipped: above the main file");

  auto bundle = CollectBundle(dir.Join("app/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->main(), "main.js");
  EXPECT_EQ(bundle->root(), std::filesystem::canonical(dir.Join("app")).string());
  EXPECT_EQ(Names(*bundle), (std::set<std::string>{"main.js", "lib/a.js", "lib/b.mjs",
                                                   "lib/deep/c.cjs", "data.json"}));
  for (const auto& file : bundle->files()) {
    if (file.name() == "lib/a.js") {
      EXPECT_EQ(file.content(), "module.exports = 1");
    }
  }
}

TEST(BundleTest, MainFileWithAnyExtensionIsIncluded) {
  TempDir dir;
  dir.Write("script", "console.log(1)");
  auto bundle = CollectBundle(dir.Join("script"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->main(), "script");
  EXPECT_EQ(Names(*bundle), std::set<std::string>{"script"});
}

TEST(BundleTest, RelativePathIsResolved) {
  TempDir dir;
  dir.Write("x/m.js", "");
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  ASSERT_EQ(chdir(dir.path().c_str()), 0);
  auto bundle = CollectBundle("x/m.js");
  ASSERT_EQ(chdir(cwd), 0);
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->main(), "m.js");
  EXPECT_EQ(bundle->root(), std::filesystem::canonical(dir.Join("x")).string());
}

TEST(BundleTest, MissingFileIsAClearError) {
  TempDir dir;
  auto bundle = CollectBundle(dir.Join("nope.js"));
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("cannot open " + dir.Join("nope.js")), std::string::npos)
      << bundle.error();
}

TEST(BundleTest, DirectoryIsNotAFile) {
  TempDir dir;
  auto bundle = CollectBundle(dir.path());
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("is not a file"), std::string::npos) << bundle.error();
}

TEST(BundleTest, TooManyFiles) {
  TempDir dir;
  dir.Write("main.js", "");
  for (int i = 0; i < 5; ++i) dir.Write("m" + std::to_string(i) + ".js", "");
  auto bundle = CollectBundle(dir.Join("main.js"), BundleLimits{5, 1u << 20});
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("too many files"), std::string::npos) << bundle.error();
  EXPECT_NE(bundle.error().find("(limit 5)"), std::string::npos) << bundle.error();
  EXPECT_TRUE(CollectBundle(dir.Join("main.js"), BundleLimits{6, 1u << 20}));
}

TEST(BundleTest, TooLarge) {
  TempDir dir;
  dir.Write("main.js", std::string(600, 'a'));
  dir.Write("big.json", std::string(600, 'b'));
  auto bundle = CollectBundle(dir.Join("main.js"), BundleLimits{1000, 1000});
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("bundle too large"), std::string::npos) << bundle.error();
  EXPECT_NE(bundle.error().find("limit 1000 bytes"), std::string::npos) << bundle.error();
  EXPECT_TRUE(CollectBundle(dir.Join("main.js"), BundleLimits{1000, 1200}));
}

TEST(BundleTest, DefaultLimitsAre1000FilesAnd8MiB) {
  BundleLimits limits;
  EXPECT_EQ(limits.max_files, 1000u);
  EXPECT_EQ(limits.max_bytes, 8u << 20);
}

}  // namespace
}  // namespace islet::client
