// A worker runs its script: console capture, exit codes, errors, timers,
// microtasks, modules. Each test runs real JS through a real Runtime.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <string>
#include <thread>

#include "tests/common/wait.h"
#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

using ::testing::HasSubstr;
using testing::RunJs;
using ::testing::StartsWith;

class WorkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_ = Runtime::Create(RuntimeOptions{.executor_threads = 2})->release();
  }
  static void TearDownTestSuite() {
    delete runtime_;
    runtime_ = nullptr;
  }
  static Runtime* runtime_;
};
Runtime* WorkerTest::runtime_ = nullptr;

TEST_F(WorkerTest, ConsoleGoesToStdoutAndStderrApart) {
  auto r = RunJs(*runtime_,
                 "console.log('hello', 42); console.error('oops'); console.warn('w');"
                 "console.info({a: 1});");
  EXPECT_EQ(r.out, "hello 42\n{ a: 1 }\n");
  EXPECT_EQ(r.err, "oops\nw\n");
  EXPECT_EQ(r.exit.exit_code, 0);
  EXPECT_EQ(r.exit.reason, ExitReason::kExited);
}

TEST_F(WorkerTest, ProcessExitEndsWithItsCode) {
  auto r = RunJs(*runtime_,
                 "process.on('exit', (c) => console.log('exit', c));"
                 "console.log('a'); process.exit(3); console.log('never');");
  EXPECT_EQ(r.out, "a\nexit 3\n");
  EXPECT_EQ(r.exit.exit_code, 3);
}

TEST_F(WorkerTest, ExitCodePropertyIsUsedAtNaturalEnd) {
  auto r = RunJs(*runtime_, "process.exitCode = 4; setTimeout(() => console.log('t'), 1);");
  EXPECT_EQ(r.out, "t\n");
  EXPECT_EQ(r.exit.exit_code, 4);
}

TEST_F(WorkerTest, UncaughtErrorPrintsLocationAndStack) {
  auto r = RunJs(*runtime_, "console.log('before');\nthrow new Error('boom');\n");
  EXPECT_EQ(r.out, "before\n");
  EXPECT_THAT(r.err, StartsWith("/test/main.js:2\nthrow new Error('boom');\n^\n\nError: boom\n"
                                "    at Object.<anonymous> (/test/main.js:2:7)"));
  EXPECT_EQ(r.exit.exit_code, 1);
  EXPECT_EQ(r.exit.reason, ExitReason::kError);
  EXPECT_EQ(r.exit.error_message, "Error: boom");
  EXPECT_THAT(r.exit.error_stack, HasSubstr("main.js:2:7"));
}

TEST_F(WorkerTest, SyntaxErrorPrintsLocation) {
  auto r = RunJs(*runtime_, "let x = 1;\nlet y = ;\n");
  EXPECT_THAT(r.err, StartsWith("/test/main.js:2\nlet y = ;\n        ^\n\nSyntaxError: Unexpected "
                                "token ';'"));
  EXPECT_EQ(r.exit.exit_code, 1);
}

TEST_F(WorkerTest, TimersFireInNodeOrder) {
  auto r = RunJs(*runtime_, R"(
    const order = [];
    setTimeout(() => order.push('t10'), 10);
    setTimeout(() => order.push('t1a'), 1);
    setTimeout(() => order.push('t1b'), 1);
    let ticks = 0;
    const i = setInterval(() => {
      if (++ticks === 3) {
        clearInterval(i);
        // Timers that come due together fire in the order they were set.
        setTimeout(() => { order.push('i' + ticks); console.log(order.join(',')); }, 40);
      }
    }, 2);
    const cleared = setTimeout(() => order.push('cleared'), 5);
    clearTimeout(cleared);
    process.nextTick(() => order.push('tick'));
    Promise.resolve().then(() => order.push('micro'));
    order.push('sync');
  )");
  EXPECT_EQ(r.out, "sync,tick,micro,t1a,t1b,t10,i3\n");
}

TEST_F(WorkerTest, UnrefedTimerDoesNotKeepTheJobAlive) {
  auto r = RunJs(*runtime_,
                 "setTimeout(() => console.log('never'), 100000).unref();"
                 "console.log('done');");
  EXPECT_EQ(r.out, "done\n");
  EXPECT_EQ(r.exit.exit_code, 0);
}

