// Supervision against the real isletd: restart policies with their window
// and backoff, Terminate's grace period, and the state file that resurrects
// supervised workers after a daemon restart (or crash).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <vector>

#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

using client::Client;

v1::Request Supervised(const std::string& name, const std::string& source,
                       v1::RestartPolicy::Mode mode, uint32_t max_restarts, double window_s,
                       double backoff_ms, double backoff_max_ms = 0) {
  v1::Request request = SpawnRequest(name, source, /*follow=*/false);
  v1::RestartPolicy* restart = request.mutable_spawn()->mutable_restart();
  restart->set_mode(mode);
  restart->set_max_restarts(max_restarts);
  restart->set_window_seconds(window_s);
  restart->set_backoff_initial_ms(backoff_ms);
  restart->set_backoff_max_ms(backoff_max_ms);
  return request;
}

uint64_t SpawnOk(Client& client, v1::Request request) {
  auto response = client.Call(std::move(request));
  EXPECT_TRUE(response) << response.error().message;
  return response ? response->spawn().worker_id() : 0;
}

std::optional<v1::WorkerInfo> Inspect(Client& client, uint64_t id) {
  v1::Request request;
  request.mutable_inspect()->set_worker_id(id);
  auto response = client.Call(request);
  if (!response) return std::nullopt;
  return response->inspect().worker();
}

v1::WorkerState StateOf(Client& client, uint64_t id) {
  auto info = Inspect(client, id);
  return info ? info->state() : v1::WORKER_STATE_UNSPECIFIED;
}

// Milliseconds between successive "began <ms>" lines the script printed.
std::vector<int64_t> StartGaps(const std::string& logs) {
  std::vector<int64_t> starts;
  std::regex line("began (\\d+)");
  for (auto it = std::sregex_iterator(logs.begin(), logs.end(), line); it != std::sregex_iterator();
       ++it) {
    starts.push_back(std::stoll((*it)[1]));
  }
  std::vector<int64_t> gaps;
  for (size_t i = 1; i < starts.size(); ++i) gaps.push_back(starts[i] - starts[i - 1]);
  return gaps;
}

constexpr char kCrashSoon[] =
    "console.log('began', Date.now());\n"
    "setTimeout(() => { throw new Error('boom'); }, 20);\n";

class SupervisionTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(); }

  void Start(const std::vector<std::string>& extra = {}) {
    auto daemon = Isletd::StartOn(dir_.Join("s.sock"), extra);
    ASSERT_TRUE(daemon) << daemon.error();
    daemon_ = std::move(*daemon);
    auto client = daemon_->Connect();
    ASSERT_TRUE(client) << client.error().message;
    client_.emplace(std::move(*client));
  }

  void Restart(const std::vector<std::string>& extra = {}) {
    client_.reset();
    auto status = daemon_->Stop();
    ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
    daemon_.reset();
    Start(extra);
  }

  // Named after the socket (s.sock).
  std::string StatePath() const { return dir_.Join("s.state"); }

  TempDir dir_;
  std::unique_ptr<Isletd> daemon_;
  std::optional<Client> client_;
};

