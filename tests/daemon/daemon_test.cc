// isletd as a process: the real daemon, the real runtime, the real socket.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "tests/daemon/daemon_fixture.h"
#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

using client::Client;
using client::ErrorKind;

using DaemonTest = DaemonFixture;

bool ExitedCleanly(std::optional<int> status) {
  return status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
}

TEST_F(DaemonTest, HelloWorldOutputAndExitCode) {
  Followed run = SpawnAndFollow(
      *client_,
      SpawnRequest("hello.js", "console.log('hello world'); console.error('oops');", true));
  ASSERT_TRUE(run.ended) << (run.error ? run.error->message : "");
  EXPECT_GT(run.worker_id, 0u);
  EXPECT_EQ(run.out, "hello world\n");
  EXPECT_EQ(run.err, "oops\n");
  ASSERT_TRUE(run.exit);
  EXPECT_EQ(run.exit->exit_code(), 0);
}

// performance.now() counts from the job's start, as from a process's in
// Node, even when the isolate was prepared in the warm pool long before; a
// worker shares its job's origin. (Counted from the isolate's bootstrap, a
// job started 1.5 s after the daemon would begin at performance.now() ~ 1500.)
TEST_F(DaemonTest, PerformanceNowCountsFromTheJobsStart) {
  // The pool is old by now: the daemon has run 1.5 s.
  ASSERT_TRUE(WaitUntil([&] {
    v1::Request request;
    request.mutable_daemon_info();
    auto info = client_->Call(request);
    return info && info->daemon_info().uptime_seconds() >= 1.5;
  }));
  Followed run = SpawnAndFollow(*client_, SpawnRequest("perf.js", R"(
    const { Worker } = require('worker_threads');
    const start = performance.now();
    console.log('now near 0:', start >= 0 && start < 500);
    console.log('origin is now:', Math.abs(performance.timeOrigin + start - Date.now()) < 50);
    const w = new Worker(`require('worker_threads').parentPort.postMessage(
        [performance.timeOrigin, performance.now()])`, { eval: true });
    w.on('message', ([origin, now]) => {
      console.log('worker shares the origin:', origin === performance.timeOrigin);
      console.log('worker now on the same scale:', Math.abs(now - performance.now()) < 500);
    });
  )",
                                                       true));
  ASSERT_TRUE(run.ended);
  EXPECT_EQ(run.out,
            "now near 0: true\norigin is now: true\nworker shares the origin: true\n"
            "worker now on the same scale: true\n")
      << run.err;
}

TEST_F(DaemonTest, ProcessExitCode) {
  Followed run = SpawnAndFollow(*client_, SpawnRequest("exit.js", "process.exit(3)", true));
  ASSERT_TRUE(run.ended);
  ASSERT_TRUE(run.exit);
  EXPECT_EQ(run.exit->exit_code(), 3);
}

TEST_F(DaemonTest, ArgvAndEnvironmentReachTheWorker) {
  v1::Request spawn =
      SpawnRequest("args.js", "console.log(process.argv.slice(2).join(','), process.env.GREETING)",
                   true, {"a", "--b", "c d"});
  (*spawn.mutable_spawn()->mutable_env())["GREETING"] = "hi";
  Followed run = SpawnAndFollow(*client_, spawn);
  ASSERT_TRUE(run.ended);
  EXPECT_EQ(run.out, "a,--b,c d hi\n");
}

