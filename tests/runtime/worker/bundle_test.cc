// A job's files as workers see them: names through symbolic links, the way
// a file system resolves them, inside the bundle only (issue 14).
#include <gtest/gtest.h>

#include "runtime/worker/worker_host.h"

namespace islet::runtime {
namespace {

Bundle MakeBundle() {
  Bundle bundle;
  bundle.root = "/p";
  auto add = [&](const std::string& name, const std::string& content) {
    bundle.files[name] = std::make_shared<const std::string>(content);
    for (size_t slash = name.find('/'); slash != std::string::npos;
         slash = name.find('/', slash + 1)) {
      bundle.directories.insert(name.substr(0, slash));
    }
  };
  bundle.directories.insert("");
  add("main.js", "main");
  add("packages/lib/index.js", "lib");
  add("packages/lib/package.json", "{}");
  add(".pnpm/dep@1/node_modules/dep/index.js", "dep");
  bundle.directories.insert("node_modules");
  bundle.links["node_modules/lib"] = "packages/lib";  // a workspace link
  bundle.links["packages/lib/node_modules/dep"] = ".pnpm/dep@1/node_modules/dep";
  bundle.directories.insert("packages/lib/node_modules");
  bundle.links["alias.js"] = "main.js";
  bundle.links["chain.js"] = "alias.js";
  bundle.links["loop"] = "loop2";
  bundle.links["loop2"] = "loop";
  return bundle;
}

TEST(BundleTest, RealPathResolvesEveryLinkOnTheWay) {
  Bundle bundle = MakeBundle();
  EXPECT_EQ(bundle.RealPath("main.js"), "main.js");
  EXPECT_EQ(bundle.RealPath("node_modules/lib"), "packages/lib");
  EXPECT_EQ(bundle.RealPath("node_modules/lib/index.js"), "packages/lib/index.js");
  // A link below a link's target.
  EXPECT_EQ(bundle.RealPath("node_modules/lib/node_modules/dep/index.js"),
            ".pnpm/dep@1/node_modules/dep/index.js");
  EXPECT_EQ(bundle.RealPath("chain.js"), "main.js");
  // '..' after a link goes up from where the link leads, as in a file system.
  EXPECT_EQ(bundle.RealPath("node_modules/lib/../lib/package.json"), "packages/lib/package.json");
  EXPECT_EQ(bundle.RealPath(""), "");
  EXPECT_EQ(bundle.RealPath("nope.js"), std::nullopt);
  EXPECT_EQ(bundle.RealPath("main.js/x"), std::nullopt);  // a file is no directory
  EXPECT_EQ(bundle.RealPath("loop/x"), std::nullopt);     // ELOOP, not a hang
}

TEST(BundleTest, KindAndReadGoThroughLinks) {
  Bundle bundle = MakeBundle();
  EXPECT_EQ(bundle.KindOf("main.js"), Bundle::Kind::kFile);
  EXPECT_EQ(bundle.KindOf("alias.js"), Bundle::Kind::kFile);
  EXPECT_EQ(bundle.KindOf("node_modules/lib"), Bundle::Kind::kDirectory);
  EXPECT_EQ(bundle.KindOf("packages"), Bundle::Kind::kDirectory);
  EXPECT_EQ(bundle.KindOf(""), Bundle::Kind::kDirectory);
  EXPECT_EQ(bundle.KindOf("node_modules/nope"), Bundle::Kind::kMissing);
  ASSERT_NE(bundle.Read("node_modules/lib/index.js"), nullptr);
  EXPECT_EQ(*bundle.Read("node_modules/lib/index.js"), "lib");
  EXPECT_EQ(*bundle.Read("chain.js"), "main");
  EXPECT_EQ(bundle.Read("node_modules/lib"), nullptr);  // a directory has no content
  EXPECT_EQ(bundle.Read("../etc/passwd"), nullptr);
}

}  // namespace
}  // namespace islet::runtime