TEST_F(SupervisionTest, OnFailureRestartsWithDoublingBackoffThenGivesUp) {
  uint64_t id = SpawnOk(*client_, Supervised("crash.js", kCrashSoon, v1::RestartPolicy::ON_FAILURE,
                                             /*max_restarts=*/3, /*window_s=*/60,
                                             /*backoff_ms=*/100));
  ASSERT_TRUE(WaitUntil([&] { return StateOf(*client_, id) == v1::FAILED; }))
      << CapturedOutput(*client_, id);
  auto info = Inspect(*client_, id);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->restarts(), 3u);
  EXPECT_EQ(info->exit().reason(), "error");
  EXPECT_EQ(info->exit().exit_code(), 1);
  EXPECT_NE(info->exit().error_stack().find("crash.js:2"), std::string::npos)
      << info->exit().error_stack();
  EXPECT_EQ(info->last_exit().reason(), "error");
  EXPECT_EQ(info->restart().mode(), v1::RestartPolicy::ON_FAILURE);

  std::string logs = CapturedOutput(*client_, id);
  EXPECT_EQ(Count(logs, "Error: boom"), 8u) << logs;  // 4 runs: message + stack line each
  EXPECT_NE(logs.find("restarting in 100 ms (restart 1 of at most 3 in 60 s)"), std::string::npos)
      << logs;
  EXPECT_NE(logs.find("restarting in 200 ms (restart 2"), std::string::npos) << logs;
  EXPECT_NE(logs.find("restarting in 400 ms (restart 3"), std::string::npos) << logs;
  EXPECT_NE(logs.find("failed: 3 restarts within 60 s"), std::string::npos) << logs;
  // Each restart waited at least its backoff (lower bounds only: the machine
  // may be slow, never fast).
  std::vector<int64_t> gaps = StartGaps(logs);
  ASSERT_EQ(gaps.size(), 3u) << logs;
  EXPECT_GE(gaps[0], 100);
  EXPECT_GE(gaps[1], 200);
  EXPECT_GE(gaps[2], 400);

  // Given up is visible in plain `ps` until killed, which dismisses it.
  v1::Request list;
  list.mutable_list();
  auto listed = client_->Call(list);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->list().workers_size(), 1);
  EXPECT_EQ(listed->list().workers(0).state(), v1::FAILED);
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(id);
  ASSERT_TRUE(client_->Call(kill));
  listed = client_->Call(list);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->list().workers_size(), 0);
}

TEST_F(SupervisionTest, BackoffIsCapped) {
  uint64_t id = SpawnOk(*client_, Supervised("crash.js", kCrashSoon, v1::RestartPolicy::ALWAYS, 4,
                                             60, /*backoff_ms=*/50, /*backoff_max_ms=*/120));
  ASSERT_TRUE(WaitUntil([&] { return StateOf(*client_, id) == v1::FAILED; }));
  std::string logs = CapturedOutput(*client_, id);
  EXPECT_NE(logs.find("restarting in 50 ms"), std::string::npos) << logs;
  EXPECT_NE(logs.find("restarting in 100 ms"), std::string::npos) << logs;
  EXPECT_EQ(Count(logs, "restarting in 120 ms"), 2u) << logs;
}

TEST_F(SupervisionTest, OnFailureLeavesACleanExitAlone) {
  uint64_t id = SpawnOk(*client_, Supervised("ok.js", "console.log('done')",
                                             v1::RestartPolicy::ON_FAILURE, 3, 60, 10));
  ASSERT_TRUE(WaitUntil([&] { return StateOf(*client_, id) == v1::EXITED; }));
  auto info = Inspect(*client_, id);
  EXPECT_EQ(info->restarts(), 0u);
  EXPECT_EQ(info->exit().reason(), "exited");
  EXPECT_EQ(CapturedOutput(*client_, id), "done\n");
}

TEST_F(SupervisionTest, AlwaysRestartsACleanExitAndKillStopsIt) {
  uint64_t id = SpawnOk(*client_, Supervised("ok.js", "console.log('run')",
                                             v1::RestartPolicy::ALWAYS, 100, 60, 10, 10));
  ASSERT_TRUE(WaitUntil([&] {
    auto info = Inspect(*client_, id);
    return info && info->restarts() >= 3;
  }));
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(id);
  auto killed = client_->Call(kill);
  ASSERT_TRUE(killed) << killed.error().message;
  // It stays down: no more restarts after the kill.
  auto info = Inspect(*client_, id);
  ASSERT_TRUE(info);
  uint32_t restarts = info->restarts();
  EXPECT_EQ(info->state(), v1::EXITED);
  // Ten backoffs (10 ms each) without a restart.
  EXPECT_FALSE(WaitUntil(
      [&] {
        auto now = Inspect(*client_, id);
        return !now || now->restarts() != restarts || now->state() != v1::EXITED;
      },
      std::chrono::milliseconds(100)));
}

