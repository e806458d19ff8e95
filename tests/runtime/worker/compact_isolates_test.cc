// Isolates whose bootstrap garbage was collected before the worker runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/common/wait.h"
#include "tests/runtime/run_script.h"
#include "tests/runtime/shared_runtime.h"

namespace islet::runtime {
namespace {

using ::testing::HasSubstr;
using testing::RunJs;
using ::testing::StartsWith;

// compact_isolates_above (for isolates prepared by running the bootstrap,
// so without the environment snapshot): the isolate a worker gets has had
// its bootstrap garbage collected, whether it came from the warm pool or was prepared on
// the spot, and workers behave the same on it.
TEST(CompactIsolatesTest, WorkersStartOnACompactedHeapAndBehaveTheSame) {
  const std::string source = R"(
    const { Worker } = require('worker_threads');
    const used = process.memoryUsage().heapUsed;
    const w = new Worker(`
      const { parentPort } = require('worker_threads');
      parentPort.on('message', (m) => { parentPort.postMessage({ echo: m, n: m.n + 1 }); });
    `, { eval: true });
    w.postMessage({ n: 1 });
    w.on('message', (m) => {
      console.log(JSON.stringify(m));
      console.log(Math.round(used / 1024));
      w.terminate();
    });
  )";
  auto heap_kb = [](const std::string& out) { return std::stol(out.substr(out.find('\n') + 1)); };
  for (size_t warm : {size_t(0), size_t(2)}) {
    SCOPED_TRACE(warm);
    auto plain = Runtime::Create(RuntimeOptions{
        .warm_isolates = warm, .environment_snapshot = false, .compact_isolates_above = SIZE_MAX});
    auto compact = Runtime::Create(RuntimeOptions{
        .warm_isolates = warm, .environment_snapshot = false, .compact_isolates_above = 0});
    ASSERT_TRUE(plain.has_value() && compact.has_value());
    // Both pools full, so the first isolates come from them.
    ASSERT_TRUE(islet::testing::WaitUntil([&] {
      return (*plain)->Stats().warm_isolates_ready == warm &&
             (*compact)->Stats().warm_isolates_ready == warm;
    }));
    auto a = RunJs(**plain, source);
    auto b = RunJs(**compact, source);
    ASSERT_EQ(a.exit.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit.exit_code, 0) << b.err;
    const std::string reply = "{\"echo\":{\"n\":1},\"n\":2}\n";
    ASSERT_EQ(a.out.substr(0, reply.size()), reply);
    ASSERT_EQ(b.out.substr(0, reply.size()), reply);
    // Bootstrap leaves garbage (120 KB or more: see OnlyOnceEnoughWorkersAreAlive);
    // compacted, it is gone.
    EXPECT_LT(heap_kb(b.out), heap_kb(a.out) - 64) << a.out << b.out;
  }
}

// The threshold counts live workers: isolates prepared while fewer are alive
// keep their bootstrap garbage (faster to prepare), later ones do not.
TEST(CompactIsolatesTest, OnlyOnceEnoughWorkersAreAlive) {
  auto runtime = Runtime::Create(RuntimeOptions{
      .warm_isolates = 0, .environment_snapshot = false, .compact_isolates_above = 4});
  ASSERT_TRUE(runtime.has_value());
  auto r = RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    const code = `require('worker_threads').parentPort.postMessage(
        process.memoryUsage().heapUsed); setInterval(() => {}, 1000);`;
    const used = [];
    const workers = [];
    (function next() {
      const w = new Worker(code, { eval: true });  // live workers: root + those before
      workers.push(w);
      w.once('message', (heap) => {
        used.push(heap);
        if (used.length < 5) return next();
        // The 1st and 2nd were prepared with 2 and 3 alive, the 4th and 5th with 5 and 6.
        // Compaction frees the bootstrap's garbage: 340 KB in a fresh
        // daemon, 120 KB here after the tests before this one (why less is
        // not understood).
        const freed = 64 * 1024;
        console.log(used[3] < used[0] - freed, used[4] < used[1] - freed,
                    used[1] > used[0] - freed);
        workers.forEach((x) => x.terminate());
      });
    })();
  )");
  EXPECT_EQ(r.out, "true true true\n") << r.err;
}

}  // namespace
}  // namespace islet::runtime
