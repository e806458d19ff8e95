#include "runtime/supervisor/subscriber.h"

namespace islet::runtime {

void Subscriber::Push(WorkerEvent event) {
  MutexLock lock(mu_);
  if (!closed_) pending_.push_back(std::move(event));
}

void Subscriber::Drain() {
  MutexLock lock(mu_);
  if (delivering_) return;
  delivering_ = true;
  deliverer_ = std::this_thread::get_id();
  while (!closed_ && !pending_.empty()) {
    WorkerEvent event = std::move(pending_.front());
    pending_.pop_front();
    lock.Unlock();
    sink_(event);
    lock.Lock();
  }
  delivering_ = false;
  deliverer_ = {};
  idle_.NotifyAll();
}

void Subscriber::Close() {
  MutexLock lock(mu_);
  closed_ = true;
  pending_.clear();
  if (delivering_ && deliverer_ == std::this_thread::get_id()) return;
  while (delivering_) idle_.Wait(mu_);
}

}  // namespace islet::runtime
