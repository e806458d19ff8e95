// The native bindings (bindings.cc, port_bindings.cc, os_bindings.cc) are a
// security boundary: a script that reaches islet's internal binding may
// call any of them with anything. The checks are in C++, against what the
// calling worker owns: a port id of another worker is refused, a worker
// that is not the caller's own child is not terminated, and arguments of
// the wrong type throw or do nothing, never crash the daemon. The scripts
// run in real workers on a Runtime (no daemon needed).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "runtime/runtime.h"
#include "tests/runtime/run_script.h"
#include "tests/runtime/shared_runtime.h"

namespace islet::runtime {
namespace {

using testing::MakeSpec;
using testing::RunJs;
using testing::WorkerWatch;

// Defines `binding`, the internal binding, through the operator's door
// (RuntimeOptions::expose_internals, isletd --expose-internals): scripts
// cannot otherwise reach it (tests/runtime/js/interception_test.cc), and
// these tests check what it does when one does anyway.
constexpr char kReachBinding[] = R"(
const binding = require('islet:internal/binding');
)";

// `code` as a JS string literal.
std::string JsString(const std::string& code) {
  std::string out = "\"";
  for (char c : code) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

class BindingsTest : public testing::SharedRuntimeTest {
 protected:
  static void SetUpTestSuite() {
    runtime_ =
        Runtime::Create(RuntimeOptions{.executor_threads = 2, .expose_internals = true})->release();
  }
};

TEST_F(BindingsTest, AScriptCannotActOnAPortAnotherWorkerOwns) {
  // The victim makes a channel by raw ids, queues a 'secret' on one side,
  // and tells the test the ids on its control port.
  auto victim = WorkerWatch::Create();
  auto spawned = runtime_->Spawn(MakeSpec(std::string(kReachBinding) + R"(
    const [a, b] = binding.createChannel();
    binding.portPost(a, 'secret', undefined, undefined);
    const control = require('islet').control;
    control.on('message', () => {
      const first = binding.portReceive(b);
      const second = binding.portReceive(b);
      console.log('victim holds', JSON.stringify(first), JSON.stringify(second));
      const delivered = binding.portPost(a, 'after', undefined, undefined);
      console.log('still open', delivered, JSON.stringify(binding.portReceive(b)));
      process.exit(0);
    });
    control.postMessage({ a, b });
  )"),
                                 WorkerWatch::SinkOf(victim));
  ASSERT_TRUE(spawned.has_value()) << spawned.error().message;
  ASSERT_TRUE(victim->WaitForControl()) << victim->out();
  unsigned long long a = 0;
  unsigned long long b = 0;
  ASSERT_EQ(std::sscanf(victim->control()[0].c_str(), R"({"a":%llu,"b":%llu})", &a, &b), 2)
      << victim->control()[0];

  auto attack = RunJs(*runtime_, std::string(kReachBinding) + "const A = " + std::to_string(a) +
                                     ", B = " + std::to_string(b) + ";" + R"(
    const attempt = (label, f) => {
      try {
        console.log(label, 'returned', JSON.stringify(f()));
      } catch (e) {
        console.log(label, 'threw', e.name + ': ' + e.message);
      }
    };
    attempt('portReceive', () => binding.portReceive(B));
    attempt('portPost', () => binding.portPost(A, 'injected', undefined, undefined));
    attempt('portStart', () => binding.portStart(B));
    attempt('portClose', () => binding.portClose(A));
    // A MessagePort object made for the id: transferring it would detach
    // the victim's port and hand it to whoever receives the message.
    attempt('transfer', () => {
      const port = binding.newPort(B);
      return binding.structuredClone(port, [port]);
    });
  )");
  EXPECT_EQ(attack.out,
            "portReceive threw Error: not a port of this thread\n"
            "portPost threw Error: not a port of this thread\n"
            "portStart threw Error: not a port of this thread\n"
            "portClose threw Error: not a port of this thread\n"
            "transfer threw DataCloneError: MessagePort in transfer list is already detached\n")
      << attack.err;
  EXPECT_EQ(attack.exit.exit_code, 0) << attack.err;

  // After the attack: the victim's queue holds its own message and nothing
  // injected, and its channel is still open and its own.
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, "{}").has_value());
  ASSERT_TRUE(victim->WaitForEnd()) << victim->out();
  EXPECT_EQ(victim->out(),
            "victim holds [\"secret\"] undefined\n"
            "still open true [\"after\"]\n");
  ASSERT_TRUE(victim->exit().has_value());
  EXPECT_EQ(victim->exit()->exit_code, 0);
}

