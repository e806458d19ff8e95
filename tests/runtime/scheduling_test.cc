// Actors on few threads: blocking compensation, terminate while blocked,
// platform tasks for idle actors, and teardown that frees everything.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

using testing::RunJs;

// Three workers block in Atomics.wait; only once all three have said so is
// the worker that wakes them spawned. With fewer executor threads than
// blocked workers this needs compensating threads, or nothing progresses.
constexpr char kCompensation[] = R"(
  const { Worker } = require('worker_threads');
  const sab = new SharedArrayBuffer(16);
  const a = new Int32Array(sab);
  let exited = 0, waiting = 0;
  const done = () => { if (++exited === 4) console.log('woken', a[1]); };
  for (let i = 0; i < 3; i++) {
    const w = new Worker(`
      const { parentPort, workerData } = require('worker_threads');
      const a = new Int32Array(workerData);
      parentPort.postMessage('waiting');
      Atomics.wait(a, 0, 0);
      Atomics.add(a, 1, 1);
    `, { eval: true, workerData: sab });
    w.on('exit', done);
    w.on('message', () => {
      if (++waiting < 3) return;
      new Worker(`
        const a = new Int32Array(require('worker_threads').workerData);
        Atomics.store(a, 0, 1);
        while (Atomics.load(a, 1) < 3) Atomics.notify(a, 0);
      `, { eval: true, workerData: sab }).on('exit', done);
    });
  }
)";

class SchedulingTest : public ::testing::TestWithParam<int> {};

TEST_P(SchedulingTest, BlockedWorkersGetCompensatingThreads) {
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam(),
                                                .max_blocked_threads = 8});
  ASSERT_TRUE(runtime.has_value());
  auto r = RunJs(**runtime, kCompensation);
  EXPECT_EQ(r.out, "woken 3\n") << r.err;
  EXPECT_EQ(r.exit.exit_code, 0);
}

TEST_P(SchedulingTest, TerminateWakesAWorkerBlockedInAtomicsWait) {
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam()});
  ASSERT_TRUE(runtime.has_value());
  auto r = RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    const w = new Worker(`
      const { parentPort } = require('worker_threads');
      const a = new Int32Array(new SharedArrayBuffer(4));
      parentPort.postMessage('waiting');
      Atomics.wait(a, 0, 0);
    `, { eval: true });
    w.once('message', async (m) => {
      console.log(m);
      console.log('terminated', await w.terminate());
    });
  )");
  EXPECT_EQ(r.out, "waiting\nterminated 1\n") << r.err;
}

TEST_P(SchedulingTest, PlatformTasksReachAnIdleWorker) {
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam()});
  ASSERT_TRUE(runtime.has_value());
  // Atomics.waitAsync resolves through a foreground task V8 posts to the
  // waiting isolate; WebAssembly compilation finishes through one too.
  auto r = RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    const sab = new SharedArrayBuffer(4);
    const a = new Int32Array(sab);
    const result = Atomics.waitAsync(a, 0, 0);
    result.value.then((v) => console.log('waitAsync', v));
    new Worker(`
      const a = new Int32Array(require('worker_threads').workerData);
      Atomics.store(a, 0, 1);
      Atomics.notify(a, 0);
    `, { eval: true, workerData: sab });
    WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
        .then((m) => console.log('wasm', typeof m.instance.exports));
  )");
  EXPECT_THAT(r.out, ::testing::HasSubstr("waitAsync ok\n"));
  EXPECT_THAT(r.out, ::testing::HasSubstr("wasm object\n"));
}

INSTANTIATE_TEST_SUITE_P(Threads, SchedulingTest, ::testing::Values(1, 2),
                         [](const auto& info) { return std::to_string(info.param) + "thread"; });

}  // namespace
}  // namespace islet::runtime