TEST_F(DaemonTest, SyntaxErrorExitsOneWithLocation) {
  Followed run = SpawnAndFollow(*client_, SpawnRequest("bad.js", "let x = 1;\nlet y = ;\n", true));
  ASSERT_TRUE(run.ended);
  ASSERT_TRUE(run.exit);
  EXPECT_EQ(run.exit->exit_code(), 1);
  EXPECT_NE(run.err.find("bad.js:2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("SyntaxError"), std::string::npos) << run.err;
}

TEST_F(DaemonTest, ListShowsARunningWorkerUntilItIsTerminated) {
  auto spawned =
      client_->Call(SpawnRequest("forever.js", "setInterval(() => {}, 1000)", /*follow=*/false));
  ASSERT_TRUE(spawned) << spawned.error().message;
  uint64_t worker = spawned->spawn().worker_id();

  v1::Request list;
  list.mutable_list();
  auto listed = client_->Call(list);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->list().workers_size(), 1);
  EXPECT_EQ(listed->list().workers(0).id(), worker);
  EXPECT_EQ(listed->list().workers(0).main(), "forever.js");
  EXPECT_NE(listed->list().workers(0).state(), v1::EXITED);

  // Running, not just starting: terminating a worker during its bootstrap is
  // reported as "startup-failed" by the runtime.
  v1::Request inspect;
  inspect.mutable_inspect()->set_worker_id(worker);
  ASSERT_TRUE(WaitUntil([&] {
    auto inspected = client_->Call(inspect);
    return inspected && inspected->inspect().worker().state() != v1::STARTING;
  }));
  auto inspected = client_->Call(inspect);
  ASSERT_TRUE(inspected);
  EXPECT_EQ(inspected->inspect().worker().id(), worker);
  EXPECT_NE(inspected->inspect().worker().state(), v1::EXITED);

  v1::Request terminate;
  terminate.mutable_terminate()->set_worker_id(worker);
  auto terminated = client_->Call(terminate);
  ASSERT_TRUE(terminated) << terminated.error().message;
  EXPECT_EQ(terminated->terminate().exit().reason(), "terminated");

  auto after = client_->Call(list);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->list().workers_size(), 0);
  list.mutable_list()->set_include_exited(true);
  auto all = client_->Call(list);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->list().workers_size(), 1);
  EXPECT_EQ(all->list().workers(0).state(), v1::EXITED);
}

TEST_F(DaemonTest, UnknownWorkerIsNotFound) {
  v1::Request inspect;
  inspect.mutable_inspect()->set_worker_id(4242);
  auto response = client_->Call(inspect);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().kind, ErrorKind::kRemote);
  EXPECT_EQ(response.error().code, v1::NOT_FOUND);
}

TEST_F(DaemonTest, DaemonInfo) {
  ASSERT_TRUE(SpawnAndFollow(*client_, SpawnRequest("a.js", "", true)).ended);
  v1::Request request;
  request.mutable_daemon_info();
  auto response = client_->Call(request);
  ASSERT_TRUE(response) << response.error().message;
  const auto& info = response->daemon_info();
  EXPECT_EQ(info.version(), "0.1.0");
  EXPECT_EQ(info.pid(), daemon_->process().pid());
  EXPECT_EQ(info.socket_path(), daemon_->socket_path());
  EXPECT_EQ(info.workers_spawned_total(), 1u);
  EXPECT_GE(info.executor_threads(), 1u);
  EXPECT_GE(info.uptime_seconds(), 0.0);
}

TEST_F(DaemonTest, ShutdownRequestRemovesTheSocket) {
  ASSERT_TRUE(client_->Call(SpawnRequest("forever.js", "setInterval(() => {}, 1000)", false)));
  v1::Request request;
  request.mutable_shutdown();
  auto response = client_->Call(request);
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_TRUE(response->has_shutdown());
  EXPECT_TRUE(ExitedCleanly(daemon_->process().Wait()));
  EXPECT_NE(access(daemon_->socket_path().c_str(), F_OK), 0);
  EXPECT_FALSE(Client::Connect(daemon_->socket_path()));
}

TEST_F(DaemonTest, SigtermShutsDownGracefully) {
  // A follower of a running worker sees its stream end, not a hang.
  auto id = client_->Send(SpawnRequest("forever.js", "setInterval(() => {}, 1000)", true));
  ASSERT_TRUE(id);
  auto spawned = client_->Read(*id);
  ASSERT_TRUE(spawned && spawned->has_spawn());
  daemon_->process().Signal(SIGTERM);
  for (;;) {
    auto response = client_->Read(*id);
    if (!response || response->end_of_stream()) break;
  }
  EXPECT_TRUE(ExitedCleanly(daemon_->process().Wait()));
  EXPECT_NE(access(daemon_->socket_path().c_str(), F_OK), 0);
  std::string log = daemon_->Log();
  EXPECT_NE(log.find("SIGTERM"), std::string::npos) << log;
}

