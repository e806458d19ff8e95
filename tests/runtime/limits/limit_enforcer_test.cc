#include "runtime/limits/limit_enforcer.h"

#include <gtest/gtest.h>
#include <pthread.h>

namespace islet::runtime {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

uint64_t ThreadCpuNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// Burns this thread's CPU for `ms`.
void Spin(double ms) {
  uint64_t until = ThreadCpuNs() + uint64_t(ms * 1e6);
  while (ThreadCpuNs() < until) {
  }
}

void BeginTurnHere(LimitEnforcer& e) {
  clockid_t clock;
  ASSERT_EQ(pthread_getcpuclockid(pthread_self(), &clock), 0);
  e.BeginTurn(clock, ThreadCpuNs(), SteadyNs());
}

TEST(LimitEnforcerTest, NoLimitsNeedNoWatchingAndAreNeverBroken) {
  LimitEnforcer e(WorkerLimits{}, Clock::now());
  EXPECT_FALSE(e.HasWatchedLimits());
  EXPECT_FALSE(e.Check(Clock::now() + std::chrono::hours(24)));
  // The ArrayBuffer and queue limits are enforced elsewhere.
  EXPECT_FALSE(e.Set(WorkerLimits{.max_external_mb = 1, .max_port_queue = 5}));
}

TEST(LimitEnforcerTest, TheDeadlineCountsFromTheStart) {
  auto start = Clock::now();
  LimitEnforcer e(WorkerLimits{.deadline_ms = 100}, start);
  EXPECT_TRUE(e.HasWatchedLimits());
  EXPECT_FALSE(e.Check(start + milliseconds(100)));
  auto breach = e.Check(start + milliseconds(101));
  ASSERT_TRUE(breach);
  EXPECT_EQ(breach->reason, ExitReason::kDeadline);
  EXPECT_EQ(breach->message, "Worker terminated: deadline of 100 ms reached");
}

TEST(LimitEnforcerTest, ATurnPastItsCpuLimitIsABreachWhileItRuns) {
  LimitEnforcer e(WorkerLimits{.cpu_ms_per_turn = 20}, Clock::now());
  BeginTurnHere(e);
  EXPECT_FALSE(e.Check(Clock::now()));
  Spin(25);
  EXPECT_GE(e.TurnInProgress().cpu_ns, 25'000'000u);
  auto breach = e.Check(Clock::now());
  ASSERT_TRUE(breach);
  EXPECT_EQ(breach->reason, ExitReason::kCpuLimit);
  EXPECT_EQ(breach->message, "Worker terminated: a turn used more than 20 ms of CPU");
  e.EndTurn(ThreadCpuNs());
  EXPECT_EQ(e.TurnInProgress().cpu_ns, 0u);  // between turns
  EXPECT_FALSE(e.Check(Clock::now()));       // the turn is over
}

TEST(LimitEnforcerTest, TotalCpuAddsUpTurns) {
  LimitEnforcer e(WorkerLimits{.cpu_ms_total = 30}, Clock::now());
  for (int i = 0; i < 2; ++i) {
    BeginTurnHere(e);
    Spin(12);
    e.EndTurn(ThreadCpuNs());
  }
  EXPECT_GE(e.FinishedTurnsCpuNs(), 24'000'000u);
  EXPECT_FALSE(e.Check(Clock::now()));
  BeginTurnHere(e);
  Spin(12);  // 36 ms in all, 12 of them in this turn
  auto breach = e.Check(Clock::now());
  ASSERT_TRUE(breach);
  EXPECT_EQ(breach->message, "Worker terminated: used more than 30 ms of CPU in total");
  e.EndTurn(ThreadCpuNs());
}

TEST(LimitEnforcerTest, TheFirstCauseRecordedIsTheOneReported) {
  LimitEnforcer e(WorkerLimits{}, Clock::now());
  EXPECT_EQ(e.Cause().reason, ExitReason::kTerminated);
  e.RecordCause({ExitReason::kDeadline, "deadline"});
  e.RecordCause({ExitReason::kCpuLimit, "cpu"});
  EXPECT_EQ(e.Cause().reason, ExitReason::kDeadline);
  EXPECT_EQ(e.Cause().message, "deadline");
}

}  // namespace
}  // namespace islet::runtime
