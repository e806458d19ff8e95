// The worker's lifecycle state machine (runtime/worker/lifecycle.h), alone:
// the phases its turns move it through and the requests that end it.

#include "runtime/worker/lifecycle.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace islet::runtime {
namespace {

TEST(LifecycleTest, StartsInStartingAndTheFirstTurnRunsTheStartUpCodeOnce) {
  Lifecycle life;
  EXPECT_EQ(life.state(), WorkerState::kStarting);
  EXPECT_FALSE(life.started());
  life.EnterTurn();
  EXPECT_TRUE(life.in_turn());
  EXPECT_TRUE(life.Begin());
  EXPECT_TRUE(life.started());
  EXPECT_EQ(life.state(), WorkerState::kRunning);
  life.EndTurn(/*more=*/false);
  EXPECT_FALSE(life.in_turn());
  EXPECT_EQ(life.state(), WorkerState::kIdle);
  life.EnterTurn();
  EXPECT_FALSE(life.Begin());  // not the first any more
  EXPECT_EQ(life.state(), WorkerState::kRunning);
}

TEST(LifecycleTest, ATurnWithMoreReadyStaysRunning) {
  Lifecycle life;
  life.EnterTurn();
  life.Begin();
  life.EndTurn(/*more=*/true);
  EXPECT_EQ(life.state(), WorkerState::kRunning);
}

TEST(LifecycleTest, AtomicsWaitBlocksAndReturnsToRunning) {
  Lifecycle life;
  life.EnterTurn();
  life.Begin();
  life.BeginWait();
  EXPECT_EQ(life.state(), WorkerState::kBlocked);
  life.EndWait();
  EXPECT_EQ(life.state(), WorkerState::kRunning);
}

TEST(LifecycleTest, FinishIsFirstWinsAndEndsInExited) {
  Lifecycle life;
  life.EnterTurn();
  life.Begin();
  EXPECT_TRUE(life.Finish(ExitInfo{3, ExitReason::kExited, "", ""}));
  EXPECT_TRUE(life.finishing());
  EXPECT_EQ(life.state(), WorkerState::kTerminating);
  EXPECT_FALSE(life.Finish(ExitInfo{1, ExitReason::kError, "late", ""}));
  EXPECT_EQ(life.exit().exit_code, 3);
  EXPECT_EQ(life.exit().reason, ExitReason::kExited);
  // The turn that finished ends without going idle, then disposes.
  life.EndTurn(/*more=*/false);
  EXPECT_EQ(life.state(), WorkerState::kTerminating);
  life.MarkExited();
  EXPECT_EQ(life.state(), WorkerState::kExited);
  EXPECT_TRUE(life.finishing());
}

TEST(LifecycleTest, AWaitInAFinishingWorkerLeavesThePhase) {
  Lifecycle life;
  life.EnterTurn();
  life.Begin();
  life.Finish(ExitInfo{});
  life.BeginWait();  // an 'exit' listener waiting
  EXPECT_EQ(life.state(), WorkerState::kTerminating);
  life.EndWait();
  EXPECT_EQ(life.state(), WorkerState::kTerminating);
}

TEST(LifecycleTest, AWorkerCanFinishBeforeItsFirstTurnRanAnyCode) {
  Lifecycle life;
  EXPECT_TRUE(life.RequestTerminate());
  EXPECT_TRUE(life.Finish(ExitInfo{0, ExitReason::kTerminated, "", ""}));
  EXPECT_FALSE(life.started());
  EXPECT_EQ(life.state(), WorkerState::kTerminating);
}

TEST(LifecycleTest, ProcessExitIsARequestUntilTheTurnLoopFinishes) {
  Lifecycle life;
  life.EnterTurn();
  life.Begin();
  EXPECT_FALSE(life.RequestedExit().has_value());
  life.RequestExit(42);
  EXPECT_TRUE(life.exit_requested());
  EXPECT_FALSE(life.finishing());  // the request alone does not end it
  auto exit = life.RequestedExit();
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->exit_code, 42);
  EXPECT_EQ(exit->reason, ExitReason::kExited);
}

TEST(LifecycleTest, OnlyTheFirstOutOfMemoryAndTerminateRequestsCount) {
  Lifecycle life;
  EXPECT_TRUE(life.MarkOutOfMemory());
  EXPECT_FALSE(life.MarkOutOfMemory());
  EXPECT_TRUE(life.out_of_memory());
  EXPECT_TRUE(life.RequestTerminate());
  EXPECT_FALSE(life.RequestTerminate());
}

TEST(LifecycleTest, ExactlyOneOfManyConcurrentTerminateRequestsIsFirst) {
  Lifecycle life;
  std::atomic<int> firsts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (life.RequestTerminate()) firsts.fetch_add(1);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(firsts.load(), 1);
  EXPECT_TRUE(life.terminate_requested());
}

}  // namespace
}  // namespace islet::runtime