TEST_F(DaemonTest, SigintShutsDownGracefully) {
  daemon_->process().Signal(SIGINT);
  EXPECT_TRUE(ExitedCleanly(daemon_->process().Wait()));
  EXPECT_NE(access(daemon_->socket_path().c_str(), F_OK), 0);
}

TEST_F(DaemonTest, SecondDaemonOnTheSameSocketRefuses) {
  ProcessResult second = RunProcess(
      {RunfilePath("daemon/isletd"), "--foreground", "--socket", daemon_->socket_path()});
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("already"), std::string::npos) << second.err;
  // Background mode refuses as plainly, before forking.
  ProcessResult background =
      RunProcess({RunfilePath("daemon/isletd"), "--socket", daemon_->socket_path()});
  EXPECT_NE(background.exit_code, 0);
  EXPECT_NE(background.err.find("already"), std::string::npos) << background.err;
  // The first one is unharmed.
  v1::Request request;
  request.mutable_daemon_info();
  EXPECT_TRUE(client_->Call(request));
}

TEST(DaemonStartTest, TakesOverAStaleSocketFile) {
  TempDir dir;
  std::string path = dir.Join("s.sock");
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strcpy(addr.sun_path, path.c_str());
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  close(fd);  // the file stays, nothing listens: a crashed daemon's leftover
  ASSERT_EQ(access(path.c_str(), F_OK), 0);

  auto daemon = Isletd::StartOn(path);
  ASSERT_TRUE(daemon) << daemon.error();
  auto client = (*daemon)->Connect();
  ASSERT_TRUE(client);
  v1::Request request;
  request.mutable_daemon_info();
  EXPECT_TRUE(client->Call(request));
  EXPECT_NE((*daemon)->Log().find("stale"), std::string::npos) << (*daemon)->Log();
}

TEST(DaemonStartTest, BackgroundModeReportsReadinessAndLogsToAFile) {
  TempDir dir;
  std::string path = dir.Join("run/s.sock");
  std::string pid_file = dir.Join("isletd.pid");
  ProcessResult start =
      RunProcess({RunfilePath("daemon/isletd"), "--socket", path, "--pid-file", pid_file});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  // Ready means it answers already: no waiting needed.
  auto client = Client::Connect(path);
  ASSERT_TRUE(client) << client.error().message;
  v1::Request info;
  info.mutable_daemon_info();
  auto response = client->Call(info);
  ASSERT_TRUE(response);
  pid_t pid = response->daemon_info().pid();
  EXPECT_EQ(ReadFileOrEmpty(pid_file), std::to_string(pid) + "\n");

  v1::Request shutdown;
  shutdown.mutable_shutdown();
  ASSERT_TRUE(client->Call(shutdown));
  // Not our child (it daemonized): wait until it is gone.
  EXPECT_TRUE(WaitUntil([&] { return ProcessGone(pid); }));
  EXPECT_NE(access(path.c_str(), F_OK), 0);
  EXPECT_NE(access(pid_file.c_str(), F_OK), 0);
  std::string log = ReadFileOrEmpty(dir.Join("run/isletd.log"));
  EXPECT_NE(log.find("listening on " + path), std::string::npos) << log;
}

TEST(DaemonStartTest, BackgroundStartFailureIsReported) {
  TempDir dir;
  dir.Write("s.sock", "not a socket");
  ProcessResult start = RunProcess({RunfilePath("daemon/isletd"), "--socket", dir.Join("s.sock")});
  EXPECT_EQ(start.exit_code, 1);
  EXPECT_NE(start.err.find("not a socket"), std::string::npos) << start.err;
}

}  // namespace
}  // namespace islet::testing
