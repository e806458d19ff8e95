// The control server in-process over a real socket, with a FakeRuntime: the
// control-plane contract without V8.

#include "daemon/server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <future>
#include <thread>

#include "client/client.h"
#include "tests/daemon/fake_runtime.h"
#include "tests/daemon/harness.h"

namespace islet::daemon {
namespace {

using client::Client;
using client::ErrorKind;
using testing::FakeRuntime;
using testing::WaitUntil;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    socket_path_ = dir_.Join("s.sock");
    auto listener = UnixListener::Open(io_, socket_path_);
    ASSERT_TRUE(listener) << listener.error();
    ServiceOptions options;
    options.socket_path = socket_path_;
    options.bundle_limits.max_bytes = 1000;
    server_ = std::make_unique<Server>(io_, std::move(*listener), runtime_, options);
    server_->Start();
    thread_ = std::thread([this] { io_.run(); });
  }

  void TearDown() override {
    asio::post(io_, [this] { server_->Shutdown(); });
    thread_.join();
    server_.reset();
  }

  // Runs `fn` on the control thread and waits for its result.
  template <typename Fn>
  auto OnControlThread(Fn fn) {
    std::packaged_task<decltype(fn())()> task(fn);
    auto result = task.get_future();
    asio::post(io_, [&task] { task(); });
    return result.get();
  }

  Client Connect() {
    auto client = Client::Connect(socket_path_);
    EXPECT_TRUE(client) << client.error().message;
    return std::move(*client);
  }

  static v1::Request Spawn(bool follow) {
    v1::Request request;
    auto* spawn = request.mutable_spawn();
    spawn->mutable_bundle()->set_main("main.js");
    spawn->mutable_bundle()->set_root("/r");
    auto* file = spawn->mutable_bundle()->add_files();
    file->set_name("main.js");
    file->set_content("console.log(1)");
    spawn->add_argv("a");
    (*spawn->mutable_env())["K"] = "V";
    spawn->set_name("n");
    spawn->set_follow(follow);
    return request;
  }

  testing::TempDir dir_;
  std::string socket_path_;
  asio::io_context io_;
  FakeRuntime runtime_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerTest, SpawnTranslatesTheRequest) {
  Client client = Connect();
  auto response = client.Call(Spawn(false));
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->spawn().worker_id(), 1u);
  auto specs = runtime_.specs();
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].main, "main.js");
  EXPECT_EQ(specs[0].root, "/r");
  EXPECT_EQ(specs[0].files[0].content, "console.log(1)");
  EXPECT_EQ(specs[0].argv, std::vector<std::string>{"a"});
  EXPECT_EQ(specs[0].env.size(), 1u);
  EXPECT_EQ(specs[0].name, "n");
}

TEST_F(ServerTest, SpawnFollowStreamsEventsThenEndOfStream) {
  Client client = Connect();
  auto id = client.Send(Spawn(true));
  ASSERT_TRUE(id);
  auto spawned = client.Read(*id);
  ASSERT_TRUE(spawned && spawned->has_spawn());
  uint64_t worker = spawned->spawn().worker_id();
  runtime_.Emit(worker, runtime::Output{runtime::Stream::kStdout, "hi\n"});
  runtime_.Exit(worker, runtime::ExitInfo{4, runtime::ExitReason::kExited, "", ""});
  auto output = client.Read(*id);
  ASSERT_TRUE(output);
  EXPECT_EQ(output->event().output().data(), "hi\n");
  auto exited = client.Read(*id);
  ASSERT_TRUE(exited);
  EXPECT_EQ(exited->event().exited().exit_code(), 4);
  auto end = client.Read(*id);
  ASSERT_TRUE(end);
  EXPECT_TRUE(end->end_of_stream());
}

TEST_F(ServerTest, DisconnectUnsubscribesEveryStream) {
  Client spawner = Connect();
  auto spawned = spawner.Call(Spawn(false));
  ASSERT_TRUE(spawned);
  uint64_t worker = spawned->spawn().worker_id();
  {
    Client watcher = Connect();
    for (int i = 0; i < 2; ++i) {
      v1::Request subscribe;
      subscribe.mutable_subscribe()->set_worker_id(worker);
      subscribe.mutable_subscribe()->set_follow(true);
      ASSERT_TRUE(watcher.Send(subscribe));
    }
    ASSERT_TRUE(WaitUntil([&] { return runtime_.subscribers(worker) == 2; }));
  }
  EXPECT_TRUE(runtime_.WaitForUnsubscribes(2));
  EXPECT_EQ(runtime_.subscribers(worker), 0u);
}

TEST_F(ServerTest, FollowSinkGoesQuietAfterDisconnect) {
  uint64_t worker;
  {
    Client client = Connect();
    auto id = client.Send(Spawn(true));
    auto spawned = client.Read(*id);
    ASSERT_TRUE(spawned);
    worker = spawned->spawn().worker_id();
  }
  ASSERT_TRUE(WaitUntil([&] { return OnControlThread([&] { return server_->sessions(); }) == 0; }));
  runtime_.Emit(worker, runtime::Output{runtime::Stream::kStdout, "nobody listens\n"});
  runtime_.Exit(worker, runtime::ExitInfo{0, runtime::ExitReason::kExited, "", ""});
  Client other = Connect();
  v1::Request list;
  list.mutable_list()->set_include_exited(true);
  auto response = other.Call(list);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->list().workers_size(), 1);
}

