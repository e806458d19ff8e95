// The watchdog checks each watched target every tick until the target says
// it needs no more watching or goes away, and holds no target alive: a
// target is only borrowed for the length of one check.
#include "runtime/limits/watchdog.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <thread>

#include "tests/common/wait.h"

namespace islet::runtime {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

int64_t Ns(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// Counts its checks and asks to be watched for `wanted` of them (0: for
// ever). Checked on the watchdog thread, read on the test thread.
class FakeWatched final : public Watched {
 public:
  explicit FakeWatched(int wanted = 0) : wanted_(wanted) {}

  bool CheckLimits(Clock::time_point now) override {
    int64_t ns = Ns(now);
    if (ns < last_now_ns_.load()) went_backwards_ = true;
    last_now_ns_ = ns;
    if (first_now_ns_.load() == 0) first_now_ns_ = ns;
    int n = ++checks_;
    return wanted_ == 0 || n < wanted_;
  }

  int checks() const { return checks_.load(); }
  int64_t first_now_ns() const { return first_now_ns_.load(); }
  int64_t last_now_ns() const { return last_now_ns_.load(); }
  bool went_backwards() const { return went_backwards_.load(); }

 private:
  const int wanted_;
  std::atomic<int> checks_{0};
  std::atomic<int64_t> first_now_ns_{0};
  std::atomic<int64_t> last_now_ns_{0};
  std::atomic<bool> went_backwards_{false};
};

bool WaitForChecks(const FakeWatched& target, int n) {
  return islet::testing::WaitUntil([&] { return target.checks() >= n; });
}

TEST(WatchdogTest, ATargetIsCheckedEveryTickWhileItAsksToBe) {
  Watchdog watchdog(milliseconds(1));
  EXPECT_EQ(watchdog.watched(), 0u);
  auto before = Clock::now();
  auto target = std::make_shared<FakeWatched>();
  watchdog.Watch(target);
  EXPECT_EQ(watchdog.watched(), 1u);
  ASSERT_TRUE(WaitForChecks(*target, 5));
  int64_t last = target->last_now_ns();  // read before `after`: checks go on meanwhile
  auto after = Clock::now();
  EXPECT_EQ(watchdog.watched(), 1u);
  // Each check is handed the time it runs at: the clock a deadline is judged by.
  EXPECT_GE(target->first_now_ns(), Ns(before));
  EXPECT_LE(last, Ns(after));
  EXPECT_GT(last, target->first_now_ns());
  EXPECT_FALSE(target->went_backwards());
}

TEST(WatchdogTest, ATargetThatSaysItIsDoneIsCheckedNoMore) {
  Watchdog watchdog(milliseconds(1));
  auto done = std::make_shared<FakeWatched>(/*wanted=*/3);
  // Still watched after `done` leaves: its checks count the ticks since.
  auto sentinel = std::make_shared<FakeWatched>();
  watchdog.Watch(done);
  watchdog.Watch(sentinel);
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return watchdog.watched() == 1; }));
  // `done` left in the tick that last checked the sentinel; three more
  // ticks have passed once the sentinel has had three more checks.
  int sentinel_checks = sentinel->checks();
  ASSERT_TRUE(WaitForChecks(*sentinel, sentinel_checks + 3));
  EXPECT_EQ(done->checks(), 3);
  EXPECT_EQ(watchdog.watched(), 1u);
}

TEST(WatchdogTest, ADroppedTargetIsForgottenAndNotKeptAlive) {
  Watchdog watchdog(milliseconds(1));
  auto target = std::make_shared<FakeWatched>();
  std::weak_ptr<FakeWatched> observer = target;
  watchdog.Watch(target);
  ASSERT_TRUE(WaitForChecks(*target, 1));
  target.reset();  // a worker that exited: no unwatch call is needed
  // The watchdog holds a target only while it checks it.
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return observer.expired(); }));
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return watchdog.watched() == 0; }));
}

// What a Blocking target did; outlives the watchdog, which destroys the target.
struct BlockingLog {
  std::promise<void> in_check;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> check_returned{false};
  std::atomic<bool> destroyed{false};
  std::atomic<bool> destroyed_after_check{false};
  std::thread::id destroyed_on;
};

// Blocks in its first check until the test releases it.
class Blocking final : public Watched {
 public:
  explicit Blocking(BlockingLog* log) : log_(log) {}
  ~Blocking() override {
    log_->destroyed_after_check = log_->check_returned.load();
    log_->destroyed_on = std::this_thread::get_id();
    log_->destroyed = true;  // last: the test reads the others once it sees this
  }

  bool CheckLimits(Clock::time_point) override {
    if (!first_) return true;
    first_ = false;
    log_->in_check.set_value();
    bool released =
        log_->released.wait_for(islet::testing::kWaitTimeout) == std::future_status::ready;
    log_->check_returned = true;
    return released;
  }

 private:
  BlockingLog* log_;
  bool first_ = true;  // watchdog thread only
};

TEST(WatchdogTest, ATargetDroppedDuringItsCheckLivesUntilTheCheckReturns) {
  BlockingLog log;
  Watchdog watchdog(milliseconds(1));
  auto target = std::make_shared<Blocking>(&log);
  watchdog.Watch(target);
  ASSERT_EQ(log.in_check.get_future().wait_for(islet::testing::kWaitTimeout),
            std::future_status::ready);
  target.reset();
  EXPECT_FALSE(log.destroyed.load()) << "destroyed while the watchdog was checking it";
  log.release.set_value();
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return log.destroyed.load(); }));
  EXPECT_TRUE(log.destroyed_after_check.load());
  EXPECT_NE(log.destroyed_on, std::this_thread::get_id());  // on the watchdog's thread
  EXPECT_TRUE(islet::testing::WaitUntil([&] { return watchdog.watched() == 0; }));
}

TEST(WatchdogTest, DestructionStopsAtOnceWithoutAFinalCheckAndReleasesTargets) {
  // A tick far longer than the test: the destructor must not wait it out.
  auto watchdog = std::make_unique<Watchdog>(std::chrono::hours(1));
  auto target = std::make_shared<FakeWatched>();
  watchdog->Watch(target);
  EXPECT_EQ(watchdog->watched(), 1u);
  auto start = Clock::now();
  watchdog.reset();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(target->checks(), 0) << "checked before its first tick was over";
  EXPECT_EQ(target.use_count(), 1) << "the stopped watchdog still holds the target";
}

TEST(WatchdogTest, AWatchdogLeftIdleWakesForANewTarget) {
  Watchdog watchdog(milliseconds(1));
  auto first = std::make_shared<FakeWatched>(/*wanted=*/1);
  watchdog.Watch(first);
  ASSERT_TRUE(islet::testing::WaitUntil([&] { return watchdog.watched() == 0; }));
  EXPECT_EQ(first->checks(), 1);
  // With nothing to watch the thread sleeps without a timeout; Watch wakes it.
  auto second = std::make_shared<FakeWatched>();
  watchdog.Watch(second);
  EXPECT_TRUE(WaitForChecks(*second, 2));
  EXPECT_EQ(first->checks(), 1);
}

}  // namespace
}  // namespace islet::runtime
