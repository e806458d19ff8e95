// Jobs cannot act on each other through islet's internal binding (issue 13):
// a script cannot reach it, and if one did, the checks are in C++, against
// what the calling worker owns.

#include <gtest/gtest.h>

#include "tests/daemon/daemon_fixture.h"
#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

// The route by which a script once reached the internal binding: a patched
// Function.prototype.call, before the first require of a lazily loaded
// built-in, saw it pass as an argument.
constexpr char kOldRoute[] = R"(
  let leaked;
  const seen = (a) => {
    if (a && typeof a === 'object' && typeof a.terminateWorker === 'function') leaked = a;
  };
  const origCall = Function.prototype.call, origApply = Function.prototype.apply;
  Function.prototype.call = function (thisArg, ...args) {
    seen(thisArg);
    args.forEach(seen);
    return origApply.apply(this, [thisArg, args]);
  };
  require('path');
  require('util').inspect(new Map([[1, {}]]));
  Function.prototype.call = origCall;
  console.log(leaked ? 'binding reached' : 'no binding reached');
  try {
    require('islet:internal/binding');
    console.log('door open');
  } catch (e) {
    console.log(e.code);
  }
)";

// Holds the internal binding, through the operator's door (the daemon runs
// with --expose-internals), and calls `call` on it: what the binding does
// must still stop at the caller's own workers, whatever its JS did.
std::string Attacker(const std::string& call) {
  return R"(
    const leaked = require('islet:internal/binding');
    try { )" +
         call + R"(; console.log('done'); } catch (e) { console.log('refused:', e.message); }
  )";
}

// A daemon as it is run: scripts cannot reach the binding.
class ClosedRoutesTest : public DaemonFixture {};

TEST_F(ClosedRoutesTest, AScriptCannotReachTheInternalBinding) {
  Followed run = SpawnAndFollow(*client_, SpawnRequest("attack.js", kOldRoute, true));
  ASSERT_TRUE(run.ended);
  EXPECT_EQ(run.out, "no binding reached\nMODULE_NOT_FOUND\n") << run.err;
}

class IsolationTest : public DaemonFixture {
 protected:
  void SetUp() override { StartDaemon({"--expose-internals"}); }

  uint64_t SpawnVictim(bool supervised) {
    v1::Request spawn = SpawnRequest("victim.js", "setInterval(() => {}, 1000);", false);
    if (supervised) spawn.mutable_spawn()->mutable_restart()->set_mode(v1::RestartPolicy::ALWAYS);
    auto response = client_->Call(spawn);
    EXPECT_TRUE(response);
    return response ? response->spawn().worker_id() : 0;
  }

  v1::WorkerInfo Inspect(uint64_t id) {
    v1::Request inspect;
    inspect.mutable_inspect()->set_worker_id(id);
    auto response = client_->Call(inspect);
    EXPECT_TRUE(response);
    return response ? response->inspect().worker() : v1::WorkerInfo{};
  }
};

TEST_F(IsolationTest, AScriptCannotTerminateAnotherJobsWorkerThroughTheBinding) {
  for (bool supervised : {false, true}) {
    uint64_t victim = SpawnVictim(supervised);
    ASSERT_NE(victim, 0u);
    Followed attack = SpawnAndFollow(
        *client_,
        SpawnRequest("attack.js",
                     Attacker("leaked.terminateWorker(" + std::to_string(victim) + ")"), true));
    ASSERT_TRUE(attack.ended);
    EXPECT_EQ(attack.out, "refused: not a worker this thread started\n") << attack.err;
    // Read after the attacker's end: the victim was never asked to stop.
    v1::WorkerInfo info = Inspect(victim);
    EXPECT_FALSE(info.has_exit()) << "supervised=" << supervised;
    EXPECT_EQ(info.restarts(), 0u) << "supervised=" << supervised;
  }
}

TEST_F(IsolationTest, AScriptCannotReadOrPostOnAnotherJobsPorts) {
  // The victim holds a queued 'secret' on an unstarted port and listens on
  // another port and its control port.
  v1::Request spawn = SpawnRequest("victim.js", R"(
    const a = new MessageChannel();
    a.port1.postMessage('secret');
    const b = new MessageChannel();
    b.port2.on('message', (m) => console.log('victim got', m));
    require('islet').control.on('message', (m) => console.log('victim', m.say));
    console.log('victim ready');
  )",
                                   false);
  auto spawned = client_->Call(spawn);
  ASSERT_TRUE(spawned);
  uint64_t victim = spawned->spawn().worker_id();
  // Its ports exist before the attack starts (a spawn answers before the
  // worker's first turn).
  ASSERT_TRUE(WaitUntil(
      [&] { return CapturedOutput(*client_, victim).find("victim ready") != std::string::npos; }));
  // The attacker tries every port id there is, for reading and posting.
  Followed attack = SpawnAndFollow(*client_, SpawnRequest("attack.js", Attacker(R"(
      let stolen = 0, refused = 0;
      // Port ids only grow: a channel made now is above every port the
      // victim has.
      const [top] = leaked.createChannel();
      for (let id = 1; id < top; id++) {
        try {
          const got = leaked.portReceive(id);
          if (got && String(got[0]).includes('secret')) stolen++;
        } catch (e) { refused++; }
        try { leaked.portPost(id, 'injected', undefined, undefined); } catch (e) {}
        try { leaked.portStart(id); } catch (e) {}
      }
      console.log('stolen', stolen, 'refused some', refused > 0))"),
                                                          true));
  ASSERT_TRUE(attack.ended);
  EXPECT_EQ(attack.out, "stolen 0 refused some true\ndone\n") << attack.err;
  // What the victim heard, up to a message sent after the attack.
  v1::Request post;
  post.mutable_post()->set_worker_id(victim);
  post.mutable_post()->set_json(R"({"say":"checked"})");
  ASSERT_TRUE(client_->Call(post));
  std::string out;
  ASSERT_TRUE(WaitUntil([&] {
    out = CapturedOutput(*client_, victim);
    return out.find("victim checked") != std::string::npos;
  }));
  EXPECT_EQ(out, "victim ready\nvictim checked\n")
      << "a message reached the victim from another job";
}

TEST_F(IsolationTest, AWorkerCanStillTerminateItsOwnChildren) {
  Followed run = SpawnAndFollow(*client_, SpawnRequest("own.js", R"(
    const { Worker } = require('worker_threads');
    const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
    w.on('online', async () => console.log('terminated with', await w.terminate()));
  )",
                                                       true));
  ASSERT_TRUE(run.ended);
  EXPECT_EQ(run.out, "terminated with 1\n") << run.err;
}

}  // namespace
}  // namespace islet::testing
