#include "runtime/supervisor/restart_planner.h"

#include <gtest/gtest.h>

namespace islet::runtime {
namespace {

using Kind = RestartDecision::Kind;
using std::chrono::milliseconds;
using std::chrono::seconds;

const auto kT0 = std::chrono::steady_clock::time_point() + std::chrono::hours(1);
const ExitInfo kCrash{1, ExitReason::kError, "boom", ""};
const ExitInfo kClean{0, ExitReason::kExited, "", ""};

RestartPolicy Policy(RestartPolicy::Mode mode) {
  RestartPolicy p;
  p.mode = mode;
  p.max_restarts = 3;
  p.window_seconds = 60;
  p.backoff_initial_ms = 100;
  p.backoff_max_ms = 1000;
  return p;
}

TEST(RestartPlannerTest, NeverRestartsUnderPolicyNever) {
  auto d = PlanRestart(Policy(RestartPolicy::Mode::kNever), {}, kCrash, 0, kT0);
  EXPECT_EQ(d.kind, Kind::kFinal);
}

TEST(RestartPlannerTest, OnFailureLeavesACleanExitFinalAndRestartsEveryOtherExit) {
  auto policy = Policy(RestartPolicy::Mode::kOnFailure);
  EXPECT_EQ(PlanRestart(policy, {}, kClean, 0, kT0).kind, Kind::kFinal);
  EXPECT_EQ(PlanRestart(policy, {}, kCrash, 0, kT0).kind, Kind::kRestart);
  EXPECT_EQ(PlanRestart(policy, {}, ExitInfo{0, ExitReason::kTerminated, "", ""}, 0, kT0).kind,
            Kind::kRestart);
  EXPECT_EQ(PlanRestart(policy, {}, ExitInfo{3, ExitReason::kExited, "", ""}, 0, kT0).kind,
            Kind::kRestart);
}

TEST(RestartPlannerTest, AlwaysRestartsACleanExit) {
  EXPECT_EQ(PlanRestart(Policy(RestartPolicy::Mode::kAlways), {}, kClean, 0, kT0).kind,
            Kind::kRestart);
}

TEST(RestartPlannerTest, TheBackoffDoublesUpToItsCap) {
  auto policy = Policy(RestartPolicy::Mode::kAlways);
  policy.max_restarts = 10;
  RestartHistory history;
  std::vector<int64_t> delays;
  for (int i = 0; i < 6; ++i) {
    auto d = PlanRestart(policy, history, kCrash, 0.01, kT0 + seconds(i));
    ASSERT_EQ(d.kind, Kind::kRestart);
    delays.push_back(d.delay.count());
    history = d.history;
  }
  EXPECT_EQ(delays, (std::vector<int64_t>{100, 200, 400, 800, 1000, 1000}));
}

TEST(RestartPlannerTest, ARunThatLastedAWindowStartsTheBackoffOver) {
  auto policy = Policy(RestartPolicy::Mode::kAlways);
  auto first = PlanRestart(policy, {}, kCrash, 0, kT0);
  auto second = PlanRestart(policy, first.history, kCrash, 0, kT0 + seconds(1));
  EXPECT_EQ(second.delay, milliseconds(200));
  auto after_long_run = PlanRestart(policy, second.history, kCrash, 60, kT0 + seconds(70));
  EXPECT_EQ(after_long_run.delay, milliseconds(100));
}

TEST(RestartPlannerTest, GivesUpAfterMaxRestartsWithinTheWindow) {
  auto policy = Policy(RestartPolicy::Mode::kAlways);
  RestartHistory history;
  for (int i = 0; i < 3; ++i) {
    auto d = PlanRestart(policy, history, kCrash, 0, kT0 + seconds(i));
    ASSERT_EQ(d.kind, Kind::kRestart) << i;
    EXPECT_NE(d.notice.find("(restart " + std::to_string(i + 1) + " of at most 3 in 60 s)"),
              std::string::npos)
        << d.notice;
    history = d.history;
  }
  auto d = PlanRestart(policy, history, kCrash, 0, kT0 + seconds(3));
  EXPECT_EQ(d.kind, Kind::kGiveUp);
  EXPECT_EQ(d.notice,
            "failed: 3 restarts within 60 s and exited again (error, code 1: boom); giving up");
}

TEST(RestartPlannerTest, RestartsOlderThanTheWindowNoLongerCount) {
  auto policy = Policy(RestartPolicy::Mode::kAlways);
  RestartHistory history;
  for (int i = 0; i < 3; ++i)
    history = PlanRestart(policy, history, kCrash, 0, kT0 + seconds(i)).history;
  // The first restart (at kT0) is 61 s old: two remain in the window.
  auto d = PlanRestart(policy, history, kCrash, 0, kT0 + seconds(61));
  EXPECT_EQ(d.kind, Kind::kRestart);
  EXPECT_EQ(d.history.restarts.size(), 3u);
}

TEST(RestartPlannerTest, TheNoticeSaysWhyAndWhen) {
  auto d = PlanRestart(Policy(RestartPolicy::Mode::kAlways), {},
                       ExitInfo{1, ExitReason::kCpuLimit, "too much", ""}, 0, kT0);
  EXPECT_EQ(d.notice,
            "exited (cpu-limit, code 1: too much); restarting in 100 ms (restart 1 of at most 3 "
            "in 60 s)");
}

TEST(RestartPlannerTest, BadPoliciesAreRefusedWithTheReason) {
  auto p = Policy(RestartPolicy::Mode::kAlways);
  EXPECT_TRUE(CheckRestartPolicy(p).has_value());
  EXPECT_TRUE(CheckRestartPolicy(Policy(RestartPolicy::Mode::kNever)).has_value());
  auto q = p;
  q.max_restarts = 0;
  EXPECT_EQ(CheckRestartPolicy(q).error().code, ErrorCode::kInvalidArgument);
  q = p;
  q.window_seconds = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(CheckRestartPolicy(q).error().message,
            "the restart window must be a positive number of seconds");
  q = p;
  q.backoff_initial_ms = std::numeric_limits<double>::infinity();
  EXPECT_EQ(CheckRestartPolicy(q).error().message,
            "the restart backoff must be a positive number of milliseconds");
  q = p;
  q.backoff_max_ms = 50;
  EXPECT_EQ(CheckRestartPolicy(q).error().message,
            "the restart backoff cap is below its initial delay");
  q = p;
  q.backoff_initial_ms = 1;
  q.backoff_max_ms = 2 * 86400e3;
  EXPECT_EQ(CheckRestartPolicy(q).error().message, "the restart backoff is over a day");
}

}  // namespace
}  // namespace islet::runtime