TEST_F(ServerTest, SubscribeToUnknownWorkerIsNotFound) {
  Client client = Connect();
  v1::Request subscribe;
  subscribe.mutable_subscribe()->set_worker_id(77);
  auto response = client.Call(subscribe);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().kind, ErrorKind::kRemote);
  EXPECT_EQ(response.error().code, v1::NOT_FOUND);
  EXPECT_EQ(response.error().message, "no worker 77");
}

TEST_F(ServerTest, TerminateAnswersOnceTheWorkerHasExited) {
  Client client = Connect();
  auto spawned = client.Call(Spawn(false));
  ASSERT_TRUE(spawned);
  v1::Request terminate;
  terminate.mutable_terminate()->set_worker_id(spawned->spawn().worker_id());
  auto response = client.Call(terminate);
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->terminate().exit().reason(), "terminated");
}

TEST_F(ServerTest, InvalidBundleNeverReachesTheRuntime) {
  Client client = Connect();
  v1::Request request = Spawn(false);
  request.mutable_spawn()->mutable_bundle()->mutable_files(0)->set_content(std::string(2000, 'x'));
  auto response = client.Call(request);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, v1::INVALID_ARGUMENT);
  EXPECT_NE(response.error().message.find("bundle too large"), std::string::npos);
  EXPECT_TRUE(runtime_.specs().empty());
}

// Issue 13: spawns waiting for admission were held without a bound.
TEST_F(ServerTest, SpawnsWaitingForAdmissionAreBoundedPerConnection) {
  runtime_.starting = 1000000;  // nothing is admitted
  Client client = Connect();
  const size_t kMax = ControlService::kMaxDeferredPerConnection;
  std::vector<uint64_t> ids;
  for (size_t i = 0; i <= kMax; ++i) {
    auto id = client.Send(Spawn(false));
    ASSERT_TRUE(id);
    ids.push_back(*id);
  }
  auto refused = client.Read(ids.back());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, v1::RESOURCE_EXHAUSTED);
  EXPECT_EQ(refused.error().message,
            "this connection already has 10000 spawns waiting for admission (at most 10000); "
            "wait for their replies before sending more");
  EXPECT_EQ(runtime_.specs().size(), 0u);
  // Admitted, every one waiting is spawned, in order.
  runtime_.starting = 0;
  for (size_t i = 0; i < kMax; ++i) {
    auto spawned = client.Read(ids[i]);
    ASSERT_TRUE(spawned) << spawned.error().message;
    EXPECT_EQ(spawned->spawn().worker_id(), i + 1);
  }
}

TEST_F(ServerTest, SpawnsWaitingForAdmissionGoWithTheirConnection) {
  runtime_.starting = 1000000;
  {
    Client client = Connect();
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(client.Send(Spawn(false)));
    // All read by the server (and deferred) before the client goes.
    v1::Request info;
    info.mutable_daemon_info();
    ASSERT_TRUE(client.Call(info));
  }
  ASSERT_TRUE(WaitUntil([&] { return OnControlThread([&] { return server_->sessions(); }) == 0; }));
  runtime_.starting = 0;
  // A spawn from another connection goes through; none of the dropped ones.
  Client other = Connect();
  auto spawned = other.Call(Spawn(false));
  ASSERT_TRUE(spawned) << spawned.error().message;
  EXPECT_EQ(runtime_.specs().size(), 1u);
}

TEST_F(ServerTest, DaemonInfo) {
  Client client = Connect();
  ASSERT_TRUE(client.Call(Spawn(false)));
  v1::Request request;
  request.mutable_daemon_info();
  auto response = client.Call(request);
  ASSERT_TRUE(response);
  const auto& info = response->daemon_info();
  EXPECT_EQ(info.version(), "0.1.0");
  EXPECT_EQ(info.pid(), getpid());
  EXPECT_EQ(info.socket_path(), socket_path_);
  EXPECT_EQ(info.workers_spawned_total(), 1u);
  EXPECT_EQ(info.executor_threads(), 3u);
  EXPECT_GE(info.uptime_seconds(), 0.0);
}

TEST_F(ServerTest, ShutdownRequestStopsEverything) {
  Client client = Connect();
  v1::Request request;
  request.mutable_shutdown();
  auto response = client.Call(request);
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_TRUE(response->has_shutdown());
  // The daemon closes the connection once it has shut down.
  auto next = client.Read(0);
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().kind, ErrorKind::kClosed);
  thread_.join();
  thread_ = std::thread([] {});  // TearDown joins again
  EXPECT_TRUE(runtime_.shutdown());
  EXPECT_NE(access(socket_path_.c_str(), F_OK), 0) << "socket file should be gone";
}

}  // namespace
}  // namespace islet::daemon
