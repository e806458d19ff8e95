#include "runtime/base/memory_trimmer.h"

#include <gtest/gtest.h>

#include "tests/common/wait.h"

namespace islet {
namespace {

using namespace std::chrono_literals;

TEST(MemoryTrimmerTest, TrimsOnceTheThresholdIsFreedAndNotBefore) {
  MemoryTrimmer trimmer(1000, 1ms);
  trimmer.Freed(600);
  trimmer.Freed(399);
  EXPECT_EQ(trimmer.trims(), 0u);  // Freed itself never trims
  trimmer.Freed(1);
  EXPECT_TRUE(testing::WaitUntil([&] { return trimmer.trims() >= 1; }));
}

TEST(MemoryTrimmerTest, WhatIsFreedDuringTheIntervalGetsOneMoreTrim) {
  MemoryTrimmer trimmer(1000, 50ms);
  trimmer.Freed(1000);
  EXPECT_TRUE(testing::WaitUntil([&] { return trimmer.trims() >= 1; }));
  // Below the threshold, but a flood's tail: trimmed at the interval's end.
  trimmer.Freed(10);
  EXPECT_TRUE(testing::WaitUntil([&] { return trimmer.trims() >= 2; }));
}

TEST(MemoryTrimmerTest, StopsPromptlyWhileWaitingOutTheInterval) {
  auto trimmer = std::make_unique<MemoryTrimmer>(1, std::chrono::hours(1));
  trimmer->Freed(1);
  EXPECT_TRUE(testing::WaitUntil([&] { return trimmer->trims() >= 1; }));
  trimmer.reset();  // joins without waiting the hour
}

}  // namespace
}  // namespace islet