TEST_F(BindingsTest, TerminateWorkerRefusesAnyWorkerButTheCallersOwnChildren) {
  auto victim = WorkerWatch::Create();
  auto spawned = runtime_->Spawn(MakeSpec(R"(
    require('islet').control.on('message', () => {
      console.log('victim alive');
      process.exit(0);
    });
  )"),
                                 WorkerWatch::SinkOf(victim));
  ASSERT_TRUE(spawned.has_value()) << spawned.error().message;

  // A root with two children: one that only answers pings, and one that
  // tries to terminate its parent, its sibling, itself, another job's
  // worker, and an id no worker has.
  const std::string keeper = std::string(kReachBinding) + R"(
    const { parentPort } = require('worker_threads');
    parentPort.on('message', () => parentPort.postMessage('pong'));
    parentPort.postMessage(binding.workerInfo().workerId);
  )";
  const std::string attacker = std::string(kReachBinding) + R"(
    const { parentPort } = require('worker_threads');
    parentPort.once('message', (targets) => {
      parentPort.postMessage(targets.map(([name, id]) => {
        try {
          binding.terminateWorker(id);
          return name + ': accepted';
        } catch (e) {
          return name + ': ' + e.message;
        }
      }));
    });
    parentPort.postMessage(binding.workerInfo().workerId);
  )";
  auto root = RunJs(*runtime_, std::string(kReachBinding) +
                                   "const victim = " + std::to_string(spawned->worker_id) +
                                   ";\nconst keeperCode = " + JsString(keeper) +
                                   ";\nconst attackerCode = " + JsString(attacker) + ";\n" + R"(
    const { Worker } = require('worker_threads');
    const next = (w) => new Promise((resolve) => w.once('message', resolve));
    const keeper = new Worker(keeperCode, { eval: true });
    const attacker = new Worker(attackerCode, { eval: true });
    (async () => {
      const [keeperId, attackerId] = await Promise.all([next(keeper), next(attacker)]);
      const results = next(attacker);
      attacker.postMessage([
        ['its parent', binding.workerInfo().workerId],
        ['its sibling', keeperId],
        ['itself', attackerId],
        ['another job', victim],
        ['no worker', 1e12],
      ]);
      for (const line of await results) console.log(line);
      const pong = next(keeper);
      keeper.postMessage('ping');
      console.log('sibling says', await pong);
      console.log('sibling terminated by its parent with', await keeper.terminate());
    })();
  )");
  EXPECT_EQ(root.out,
            "its parent: not a worker this thread started\n"
            "its sibling: not a worker this thread started\n"
            "itself: not a worker this thread started\n"
            "another job: not a worker this thread started\n"
            "no worker: accepted\n"
            "sibling says pong\n"
            "sibling terminated by its parent with 1\n")
      << root.err;
  EXPECT_EQ(root.exit.exit_code, 0) << root.err;
  EXPECT_EQ(root.exit.reason, ExitReason::kExited);

  // The other job's worker was never asked to stop.
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, "{}").has_value());
  ASSERT_TRUE(victim->WaitForEnd()) << victim->out();
  EXPECT_EQ(victim->out(), "victim alive\n");
  ASSERT_TRUE(victim->exit().has_value());
  EXPECT_EQ(victim->exit()->reason, ExitReason::kExited);
  EXPECT_EQ(victim->exit()->exit_code, 0);
}

