// The warm pool keeps `target` prepared isolates, no more, with two threads
// preparing at once: a preparation in flight counts against the target, so
// the pool never overshoots, and it refills what is taken.
#include "runtime/worker/warm_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "runtime/engine/engine.h"
#include "tests/common/wait.h"

namespace islet::runtime {
namespace {

// Full and idle: `ready` isolates and none in preparation, so it makes no more.
bool WaitFull(WarmPool& pool, size_t ready) {
  return islet::testing::WaitUntil([&] { return pool.ready() == ready && pool.preparing() == 0; });
}

TEST(WarmPoolTest, FillsToItsTargetAndNoFurtherAndRefills) {
  Engine& engine = Engine::Get();
  WarmPool pool(&engine, 3, ResourceLimits{}, nullptr);
  ASSERT_TRUE(WaitFull(pool, 3));
  EXPECT_EQ(pool.ready(), 3u);
  std::vector<std::unique_ptr<PreparedIsolate>> taken;
  for (int i = 0; i < 3; ++i) {
    taken.push_back(pool.Take(ResourceLimits{}));
    ASSERT_NE(taken.back(), nullptr);
  }
  ASSERT_TRUE(WaitFull(pool, 3));
  EXPECT_EQ(pool.ready(), 3u);
  ResourceLimits other;
  other.max_old_generation_mb = 64;
  EXPECT_EQ(pool.Take(other), nullptr);  // other limits: the caller prepares its own
  for (auto& p : taken) DisposePrepared(&engine, std::move(p));
}

}  // namespace
}  // namespace islet::runtime
