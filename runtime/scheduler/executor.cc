#include "runtime/scheduler/executor.h"

#include <pthread.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "runtime/base/mutex.h"

namespace islet::runtime {

namespace {
struct CurrentThread {
  Executor* executor = nullptr;
  void* state = nullptr;
  bool follows = false;            // this turn began right after the previous one
  const Actor* running = nullptr;  // the actor whose turn this thread runs
};
thread_local CurrentThread current;

int64_t CpuNs(clockid_t clock) {
  timespec ts;
  if (clock_gettime(clock, &ts) != 0) return -1;
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int ProcessNice() {
  errno = 0;
  int nice = getpriority(PRIO_PROCESS, 0);
  return errno == 0 ? nice : 0;
}

// Whether a thread here may lower its priority and take it back (root,
// CAP_SYS_NICE, or an RLIMIT_NICE that allows it). Tried on a thread of its
// own, since niceness is per thread on Linux.
bool CanRestoreNice(int base, int by) {
  bool ok = false;
  std::thread([&] {
    id_t tid = static_cast<id_t>(gettid());
    if (setpriority(PRIO_PROCESS, tid, std::min(19, base + by)) != 0) return;
    ok = setpriority(PRIO_PROCESS, tid, base) == 0;
  }).join();
  return ok;
}
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
      case kIdle:
        next = kQueued;
        break;
      case kRunning:
        next = kRunningNotified;
        break;
      default:
        return;  // already queued or already told
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
      max_blocked_(std::max(0, options.max_blocked_threads)),
      spin_us_(options.spin_microseconds),
      cores_(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
      long_turn_(std::max(0, options.long_turn_microseconds)),
      base_nice_(ProcessNice()),
      long_turn_nice_(options.long_turn_nice > 0 && long_turn_.count() > 0 &&
                              CanRestoreNice(base_nice_, options.long_turn_nice)
                          ? std::min(options.long_turn_nice, 19 - base_nice_)
                          : 0) {
  counters_.target_threads = target_;
  MutexLock lock(mu_);
  for (int i = 0; i < target_; ++i) StartThreadLocked();
  if (long_turn_.count() > 0) monitor_ = std::thread([this] { Monitor(); });
}

Executor::~Executor() { Stop(); }

void Executor::Stop() {
  std::vector<std::thread> threads;
  std::deque<std::shared_ptr<Actor>> dropped;
  {
    MutexLock lock(mu_);
    stopping_ = true;
    threads.swap(threads_);
    dropped.swap(queue_);
    queued_ = 0;
  }
  work_cv_.NotifyAll();
  spare_cv_.NotifyAll();
  monitor_cv_.NotifyAll();
  for (auto& t : threads) t.join();
  if (monitor_.joinable()) monitor_.join();
  MutexLock lock(mu_);
  for (auto& s : states_) s->runnext.reset();
  runnext_waiting_ = 0;
}

int Executor::live_threads() const {
  MutexLock lock(mu_);
  return live_;
}

ExecutorStats Executor::stats() const {
  MutexLock lock(mu_);
  ExecutorStats s = counters_;
  s.live_threads = live_;
  s.busy_threads = in_turn_;
  s.compensated_threads = compensated_;
  s.long_turns = long_now_;
  s.parked_threads = parked_ + (spare_ - spare_wakes_);
  s.run_queue = queue_.size();
  return s;
}

bool Executor::OnExecutorThread() const { return current.executor == this; }

bool Actor::InTurnHere() const { return current.running == this; }

bool Executor::TurnFollowsPrevious() { return current.follows; }

void Executor::StartThreadLocked() {
  if (stopping_) return;  // Stop() has taken threads_ away to join them
  ++live_;
  ++counters_.threads_started;
  // Reuse the slot of a thread that retired (its Loop has returned and
  // released mu_, so the join is immediate). Slots are never erased: the
  // monitor and TakeLocked walk states_ by index.
  for (size_t i = 0; i < states_.size(); ++i) {
    if (!states_[i]->retired) continue;
    if (threads_[i].joinable()) threads_[i].join();
    *states_[i] = ThreadState{};
    ThreadState* state = states_[i].get();
    threads_[i] = std::thread([this, state] { Loop(state); });
    return;
  }
  states_.push_back(std::make_unique<ThreadState>());
  ThreadState* state = states_.back().get();
  threads_.emplace_back([this, state] { Loop(state); });
}

void Executor::PushLocked(std::shared_ptr<Actor> actor) {
  queue_.push_back(std::move(actor));
  queued_.fetch_add(1, std::memory_order_release);
}

bool Executor::QueueRunnextLocked(ThreadState* self) {
  if (!self->runnext) return false;
  runnext_waiting_.fetch_sub(1, std::memory_order_release);
  PushLocked(std::move(self->runnext));
  return true;
}

void Executor::WakeMonitorLocked() {
  if (!monitor_asleep_) return;
  monitor_asleep_ = false;
  monitor_cv_.NotifyOne();
}

void Executor::Schedule(std::shared_ptr<Actor> actor) {
  MutexLock lock(mu_);
  if (stopping_) return;
  auto* self = current.executor == this ? static_cast<ThreadState*>(current.state) : nullptr;
  // runnext: the scheduled actor runs next on this thread; a displaced
  // runnext goes to the shared queue where any thread may take it. A thread
  // counted out (blocked or in a long turn) keeps no runnext: it would wait
  // for the whole turn.
  const bool to_runnext = self != nullptr && self->compensation == Compensation::kNone;
  if (to_runnext) {
    if (self->runnext) {
      PushLocked(std::move(self->runnext));
    } else {
      runnext_waiting_.fetch_add(1, std::memory_order_release);
    }
    self->runnext = std::move(actor);
    self->runnext_at = std::chrono::steady_clock::now();
  } else {
    PushLocked(std::move(actor));
  }
  // Wake a parked thread only if nobody would notice otherwise: a spinning
  // thread takes queued work by itself, and a runnext is watched by any
  // thread parked with a timeout (it steals the runnext if this thread's
  // turn runs on past kStealAfter). In a ping-pong the runnext is taken by
  // this same thread a few microseconds later, and a wake per hop kept the
  // other core busy spinning for nothing.
  bool wake = parked_ > 0 && spinning_ == 0 && (!to_runnext || timed_parked_ == 0);
  lock.Unlock();
  if (wake) work_cv_.NotifyOne();
}

std::shared_ptr<Actor> Executor::TakeLocked(ThreadState* self) {
  if (self->runnext) {
    runnext_waiting_.fetch_sub(1, std::memory_order_release);
    ++counters_.runnext_handoffs;
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
      ++counters_.steals;
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
  MutexLock lock(mu_);
  self->tid = gettid();
  self->has_cpu_clock = pthread_getcpuclockid(pthread_self(), &self->cpu_clock) == 0;
  WakeMonitorLocked();
  bool watching = false;    // the last park was a timed one that timed out
  bool after_turn = false;  // nothing but bookkeeping since the last turn ended
  while (!stopping_) {
    // Surplus thread (a counted-out turn ended): park as a spare.
    if (AvailableLocked() > target_) {
      after_turn = false;
      ++spare_;
      while (spare_wakes_ == 0 && !stopping_) spare_cv_.Wait(mu_);
      if (spare_wakes_ > 0) --spare_wakes_;
      --spare_;
      WakeMonitorLocked();
      continue;
    }
    if (auto actor = TakeLocked(self)) {
      self->in_turn = true;
      ++self->turn;
      ++in_turn_;
      ++counters_.turns;
      current.follows = after_turn;
      // More work is waiting and nobody is looking for it (whoever queued
      // it saw this thread spinning and woke no one): pass the wake on, as
      // Go's scheduler does when a spinning thread finds work.
      bool wake = !queue_.empty() && parked_ > 0 && spinning_ == 0;
      lock.Unlock();
      if (wake) work_cv_.NotifyOne();
      Run(std::move(actor));
      lock.Lock();
      after_turn = true;
      self->in_turn = false;
      --in_turn_;
      if (self->compensation != Compensation::kNone && !EndCompensationLocked(self)) break;
      continue;
    }
    // Spin briefly: a wake-up from a parked state costs tens of microseconds.
    // Not after a timed wait that found nothing: that thread only watches
    // a runnext, and spinning would keep a core busy for it.
    after_turn = false;
    if (!watching) {
      ++spinning_;
      lock.Unlock();
      auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(spin_us_);
      for (unsigned i = 1; queued_.load(std::memory_order_acquire) == 0; ++i) {
#if defined(__x86_64__)
        __builtin_ia32_pause();
#endif
        if (i % 64 == 0 && std::chrono::steady_clock::now() >= until)
          break;  // a clock read costs ~20 pauses
      }
      lock.Lock();
      --spinning_;
    }
    watching = false;
    if (stopping_ || !queue_.empty() || StealableLocked(self, std::chrono::steady_clock::now())) {
      continue;
    }
    ++parked_;
    ++counters_.parks;
    if (runnext_waiting_.load(std::memory_order_acquire) > 0) {
      // Come back to steal a runnext stuck behind a long turn.
      ++timed_parked_;
      watching = !work_cv_.WaitFor(mu_, kStealAfter);
      --timed_parked_;
    } else {
      work_cv_.Wait(mu_);
    }
    --parked_;
    WakeMonitorLocked();
  }
  current = {};
}

void Executor::Run(std::shared_ptr<Actor> actor) {
  actor->state_.store(Actor::kRunning, std::memory_order_release);
  current.running = actor.get();
  bool more = actor->RunTurn();
  current.running = nullptr;
  if (!more) {
    uint32_t expected = Actor::kRunning;
    if (actor->state_.compare_exchange_strong(expected, Actor::kIdle, std::memory_order_acq_rel)) {
      return;
    }
    // Notified during the turn: run again.
  }
  actor->state_.store(Actor::kQueued, std::memory_order_release);
  MutexLock lock(mu_);
  if (stopping_) return;
  PushLocked(std::move(actor));
  bool wake = parked_ > 0 && spinning_ == 0;
  lock.Unlock();
  if (wake) work_cv_.NotifyOne();
}

void Executor::CompensateLocked(ThreadState* self, Compensation why) {
  self->compensation = why;
  ++compensated_;
  if (why == Compensation::kLongTurn) {
    ++long_now_;
    ++counters_.long_turns_total;
  } else {
    ++counters_.blocks_total;
  }
  // An actor this turn scheduled to run next would wait for the whole turn.
  bool queued = QueueRunnextLocked(self);
  if (AvailableLocked() < target_) {
    if (spare_ - spare_wakes_ > 0) {
      ++spare_wakes_;
      spare_cv_.NotifyOne();
    } else if (live_ < target_ + max_blocked_) {
      StartThreadLocked();
    } else {
      ++counters_.compensations_refused;
    }
  }
  if (queued && parked_ > 0) work_cv_.NotifyOne();
}

bool Executor::EndCompensationLocked(ThreadState* self) {
  if (self->compensation == Compensation::kLongTurn) --long_now_;
  self->compensation = Compensation::kNone;
  --compensated_;
  WakeMonitorLocked();
  if (!self->niced) return true;
  self->niced = false;
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(self->tid), base_nice_) == 0) return true;
  // Without CAP_SYS_NICE a thread cannot take its priority back, and it
  // would serve short turns at a long turn's priority. It retires instead;
  // the pool starts a thread when it needs one.
  --live_;
  ++counters_.threads_retired;
  self->retired = true;
  if (QueueRunnextLocked(self) && parked_ > 0) work_cv_.NotifyOne();
  if (AvailableLocked() < target_ && !stopping_) StartThreadLocked();
  return false;
}

void Executor::BeginBlocking() {
  if (current.executor != this) return;  // not holding one of our threads
  auto* self = static_cast<ThreadState*>(current.state);
  MutexLock lock(mu_);
  if (stopping_ || self->compensation != Compensation::kNone) return;
  CompensateLocked(self, Compensation::kBlocked);
}

// The thread stays counted out until its turn ends (Loop): a turn that
// blocked once may block again or run on, and the compensating thread is
// already there.
void Executor::EndBlocking() {}

bool Executor::MonitorIdleLocked() const {
  // Every thread is parked, a spare, or counted out: no turn can start or
  // run long until one of them wakes, and each wake-up calls
  // WakeMonitorLocked.
  return in_turn_ == compensated_ && parked_ + (spare_ - spare_wakes_) + compensated_ >= live_;
}

void Executor::Monitor() {
  const auto tick =
      std::max<std::chrono::microseconds>(long_turn_ / 2, std::chrono::microseconds(100));
  MutexLock lock(mu_);
  while (!stopping_) {
    if (MonitorIdleLocked()) {
      monitor_asleep_ = true;
      while (monitor_asleep_ && !stopping_) monitor_cv_.Wait(mu_);
      continue;
    }
    monitor_cv_.WaitFor(mu_, tick);
    if (stopping_) break;
    auto now = std::chrono::steady_clock::now();
    // By index: compensating may start a thread, which appends to states_.
    for (size_t i = 0; i < states_.size(); ++i) {
      ThreadState* s = states_[i].get();
      if (!s->in_turn || s->compensation != Compensation::kNone) continue;
      if (s->turn != s->seen_turn) {
        s->seen_turn = s->turn;
        s->seen_at = now;
        s->seen_cpu_ns = s->has_cpu_clock ? CpuNs(s->cpu_clock) : -1;
        continue;
      }
      if (now - s->seen_at < long_turn_) continue;
      // Long in CPU time too: a short turn the OS has not let run for a
      // while (more runnable threads than cores) gains nothing from one
      // more thread, and must not be niced as batch work.
      if (s->seen_cpu_ns >= 0) {
        int64_t cpu = CpuNs(s->cpu_clock);
        if (cpu >= 0 && cpu - s->seen_cpu_ns < int64_t(long_turn_.count()) * 1000) continue;
      }
      CompensateLocked(s, Compensation::kLongTurn);
    }
    if (long_turn_nice_ > 0) NiceLongTurnsLocked();
  }
}

void Executor::NiceLongTurnsLocked() {
  // Long turns yield to short ones only while they alone would fill every
  // core: then a short turn can run only by preempting one of them. With a
  // core to spare, priority changes nothing but the long turns' share of
  // a machine others use too.
  const bool contended = long_now_ >= cores_;
  for (auto& s : states_) {
    if (s->compensation != Compensation::kLongTurn || s->niced == contended) continue;
    const int nice = contended ? base_nice_ + long_turn_nice_ : base_nice_;
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(s->tid), nice) == 0) s->niced = contended;
  }
}

}  // namespace islet::runtime
