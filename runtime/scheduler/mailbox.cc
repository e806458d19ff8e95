#include "runtime/scheduler/mailbox.h"

#include <utility>

namespace islet::runtime {

bool Mailbox::Push(Task task) {
  std::lock_guard lock(mu_);
  if (closed_ || tasks_.size() >= capacity_) return false;
  tasks_.push_back(std::move(task));
  return true;
}

bool Mailbox::PushUrgent(Task task) {
  std::lock_guard lock(mu_);
  if (closed_) return false;
  tasks_.push_back(std::move(task));
  return true;
}

size_t Mailbox::TakeBatch(size_t max, std::deque<Task>* out) {
  std::lock_guard lock(mu_);
  size_t n = 0;
  while (n < max && !tasks_.empty()) {
    out->push_back(std::move(tasks_.front()));
    tasks_.pop_front();
    ++n;
  }
  return n;
}

std::deque<Task> Mailbox::Close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  return std::exchange(tasks_, {});
}

size_t Mailbox::size() const {
  std::lock_guard lock(mu_);
  return tasks_.size();
}

void Mailbox::set_capacity(size_t capacity) {
  std::lock_guard lock(mu_);
  capacity_ = capacity;
}

}  // namespace islet::runtime