TEST_F(SupervisionTest, KillDuringBackoffCancelsTheRestart) {
  uint64_t id = SpawnOk(*client_, Supervised("crash.js", "process.exit(2)",
                                             v1::RestartPolicy::ON_FAILURE, 5, 60, 60000));
  ASSERT_TRUE(WaitUntil([&] { return StateOf(*client_, id) == v1::RESTARTING; }));
  auto info = Inspect(*client_, id);
  EXPECT_GT(info->next_restart_unix_ms(), 0);
  EXPECT_EQ(info->last_exit().exit_code(), 2);
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(id);
  auto killed = client_->Call(kill);
  ASSERT_TRUE(killed) << killed.error().message;
  EXPECT_EQ(killed->terminate().exit().reason(), "terminated");
  EXPECT_EQ(StateOf(*client_, id), v1::EXITED);
}

TEST_F(SupervisionTest, ARunLongerThanTheWindowStartsTheCountOver) {
  // Each run lasts longer than the window, so earlier restarts have left it
  // by the next failure: never given up although max_restarts is 1.
  uint64_t id = SpawnOk(*client_, Supervised("slow.js", "setTimeout(() => process.exit(1), 400)",
                                             v1::RestartPolicy::ON_FAILURE, 1, 0.3, 10));
  ASSERT_TRUE(WaitUntil([&] {
    auto info = Inspect(*client_, id);
    return info && info->restarts() >= 3;
  }));
  EXPECT_NE(StateOf(*client_, id), v1::FAILED);
  std::string logs = CapturedOutput(*client_, id);
  // The backoff started over too: every restart waited the initial delay.
  EXPECT_EQ(Count(logs, "restarting in 10 ms"), Count(logs, "restarting in")) << logs;
}

TEST_F(SupervisionTest, BadPoliciesAreRefused) {
  v1::Request request = Supervised("x.js", "1", v1::RestartPolicy::ON_FAILURE, 3, -1, 10);
  auto response = client_->Call(request);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, v1::INVALID_ARGUMENT);
  request = Supervised("x.js", "1", v1::RestartPolicy::ON_FAILURE, 3, 10, 500, 100);
  response = client_->Call(request);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, v1::INVALID_ARGUMENT);
  EXPECT_NE(response.error().message.find("backoff"), std::string::npos);
  request = Supervised("x.js", "1", static_cast<v1::RestartPolicy::Mode>(9), 3, 10, 10);
  response = client_->Call(request);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, v1::INVALID_ARGUMENT);
}

TEST_F(SupervisionTest, GracePeriodLetsASigtermListenerFinish) {
  uint64_t id = SpawnOk(*client_, SpawnRequest("graceful.js",
                                               "process.on('SIGTERM', (s) => {\n"
                                               "  console.log('cleaning up after', s);\n"
                                               "  setTimeout(() => process.exit(0), 50);\n"
                                               "});\n"
                                               "setInterval(() => {}, 1000);\n"
                                               "console.log('ready');\n",
                                               false));
  ASSERT_TRUE(WaitUntil([&] { return CapturedOutput(*client_, id) == "ready\n"; }));
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(id);
  kill.mutable_terminate()->set_grace_ms(20000);
  auto killed = client_->Call(kill);
  ASSERT_TRUE(killed) << killed.error().message;
  EXPECT_EQ(killed->terminate().exit().reason(), "exited");
  EXPECT_EQ(killed->terminate().exit().exit_code(), 0);
  EXPECT_EQ(CapturedOutput(*client_, id), "ready\ncleaning up after SIGTERM\n");
}

