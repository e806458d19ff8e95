// The environment snapshot: made once a worker's first turn has filled the
// code cache, and the isolates made from it are whole, separate
// environments (their own random state, time origin, ids; nothing of the
// snapshot's bootstrap or of each other).

#include "runtime/worker/snapshot.h"

#include <gtest/gtest.h>

#include <set>

#include "runtime/engine/engine.h"
#include "runtime/worker/warm_pool.h"
#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

using testing::MakeSpec;
using testing::RunJs;

// One process, one snapshot: the steps depend on each other, so they are
// one test.
TEST(SnapshotTest, MadeAfterAFirstTurnAndEachIsolateFromItIsItsOwn) {
  Engine& engine = Engine::Get();
  // No worker has run: the code cache lacks the environment, no snapshot.
  EXPECT_EQ(EnvironmentSnapshot::Get(&engine), nullptr);
  {
    auto prepared = PrepareIsolate(&engine, ResourceLimits{}, nullptr);
    ASSERT_TRUE(prepared) << prepared.error().message;
    EXPECT_FALSE((*prepared)->from_snapshot);
    DisposePrepared(&engine, *std::move(prepared));
  }

  auto runtime = Runtime::Create(RuntimeOptions{.warm_isolates = 0});
  ASSERT_TRUE(runtime);
  auto first = RunJs(**runtime, MakeSpec("console.log('first')"));
  ASSERT_EQ(first.out, "first\n") << first.err;

  // The first turn flushed the code cache: the next preparation makes the
  // snapshot and uses it.
  const EnvironmentSnapshot* snapshot = EnvironmentSnapshot::Get(&engine);
  ASSERT_NE(snapshot, nullptr);
  EXPECT_GT(snapshot->blob()->raw_size, 0);
  EXPECT_EQ(EnvironmentSnapshot::Get(&engine), snapshot);  // made once
  {
    auto prepared = PrepareIsolate(&engine, ResourceLimits{}, nullptr);
    ASSERT_TRUE(prepared) << prepared.error().message;
    EXPECT_TRUE((*prepared)->from_snapshot);
    DisposePrepared(&engine, *std::move(prepared));
    // Unless asked not to (isletd --no-environment-snapshot).
    auto bootstrapped = PrepareIsolate(&engine, ResourceLimits{}, nullptr, {.snapshot = false});
    ASSERT_TRUE(bootstrapped) << bootstrapped.error().message;
    EXPECT_FALSE((*bootstrapped)->from_snapshot);
    DisposePrepared(&engine, *std::move(bootstrapped));
  }

  // Workers made from it: a parent and two children, each reporting what
  // must be its own.
  const std::string source = R"(
    const { Worker, isMainThread, parentPort, threadId } = require('worker_threads');
    const report = () => ({
      random: Math.random(),
      threadId,
      sinceOrigin: Date.now() - performance.timeOrigin,
      argv: process.argv.length,
      globals: typeof globalThis.leaked,
    });
    if (isMainThread) {
      globalThis.leaked = 1;  // must not reach the children
      const seen = [report()];
      let pending = 2;
      for (let i = 0; i < 2; i++) {
        const w = new Worker(__filename);
        w.on('message', (r) => {
          seen.push(r);
          if (--pending === 0) {
            const randoms = new Set(seen.map((r) => r.random));
            const ids = new Set(seen.map((r) => r.threadId));
            console.log('distinct randoms', randoms.size, 'distinct ids', ids.size);
            console.log('origins recent', seen.every((r) => r.sinceOrigin >= 0 && r.sinceOrigin < 60000));
            console.log('children clean', seen.slice(1).every((r) => r.globals === 'undefined'));
            console.log('argv', seen.map((r) => r.argv).join(','));
          }
        });
      }
    } else {
      parentPort.postMessage(report());
    }
  )";
  std::set<std::string> outputs;
  for (int run = 0; run < 2; ++run) {
    auto result = RunJs(**runtime, MakeSpec(source));
    EXPECT_EQ(result.exit.exit_code, 0) << result.err;
    EXPECT_EQ(result.out,
              "distinct randoms 3 distinct ids 3\norigins recent true\nchildren clean true\n"
              "argv 2,2,2\n")
        << result.err;
  }
  // And two runs do not replay one random sequence.
  auto a = RunJs(**runtime, MakeSpec("console.log(Math.random())"));
  auto b = RunJs(**runtime, MakeSpec("console.log(Math.random())"));
  EXPECT_NE(a.out, b.out);

  // V8 gives every context it deserializes a fresh WebAssembly object: the
  // environment's wrapper that keeps a worker alive while a compile is
  // pending must still be there (it once was made by the bootstrap, and
  // lost).
  auto wasm = RunJs(**runtime, MakeSpec(R"(
    WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
        .then((m) => console.log('wasm', typeof m.instance.exports));
  )"));
  EXPECT_EQ(wasm.out, "wasm object\n") << wasm.err;
}

}  // namespace
}  // namespace islet::runtime
