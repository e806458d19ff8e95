// The process-wide code cache: what is kept, and that workers that consume
// it behave exactly as the first one did.

#include "runtime/worker/code_cache.h"

#include <gtest/gtest.h>

#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

TEST(CodeCacheTest, AnEntryMatchesOnlyItsSource) {
  CodeCache& cache = CodeCache::Get();
  const uint8_t bytes[] = {1, 2, 3};
  cache.Store("test:a", "source one", bytes, sizeof(bytes));
  ASSERT_NE(cache.Find("test:a", "source one"), nullptr);
  EXPECT_EQ(cache.Find("test:a", "source one")->data.size(), 3u);
  EXPECT_EQ(cache.Find("test:a", "source two"), nullptr);  // same name, other source
  EXPECT_EQ(cache.Find("test:b", "source one"), nullptr);
  // A new upload of the file replaces the entry.
  cache.Store("test:a", "source two", bytes, 1);
  EXPECT_EQ(cache.Find("test:a", "source one"), nullptr);
  ASSERT_NE(cache.Find("test:a", "source two"), nullptr);
  // Forgetting an entry that was replaced meanwhile leaves the new one.
  auto two = cache.Find("test:a", "source two");
  cache.Store("test:a", "source three", bytes, 2);
  cache.Forget("test:a", two);
  EXPECT_NE(cache.Find("test:a", "source three"), nullptr);
  cache.Forget("test:a", cache.Find("test:a", "source three"));
  EXPECT_EQ(cache.Find("test:a", "source three"), nullptr);
}

TEST(CodeCacheTest, WorkersRunTheSameFromACache) {
  auto runtime = Runtime::Create(RuntimeOptions{.warm_isolates = 0});
  ASSERT_TRUE(runtime);
  const std::string source = R"(
    const { Worker, isMainThread, parentPort } = require('worker_threads');
    function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    if (isMainThread) {
      const w = new Worker(__filename);
      w.on('message', (m) => console.log('child says', m, fib(10)));
    } else {
      parentPort.postMessage(fib(15));
    }
  )";
  auto first = testing::RunJs(**runtime, source);
  EXPECT_EQ(first.out, "child says 610 55\n") << first.err;
  // The first run left caches of the builtins and of main.js.
  EXPECT_EQ(CodeCache::Get().Find("node:internal/bootstrap", "not its source"), nullptr);
  EXPECT_NE(CodeCache::Get().Find("/test/main.js", source), nullptr);
  for (int i = 0; i < 3; ++i) {
    auto again = testing::RunJs(**runtime, source);
    EXPECT_EQ(again.out, first.out) << again.err;
    EXPECT_EQ(again.exit.exit_code, 0);
  }
  // A syntax error in a cached name's new source is still reported.
  auto broken = testing::RunJs(**runtime, "let x = ;");
  EXPECT_NE(broken.err.find("SyntaxError"), std::string::npos) << broken.err;
}

}  // namespace
}  // namespace islet::runtime
