#include "runtime/scheduler/timer_service.h"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <vector>

namespace islet::runtime {
namespace {

class WakeRecorder : public Actor {
 public:
  WakeRecorder(Executor* e, int id, std::function<void(int)> on_turn)
      : Actor(e, SIZE_MAX), id_(id), on_turn_(std::move(on_turn)) {}

 protected:
  bool RunTurn() override {
    on_turn_(id_);
    return false;
  }

 private:
  int id_;
  std::function<void(int)> on_turn_;
};

TEST(TimerServiceTest, WakesActorsInDeadlineOrder) {
  Executor executor({.threads = 1});
  TimerService timers;
  std::mutex mu;
  std::vector<int> order;
  std::promise<void> done;
  auto record = [&](int id) {
    std::lock_guard lock(mu);
    order.push_back(id);
    if (order.size() == 3) done.set_value();
  };
  std::vector<std::shared_ptr<WakeRecorder>> actors;
  for (int i = 0; i < 3; ++i)
    actors.push_back(std::make_shared<WakeRecorder>(&executor, i, record));
  auto now = TimerService::Clock::now();
  timers.WakeAt(now + std::chrono::milliseconds(30), actors[2]);
  timers.WakeAt(now + std::chrono::milliseconds(10), actors[0]);
  timers.WakeAt(now + std::chrono::milliseconds(20), actors[1]);
  done.get_future().wait();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
}

TEST(TimerServiceTest, GoneActorIsSkipped) {
  Executor executor({.threads = 1});
  TimerService timers;
  std::promise<void> done;
  auto survivor = std::make_shared<WakeRecorder>(&executor, 1, [&](int) { done.set_value(); });
  {
    // Due well after the scope ends: with a deadline of "now" the timer
    // thread could fire while `gone` still exists (it did under TSan).
    auto gone = std::make_shared<WakeRecorder>(&executor, 0, [](int) { FAIL(); });
    timers.WakeAt(TimerService::Clock::now() + std::chrono::milliseconds(20), gone);
  }
  timers.WakeAt(TimerService::Clock::now() + std::chrono::milliseconds(40), survivor);
  done.get_future().wait();
}

}  // namespace
}  // namespace islet::runtime