TEST_F(WorkerTest, ImmediatesAndNextTicksOrder) {
  auto r = RunJs(*runtime_, R"(
    setImmediate(() => { console.log('immediate 1'); process.nextTick(() => console.log('tick in immediate')); });
    setImmediate(() => console.log('immediate 2'));
    process.nextTick(() => console.log('tick'));
    queueMicrotask(() => console.log('microtask'));
    console.log('main');
  )");
  EXPECT_EQ(r.out, "main\ntick\nmicrotask\nimmediate 1\ntick in immediate\nimmediate 2\n");
}

TEST_F(WorkerTest, UnhandledRejectionIsFatal) {
  auto r =
      RunJs(*runtime_, "Promise.reject(new Error('nope')); setTimeout(() => console.log('x'), 5);");
  EXPECT_THAT(r.err, HasSubstr("Error: nope"));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.exit.exit_code, 1);
}

TEST_F(WorkerTest, RejectionHandledLaterInSameTickIsFine) {
  auto r = RunJs(*runtime_, "const p = Promise.reject(1); p.catch(() => console.log('caught'));");
  EXPECT_EQ(r.out, "caught\n");
  EXPECT_EQ(r.exit.exit_code, 0);
}

TEST_F(WorkerTest, UncaughtExceptionHandlerKeepsWorkerAlive) {
  auto r = RunJs(*runtime_, R"(
    process.on('uncaughtException', (e) => console.log('handled', e.message));
    setTimeout(() => { throw new Error('in timer'); }, 1);
    setTimeout(() => console.log('still here'), 5);
  )");
  EXPECT_EQ(r.out, "handled in timer\nstill here\n");
  EXPECT_EQ(r.exit.exit_code, 0);
}

TEST_F(WorkerTest, RequireResolvesBundleFiles) {
  auto spec = testing::MakeSpec(
      "const m = require('./lib/m'); const d = require('./data.json');"
      "console.log(m.twice(21), d.name, __filename, require('./lib/m') === m);",
      {{"lib/m.js", "exports.twice = (x) => x * 2;"}, {"data.json", "{\"name\": \"islet\"}"}});
  auto r = RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(r.out, "42 islet /test/main.js true\n");
}

TEST_F(WorkerTest, MissingModuleThrowsModuleNotFound) {
  auto r = RunJs(*runtime_, "try { require('./nope'); } catch (e) { console.log(e.code); }");
  EXPECT_EQ(r.out, "MODULE_NOT_FOUND\n");
}

TEST_F(WorkerTest, ArgvAndEnvArePassed) {
  auto spec = testing::MakeSpec("console.log(process.argv.slice(2).join(' '), process.env.FOO)");
  spec.argv = {"a", "b c"};
  spec.env = {{"FOO", "bar"}};
  auto r = RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(r.out, "a b c bar\n");
}

TEST_F(WorkerTest, TerminateEndsAnInfiniteLoop) {
  std::promise<WorkerId> id;
  auto future = std::async(std::launch::async, [&] {
    return RunJs(*runtime_, "console.log('looping'); while (true) {}");
  });
  // Find the looping worker once it printed, then terminate it.
  for (;;) {
    auto workers = runtime_->List(false);
    bool found = false;
    for (auto& w : workers) {
      if (w.state == WorkerState::kRunning && w.cpu_seconds >= 0) {
        auto sub = runtime_->Subscribe(w.id, false, [](const WorkerEvent&) {});
        ASSERT_TRUE(sub.has_value());
        ASSERT_TRUE(runtime_->Terminate(w.id, nullptr).has_value());
        found = true;
      }
    }
    if (found) break;
    std::this_thread::yield();
  }
  auto r = future.get();
  EXPECT_EQ(r.exit.reason, ExitReason::kTerminated);
}

