#include "runtime/scheduler/timer_service.h"

#include <vector>

#include "runtime/base/mutex.h"

namespace islet::runtime {

TimerService::TimerService() : thread_([this] { Loop(); }) {}

TimerService::~TimerService() { Stop(); }

void TimerService::Stop() {
  decltype(entries_) dropped;
  {
    MutexLock lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    dropped.swap(entries_);
  }
  cv_.NotifyAll();
  if (thread_.joinable()) thread_.join();
}

void TimerService::WakeAt(Clock::time_point when, std::weak_ptr<Actor> actor) {
  RunAt(when, [actor = std::move(actor)] {
    if (auto a = actor.lock()) a->Wake();
  });
}

void TimerService::RunAt(Clock::time_point when, std::move_only_function<void()> fn) {
  bool earliest;
  {
    MutexLock lock(mu_);
    if (stopping_) return;
    earliest = entries_.empty() || when < entries_.begin()->first.first;
    entries_.emplace(std::make_pair(when, seq_++), std::move(fn));
  }
  if (earliest) cv_.NotifyOne();
}

void TimerService::Loop() {
  MutexLock lock(mu_);
  std::vector<std::move_only_function<void()>> due;
  while (!stopping_) {
    if (entries_.empty()) {
      cv_.Wait(mu_);
      continue;
    }
    auto when = entries_.begin()->first.first;
    auto now = Clock::now();
    if (now < when) {
      cv_.WaitUntil(mu_, when);
      continue;
    }
    while (!entries_.empty() && entries_.begin()->first.first <= now) {
      due.push_back(std::move(entries_.begin()->second));
      entries_.erase(entries_.begin());
    }
    lock.Unlock();
    for (auto& fn : due) fn();
    due.clear();  // destroy captured state outside the lock
    lock.Lock();
  }
}

}  // namespace islet::runtime