TEST_F(SupervisionTest, GracePeriodEndsInForceWhenTheListenerDoesNotExit) {
  uint64_t id = SpawnOk(*client_, SpawnRequest("stubborn.js",
                                               "process.on('SIGTERM', () => {\n"
                                               "  console.log('ignoring it');\n"
                                               "  for (;;) {}\n"
                                               "});\n"
                                               "setInterval(() => {}, 1000);\n"
                                               "console.log('ready');\n",
                                               false));
  ASSERT_TRUE(WaitUntil([&] { return CapturedOutput(*client_, id) == "ready\n"; }));
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(id);
  kill.mutable_terminate()->set_grace_ms(200);
  auto killed = client_->Call(kill);
  ASSERT_TRUE(killed) << killed.error().message;
  EXPECT_EQ(killed->terminate().exit().reason(), "terminated");
  EXPECT_EQ(CapturedOutput(*client_, id), "ready\nignoring it\n");
}

TEST_F(SupervisionTest, WithoutAListenerAGracefulKillIsImmediate) {
  uint64_t id = SpawnOk(*client_, SpawnRequest("plain.js", "setInterval(() => {}, 1000)", false));
  ASSERT_TRUE(WaitUntil([&] { return StateOf(*client_, id) == v1::IDLE; }));
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(id);
  kill.mutable_terminate()->set_grace_ms(600000);  // would time the test out if waited
  auto killed = client_->Call(kill);
  ASSERT_TRUE(killed) << killed.error().message;
  EXPECT_EQ(killed->terminate().exit().reason(), "terminated");
}

constexpr char kService[] =
    "console.log('up', process.argv.slice(2).join(','), process.env.MODE);\n"
    "setInterval(() => {}, 1000);\n";

TEST_F(SupervisionTest, SupervisedWorkersAreResurrectedAfterADaemonRestart) {
  v1::Request service = Supervised("svc.js", kService, v1::RestartPolicy::ALWAYS, 5, 60, 10);
  service.mutable_spawn()->add_argv("x");
  (*service.mutable_spawn()->mutable_env())["MODE"] = "prod";
  service.mutable_spawn()->set_name("api");
  service.mutable_spawn()->mutable_limits()->set_cpu_ms_per_turn(5000);
  uint64_t supervised = SpawnOk(*client_, service);
  uint64_t plain = SpawnOk(*client_, SpawnRequest("plain.js", kService, false));
  uint64_t killed =
      SpawnOk(*client_, Supervised("gone.js", kService, v1::RestartPolicy::ALWAYS, 5, 60, 10));
  v1::Request kill;
  kill.mutable_terminate()->set_worker_id(killed);
  ASSERT_TRUE(client_->Call(kill));
  ASSERT_TRUE(WaitUntil([&] { return CapturedOutput(*client_, supervised) == "up x prod\n"; }));
  // Limits changed on the live worker are what comes back.
  v1::Request limit;
  limit.mutable_set_limits()->set_worker_id(supervised);
  limit.mutable_set_limits()->mutable_limits()->set_cpu_ms_per_turn(7000);
  ASSERT_TRUE(client_->Call(limit));

  Restart();
  v1::Request list;
  list.mutable_list();
  auto listed = client_->Call(list);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->list().workers_size(), 1) << "only the live supervised worker comes back";
  const v1::WorkerInfo& back = listed->list().workers(0);
  EXPECT_EQ(back.id(), supervised);  // under its old id
  EXPECT_EQ(back.name(), "api");
  EXPECT_EQ(back.main(), "svc.js");
  EXPECT_EQ(back.limits().cpu_ms_per_turn(), 7000);
  EXPECT_EQ(back.restart().mode(), v1::RestartPolicy::ALWAYS);
  ASSERT_TRUE(WaitUntil([&] { return CapturedOutput(*client_, supervised) == "up x prod\n"; }))
      << CapturedOutput(*client_, supervised);
  (void)plain;

  v1::Request info;
  info.mutable_daemon_info();
  auto status = client_->Call(info);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->daemon_info().workers_resurrected(), 1u);
  EXPECT_EQ(status->daemon_info().state_path(), StatePath());
  EXPECT_EQ(status->daemon_info().state_problem(), "");

  // A new worker does not take a resurrected one's id.
  uint64_t fresh = SpawnOk(*client_, SpawnRequest("plain.js", kService, false));
  EXPECT_NE(fresh, supervised);
}

