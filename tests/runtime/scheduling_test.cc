// Actors on few threads: blocking compensation, terminate while blocked,
// platform tasks for idle actors, and teardown that frees everything.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "tests/common/wait.h"
#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

using testing::MakeSpec;
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

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_P(SchedulingTest, BlockedWorkersGetCompensatingThreads) {
  auto runtime =
      Runtime::Create(RuntimeOptions{.executor_threads = GetParam(), .max_blocked_threads = 8});
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

// Children that compute without end in each place a turn can run JS: a
// timer, an immediate, a message listener, a microtask, and an endless chain
// of microtasks. There are more of them than executor threads, and their
// parent can still hear each say so and terminate every one.
constexpr char kTerminateSpinners[] = R"(
  const { Worker } = require('worker_threads');
  const kinds = {
    timer: `setTimeout(() => { parentPort.postMessage('spinning'); for (;;); }, 1);`,
    immediate: `setImmediate(() => { parentPort.postMessage('spinning'); for (;;); });`,
    message: `parentPort.on('message', () => { parentPort.postMessage('spinning'); for (;;); });`,
    microtask: `queueMicrotask(() => { parentPort.postMessage('spinning'); for (;;); });`,
    'microtask chain': `parentPort.postMessage('spinning');
                        (function f() { Promise.resolve().then(f); })();`,
  };
  const workers = [];
  let spinning = 0;
  for (const [kind, body] of Object.entries(kinds)) {
    for (let i = 0; i < 2; i++) {
      const w = new Worker(`const { parentPort } = require('worker_threads'); ${body}`,
                           { eval: true });
      workers.push([kind, w]);
      if (kind === 'message') w.postMessage('go');
      w.once('message', async () => {
        if (++spinning < workers.length) return;
        console.log('all', spinning, 'spinning');
        const codes = await Promise.all(workers.map(([, w]) => w.terminate()));
        console.log(workers.map(([kind], i) => `${kind} ${codes[i]}`).join(', '));
      });
    }
  }
)";

TEST_P(SchedulingTest, AParentTerminatesChildrenSpinningInEveryKindOfCallback) {
  auto runtime =
      Runtime::Create(RuntimeOptions{.executor_threads = GetParam(), .max_blocked_threads = 16});
  ASSERT_TRUE(runtime.has_value());
  auto r = RunJs(**runtime, kTerminateSpinners);
  EXPECT_EQ(r.out,
            "all 10 spinning\n"
            "timer 1, timer 1, immediate 1, immediate 1, message 1, message 1, "
            "microtask 1, microtask 1, microtask chain 1, microtask chain 1\n")
      << r.err;
  EXPECT_EQ(r.exit.exit_code, 0);
}

// Issue 14: a child made in a turn started only after that turn, so a
// parent that blocked at once for the child's answer (Atomics.wait on a
// flag, or polling receiveMessageOnPort: synchronous-call libraries) waited
// forever; in Node the child runs on its own thread from its constructor.
TEST_P(SchedulingTest, AParentBlockingForAChildItJustMadeGetsItsAnswer) {
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam()});
  ASSERT_TRUE(runtime.has_value());
  // The conformance case, whose output Node 20 gave, with 1 and 2 threads.
  const std::string cases = "tests/conformance/cases/";
  auto r = RunJs(**runtime, Slurp(cases + "wt_parent_blocks_for_new_worker.js"));
  EXPECT_EQ(r.out, Slurp(cases + "wt_parent_blocks_for_new_worker.stdout")) << r.err;
  EXPECT_FALSE(r.out.empty());
}

TEST_P(SchedulingTest, AWorkerTerminatedInTheTurnThatMadeItNeverRuns) {
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam()});
  ASSERT_TRUE(runtime.has_value());
  auto r = RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    const w = new Worker('console.log("ran");', { eval: true });
    w.on('exit', (code) => console.log('exit', code));
    w.terminate();
  )");
  EXPECT_EQ(r.out, "exit 0\n") << r.err;  // Node 20 prints the same
}

TEST_P(SchedulingTest, AnotherJobRunsWhileAJobSpinsOnMoreWorkersThanThreads) {
  auto runtime =
      Runtime::Create(RuntimeOptions{.executor_threads = GetParam(), .max_blocked_threads = 16});
  ASSERT_TRUE(runtime.has_value());
  // Job A: four workers computing without end, and a root that says so.
  std::promise<void> spinning;
  auto a = (*runtime)->Spawn(MakeSpec(R"(
    const { Worker } = require('worker_threads');
    let n = 0;
    for (let i = 0; i < 4; i++) {
      new Worker(`require('worker_threads').parentPort.postMessage(1); for (;;);`, { eval: true })
        .on('message', () => { if (++n === 4) console.log('spinning'); });
    }
  )"),
                             [&spinning](const WorkerEvent& event) {
                               auto* out = std::get_if<Output>(&event.body);
                               if (out != nullptr && out->data == "spinning\n")
                                 spinning.set_value();
                             });
  ASSERT_TRUE(a.has_value());
  ASSERT_EQ(spinning.get_future().wait_for(std::chrono::seconds(60)), std::future_status::ready);
  // Job B: a short script, with a timer and a worker of its own.
  auto b = RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    setTimeout(() => {
      new Worker(`require('worker_threads').parentPort.postMessage('pong')`, { eval: true })
        .once('message', (m) => console.log('b', m));
    }, 5);
  )");
  EXPECT_EQ(b.out, "b pong\n") << b.err;
  // Four long turns, once any passing one has ended (a first turn creating
  // an isolate can be long for a moment on a slow build, such as TSan's).
  int long_turns = 0;
  EXPECT_TRUE(islet::testing::WaitUntil([&] {
    long_turns = (*runtime)->Stats().executor.long_turns;
    return long_turns == 4;
  })) << long_turns
      << " long turns";
  std::promise<ExitInfo> ended;
  ASSERT_TRUE(
      (*runtime)->Terminate(a->worker_id, [&ended](const ExitInfo& e) { ended.set_value(e); }));
  auto f = ended.get_future();
  ASSERT_EQ(f.wait_for(std::chrono::seconds(60)), std::future_status::ready);
  EXPECT_EQ(f.get().reason, ExitReason::kTerminated);
}

