// The islet binary against a real isletd.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

std::string Islet() { return RunfilePath("client/islet"); }
std::string IsletdBinary() { return RunfilePath("daemon/isletd"); }

// Stops a daemon that `islet` auto-started (it is not our child).
void StopDaemon(const std::string& socket) {
  if (client::Client::Connect(socket)) RunProcess({Islet(), "--socket", socket, "daemon", "stop"});
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto daemon = Isletd::Start();
    ASSERT_TRUE(daemon) << daemon.error();
    daemon_ = std::move(*daemon);
  }

  // With a digest cache of the test's own (client/digest_cache.h).
  ProcessResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {Islet(), "--socket", daemon_->socket_path()});
    return RunProcess(args, {{"XDG_CACHE_HOME", cache_.path()}});
  }

  std::string Script(const std::string& name, const std::string& source) {
    scripts_.Write(name, source);
    return scripts_.Join(name);
  }

  TempDir scripts_;
  TempDir cache_;
  std::unique_ptr<Isletd> daemon_;
};

TEST_F(CliTest, RunHelloWorld) {
  ProcessResult r = Run({"run", Script("hello.js", "console.log('hello world')")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "hello world\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, RunKeepsStdoutAndStderrApart) {
  ProcessResult r = Run({"run", Script("two.js", "console.log('out'); console.error('err')")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
}

TEST_F(CliTest, RunExitsWithTheWorkersCode) {
  ProcessResult r = Run({"run", Script("exit.js", "process.exit(3)")});
  EXPECT_EQ(r.exit_code, 3);
}

TEST_F(CliTest, RunPassesArgumentsAfterTheFile) {
  ProcessResult r = Run({"run", Script("args.js", "console.log(process.argv.slice(2).join('|'))"),
                         "a", "--help", "-x", "--socket", "y"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "a|--help|-x|--socket|y\n");
}

TEST_F(CliTest, RunSyntaxErrorShowsTheLocation) {
  ProcessResult r = Run({"run", Script("bad.js", "const a = 1;\nconst b = ;\n")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.js:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("SyntaxError"), std::string::npos) << r.err;
}

TEST_F(CliTest, RunUploadsTheModulesBesideTheScript) {
  Script("lib/greet.js", "module.exports = (n) => 'hello ' + n;");
  Script("data.json", "{\"name\": \"islet\"}");
  ProcessResult r =
      Run({"run",
           Script("main.js", "console.log(require('./lib/greet')(require('./data.json').name))")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "hello islet\n");
}

v1::BundleStoreInfo StoreInfo(const std::string& socket) {
  auto client = client::Client::Connect(socket);
  if (!client) return {};
  v1::Request request;
  request.mutable_daemon_info();
  auto response = client->Call(std::move(request));
  return response ? response->daemon_info().bundle_store() : v1::BundleStoreInfo{};
}

// Issue 14: `islet run` takes the project up with its node_modules and its
// linked packages, and a second run sends none of the contents again (the
// daemon's bundle store has them).
TEST_F(CliTest, RunUploadsTheProjectWithItsDependenciesOnce) {
  Script("proj/package.json", "{\"name\": \"proj\", \"workspaces\": [\"packages/*\"]}");
  Script("proj/node_modules/dep/package.json", "{\"main\": \"lib/dep.js\"}");
  // Big enough that the contents go through the store, not inline.
  Script("proj/node_modules/dep/lib/dep.js",
         "module.exports = 'dep';\n//" + std::string(400 << 10, 'x') + "\n");
  Script("proj/packages/tool/index.js", "module.exports = 'tool+' + require('dep');");
  std::filesystem::create_symlink("../packages/tool", scripts_.Join("proj/node_modules/tool"));
  std::string main =
      Script("proj/src/main.js", "console.log(require('dep'), require('tool'), process.cwd())");
  ProcessResult first = Run({"run", main});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  // islet runs outside the project here: the worker's cwd is the root.
  EXPECT_EQ(first.out,
            "dep tool+dep " + std::filesystem::canonical(scripts_.Join("proj")).string() + "\n");
  v1::BundleStoreInfo after_first = StoreInfo(daemon_->socket_path());
  EXPECT_GT(after_first.uploaded_bytes(), 400u << 10);

  ProcessResult second = Run({"run", main});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, first.out);
  v1::BundleStoreInfo after_second = StoreInfo(daemon_->socket_path());
  EXPECT_EQ(after_second.uploaded_bytes(), after_first.uploaded_bytes());
  EXPECT_EQ(after_second.blobs(), after_first.blobs());

  // A daemon with an empty store: the client, whose digest cache spared it
  // reading the files, now reads and sends them all.
  auto fresh = Isletd::Start();
  ASSERT_TRUE(fresh) << fresh.error();
  ProcessResult third = RunProcess({Islet(), "--socket", (*fresh)->socket_path(), "run", main},
                                   {{"XDG_CACHE_HOME", cache_.path()}});
  EXPECT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(third.out, first.out);
  EXPECT_EQ(StoreInfo((*fresh)->socket_path()).uploaded_bytes(), after_first.uploaded_bytes());

  // A file changed since: its new content goes up, and runs.
  Script("proj/node_modules/dep/lib/dep.js",
         "module.exports = 'dep2';\n//" + std::string(400 << 10, 'y') + "\n");
  ProcessResult changed = Run({"run", main});
  EXPECT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_EQ(changed.out.rfind("dep2 tool+dep2 ", 0), 0u) << changed.out;
}

TEST_F(CliTest, RunRefusesALinkOutOfTheProject) {
  Script("elsewhere/pkg/index.js", "module.exports = 1");
  Script("proj/package.json", "{}");
  std::filesystem::create_directories(scripts_.Join("proj/node_modules"));
  std::filesystem::create_symlink(scripts_.Join("elsewhere/pkg"),
                                  scripts_.Join("proj/node_modules/pkg"));
  ProcessResult r = Run({"run", Script("proj/main.js", "require('pkg')")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("node_modules/pkg is a symbolic link to"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("outside the project root"), std::string::npos) << r.err;
}

TEST_F(CliTest, RunOfAMissingFile) {
  ProcessResult r = Run({"run", scripts_.Join("nope.js")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("islet: cannot open", 0), 0u) << r.err;
}

TEST_F(CliTest, RunCtrlCTerminatesTheWorkerAndExits130) {
  std::string out = scripts_.Join("out.txt");
  auto run = ChildProcess::Start({Islet(), "--socket", daemon_->socket_path(), "run",
                                  Script("tick.js", "setInterval(() => console.log('tick'), 20)")},
                                 {}, out);
  ASSERT_TRUE(run);
  ASSERT_TRUE(WaitUntil([&] { return ReadFileOrEmpty(out).find("tick") != std::string::npos; }));
  (*run)->Signal(SIGINT);
  auto status = (*run)->Wait();
  ASSERT_TRUE(status);
  ASSERT_TRUE(WIFEXITED(*status));
  EXPECT_EQ(WEXITSTATUS(*status), 130);
  ProcessResult ps = Run({"ps"});
  EXPECT_EQ(ps.out.find("tick.js"), std::string::npos) << ps.out;
  ProcessResult all = Run({"ps", "-a"});
  EXPECT_NE(all.out.find("tick.js"), std::string::npos) << all.out;
}

TEST_F(CliTest, SpawnPsInspectKill) {
  ProcessResult spawn = Run({"spawn", Script("forever.js", "setInterval(() => {}, 1000)")});
  ASSERT_EQ(spawn.exit_code, 0) << spawn.err;
  std::string id = spawn.out.substr(0, spawn.out.find('\n'));
  ASSERT_FALSE(id.empty());

  ProcessResult ps = Run({"ps"});
  EXPECT_EQ(ps.exit_code, 0);
  EXPECT_EQ(ps.out.rfind("ID  JOB  NAME  STATE", 0), 0u) << ps.out;
  EXPECT_NE(ps.out.find("\n" + id + " "), std::string::npos) << ps.out;
  EXPECT_NE(ps.out.find("forever.js"), std::string::npos) << ps.out;

  ProcessResult json = Run({"ps", "--json"});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out.front(), '[');
  EXPECT_NE(json.out.find("\"id\":\"" + id + "\""), std::string::npos) << json.out;

  ProcessResult inspect = Run({"inspect", id});
  EXPECT_EQ(inspect.exit_code, 0);
  EXPECT_NE(inspect.out.find("main: forever.js\n"), std::string::npos) << inspect.out;
  ProcessResult inspect_json = Run({"inspect", id, "--json"});
  EXPECT_NE(inspect_json.out.find("\"main\":\"forever.js\""), std::string::npos)
      << inspect_json.out;

  ProcessResult kill = Run({"kill", id});
  EXPECT_EQ(kill.exit_code, 0) << kill.err;
  EXPECT_EQ(kill.out, id + ": terminated (code 1)\n");
  EXPECT_EQ(Run({"ps"}).out.find("forever.js"), std::string::npos);
  ProcessResult all = Run({"ps", "-a"});
  EXPECT_NE(all.out.find("exited"), std::string::npos) << all.out;
}

TEST_F(CliTest, SpawnWithARestartPolicyAndKillWithAGracePeriod) {
  ProcessResult spawn =
      Run({"spawn", "--restart", "on-failure", "--max-restarts", "2", "--restart-window", "30",
           "--backoff-ms", "10", "--backoff-max-ms", "20",
           Script("flaky.js", "console.log('up', process.argv[2]); process.exit(3)"), "arg"});
  ASSERT_EQ(spawn.exit_code, 0) << spawn.err;
  std::string id = spawn.out.substr(0, spawn.out.find('\n'));
  ASSERT_TRUE(WaitUntil([&] {
    return Run({"inspect", id}).out.find("state: failed") != std::string::npos;
  }));
  ProcessResult inspect = Run({"inspect", id});
  EXPECT_NE(inspect.out.find("restart_policy: on-failure, at most 2 restarts in 30 s, backoff "
                             "10..20 ms\n"),
            std::string::npos)
      << inspect.out;
  EXPECT_NE(inspect.out.find("restarts: 2\n"), std::string::npos) << inspect.out;
  EXPECT_NE(inspect.out.find("last_exit_code: 3\n"), std::string::npos) << inspect.out;
  ProcessResult ps = Run({"ps"});
  EXPECT_NE(ps.out.find("failed(3)"), std::string::npos) << ps.out;
  EXPECT_EQ(Count(Run({"logs", id}).out, "up arg\n"), 3u);

  ProcessResult graceful =
      Run({"spawn", Script("graceful.js",
                           "process.on('SIGTERM', () => { console.log('bye'); "
                           "process.exit(0); }); setInterval(() => {}, 1000);")});
  std::string gid = graceful.out.substr(0, graceful.out.find('\n'));
  ASSERT_TRUE(WaitUntil([&] {
    return Run({"inspect", gid}).out.find("state: idle") != std::string::npos;
  }));
  ProcessResult kill = Run({"kill", gid});
  EXPECT_EQ(kill.out, gid + ": exited (code 0)\n") << kill.err;
  EXPECT_EQ(Run({"logs", gid}).out, "bye\n");
  EXPECT_EQ(Run({"spawn", "--restart", "sometimes", Script("x.js", "")}).exit_code, 64);
}

TEST_F(CliTest, LogsFollowStreamsUntilTheWorkerExits) {
  ProcessResult spawn =
      Run({"spawn", Script("count.js",
                           "let n = 0; const t = setInterval(() => { console.log('line ' + ++n); "
                           "if (n === 3) clearInterval(t); }, 10)")});
  ASSERT_EQ(spawn.exit_code, 0) << spawn.err;
  std::string id = spawn.out.substr(0, spawn.out.find('\n'));
  ProcessResult logs = Run({"logs", "-f", id});
  EXPECT_EQ(logs.exit_code, 0) << logs.err;
  EXPECT_EQ(logs.out, "line 1\nline 2\nline 3\n");
  // Without -f, the captured output is replayed.
  ProcessResult replay = Run({"logs", id});
  EXPECT_EQ(replay.out, "line 1\nline 2\nline 3\n");
}

TEST_F(CliTest, AttachAndPostTalkToTheControlPort) {
  ProcessResult spawn = Run({"spawn", Script("echo.js", R"(
    const { control } = require('islet');
    control.on('message', (m) => {
      control.postMessage({ echo: m });
      if (m.stop) control.close();
    });
  )")});
  ASSERT_EQ(spawn.exit_code, 0) << spawn.err;
  std::string id = spawn.out.substr(0, spawn.out.find('\n'));
  ProcessResult attach =
      RunProcessWithInput({Islet(), "--socket", daemon_->socket_path(), "attach", id},
                          "{\"n\": 1}\nnot json\n{\"stop\": true}\n");
  EXPECT_EQ(attach.exit_code, 0) << attach.err;
  EXPECT_EQ(attach.out, "{\"echo\":{\"n\":1}}\n{\"echo\":{\"stop\":true}}\n");
  // The worker has exited: a post to it is refused with a clear error.
  ProcessResult post = Run({"post", id, "{}"});
  EXPECT_EQ(post.exit_code, 1);
  EXPECT_NE(post.err.find("has exited"), std::string::npos) << post.err;
}

TEST_F(CliTest, PostToAWorkerDeliversTheMessage) {
  ProcessResult spawn = Run({"spawn", Script("recv.js", R"(
    const { control } = require('islet');
    control.once('message', (m) => { console.log('got', m.greeting); control.close(); });
  )")});
  ASSERT_EQ(spawn.exit_code, 0) << spawn.err;
  std::string id = spawn.out.substr(0, spawn.out.find('\n'));
  ProcessResult post = Run({"post", id, R"({"greeting": "hi"})"});
  EXPECT_EQ(post.exit_code, 0) << post.err;
  ProcessResult logs = Run({"logs", "-f", id});
  EXPECT_EQ(logs.out, "got hi\n");
}

TEST_F(CliTest, DaemonErrorsGoToStderr) {
  ProcessResult r = Run({"kill", "999"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("islet: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("999"), std::string::npos) << r.err;
}

TEST_F(CliTest, DaemonStatus) {
  ProcessResult r = Run({"daemon", "status"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("isletd 0.1.0 (pid " + std::to_string(daemon_->process().pid()) + ")"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("socket: " + daemon_->socket_path()), std::string::npos) << r.out;
}

TEST(CliNoDaemonTest, EveryCommandButRunAndStartSaysSoAndExits2) {
  TempDir dir;
  std::string socket = dir.Join("s.sock");
  std::string expected =
      "islet: no daemon is listening on " + socket + " (start one with 'islet daemon start')\n";
  for (std::vector<std::string> command :
       std::vector<std::vector<std::string>>{{"ps"},
                                             {"inspect", "1"},
                                             {"kill", "1"},
                                             {"logs", "1"},
                                             {"daemon", "status"},
                                             {"daemon", "stop"}}) {
    command.insert(command.begin(), {Islet(), "--socket", socket});
    ProcessResult r = RunProcess(command);
    EXPECT_EQ(r.exit_code, 2) << command[3];
    EXPECT_EQ(r.err, expected) << command[3];
  }
  dir.Write("a.js", "");
  ProcessResult spawn = RunProcess({Islet(), "--socket", socket, "spawn", dir.Join("a.js")});
  EXPECT_EQ(spawn.exit_code, 2);
  EXPECT_EQ(spawn.err, expected);
}

TEST(CliUsageTest, BadCommandLinesExit64) {
  EXPECT_EQ(RunProcess({Islet()}).exit_code, 64);
  EXPECT_EQ(RunProcess({Islet(), "frobnicate"}).exit_code, 64);
  EXPECT_EQ(RunProcess({Islet(), "run"}).exit_code, 64);
  EXPECT_EQ(RunProcess({Islet(), "kill", "not-a-number"}).exit_code, 64);
  ProcessResult help = RunProcess({Islet(), "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("run"), std::string::npos);
}

TEST(CliAutoStartTest, DaemonStartStatusStop) {
  TempDir dir;
  std::string socket = dir.Join("d/s.sock");
  std::map<std::string, std::string> env = {{"ISLETD", IsletdBinary()}};
  auto islet = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {Islet(), "--socket", socket});
    return RunProcess(args, env);
  };
  ProcessResult start = islet({"daemon", "start"});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  EXPECT_EQ(start.out.rfind("isletd started (pid ", 0), 0u) << start.out;
  EXPECT_NE(start.out.find(" on " + socket), std::string::npos) << start.out;

  ProcessResult again = islet({"daemon", "start"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out.rfind("isletd is already running", 0), 0u) << again.out;

  ProcessResult status = islet({"daemon", "status"});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("isletd 0.1.0"), std::string::npos) << status.out;

  ProcessResult stop = islet({"daemon", "stop"});
  EXPECT_EQ(stop.exit_code, 0) << stop.err;
  EXPECT_EQ(stop.out.rfind("isletd stopped", 0), 0u) << stop.out;
  EXPECT_NE(access(socket.c_str(), F_OK), 0);
  EXPECT_EQ(islet({"daemon", "status"}).exit_code, 2);
  // The background daemon logged beside its socket.
  EXPECT_NE(ReadFileOrEmpty(dir.Join("d/isletd.log")).find("listening on"), std::string::npos);
  StopDaemon(socket);
}

TEST(CliAutoStartTest, RunStartsADaemonFoundBesideTheIsletBinary) {
  TempDir dir;
  std::string socket = dir.Join("s.sock");
  dir.Write("hello.js", "console.log('auto')");
  // No $ISLETD: islet finds isletd through its own real path; the socket
  // comes from $ISLET_SOCKET.
  ProcessResult r = RunProcess({Islet(), "run", dir.Join("hello.js")},
                               {{"ISLETD", ""}, {"ISLET_SOCKET", socket}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "auto\n");
  EXPECT_TRUE(client::Client::Connect(socket)) << "the daemon keeps running after run";
  StopDaemon(socket);
  EXPECT_FALSE(client::Client::Connect(socket));
}

}  // namespace
}  // namespace islet::testing