TEST_F(WorkerTest, SpawnRejectsBadBundles) {
  SpawnSpec empty;
  empty.main = "main.js";
  auto r = runtime_->Spawn(empty, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(r.error().message, HasSubstr("empty"));

  auto missing_main = testing::MakeSpec("1");
  missing_main.main = "";
  r = runtime_->Spawn(missing_main, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("no main file"));

  auto not_in_bundle = testing::MakeSpec("1");
  not_in_bundle.main = "other.js";
  r = runtime_->Spawn(not_in_bundle, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("'other.js' is not in the bundle"));

  auto dotdot = testing::MakeSpec("1", {{"../etc/passwd", "x"}});
  r = runtime_->Spawn(dotdot, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("'..'"));

  auto big = testing::MakeSpec(std::string(9u << 20, ' '));
  r = runtime_->Spawn(big, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("limit"));
}

TEST_F(WorkerTest, ManyWorkersRunConcurrently) {
  std::vector<std::future<testing::ScriptResult>> runs;
  for (int i = 0; i < 50; ++i) {
    runs.push_back(std::async(std::launch::async, [i] {
      return RunJs(*runtime_, "setTimeout(() => console.log(" + std::to_string(i) + "), 5)");
    }));
  }
  for (int i = 0; i < 50; ++i) EXPECT_EQ(runs[i].get().out, std::to_string(i) + "\n");
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

class LimitsTest : public WorkerTest {};

TEST_F(LimitsTest, ChildOutOfMemoryIsAnErrorEventNotACrash) {
  auto r = RunJs(*runtime_, R"(
    const { Worker } = require('worker_threads');
    const w = new Worker(`
      const keep = [];
      for (;;) keep.push({ a: new Array(1000).fill(Math.random()) });
    `, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    w.on('error', (e) => console.log('error', e.code, e.message));
    w.on('exit', (c) => console.log('exit', c));
  )");
  EXPECT_EQ(r.out,
            "error ERR_WORKER_OUT_OF_MEMORY Worker terminated due to reaching memory limit: JS "
            "heap out of memory\nexit 1\n");
  EXPECT_EQ(r.exit.exit_code, 0);
}

TEST_F(LimitsTest, RootOutOfMemoryEndsOnlyThatJob) {
  for (const char* pattern : {
           "const keep = []; for (;;) keep.push({ a: [1, 2, 3], s: 'x' + Math.random() });",
           "const keep = []; for (let i = 0; ; ++i) keep.push('x'.repeat(1e6 + i));",
           "const a = new Array(2e7).fill(1.5); console.log(a.length);",
           "const m = new Map(); for (let i = 0; ; ++i) m.set(i, { i });",
       }) {
    auto spec = testing::MakeSpec(pattern);
    spec.max_old_generation_mb = 32;
    auto r = RunJs(*runtime_, std::move(spec));
    EXPECT_EQ(r.exit.reason, ExitReason::kOutOfMemory) << pattern << "\n" << r.err;
    EXPECT_EQ(r.exit.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("ERR_WORKER_OUT_OF_MEMORY"));
  }
  // The runtime carries on.
  EXPECT_EQ(RunJs(*runtime_, "console.log('alive')").out, "alive\n");
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

TEST_F(WorkerTest, ControlPortCarriesJsonBothWays) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> control;
  std::string out;
  bool ended = false;
  auto spawned = runtime_->Spawn(testing::MakeSpec(R"(
        const { control } = require('islet');
        control.on('message', (m) => {
          console.log('got', JSON.stringify(m));
          control.postMessage({ echo: m });
          if (m.last) control.close();
        });
        control.on('messageerror', (e) => console.log('messageerror', e.name));
        control.postMessage('ready');
      )"),
                                 [&](const WorkerEvent& event) {
                                   std::lock_guard lock(mu);
                                   if (auto* c = std::get_if<ControlMessage>(&event.body))
                                     control.push_back(c->json);
                                   if (auto* o = std::get_if<Output>(&event.body)) out += o->data;
                                   if (std::holds_alternative<EndOfStream>(event.body))
                                     ended = true;
                                   cv.notify_all();
                                 });
  ASSERT_TRUE(spawned.has_value());
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return !control.empty(); });
  }
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, R"({"a": [1, 2]})").has_value());
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, "not json").has_value());
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, R"({"last": true})").has_value());
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return ended; });
  EXPECT_EQ(control, (std::vector<std::string>{R"("ready")", R"({"echo":{"a":[1,2]}})",
                                               R"({"echo":{"last":true}})"}));
  EXPECT_EQ(out, "got {\"a\":[1,2]}\nmessageerror SyntaxError\ngot {\"last\":true}\n");
  EXPECT_EQ(runtime_->PostControl(spawned->worker_id, "1").error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(runtime_->PostControl(999999, "1").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

TEST_F(LimitsTest, CpuPerTurnEndsARunawayLoop) {
  auto spec = testing::MakeSpec("console.log('spinning'); for (;;) {}");
  spec.limits.cpu_ms_per_turn = 50;
  auto r = RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(r.out, "spinning\n");
  EXPECT_EQ(r.exit.reason, ExitReason::kCpuLimit);
  EXPECT_EQ(r.exit.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("more than 50 ms of CPU"));
}

TEST_F(LimitsTest, ChildInheritsThePerTurnLimitAndItsParentHearsWhy) {
  auto spec = testing::MakeSpec(R"(
    const { Worker } = require('worker_threads');
    const w = new Worker('for (;;) {}', { eval: true });
    w.on('error', (e) => console.log('error', e.code));
    w.on('exit', (c) => console.log('exit', c));
  )");
  spec.limits.cpu_ms_per_turn = 50;
  auto r = RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(r.out, "error ERR_ISLET_CPU_LIMIT\nexit 1\n");
  EXPECT_EQ(r.exit.reason, ExitReason::kExited);
}

TEST_F(LimitsTest, DeadlineEndsAWorkerThatWouldRunForever) {
  auto spec = testing::MakeSpec("setInterval(() => {}, 5);");
  spec.limits.deadline_ms = 100;
  auto r = RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(r.exit.reason, ExitReason::kDeadline);
  EXPECT_THAT(r.err, HasSubstr("deadline of 100 ms"));
}

TEST_F(LimitsTest, TotalCpuLimitCountsEveryTurn) {
  auto spec = testing::MakeSpec(
      "setInterval(() => { const t = Date.now(); while (Date.now() - t < 20) {} }, 1);");
  spec.limits.cpu_ms_total = 200;
  auto r = RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(r.exit.reason, ExitReason::kCpuLimit);
  EXPECT_THAT(r.err, HasSubstr("200 ms of CPU in total"));
}

TEST_F(LimitsTest, LimitsCanBeSetOnALiveWorker) {
  std::mutex mu;
  std::condition_variable cv;
  bool ready = false;
  bool ended = false;  // the sink's last call: the locals above may go after it
  std::optional<ExitInfo> exit;
  auto spawned = runtime_->Spawn(testing::MakeSpec("const { control } = require('islet');"
                                                   "control.once('message', () => { for (;;) {} });"
                                                   "control.postMessage('ready');"),
                                 [&](const WorkerEvent& event) {
                                   std::lock_guard lock(mu);
                                   if (std::holds_alternative<ControlMessage>(event.body))
                                     ready = true;
                                   if (auto* e = std::get_if<ExitInfo>(&event.body)) exit = *e;
                                   if (std::holds_alternative<EndOfStream>(event.body))
                                     ended = true;
                                   cv.notify_all();
                                 });
  ASSERT_TRUE(spawned.has_value());
  WorkerId id = spawned->worker_id;
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return ready; });
  }
  ASSERT_TRUE(runtime_->SetLimits(id, WorkerLimits{.cpu_ms_per_turn = 30}).has_value());
  EXPECT_EQ(runtime_->Inspect(id)->limits.cpu_ms_per_turn, 30);
  ASSERT_TRUE(runtime_->PostControl(id, "1").has_value());
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return ended; });
  }
  EXPECT_EQ(exit->reason, ExitReason::kCpuLimit);
  EXPECT_EQ(runtime_->SetLimits(id, WorkerLimits{}).error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(runtime_->SetLimits(id, WorkerLimits{.deadline_ms = -1}).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(JobLimitsTest, SpawningPastTheJobLimitThrowsInsteadOfGrowing) {
  auto runtime = Runtime::Create(RuntimeOptions{.max_workers_per_job = 4});
  ASSERT_TRUE(runtime.has_value());
  auto r = RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    const workers = [];
    try {
      for (;;) workers.push(new Worker('setInterval(() => {}, 1000)', { eval: true }));
    } catch (e) {
      console.log(workers.length, e.code, e.message);
    }
    for (const w of workers) w.terminate();
  )");
  EXPECT_EQ(r.out,
            "4 ERR_WORKER_INIT_FAILED this job already runs its maximum of 4 workers besides "
            "its main one\n");
  EXPECT_EQ(r.exit.exit_code, 0);
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

// process.exit() only requests termination; from a microtask or the tail of
// a callback V8 may never deliver it, so the loop must not depend on it.
TEST_F(WorkerTest, ProcessExitFromAMicrotaskOrAMessageHandlerEndsTheWorker) {
  auto r = RunJs(*runtime_,
                 "setInterval(() => {}, 1000);"
                 "Promise.resolve().then(() => process.exit(5));");
  EXPECT_EQ(r.exit.exit_code, 5);
  r = RunJs(*runtime_, R"(
    setInterval(() => {}, 1000);
    const { port1, port2 } = new MessageChannel();
    port2.once('message', () => process.exit(6));
    port1.postMessage(1);
  )");
  EXPECT_EQ(r.exit.exit_code, 6);
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

TEST(QueueLimitTest, PostingIntoAFullPortThrowsAndSendsNothing) {
  auto runtime = Runtime::Create(RuntimeOptions{.max_port_queue = 100});
  ASSERT_TRUE(runtime.has_value());
  auto r = testing::RunJs(**runtime, R"(
    const { port1, port2 } = new MessageChannel();
    let sent = 0;
    try {
      for (;;) { port1.postMessage(sent); ++sent; }
    } catch (e) {
      console.log(sent, e.name, e.code);
    }
    let received = 0;
    port2.on('message', (m) => { if (++received === sent) { console.log('received', received); port2.close(); } });
  )");
  EXPECT_EQ(r.out, "100 RangeError ERR_ISLET_QUEUE_FULL\nreceived 100\n");
}

TEST_F(WorkerTest, InspectCountsMessages) {
  std::mutex mu;
  std::condition_variable cv;
  bool ready = false, ended = false;
  auto spawned = runtime_->Spawn(testing::MakeSpec(R"(
        const { port1, port2 } = new MessageChannel();
        port2.on('message', () => {});
        for (let i = 0; i < 5; i++) port1.postMessage(i);
        setTimeout(() => require('islet').control.postMessage('counted'), 20);
        setTimeout(() => port2.close(), 100000).unref();
        require('islet').control.once('message', () => port2.close());
      )"),
                                 [&](const WorkerEvent& event) {
                                   std::lock_guard lock(mu);
                                   if (std::holds_alternative<ControlMessage>(event.body))
                                     ready = true;
                                   if (std::holds_alternative<EndOfStream>(event.body))
                                     ended = true;
                                   cv.notify_all();
                                 });
  ASSERT_TRUE(spawned.has_value());
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return ready; });
  auto info = runtime_->Inspect(spawned->worker_id);
  // Five on the channel, one on the control port's inner channel.
  EXPECT_EQ(info->messages_out, 6u);
  EXPECT_EQ(info->messages_in, 6u);
  runtime_->PostControl(spawned->worker_id, "1");
  cv.wait(lock, [&] { return ended; });
}

// A worker flooded with messages keeps one drain task per port in its
// mailbox. A drain that re-posted itself whenever messages were still
// pending would race with the bus's own notification: under a fast flood
// each drain would leave two tasks behind, the mailbox would grow to
// millions of them and the worker's other ports (a ping, a timer) would
// wait behind them for seconds.
TEST_F(WorkerTest, AFloodLeavesOneDrainTaskPerPortInTheMailbox) {
  std::atomic<bool> ended{false};
  auto spawned = runtime_->Spawn(testing::MakeSpec(R"(
        const { Worker } = require('worker_threads');
        const f = new Worker(`
          const { parentPort } = require('worker_threads');
          let sent = 0, acked = 0, running = true;
          const pump = () => { while (running && sent - acked < 10000) parentPort.postMessage(sent++); };
          parentPort.on('message', (m) => { if (m === 'stop') running = false; else acked = m; pump(); });
          pump();
        `, { eval: true });
        let received = 0;
        f.on('message', () => { if (++received % 1000 === 0) f.postMessage(received); });
        require('islet').control.once('message', () => { f.postMessage('stop'); f.terminate(); });
      )"),
                                 [&](const WorkerEvent& event) {
                                   if (std::holds_alternative<EndOfStream>(event.body))
                                     ended = true;
                                 });
  ASSERT_TRUE(spawned.has_value());
  // Sample the mailbox while 50,000 messages arrive.
  uint64_t deepest = 0;
  ASSERT_TRUE(islet::testing::WaitUntil([&] {
    auto info = runtime_->Inspect(spawned->worker_id);
    if (!info) return false;
    deepest = std::max(deepest, info->mailbox_depth);
    return info->messages_in > 50000u;
  })) << "the flood did not run";
  // Drain tasks for the child's port, plus the odd child-lifecycle or
  // control event: a handful, never thousands.
  EXPECT_LT(deepest, 100u);
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, "1").has_value());
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return ended.load(); }));
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

