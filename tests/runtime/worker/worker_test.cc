// A worker runs its script: console capture, exit codes, errors, timers,
// microtasks, modules, its control port and its message counts. Each test
// runs real JS through a real Runtime.
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

class WorkerTest : public testing::SharedRuntimeTest {};

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

// Issue 14: process.version said v20.0.0 over Node 18's engine, so code
// that checks the version turned on language it then lacked.
TEST_F(WorkerTest, ProcessVersionIsTheEnginesNodeNotNode20) {
  auto r = RunJs(*runtime_, R"(
    const [major] = process.versions.node.split('.').map(Number);
    console.log(process.version === 'v' + process.versions.node, major);
    console.log(process.versions.v8.startsWith('10.2.'), typeof process.versions.islet);
  )");
  EXPECT_EQ(r.out, "true 18\ntrue string\n") << r.err;
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

  RuntimeOptions small_bundles;
  small_bundles.max_bundle_bytes = 8u << 20;
  small_bundles.warm_isolates = 0;
  auto small = Runtime::Create(small_bundles);
  ASSERT_TRUE(small) << small.error().message;
  auto big = testing::MakeSpec(std::string(9u << 20, ' '));
  r = (*small)->Spawn(big, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("the limit is 8388608 bytes"));
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

TEST_F(WorkerTest, ControlPortCarriesJsonBothWays) {
  auto watch = testing::WorkerWatch::Create();
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
                                 testing::WorkerWatch::SinkOf(watch));
  ASSERT_TRUE(spawned.has_value());
  ASSERT_TRUE(watch->WaitForControl());
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, R"({"a": [1, 2]})").has_value());
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, "not json").has_value());
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, R"({"last": true})").has_value());
  ASSERT_TRUE(watch->WaitForEnd());
  EXPECT_EQ(watch->control(), (std::vector<std::string>{R"("ready")", R"({"echo":{"a":[1,2]}})",
                                                        R"({"echo":{"last":true}})"}));
  EXPECT_EQ(watch->out(), "got {\"a\":[1,2]}\nmessageerror SyntaxError\ngot {\"last\":true}\n");
  EXPECT_EQ(runtime_->PostControl(spawned->worker_id, "1").error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(runtime_->PostControl(999999, "1").error().code, ErrorCode::kNotFound);
}

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

TEST_F(WorkerTest, InspectCountsMessages) {
  auto watch = testing::WorkerWatch::Create();
  auto spawned = runtime_->Spawn(testing::MakeSpec(R"(
        const { port1, port2 } = new MessageChannel();
        port2.on('message', () => {});
        for (let i = 0; i < 5; i++) port1.postMessage(i);
        setTimeout(() => require('islet').control.postMessage('counted'), 20);
        setTimeout(() => port2.close(), 100000).unref();
        require('islet').control.once('message', () => port2.close());
      )"),
                                 testing::WorkerWatch::SinkOf(watch));
  ASSERT_TRUE(spawned.has_value());
  ASSERT_TRUE(watch->WaitForControl());
  auto info = runtime_->Inspect(spawned->worker_id);
  // Five on the channel, one on the control port's inner channel.
  EXPECT_EQ(info->messages_out, 6u);
  EXPECT_EQ(info->messages_in, 6u);
  runtime_->PostControl(spawned->worker_id, "1");
  EXPECT_TRUE(watch->WaitForEnd());
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
