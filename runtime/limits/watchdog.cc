#include "runtime/limits/watchdog.h"

#include <algorithm>

#include "runtime/base/mutex.h"

namespace islet::runtime {

Watchdog::Watchdog(std::chrono::milliseconds tick) : tick_(tick), thread_([this] { Loop(); }) {}

Watchdog::~Watchdog() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  cv_.NotifyAll();
  thread_.join();
}

void Watchdog::Watch(std::weak_ptr<Watched> target) {
  MutexLock lock(mu_);
  targets_.push_back(std::move(target));
  cv_.NotifyAll();
}

size_t Watchdog::watched() const {
  MutexLock lock(mu_);
  return targets_.size();
}

void Watchdog::Loop() {
  MutexLock lock(mu_);
  std::vector<std::shared_ptr<Watched>> live;
  while (!stopping_) {
    if (targets_.empty()) {
      cv_.Wait(mu_);
      continue;
    }
    cv_.WaitFor(mu_, tick_);
    if (stopping_) break;
    live.clear();
    for (auto& weak : targets_) {
      if (auto target = weak.lock()) live.push_back(std::move(target));
    }
    lock.Unlock();
    auto now = std::chrono::steady_clock::now();
    std::vector<Watched*> done;
    for (auto& target : live) {
      if (!target->CheckLimits(now)) done.push_back(target.get());
    }
    lock.Lock();
    std::erase_if(targets_, [&](const std::weak_ptr<Watched>& weak) {
      auto target = weak.lock();
      return !target || std::find(done.begin(), done.end(), target.get()) != done.end();
    });
    lock.Unlock();
    live.clear();  // drop strong refs outside the lock
    lock.Lock();
  }
}

}  // namespace islet::runtime