TEST_F(LimitsTest, CpuLimitEndsACatastrophicRegexpAndAnEndlessMicrotaskLoop) {
  for (const char* source : {
           "console.log('matching'); /(a+)+b/.test('a'.repeat(40));",
           "console.log('looping'); (function f() { Promise.resolve().then(f); })();",
           "console.log('ticking'); (function f() { process.nextTick(f); })();",
       }) {
    auto spec = testing::MakeSpec(source);
    spec.limits.cpu_ms_per_turn = 100;
    auto r = RunJs(*runtime_, std::move(spec));
    EXPECT_EQ(r.exit.reason, ExitReason::kCpuLimit) << source;
    EXPECT_EQ(r.exit.exit_code, 1) << source;
  }
  EXPECT_EQ(RunJs(*runtime_, "console.log('alive')").out, "alive\n");
}

}  // namespace
}  // namespace islet::runtime

namespace islet::runtime {
namespace {

TEST(SupervisionRecordsTest, AGivenUpWorkerStaysListedUntilKilledThenLeaves) {
  auto created = Runtime::Create(RuntimeOptions{.warm_isolates = 0, .max_exited_records = 2});
  ASSERT_TRUE(created.has_value());
  Runtime& runtime = **created;
  auto spec = testing::MakeSpec("process.exit(3)");
  spec.restart = RestartPolicy{.mode = RestartPolicy::Mode::kOnFailure,
                               .max_restarts = 1,
                               .window_seconds = 60,
                               .backoff_initial_ms = 1,
                               .backoff_max_ms = 1};
  auto spawned = runtime.Spawn(std::move(spec), nullptr);
  ASSERT_TRUE(spawned.has_value());
  WorkerId id = spawned->worker_id;
  ASSERT_TRUE(islet::testing::WaitUntil(
      [&] { return runtime.Inspect(id)->state == WorkerState::kFailed; }));
  // More exits than the runtime keeps records of: the failed one stays.
  for (int i = 0; i < 4; ++i) testing::RunJs(runtime, "0");
  auto listed = runtime.List(false);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, id);
  // Killed, it is an exited record like any other and ages out.
  ASSERT_TRUE(runtime.Terminate(id, nullptr).has_value());
  EXPECT_TRUE(runtime.List(false).empty());
  for (int i = 0; i < 4; ++i) testing::RunJs(runtime, "0");
  EXPECT_EQ(runtime.Inspect(id).error().code, ErrorCode::kNotFound);
}

TEST(SupervisionRecordsTest, ReservedIdsAreNotHandedOutAndResurrectedIdsAreKept) {
  auto created = Runtime::Create(RuntimeOptions{.warm_isolates = 0});
  ASSERT_TRUE(created.has_value());
  Runtime& runtime = **created;
  runtime.ReserveWorkerIds(10);
  auto spec = testing::MakeSpec("setInterval(() => {}, 1000)");
  spec.worker_id = 7;  // a resurrected worker's old id
  auto old = runtime.Spawn(std::move(spec), nullptr);
  ASSERT_TRUE(old.has_value());
  EXPECT_EQ(old->worker_id, 7u);
  auto fresh = runtime.Spawn(testing::MakeSpec("0"), nullptr);
  ASSERT_TRUE(fresh.has_value());
  EXPECT_EQ(fresh->worker_id, 11u);
  ASSERT_TRUE(runtime.Terminate(7, nullptr).has_value());
}

TEST(SupervisionRecordsTest, DurationsBeyondADayAreRefused) {
  auto created = Runtime::Create(RuntimeOptions{.warm_isolates = 0});
  ASSERT_TRUE(created.has_value());
  Runtime& runtime = **created;
  auto spec = testing::MakeSpec("0");
  spec.restart = RestartPolicy{
      .mode = RestartPolicy::Mode::kAlways, .backoff_initial_ms = 1e13, .backoff_max_ms = 1e13};
  EXPECT_EQ(runtime.Spawn(std::move(spec), nullptr).error().code, ErrorCode::kInvalidArgument);
  auto live = runtime.Spawn(testing::MakeSpec("setInterval(() => {}, 1000)"), nullptr);
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(runtime.Terminate(live->worker_id, 1e13, nullptr).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(runtime
                .SetLimits(live->worker_id,
                           WorkerLimits{.max_external_mb = std::numeric_limits<double>::infinity()})
                .error()
                .code,
            ErrorCode::kInvalidArgument);
  ASSERT_TRUE(runtime.Terminate(live->worker_id, nullptr).has_value());
}

// compact_isolates_above: the isolate a worker gets has had its bootstrap
// garbage collected, whether it came from the warm pool or was prepared on
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
    auto plain =
        Runtime::Create(RuntimeOptions{.warm_isolates = warm, .compact_isolates_above = SIZE_MAX});
    auto compact =
        Runtime::Create(RuntimeOptions{.warm_isolates = warm, .compact_isolates_above = 0});
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
  auto runtime = Runtime::Create(RuntimeOptions{.warm_isolates = 0, .compact_isolates_above = 4});
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