TEST_P(SchedulingTest, InspectShowsALongTurn) {
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam()});
  ASSERT_TRUE(runtime.has_value());
  std::promise<void> spinning;
  auto a = (*runtime)->Spawn(MakeSpec("console.log('spinning'); for (;;);"),
                             [&spinning](const WorkerEvent& event) {
                               if (std::holds_alternative<Output>(event.body)) spinning.set_value();
                             });
  ASSERT_TRUE(a.has_value());
  ASSERT_EQ(spinning.get_future().wait_for(std::chrono::seconds(60)), std::future_status::ready);
  // Output is flushed from inside the turn, so the turn is under way now.
  WorkerInfo info;
  EXPECT_TRUE(islet::testing::WaitUntil(
      [&] {
        auto inspected = (*runtime)->Inspect(a->worker_id);
        if (inspected) info = *inspected;
        return inspected && info.long_turn;
      },
      std::chrono::seconds(60)));
  EXPECT_TRUE(info.long_turn);
  EXPECT_GE(info.turn_ms, 1.0);
  std::promise<void> ended;
  ASSERT_TRUE(
      (*runtime)->Terminate(a->worker_id, [&ended](const ExitInfo&) { ended.set_value(); }));
  ASSERT_EQ(ended.get_future().wait_for(std::chrono::seconds(60)), std::future_status::ready);
  auto after = (*runtime)->Inspect(a->worker_id);
  ASSERT_TRUE(after.has_value());
  EXPECT_FALSE(after->long_turn);
  EXPECT_EQ(after->turn_ms, 0);
}

TEST_P(SchedulingTest, InspectShowsTheHeapOfAWorkerThatWentIdleRightAfterAllocating) {
  // Heap readings are skipped within a millisecond of the last one; a worker
  // that allocates in such a turn and then goes idle must still show it.
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = GetParam()});
  ASSERT_TRUE(runtime.has_value());
  std::promise<void> done;
  auto root = (*runtime)->Spawn(MakeSpec(R"(
    const { Worker } = require('worker_threads');
    const w = new Worker(`
      const { parentPort } = require('worker_threads');
      let n = 0;
      parentPort.on('message', () => {
        // Hops take microseconds: this turn follows others within a millisecond.
        if (++n === 150) globalThis.big = new Array(4e6).fill(1.5);
        parentPort.postMessage(n);
      });
    `, { eval: true });
    w.on('message', (n) => { if (n < 200) w.postMessage(n); else console.log('done'); });
    w.postMessage(0);
  )"),
                                [&done](const WorkerEvent& event) {
                                  auto* out = std::get_if<Output>(&event.body);
                                  if (out != nullptr && out->data == "done\n") done.set_value();
                                });
  ASSERT_TRUE(root.has_value());
  ASSERT_EQ(done.get_future().wait_for(std::chrono::seconds(60)), std::future_status::ready);
  WorkerId child = 0;
  for (const WorkerInfo& w : (*runtime)->List(false)) {
    if (w.parent_id == root->worker_id) child = w.id;
  }
  ASSERT_NE(child, 0u);
  uint64_t heap = 0;
  bool inspected = true;
  islet::testing::WaitUntil([&] {
    auto info = (*runtime)->Inspect(child);
    inspected = info.has_value();
    if (inspected) heap = info->heap_used_bytes;
    return !inspected || heap > (30u << 20);
  });
  ASSERT_TRUE(inspected);
  EXPECT_GT(heap, 30u << 20) << "inspect kept a heap figure from before the allocation";
  std::promise<void> ended;
  ASSERT_TRUE(
      (*runtime)->Terminate(root->worker_id, [&ended](const ExitInfo&) { ended.set_value(); }));
  ASSERT_EQ(ended.get_future().wait_for(std::chrono::seconds(60)), std::future_status::ready);
}

INSTANTIATE_TEST_SUITE_P(Threads, SchedulingTest, ::testing::Values(1, 2),
                         [](const auto& info) { return std::to_string(info.param) + "thread"; });

}  // namespace
}  // namespace islet::runtime