TEST_F(SupervisionTest, AWorkerThatCannotBeResurrectedStaysInTheFileForTheNextStart) {
  uint64_t id =
      SpawnOk(*client_, Supervised("svc.js", kService, v1::RestartPolicy::ALWAYS, 5, 60, 10));
  // Restarted with a bundle limit its files exceed: not started, not lost.
  Restart({"--max-bundle-bytes", "50"});
  v1::Request info;
  info.mutable_daemon_info();
  auto status = client_->Call(info);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->daemon_info().workers_resurrected(), 0u);
  EXPECT_FALSE(Inspect(*client_, id));
  EXPECT_NE(daemon_->Log().find("kept in the file"), std::string::npos) << daemon_->Log();
  // A supervised spawn meanwhile rewrites the file: the entry is still kept.
  SpawnOk(*client_,
          Supervised("b.js", "setInterval(() => {}, 1000)", v1::RestartPolicy::ALWAYS, 5, 60, 10));
  Restart();
  status = client_->Call(info);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->daemon_info().workers_resurrected(), 2u);
  auto back = Inspect(*client_, id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->main(), "svc.js");
}

TEST_F(SupervisionTest, DaemonsOnTwoSocketsInOneDirectoryKeepTheirOwnStateFiles) {
  SpawnOk(*client_, Supervised("svc.js", kService, v1::RestartPolicy::ALWAYS, 5, 60, 10));
  auto other = Isletd::StartOn(dir_.Join("t.sock"));
  ASSERT_TRUE(other) << other.error();
  auto other_client = (*other)->Connect();
  ASSERT_TRUE(other_client);
  v1::Request list;
  list.mutable_list();
  auto listed = other_client->Call(list);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->list().workers_size(), 0) << "the second daemon resurrected the first's";
  EXPECT_TRUE(std::filesystem::exists(dir_.Join("t.state")));
  EXPECT_TRUE(std::filesystem::exists(StatePath()));
}

TEST_F(SupervisionTest, ResurrectionSurvivesADaemonCrash) {
  uint64_t id =
      SpawnOk(*client_, Supervised("svc.js", kService, v1::RestartPolicy::ON_FAILURE, 5, 60, 10));
  ASSERT_TRUE(WaitUntil([&] { return CapturedOutput(*client_, id).starts_with("up"); }));
  client_.reset();
  daemon_->process().Signal(SIGKILL);
  ASSERT_TRUE(daemon_->process().Wait());
  daemon_.reset();
  Start();  // takes over the stale socket
  auto info = Inspect(*client_, id);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->main(), "svc.js");
  EXPECT_NE(info->state(), v1::EXITED);
}

// What the daemon acknowledged is on disk before the client sees the reply:
// a kill -9 right after a supervised spawn's reply does not lose the worker,
// and right after a kill's reply does not bring it back. (Replies once went
// before the write: 5 of 10 such spawns were lost.)
TEST_F(SupervisionTest, AcknowledgedSpawnsAndKillsSurviveAnImmediateCrash) {
  auto crash_and_start = [&] {
    daemon_->process().Signal(SIGKILL);
    ASSERT_TRUE(daemon_->process().Wait());
    client_.reset();
    daemon_.reset();
    Start();  // takes over the stale socket
  };
  std::vector<uint64_t> spawned;
  for (int round = 0; round < 5; ++round) {
    spawned.push_back(SpawnOk(
        *client_, Supervised("svc.js", kService, v1::RestartPolicy::ON_FAILURE, 5, 60, 10)));
    ASSERT_NO_FATAL_FAILURE(crash_and_start());
    for (uint64_t id : spawned) {
      auto info = Inspect(*client_, id);
      ASSERT_TRUE(info) << "round " << round << ": acknowledged worker " << id << " was lost";
      EXPECT_NE(info->state(), v1::EXITED);
    }
  }
  for (uint64_t id : spawned) {
    v1::Request kill;
    kill.mutable_terminate()->set_worker_id(id);
    auto killed = client_->Call(kill);
    ASSERT_TRUE(killed) << killed.error().message;
    ASSERT_NO_FATAL_FAILURE(crash_and_start());
    auto info = Inspect(*client_, id);
    EXPECT_FALSE(info && info->state() != v1::EXITED)
        << "killed worker " << id << " came back after a crash";
  }
}

