#include "runtime/scheduler/executor.h"

#include <chrono>

namespace islet::runtime {

namespace {
struct CurrentThread {
  Executor* executor = nullptr;
  void* state = nullptr;
};
thread_local CurrentThread current;
}  // namespace

Actor::Actor(Executor* executor, size_t mailbox_capacity)
    : executor_(executor), mailbox_(mailbox_capacity) {}

bool Actor::Post(Task task) {
  if (!mailbox_.Push(std::move(task))) return false;
  Notify();
  return true;
}

bool Actor::PostUrgent(Task task) {
  if (!mailbox_.PushUrgent(std::move(task))) return false;
  Notify();
  return true;
}

void Actor::Wake() { Notify(); }

void Actor::Notify() {
  uint32_t s = state_.load(std::memory_order_acquire);
  for (;;) {
    uint32_t next;
    switch (s) {
      case kIdle: next = kQueued; break;
      case kRunning: next = kRunningNotified; break;
      default: return;  // already queued or already told
    }
    if (state_.compare_exchange_weak(s, next, std::memory_order_acq_rel)) {
      if (next == kQueued) executor_->Schedule(shared_from_this());
      return;
    }
  }
}

Executor::Executor(const ExecutorOptions& options)
    : target_(options.threads > 0 ? options.threads
                                  : std::max(1u, std::thread::hardware_concurrency())),
      max_blocked_(options.max_blocked_threads),
      spin_us_(options.spin_microseconds) {
  std::lock_guard lock(mu_);
  for (int i = 0; i < target_; ++i) StartThreadLocked();
}

Executor::~Executor() { Stop(); }

void Executor::Stop() {
  std::vector<std::thread> threads;
  std::deque<std::shared_ptr<Actor>> dropped;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    threads.swap(threads_);
    dropped.swap(queue_);
    queued_ = 0;
  }
  work_cv_.notify_all();
  spare_cv_.notify_all();
  for (auto& t : threads) t.join();
  std::lock_guard lock(mu_);
  for (auto& s : states_) s->runnext.reset();
  runnext_waiting_ = 0;
}

int Executor::live_threads() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(threads_.size());
}

bool Executor::OnExecutorThread() const { return current.executor == this; }

void Executor::StartThreadLocked() {
  states_.push_back(std::make_unique<ThreadState>());
  ThreadState* state = states_.back().get();
  threads_.emplace_back([this, state] { Loop(state); });
}

void Executor::Schedule(std::shared_ptr<Actor> actor) {
  std::unique_lock lock(mu_);
  if (stopping_) return;
  if (current.executor == this) {
    auto* self = static_cast<ThreadState*>(current.state);
    // runnext: the scheduled actor runs next on this thread; a displaced
    // runnext goes to the shared queue where any thread may take it.
    if (self->runnext) {
      queue_.push_back(std::move(self->runnext));
      queued_.fetch_add(1, std::memory_order_release);
    } else {
      runnext_waiting_.fetch_add(1, std::memory_order_release);
    }
    self->runnext = std::move(actor);
    self->runnext_at = std::chrono::steady_clock::now();
  } else {
    queue_.push_back(std::move(actor));
    queued_.fetch_add(1, std::memory_order_release);
  }
  // A parked thread is woken for runnext too: if this thread's turn runs
  // long, it takes the runnext after kStealAfter instead of leaving it stuck.
  bool wake = parked_ > 0;
  lock.unlock();
  if (wake) work_cv_.notify_one();
}

std::shared_ptr<Actor> Executor::TakeLocked(ThreadState* self) {
  if (self->runnext) {
    runnext_waiting_.fetch_sub(1, std::memory_order_release);
    return std::move(self->runnext);
  }
  if (!queue_.empty()) {
    auto a = std::move(queue_.front());
    queue_.pop_front();
    queued_.fetch_sub(1, std::memory_order_release);
    return a;
  }
  // Steal another thread's runnext that has waited too long: its thread is
  // busy with a long turn.
  auto now = std::chrono::steady_clock::now();
  for (auto& s : states_) {
    if (s.get() != self && s->runnext && now - s->runnext_at >= kStealAfter) {
      runnext_waiting_.fetch_sub(1, std::memory_order_release);
      return std::move(s->runnext);
    }
  }
  return nullptr;
}

bool Executor::StealableLocked(ThreadState* self, std::chrono::steady_clock::time_point now) const {
  for (auto& s : states_) {
    if (s.get() != self && s->runnext && now - s->runnext_at >= kStealAfter) return true;
  }
  return false;
}

void Executor::Loop(ThreadState* self) {
  current.executor = this;
  current.state = self;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    // Surplus thread (its blocked actor came back): park as a spare.
    int available = static_cast<int>(threads_.size()) - blocked_ - spare_;
    if (available > target_) {
      ++spare_;
      spare_cv_.wait(lock);
      --spare_;
      continue;
    }
    if (auto actor = TakeLocked(self)) {
      lock.unlock();
      Run(std::move(actor));
      lock.lock();
      continue;
    }
    // Spin briefly: a wake-up from a parked state costs tens of microseconds.
    lock.unlock();
    auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(spin_us_);
    while (queued_.load(std::memory_order_acquire) == 0 &&
           std::chrono::steady_clock::now() < until) {
#if defined(__x86_64__)
      __builtin_ia32_pause();
#endif
    }
    lock.lock();
    if (stopping_ || !queue_.empty() ||
        StealableLocked(self, std::chrono::steady_clock::now())) {
      continue;
    }
    ++parked_;
    if (runnext_waiting_.load(std::memory_order_acquire) > 0) {
      work_cv_.wait_for(lock, kStealAfter);  // come back to steal a stuck runnext
    } else {
      work_cv_.wait(lock);
    }
    --parked_;
  }
  current = {};
}

void Executor::Run(std::shared_ptr<Actor> actor) {
  actor->state_.store(Actor::kRunning, std::memory_order_release);
  bool more = actor->RunTurn();
  if (!more) {
    uint32_t expected = Actor::kRunning;
    if (actor->state_.compare_exchange_strong(expected, Actor::kIdle,
                                              std::memory_order_acq_rel)) {
      return;
    }
    // Notified during the turn: run again.
  }
  actor->state_.store(Actor::kQueued, std::memory_order_release);
  std::unique_lock lock(mu_);
  if (stopping_) return;
  queue_.push_back(std::move(actor));
  queued_.fetch_add(1, std::memory_order_release);
  bool wake = parked_ > 0;
  lock.unlock();
  if (wake) work_cv_.notify_one();
}

void Executor::BeginBlocking() {
  std::unique_lock lock(mu_);
  ++blocked_;
  if (stopping_) return;
  int available = static_cast<int>(threads_.size()) - blocked_ - spare_;
  if (available >= target_) return;
  if (spare_ > 0) {
    spare_cv_.notify_one();
  } else if (static_cast<int>(threads_.size()) < target_ + max_blocked_) {
    StartThreadLocked();
  }
}

void Executor::EndBlocking() {
  std::lock_guard lock(mu_);
  --blocked_;
}

}  // namespace islet::runtime
