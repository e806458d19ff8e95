// Atomics across workers on named segments, through a real Runtime. The
// *Stress* tests (10 million integers through a ring) run only in the
// atomics_stress_test target (size large, tag stress).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <future>
#include <thread>

#include "tests/common/wait.h"
#include "tests/runtime/run_script.h"
#include "tests/runtime/shared_runtime.h"

namespace islet::runtime {
namespace {

using testing::MakeSpec;
using testing::RunJs;

int32_t Int32At(const std::string& bytes, size_t index) {
  int32_t v;
  std::memcpy(&v, bytes.data() + index * 4, 4);
  return v;
}

class AtomicsTest : public testing::SharedRuntimeTest {
 protected:
  void TearDown() override {
    auto list = runtime_->ShmList();  // (a temporary's *value would dangle in the loop)
    for (const auto& s : *list) (void)runtime_->ShmDelete(s.name);
  }
};

// Spawns `workers` copies of worker.js (given workerData `data`), prints
// what each posts, and when all have exited runs `after`.
std::string Launcher(int workers, const std::string& data, const std::string& after) {
  return R"js(
    const { Worker } = require('worker_threads');
    const { shared } = require('islet');
    const n = )js" +
         std::to_string(workers) + R"js(;
    let exited = 0;
    for (let i = 0; i < n; i++) {
      const w = new Worker(__dirname + '/worker.js', { workerData: )js" +
         data + R"js( });
      w.on('message', (m) => console.log(m));
      w.on('error', (e) => console.log('error', e));
      w.on('exit', () => { if (++exited === n) { )js" +
         after + R"js( } });
    }
  )js";
}

// barrier(array, index, n): returns once n workers have arrived, so they
// all run at once (a waiting worker lets its executor add a thread).
const char* kBarrier = R"js(
  function barrier(array, index, n) {
    Atomics.add(array, index, 1);
    for (let seen; (seen = Atomics.load(array, index)) < n;) Atomics.wait(array, index, seen, 1);
  }
)js";

TEST_F(AtomicsTest, EightWorkersAddAMillionEachExactly) {
  // Odd workers get the segment's buffer through workerData, even ones open
  // it by name: both are the same memory.
  std::string main =
      Launcher(8, "i % 2 ? shared('counter', 64) : null",
               "console.log(Atomics.load(new Int32Array(shared('counter', 64)), 0));");
  std::string worker = R"js(
    const { workerData } = require('worker_threads');
    const a = new Int32Array(workerData || require('islet').shared('counter', 64));
    )js" + std::string(kBarrier) +
                       R"js(
    barrier(a, 1, 8);
    for (let i = 0; i < 1000000; i++) Atomics.add(a, 0, 1);
  )js";
  auto r = RunJs(*runtime_, MakeSpec(main, {{"worker.js", worker}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "8000000\n");
  // The job's segment, JOB:counter to the control plane.
  std::string counter;
  auto list = runtime_->ShmList();  // (a temporary's *value would dangle in the loop)
  for (const auto& segment : *list) {
    if (segment.name.ends_with(":counter")) counter = segment.name;
  }
  ASSERT_FALSE(counter.empty());
  EXPECT_EQ(Int32At(*runtime_->ShmRead(counter, 0, 4), 0), 8000000);
}

TEST_F(AtomicsTest, WaitNotifyHandshake) {
  // Two workers take turns 10,000 times: a[0] says whose turn it is.
  std::string main = Launcher(2, "i", R"js(
    const a = new Int32Array(shared('turns', 16));
    console.log('rounds', a[1], 'turn', a[0]);
  )js");
  std::string worker = R"js(
    const { workerData: me } = require('worker_threads');
    const a = new Int32Array(require('islet').shared('turns', 16));
    const other = 1 - me;
    for (let i = 0; i < 10000; i++) {
      while (Atomics.load(a, 0) !== me) Atomics.wait(a, 0, other);
      if (me === 1) a[1]++;
      Atomics.store(a, 0, other);
      Atomics.notify(a, 0);
    }
  )js";
  auto r = RunJs(*runtime_, MakeSpec(main, {{"worker.js", worker}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "rounds 10000 turn 0\n");
}

TEST_F(AtomicsTest, MutexFromCompareExchangeProtectsAPlainCounter) {
  // Drepper's three-state futex mutex ("Futexes are tricky", mutex 2):
  // 0 free, 1 locked, 2 locked with waiters. The counter is read and written
  // with plain accesses: only the mutex keeps increments from being lost.
  std::string main = Launcher(4, "i", R"js(
    const c = new Int32Array(shared('locked', 64));
    console.log('count', c[4], 'lock', c[0]);
  )js");
  std::string worker = R"js(
    const m = new Int32Array(require('islet').shared('locked', 64));
    function lock() {
      let c = Atomics.compareExchange(m, 0, 0, 1);
      if (c === 0) return;
      do {
        if (c === 2 || Atomics.compareExchange(m, 0, 1, 2) !== 0) Atomics.wait(m, 0, 2);
      } while ((c = Atomics.compareExchange(m, 0, 0, 2)) !== 0);
    }
    function unlock() {
      if (Atomics.sub(m, 0, 1) !== 1) {
        Atomics.store(m, 0, 0);
        Atomics.notify(m, 0, 1);
      }
    }
    )js" + std::string(kBarrier) +
                       R"js(
    barrier(m, 8, 4);
    for (let i = 0; i < 50000; i++) {
      lock();
      const v = m[4];
      m[5] = v;          // widen the window a plain race would hit
      m[4] = m[5] + 1;
      unlock();
    }
  )js";
  auto r = RunJs(*runtime_, MakeSpec(main, {{"worker.js", worker}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "count 200000 lock 0\n");
}

// A single-producer single-consumer ring of `capacity` (a power of two) Int32
// slots in a named segment: ctl[0] head (consumer's), ctl[1] tail (producer's), ctl[2]/ctl[3]
// "consumer/producer is about to wait" flags, so a side notifies only when
// the other may sleep. The consumer checks every value is the next integer.
std::string RingMain(int count, int capacity) {
  return R"js(
    const { Worker } = require('worker_threads');
    const count = )js" +
         std::to_string(count) + R"js(, cap = )js" + std::to_string(capacity) + R"js(;
    const producer = new Worker(__dirname + '/ring.js', { workerData: { role: 'produce', count, cap } });
    const consumer = new Worker(__dirname + '/ring.js', { workerData: { role: 'consume', count, cap } });
    for (const w of [producer, consumer]) w.on('error', (e) => console.log('error', e));
    consumer.on('message', (m) => console.log(m));
  )js";
}

const char* kRing = R"js(
  const { workerData: { role, count, cap }, parentPort } = require('worker_threads');
  const CAP = cap, MASK = CAP - 1;
  const ctl = new Int32Array(require('islet').shared('ring-ctl', 64));
  const data = new Int32Array(require('islet').shared('ring-data', CAP * 4));
  const HEAD = 0, TAIL = 1, CWAIT = 2, PWAIT = 3;
  if (role === 'produce') {
    let tail = 0;
    while (tail < count) {
      let head = Atomics.load(ctl, HEAD);
      while (tail - head === CAP) {  // full: sleep until the consumer moves head
        Atomics.store(ctl, PWAIT, 1);
        if (Atomics.load(ctl, HEAD) === head) Atomics.wait(ctl, HEAD, head);
        Atomics.store(ctl, PWAIT, 0);
        head = Atomics.load(ctl, HEAD);
      }
      const n = Math.min(CAP - (tail - head), count - tail);
      for (let i = 0; i < n; i++) data[(tail + i) & MASK] = tail + i;
      tail += n;
      Atomics.store(ctl, TAIL, tail);
      if (Atomics.load(ctl, CWAIT)) Atomics.notify(ctl, TAIL);
    }
  } else {
    let head = 0, bad = -1, sum = 0;
    while (head < count) {
      let tail = Atomics.load(ctl, TAIL);
      while (tail === head) {  // empty: sleep until the producer moves tail
        Atomics.store(ctl, CWAIT, 1);
        if (Atomics.load(ctl, TAIL) === tail) Atomics.wait(ctl, TAIL, tail);
        Atomics.store(ctl, CWAIT, 0);
        tail = Atomics.load(ctl, TAIL);
      }
      for (; head < tail; head++) {
        const v = data[head & MASK];
        if (v !== head && bad < 0) bad = head;
        sum = (sum + v) % 1000000007;
      }
      Atomics.store(ctl, HEAD, head);
      if (Atomics.load(ctl, PWAIT)) Atomics.notify(ctl, HEAD);
    }
    parentPort.postMessage(bad < 0 ? 'received ' + head + ' in order, sum ' + sum
                                   : 'out of order at ' + bad);
  }
)js";

