#include "runtime/limits/watchdog.h"

#include <algorithm>

namespace islet::runtime {

Watchdog::Watchdog(std::chrono::milliseconds tick) : tick_(tick), thread_([this] { Loop(); }) {}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Watchdog::Watch(std::weak_ptr<Watched> target) {
  std::lock_guard lock(mu_);
  targets_.push_back(std::move(target));
  cv_.notify_all();
}

size_t Watchdog::watched() const {
  std::lock_guard lock(mu_);
  return targets_.size();
}

void Watchdog::Loop() {
  std::unique_lock lock(mu_);
  std::vector<std::shared_ptr<Watched>> live;
  while (!stopping_) {
    if (targets_.empty()) {
      cv_.wait(lock);
      continue;
    }
    cv_.wait_for(lock, tick_);
    if (stopping_) break;
    live.clear();
    for (auto& weak : targets_) {
      if (auto target = weak.lock()) live.push_back(std::move(target));
    }
    lock.unlock();
    auto now = std::chrono::steady_clock::now();
    std::vector<Watched*> done;
    for (auto& target : live) {
      if (!target->CheckLimits(now)) done.push_back(target.get());
    }
    lock.lock();
    std::erase_if(targets_, [&](const std::weak_ptr<Watched>& weak) {
      auto target = weak.lock();
      return !target || std::find(done.begin(), done.end(), target.get()) != done.end();
    });
    lock.unlock();
    live.clear();  // drop strong refs outside the lock
    lock.lock();
  }
}

}  // namespace islet::runtime
