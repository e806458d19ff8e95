#include "client/bundle.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "proto/digest.h"
#include "tests/daemon/harness.h"

namespace islet::client {
namespace {

using testing::TempDir;

std::set<std::string> Names(const v1::Bundle& bundle) {
  std::set<std::string> names;
  for (const auto& file : bundle.files()) names.insert(file.name());
  return names;
}

std::string Canonical(const std::string& path) { return std::filesystem::canonical(path).string(); }

const v1::File* Find(const v1::Bundle& bundle, const std::string& name) {
  for (const auto& file : bundle.files()) {
    if (file.name() == name) return &file;
  }
  return nullptr;
}

// Issue 14: the project goes up whole, node_modules included, but for
// hidden names (.git, .env, node_modules/.bin); pnpm's .pnpm comes along.
TEST(BundleTest, CollectsEveryFileUnderTheRootButHiddenOnes) {
  TempDir dir;
  dir.Write("app/package.json", "{}");
  dir.Write("app/main.js", "require('./lib/a')");
  dir.Write("app/lib/a.js", "module.exports = 1");
  dir.Write("app/lib/b.mjs", "export default 2");
  dir.Write("app/data.json", "{}");
  dir.Write("app/README.md", "docs");
  dir.Write("app/image.png", "binary");
  dir.Write("app/node_modules/dep/index.js", "module.exports = 'dep'");
  dir.Write("app/node_modules/.pnpm/x@1/node_modules/x/index.js", "pnpm's store");
  dir.Write("app/node_modules/.bin/tool", "skipped");
  dir.Write("app/node_modules/.package-lock.json", "skipped");
  dir.Write("app/.git/hooks/x.js", "skipped");
  dir.Write("app/.env", "SECRET=1");
  dir.Write("app/lib/.cache/y.js", "skipped");
  dir.Write("outside.js", "skipped: above the root");

  auto bundle = CollectBundle(dir.Join("app/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->main(), "main.js");
  EXPECT_EQ(bundle->root(), Canonical(dir.Join("app")));
  EXPECT_EQ(Names(*bundle),
            (std::set<std::string>{"package.json", "main.js", "lib/a.js", "lib/b.mjs", "data.json",
                                   "README.md", "image.png", "node_modules/dep/index.js",
                                   "node_modules/.pnpm/x@1/node_modules/x/index.js"}));
  const v1::File* a = Find(*bundle, "lib/a.js");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->content(), "module.exports = 1");
}

// With no package.json, FILE's directory is the root, and it may be /tmp or
// $HOME: only files a script can load go up, and links out are skipped.
TEST(BundleTest, WithoutAPackageJsonOnlyScriptsGoUp) {
  TempDir dir;
  dir.Write("elsewhere/x.js", "");
  dir.Write("loose/main.js", "");
  dir.Write("loose/lib/a.cjs", "");
  dir.Write("loose/data.json", "{}");
  dir.Write("loose/photo.jpg", "big");
  dir.Write("loose/node_modules/dep/index.js", "");
  std::filesystem::create_symlink(dir.Join("elsewhere"), dir.Join("loose/out"));
  auto bundle = CollectBundle(dir.Join("loose/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(Names(*bundle), (std::set<std::string>{"main.js", "lib/a.cjs", "data.json",
                                                   "node_modules/dep/index.js"}));
}

// Each content is named by its SHA-256, as the daemon's store names it.
TEST(BundleTest, FilesCarryTheirSha256) {
  TempDir dir;
  dir.Write("main.js", "abc");
  auto bundle = CollectBundle(dir.Join("main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  ASSERT_EQ(bundle->files_size(), 1);
  EXPECT_EQ(proto::HexDigest(bundle->files(0).digest()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(BundleTest, RootIsTheNearestDirectoryWithAPackageJson) {
  TempDir dir;
  dir.Write("proj/package.json", "{\"name\": \"proj\"}");
  dir.Write("proj/node_modules/dep/index.js", "");
  dir.Write("proj/src/cli/main.js", "");
  auto bundle = CollectBundle(dir.Join("proj/src/cli/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->root(), Canonical(dir.Join("proj")));
  EXPECT_EQ(bundle->main(), "src/cli/main.js");
  EXPECT_NE(Find(*bundle, "node_modules/dep/index.js"), nullptr);
  EXPECT_NE(Find(*bundle, "package.json"), nullptr);
}

// A package of a workspace needs what the workspace hoisted and linked.
TEST(BundleTest, RootIsTheWorkspaceRootForAPackageOfOne) {
  TempDir dir;
  dir.Write("ws/package.json", "{\"private\": true, \"workspaces\": [\"packages/*\"]}");
  dir.Write("ws/packages/app/package.json", "{\"name\": \"app\"}");
  dir.Write("ws/packages/app/main.js", "");
  dir.Write("ws/node_modules/hoisted/index.js", "");
  auto bundle = CollectBundle(dir.Join("ws/packages/app/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->root(), Canonical(dir.Join("ws")));
  EXPECT_EQ(bundle->main(), "packages/app/main.js");

  dir.Write("pn/pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
  dir.Write("pn/package.json", "{}");
  dir.Write("pn/packages/app/package.json", "{}");
  dir.Write("pn/packages/app/main.js", "");
  bundle = CollectBundle(dir.Join("pn/packages/app/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->root(), Canonical(dir.Join("pn")));

  // An ancestor's package.json without "workspaces" does not widen the root.
  dir.Write("plain/package.json", "{\"name\": \"outer\"}");
  dir.Write("plain/inner/package.json", "{\"name\": \"inner\"}");
  dir.Write("plain/inner/main.js", "");
  bundle = CollectBundle(dir.Join("plain/inner/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->root(), Canonical(dir.Join("plain/inner")));
}

TEST(BundleTest, RootCanBeGivenAndMustHoldTheMainFile) {
  TempDir dir;
  dir.Write("a/b/main.js", "");
  dir.Write("a/other.js", "");
  auto bundle = CollectBundle(dir.Join("a/b/main.js"), BundleOptions{.root = dir.Join("a")});
  ASSERT_TRUE(bundle) << bundle.error();
  EXPECT_EQ(bundle->main(), "b/main.js");
  EXPECT_NE(Find(*bundle, "other.js"), nullptr);
  auto outside = CollectBundle(dir.Join("a/other.js"), BundleOptions{.root = dir.Join("a/b")});
  ASSERT_FALSE(outside);
  EXPECT_NE(outside.error().find("is not under the root"), std::string::npos) << outside.error();
}

// Node resolves links to real paths: the bundle says where each one leads,
// and never follows one out of the project.
TEST(BundleTest, LinksInsideTheRootAreSentAsLinks) {
  TempDir dir;
  dir.Write("p/package.json", "{}");
  dir.Write("p/main.js", "");
  dir.Write("p/packages/lib/index.js", "module.exports = 1");
  dir.Write("p/node_modules/.gitkeep", "");
  std::filesystem::create_symlink("../packages/lib", dir.Join("p/node_modules/lib"));
  std::filesystem::create_symlink("packages/lib/index.js", dir.Join("p/alias.js"));
  std::filesystem::create_symlink("nowhere", dir.Join("p/dangling.js"));
  auto bundle = CollectBundle(dir.Join("p/main.js"));
  ASSERT_TRUE(bundle) << bundle.error();
  const v1::File* lib = Find(*bundle, "node_modules/lib");
  ASSERT_NE(lib, nullptr);
  EXPECT_EQ(lib->link_target(), "packages/lib");
  EXPECT_TRUE(lib->content().empty());
  const v1::File* alias = Find(*bundle, "alias.js");
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->link_target(), "packages/lib/index.js");
  EXPECT_EQ(Find(*bundle, "dangling.js"), nullptr);
  // Files behind a directory link are sent once, where they really are.
  EXPECT_EQ(Find(*bundle, "node_modules/lib/index.js"), nullptr);
}

TEST(BundleTest, ALinkOutOfTheRootIsRefused) {
  TempDir dir;
  dir.Write("p/package.json", "{}");
  dir.Write("p/main.js", "");
  dir.Write("elsewhere/pkg/index.js", "");
  std::filesystem::create_directories(dir.Join("p/node_modules"));
  std::filesystem::create_symlink(dir.Join("elsewhere/pkg"), dir.Join("p/node_modules/pkg"));
  auto bundle = CollectBundle(dir.Join("p/main.js"));
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("node_modules/pkg is a symbolic link to " +
                                Canonical(dir.Join("elsewhere/pkg")) +
                                ", outside the project root " + Canonical(dir.Join("p"))),
            std::string::npos)
      << bundle.error();
}

TEST(BundleTest, WorkingDirectoryInsideTheRootIsKept) {
  TempDir dir;
  dir.Write("p/package.json", "{}");
  dir.Write("p/sub/main.js", "");
  auto inside = CollectBundle(dir.Join("p/sub/main.js"), BundleOptions{.cwd = dir.Join("p/sub")});
  ASSERT_TRUE(inside) << inside.error();
  EXPECT_EQ(inside->cwd(), Canonical(dir.Join("p/sub")));
  auto outside = CollectBundle(dir.Join("p/sub/main.js"), BundleOptions{.cwd = dir.path()});
  ASSERT_TRUE(outside) << outside.error();
  EXPECT_EQ(outside->cwd(), "");  // the root
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
  auto bundle = CollectBundle(dir.Join("main.js"), BundleOptions{.limits = {5, 1u << 20}});
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("too many files"), std::string::npos) << bundle.error();
  EXPECT_NE(bundle.error().find("more than 5 "), std::string::npos) << bundle.error();
  EXPECT_TRUE(CollectBundle(dir.Join("main.js"), BundleOptions{.limits = {6, 1u << 20}}));
}

TEST(BundleTest, TooLarge) {
  TempDir dir;
  dir.Write("main.js", std::string(600, 'a'));
  dir.Write("big.json", std::string(600, 'b'));
  auto bundle = CollectBundle(dir.Join("main.js"), BundleOptions{.limits = {1000, 1000}});
  ASSERT_FALSE(bundle);
  EXPECT_NE(bundle.error().find("bundle too large"), std::string::npos) << bundle.error();
  EXPECT_NE(bundle.error().find("limit 1000 bytes"), std::string::npos) << bundle.error();
  EXPECT_TRUE(CollectBundle(dir.Join("main.js"), BundleOptions{.limits = {1000, 1200}}));
}

// The client's own bounds are generous: the daemon's limits decide.
TEST(BundleTest, DefaultLimitsAre200000FilesAnd4GiB) {
  BundleLimits limits;
  EXPECT_EQ(limits.max_files, 200000u);
  EXPECT_EQ(limits.max_bytes, size_t{4} << 30);
}

}  // namespace
}  // namespace islet::client