TEST_F(BindingsTest, ArgumentsOfTheWrongTypeThrowOrDoNothing) {
  auto r = RunJs(*runtime_, std::string(kReachBinding) + R"(
    const show = (label, f) => {
      let text;
      try {
        const r = f();
        text = 'returned ' + (Array.isArray(r) ? 'an array'
                              : r !== null && typeof r === 'object' ? 'an object' : String(r));
      } catch (e) {
        text = 'threw ' + e.name + ': ' + e.message;
      }
      console.log(label, text);
    };
    const symbol = Symbol('s');
    const throwing = { valueOf() { throw new Error('valueOf'); } };
    show('compileFunction(1)', () => binding.compileFunction(1, 'f.js', []));
    show('compileFunction(params)', () => binding.compileFunction('return 1', 'f.js', 'a'));
    show('compileFunction([1])', () => binding.compileFunction('return 1', 'f.js', [1]));
    show('runScript(undefined)', () => binding.runScript(undefined, 'f.js'));
    show('runScript(syntax)', () => binding.runScript('1 +', 'f.js'));
    show('spawnWorker(string)', () => binding.spawnWorker('x'));
    show('spawnWorker(getter)',
         () => binding.spawnWorker({ get filename() { throw new Error('getter'); } }));
    show('portPost(null)', () => binding.portPost(null, 1, undefined, undefined));
    show('portPost(symbol)', () => binding.portPost(symbol, 1, undefined, undefined));
    show('portPost(throwing)', () => binding.portPost(throwing, 1, undefined, undefined));
    show('portReceive(null)', () => binding.portReceive(null));
    show('portStart(null)', () => binding.portStart(null));
    show('terminateWorker(null)', () => binding.terminateWorker(null));
    show('terminateWorker(symbol)', () => binding.terminateWorker(symbol));
    show('terminateWorker(throwing)', () => binding.terminateWorker(throwing));
    // Ids are never converted (a script's valueOf never runs inside a
    // binding), and no double past an exact integer becomes one.
    show('portPost(NaN)', () => binding.portPost(NaN, 1, undefined, undefined));
    show('portPost(-1)', () => binding.portPost(-1, 1, undefined, undefined));
    show('terminateWorker(2**64)', () => binding.terminateWorker(2 ** 64));
    show('terminateWorker(1.5)', () => binding.terminateWorker(1.5));
    show('write(symbol)', () => binding.write(1, symbol));
    show('envGet(symbol)', () => binding.envGet(symbol));
    show('readFile(object)', () => binding.readFile({}));
    show('internalSource(symbol)', () => binding.internalSource(symbol));
    show('decodeUtf8(42)', () => binding.decodeUtf8(42));
    show('previewEntries(42)', () => binding.previewEntries(42));
    show('getProxyDetails(string)', () => binding.getProxyDetails('x'));
    show('getPromiseState(object)', () => binding.getPromiseState({}));
    show('osInfo(junk)', () => binding.osInfo('junk').parallelism >= 1);
    show('osCpus(junk)', () => binding.osCpus(1, 2));
    show('osInterfaces(junk)', () => binding.osInterfaces({}));
    console.log('still running');
  )");
  EXPECT_EQ(r.out,
            "compileFunction(1) threw TypeError: compileFunction(source, filename, params)\n"
            "compileFunction(params) threw TypeError: compileFunction(source, filename, params)\n"
            "compileFunction([1]) returned undefined\n"
            "runScript(undefined) threw TypeError: runScript(source, filename)\n"
            "runScript(syntax) threw SyntaxError: Unexpected end of input\n"
            "spawnWorker(string) returned undefined\n"
            "spawnWorker(getter) threw Error: getter\n"
            "portPost(null) returned false\n"
            "portPost(symbol) returned false\n"
            "portPost(throwing) returned false\n"
            "portReceive(null) returned undefined\n"
            "portStart(null) returned undefined\n"
            "terminateWorker(null) returned undefined\n"
            "terminateWorker(symbol) returned undefined\n"
            "terminateWorker(throwing) returned undefined\n"
            "portPost(NaN) returned false\n"
            "portPost(-1) returned false\n"
            "terminateWorker(2**64) returned undefined\n"
            "terminateWorker(1.5) returned undefined\n"
            "write(symbol) returned undefined\n"
            "envGet(symbol) returned undefined\n"
            "readFile(object) returned undefined\n"
            "internalSource(symbol) returned undefined\n"
            "decodeUtf8(42) returned 42\n"
            "previewEntries(42) returned undefined\n"
            "getProxyDetails(string) returned undefined\n"
            "getPromiseState(object) returned undefined\n"
            "osInfo(junk) returned true\n"
            "osCpus(junk) returned an array\n"
            "osInterfaces(junk) returned an array\n"
            "still running\n")
      << r.err;
  EXPECT_EQ(r.exit.exit_code, 0) << r.err;
  EXPECT_EQ(r.exit.reason, ExitReason::kExited);
}

}  // namespace
}  // namespace islet::runtime
