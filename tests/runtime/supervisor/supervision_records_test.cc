// The supervisor's records of ended and supervised workers: how long they
// stay listed, which ids they keep, which durations are refused.
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

}  // namespace
}  // namespace islet::runtime