std::string RingExpectation(int64_t count) {
  int64_t sum = 0;
  for (int64_t i = 0; i < count; ++i) sum = (sum + i) % 1000000007;
  return "received " + std::to_string(count) + " in order, sum " + std::to_string(sum) + "\n";
}

TEST_F(AtomicsTest, RingBufferMovesAMillionIntegersInOrder) {
  auto r = RunJs(*runtime_, MakeSpec(RingMain(1000000, 4096), {{"ring.js", kRing}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, RingExpectation(1000000));
}

TEST_F(AtomicsTest, TinyRingMakesBothSidesWaitOften) {
  // 8 slots: producer and consumer sleep and wake each other all the time,
  // which is where a lost wake-up would hang.
  auto r = RunJs(*runtime_, MakeSpec(RingMain(100000, 8), {{"ring.js", kRing}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, RingExpectation(100000));
}

TEST_F(AtomicsTest, StressRingBufferMovesTenMillionIntegersInOrder) {
  auto r = RunJs(*runtime_, MakeSpec(RingMain(10000000, 4096), {{"ring.js", kRing}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, RingExpectation(10000000));
}

TEST_F(AtomicsTest, StressTinyRingMovesTwoMillionIntegersInOrder) {
  auto r = RunJs(*runtime_, MakeSpec(RingMain(2000000, 8), {{"ring.js", kRing}}));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, RingExpectation(2000000));
}

TEST_F(AtomicsTest, TerminatingAWorkerBlockedInAtomicsWaitIsPrompt) {
  // The root waits forever on a named segment; so does a child it spawned.
  std::string main = R"js(
    const { Worker } = require('worker_threads');
    const a = new Int32Array(require('islet').shared('forever', 16));
    const child = new Worker('const a = new Int32Array(require("islet").shared("forever", 16));' +
                             'Atomics.add(a, 1, 1); Atomics.wait(a, 0, 0);', { eval: true });
    child.on('online', () => {
      while (Atomics.load(a, 1) === 0) Atomics.wait(a, 1, 0, 5);
      Atomics.add(a, 1, 1);
      Atomics.wait(a, 0, 0);
    });
  )js";
  auto watch = testing::WorkerWatch::Create();
  auto spawned = runtime_->Spawn(MakeSpec(main), testing::WorkerWatch::SinkOf(watch));
  ASSERT_TRUE(spawned) << spawned.error().message;
  // Both wait once a[1] is 2 and the root reports blocked.
  ASSERT_TRUE(islet::testing::WaitUntil([&] {
    auto bytes = runtime_->ShmRead(std::to_string(spawned->job_id) + ":forever", 4, 4);
    auto info = runtime_->Inspect(spawned->worker_id);
    return bytes && Int32At(*bytes, 0) == 2 && info && info->state == WorkerState::kBlocked;
  })) << "the workers never blocked";
  auto start = std::chrono::steady_clock::now();
  auto done = std::make_shared<std::promise<void>>();
  ASSERT_TRUE(
      runtime_->Terminate(spawned->worker_id, [done](const ExitInfo&) { done->set_value(); }));
  ASSERT_EQ(done->get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  ASSERT_TRUE(watch->WaitForEnd());
  EXPECT_EQ(watch->exit()->reason, ExitReason::kTerminated);
  // The child ended with it; nothing holds the segment, which stays.
  ASSERT_TRUE(islet::testing::WaitUntil([&] {
    for (const auto& w : runtime_->List(false)) {
      if (w.job_id == spawned->job_id) return false;
    }
    return true;
  })) << "the child never exited";
  auto list = *runtime_->ShmList();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].attached_workers, 0u);
}

// V8 reports an Atomics.wait whose value did not match as a wait that
// started and ended at once (kStartWait, then kNotEqual). A worker that
// took the start alone for the whole wait stayed "blocked" for the rest of
// its turn, and kept V8's wake handle, which lives on V8's stack only until
// the wait returns, for the next terminate to poke.
TEST_F(AtomicsTest, AWaitThatFindsAnotherValueLeavesTheWorkerRunning) {
  std::string main = R"js(
    const a = new Int32Array(require('islet').shared('not-equal', 16));
    console.log(Atomics.wait(a, 0, 1, 10000));
    Atomics.store(a, 1, 1);
    for (;;) {}
  )js";
  auto watch = testing::WorkerWatch::Create();
  auto spawned = runtime_->Spawn(MakeSpec(main), testing::WorkerWatch::SinkOf(watch));
  ASSERT_TRUE(spawned) << spawned.error().message;
  ASSERT_TRUE(islet::testing::WaitUntil([&] {
    auto bytes = runtime_->ShmRead(std::to_string(spawned->job_id) + ":not-equal", 4, 4);
    return bytes && Int32At(*bytes, 0) == 1;
  })) << "the worker never got past its wait";
  auto info = runtime_->Inspect(spawned->worker_id);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->state, WorkerState::kRunning);
  ASSERT_TRUE(runtime_->Terminate(spawned->worker_id, nullptr));
  ASSERT_TRUE(watch->WaitForEnd());
  EXPECT_EQ(watch->exit()->reason, ExitReason::kTerminated);
}

}  // namespace
}  // namespace islet::runtime
