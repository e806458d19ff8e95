// Long turns against the real isletd, with one executor thread: a job whose
// workers compute without end neither stops another job nor the control
// plane, and both inspect and daemon status show what the pool is doing.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include "tests/daemon/daemon_fixture.h"
#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

class LongTurnsTest : public DaemonFixture {
 protected:
  void SetUp() override { StartDaemon({"--threads", "1", "--long-turn-us", "2000"}); }

  v1::DaemonInfoResponse Info() {
    v1::Request info;
    info.mutable_daemon_info();
    auto response = client_->Call(info);
    EXPECT_TRUE(response);
    return response ? response->daemon_info() : v1::DaemonInfoResponse{};
  }

  std::string Cli(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {RunfilePath("client/islet"), "--socket",
                                     daemon_->socket_path()};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult r = RunProcess(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

TEST_F(LongTurnsTest, AJobSpinningOnMoreWorkersThanThreadsDoesNotStopAnotherJob) {
  // Job A: three workers that never end a turn, on a daemon with one thread.
  v1::Request spawn = SpawnRequest("spin.js", R"(
    const { Worker } = require('worker_threads');
    let n = 0;
    for (let i = 0; i < 3; i++) {
      new Worker(`require('worker_threads').parentPort.postMessage(1); for (;;);`, { eval: true })
        .on('message', () => { if (++n === 3) console.log('spinning'); });
    }
  )",
                                   true);
  auto sent = client_->Send(spawn);
  ASSERT_TRUE(sent);
  uint64_t a = ReadUntilOutput(*client_, *sent, "spinning");
  ASSERT_NE(a, 0u);

  // Job B runs to its end meanwhile, timers and a worker of its own included.
  auto client_b = daemon_->Connect();
  ASSERT_TRUE(client_b);
  Followed b = SpawnAndFollow(*client_b, SpawnRequest("b.js", R"(
    const { Worker } = require('worker_threads');
    setTimeout(() => {
      new Worker(`require('worker_threads').parentPort.postMessage('pong')`, { eval: true })
        .once('message', (m) => console.log('b', m));
    }, 5);
  )",
                                                      true));
  ASSERT_TRUE(b.ended);
  EXPECT_EQ(b.out, "b pong\n") << b.err;

  // The pool shows three long turns on threads of their own, once any
  // passing one has ended (a first turn creating an isolate can be long for
  // a moment on a slow build, such as TSan's).
  v1::DaemonInfoResponse info;
  EXPECT_TRUE(WaitUntil([&] {
    info = Info();
    return info.executor().long_turns() == 3u;
  })) << info.executor().long_turns()
      << " long turns";
  EXPECT_GE(info.executor().live_threads(), 4u);
  EXPECT_TRUE(WaitUntil([&] {
    return Cli({"daemon", "status"}).find("3 in a long turn") != std::string::npos;
  }));

  // One of A's children, inspected: in a long turn, for a while now.
  v1::Request list;
  list.mutable_list();
  auto listed = client_->Call(list);
  ASSERT_TRUE(listed);
  uint64_t child = 0;
  for (const auto& w : listed->list().workers()) {
    if (w.parent_id() == a) child = w.id();
  }
  ASSERT_NE(child, 0u);
  v1::Request inspect;
  inspect.mutable_inspect()->set_worker_id(child);
  auto inspected = client_->Call(inspect);
  ASSERT_TRUE(inspected);
  EXPECT_TRUE(inspected->inspect().worker().long_turn());
  EXPECT_GE(inspected->inspect().worker().turn_ms(), 2.0);
  // Its CPU so far includes the turn in progress (it has not ended yet).
  EXPECT_GT(inspected->inspect().worker().cpu_seconds(), 0.001);
  EXPECT_NE(Cli({"inspect", std::to_string(child)}).find("(long turn: on a thread of its own)"),
            std::string::npos);

  // And the control plane ends job A: its root and every spinning child.
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(a);
  auto killed = client_->Call(kill);
  ASSERT_TRUE(killed);
  EXPECT_EQ(killed->terminate().exit().reason(), "terminated");
  EXPECT_TRUE(WaitUntil([&] {
    v1::DaemonInfoResponse now = Info();
    return now.workers_alive() == 0 && now.executor().long_turns() == 0;
  }));
}

// `islet run` is the foreground form: its job ends with its client, and the
// client always ends on a signal, even while the job's workers spin on every
// executor thread.
class ForegroundJobTest : public LongTurnsTest, public ::testing::WithParamInterface<int> {};

TEST_P(ForegroundJobTest, AJobEndsWithItsClientAndTheClientEndsOnASignal) {
  const int signal = GetParam();
  TempDir dir;
  dir.Write("spin.js", R"(
    const { Worker } = require('worker_threads');
    let n = 0;
    for (let i = 0; i < 3; i++) {
      new Worker(`require('worker_threads').parentPort.postMessage(1); for (;;);`, { eval: true })
        .on('message', () => {
          if (++n < 3) return;
          console.log('spinning');
          for (;;);  // the root too
        });
    }
  )");
  std::string out = dir.Join("out.txt");
  auto run = ChildProcess::Start(
      {RunfilePath("client/islet"), "--socket", daemon_->socket_path(), "run", dir.Join("spin.js")},
      {}, out, dir.Join("err.txt"));
  ASSERT_TRUE(run) << run.error();
  ASSERT_TRUE(WaitUntil([&] { return ReadFileOrEmpty(out).find("spinning") != std::string::npos; }))
      << ReadFileOrEmpty(dir.Join("err.txt"));
  EXPECT_EQ(Info().workers_alive(), 4u);
  (*run)->Signal(signal);
  auto status = (*run)->Wait();
  ASSERT_TRUE(status.has_value()) << "the client did not end on signal " << signal;
  if (signal == SIGKILL) {
    EXPECT_TRUE(WIFSIGNALED(*status));
  } else {
    ASSERT_TRUE(WIFEXITED(*status));
    EXPECT_EQ(WEXITSTATUS(*status), 128 + signal);
  }
  // Whichever way the client went, its job is gone.
  EXPECT_TRUE(WaitUntil([&] { return Info().workers_alive() == 0; }))
      << Info().workers_alive() << " workers still alive";
}

INSTANTIATE_TEST_SUITE_P(Signals, ForegroundJobTest, ::testing::Values(SIGINT, SIGTERM, SIGKILL));

TEST_F(LongTurnsTest, ASpawnedJobOutlivesTheConnectionThatStartedIt) {
  {
    auto other = daemon_->Connect();
    ASSERT_TRUE(other);
    auto spawned = other->Call(SpawnRequest("bg.js", "setInterval(() => {}, 1000);", false));
    ASSERT_TRUE(spawned);
  }  // that connection closes
  v1::Request barrier;
  barrier.mutable_daemon_info();
  ASSERT_TRUE(client_->Call(barrier));
  EXPECT_EQ(Info().workers_alive(), 1u);
}

}  // namespace
}  // namespace islet::testing
