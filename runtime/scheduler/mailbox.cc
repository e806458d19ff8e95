#include "runtime/scheduler/mailbox.h"

#include <utility>

#include "runtime/base/mutex.h"

namespace islet::runtime {

bool Mailbox::Push(Task task) {
  MutexLock lock(mu_);
  if (closed_ || tasks_.size() >= capacity_) return false;
  tasks_.push_back(std::move(task));
  return true;
}

bool Mailbox::PushUrgent(Task task) {
  MutexLock lock(mu_);
  if (closed_) return false;
  tasks_.push_back(std::move(task));
  return true;
}

size_t Mailbox::TakeBatch(size_t max, std::deque<Task>* out) {
  MutexLock lock(mu_);
  size_t n = 0;
  while (n < max && !tasks_.empty()) {
    out->push_back(std::move(tasks_.front()));
    tasks_.pop_front();
    ++n;
  }
  return n;
}

std::deque<Task> Mailbox::Close() {
  MutexLock lock(mu_);
  closed_ = true;
  return std::exchange(tasks_, {});
}

size_t Mailbox::size() const {
  MutexLock lock(mu_);
  return tasks_.size();
}

void Mailbox::set_capacity(size_t capacity) {
  MutexLock lock(mu_);
  capacity_ = capacity;
}

}  // namespace islet::runtime
