// The Supervisor through the Runtime facade: what it promises its callers
// about event sinks.

#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

using testing::MakeSpec;

class SupervisorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Runtime::Create(RuntimeOptions{.executor_threads = 2});
    ASSERT_TRUE(created.has_value()) << created.error().message;
    runtime_ = std::move(*created);
  }
  void TearDown() override { runtime_->Shutdown(); }

  std::unique_ptr<Runtime> runtime_;
};

// Sinks run after the supervisor's lock is released: one that calls back
// into the runtime (as a client library's callback might) must not
// deadlock. Under the lock, this test hung at the first output.
TEST_F(SupervisorTest, ASinkMayCallBackIntoTheRuntime) {
  auto ended = std::make_shared<std::promise<std::vector<std::string>>>();
  auto seen = std::make_shared<std::vector<std::string>>();
  Runtime* runtime = runtime_.get();
  auto spawned = runtime_->Spawn(
      MakeSpec("console.log('one'); console.log('two');"),
      [runtime, seen, ended](const WorkerEvent& event) {
        if (auto* out = std::get_if<Output>(&event.body)) {
          auto info = runtime->Inspect(event.worker_id);
          seen->push_back(out->data + (info ? " inspected" : " not found"));
          runtime->List(true);
        } else if (std::holds_alternative<ExitInfo>(event.body)) {
          seen->push_back("exit listed: " + std::to_string(runtime->List(true).size()));
        } else if (std::holds_alternative<EndOfStream>(event.body)) {
          ended->set_value(*seen);
        }
      });
  ASSERT_TRUE(spawned.has_value());
  auto future = ended->get_future();
  ASSERT_EQ(future.wait_for(std::chrono::seconds(30)), std::future_status::ready)
      << "a sink calling back into the runtime deadlocked";
  EXPECT_EQ(future.get(),
            (std::vector<std::string>{"one\n inspected", "two\n inspected", "exit listed: 1"}));
}

// A subscriber that joins late gets the captured output, then the live
// events, in order, each once.
TEST_F(SupervisorTest, ASubscriptionReplaysThenFollowsInOrder) {
  std::promise<void> first_line;
  auto first_line_future = first_line.get_future();
  auto release = std::make_shared<std::promise<void>>();
  auto spawned = runtime_->Spawn(MakeSpec(R"(
        console.log('before');
        // Wait for the test's go-ahead on the control port, then print more.
        const { control } = require('islet');
        control.on('message', () => {
          console.log('after');
          process.exit(0);
        });
      )"),
                                 [&first_line](const WorkerEvent& event) {
                                   if (auto* out = std::get_if<Output>(&event.body);
                                       out && out->data == "before\n") {
                                     first_line.set_value();
                                   }
                                 });
  ASSERT_TRUE(spawned.has_value());
  ASSERT_EQ(first_line_future.wait_for(std::chrono::seconds(30)), std::future_status::ready);
  auto events = std::make_shared<std::vector<std::string>>();
  auto done = std::make_shared<std::promise<void>>();
  auto sub = runtime_->Subscribe(spawned->worker_id, true, [events, done](const WorkerEvent& e) {
    if (auto* out = std::get_if<Output>(&e.body)) events->push_back(out->data);
    if (std::holds_alternative<ExitInfo>(e.body)) events->push_back("exit");
    if (std::holds_alternative<EndOfStream>(e.body)) done->set_value();
  });
  ASSERT_TRUE(sub.has_value());
  ASSERT_TRUE(runtime_->PostControl(spawned->worker_id, "1").has_value());
  ASSERT_EQ(done->get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
  EXPECT_EQ(*events, (std::vector<std::string>{"before\n", "after\n", "exit"}));
}

}  // namespace
}  // namespace islet::runtime