// A crash in the middle of a write leaves the temporary file (owner-only,
// holding bundles and environments): the next start removes it, and leaves
// a corrupt file set aside for a human alone.
TEST_F(SupervisionTest, TemporaryStateFilesLeftByACrashAreRemovedAtStart) {
  std::string temporary = StatePath() + ".aB3xYz";
  std::string set_aside = StatePath() + ".corrupt-1234";
  for (const std::string& path : {temporary, set_aside}) {
    std::ofstream(path) << "left over";
  }
  client_.reset();
  auto status = daemon_->Stop();
  ASSERT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
  daemon_.reset();
  Start();
  EXPECT_FALSE(std::filesystem::exists(temporary));
  EXPECT_TRUE(std::filesystem::exists(set_aside));
}

TEST_F(SupervisionTest, ACorruptStateFileIsSetAsideAndReported) {
  SpawnOk(*client_, Supervised("svc.js", kService, v1::RestartPolicy::ALWAYS, 5, 60, 10));
  client_.reset();
  ASSERT_TRUE(daemon_->Stop());
  daemon_.reset();
  std::string bytes = ReadFileOrEmpty(StatePath());
  ASSERT_GT(bytes.size(), 40u);
  bytes[bytes.size() / 2] ^= 0x5a;  // one flipped byte
  dir_.Write("s.state", bytes);

  Start();
  v1::Request info;
  info.mutable_daemon_info();
  auto status = client_->Call(info);
  ASSERT_TRUE(status);
  EXPECT_NE(status->daemon_info().state_problem().find("checksum mismatch"), std::string::npos)
      << status->daemon_info().state_problem();
  EXPECT_EQ(status->daemon_info().workers_resurrected(), 0u);
  bool set_aside = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    set_aside |= entry.path().filename().string().starts_with("s.state.corrupt-");
  }
  EXPECT_TRUE(set_aside);
  // The daemon works, and keeps a fresh state file from now on.
  uint64_t id =
      SpawnOk(*client_, Supervised("svc.js", kService, v1::RestartPolicy::ALWAYS, 5, 60, 10));
  EXPECT_GT(id, 0u);
  Restart();
  EXPECT_TRUE(Inspect(*client_, id));
}

TEST_F(SupervisionTest, GarbageAndEmptyStateFilesNeverStopTheDaemon) {
  client_.reset();
  ASSERT_TRUE(daemon_->Stop());
  daemon_.reset();
  for (const std::string& bytes :
       {std::string(), std::string("ISLETST1"), std::string("not a state file at all, just text"),
        std::string("ISLETST1\xff\xff\xff\xff\xff\xff\xff\xff"
                    "abcd",
                    20)}) {
    dir_.Write("s.state", bytes);
    Start();
    v1::Request info;
    info.mutable_daemon_info();
    auto status = client_->Call(info);
    ASSERT_TRUE(status);
    EXPECT_NE(status->daemon_info().state_problem(), "") << "for " << bytes.size() << " bytes";
    client_.reset();
    ASSERT_TRUE(daemon_->Stop());
    daemon_.reset();
  }
  Start();
}

}  // namespace
}  // namespace islet::testing
