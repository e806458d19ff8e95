#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>

#include "runtime/base/mutex.h"

namespace islet::runtime {

// One unit of work for an actor: a message, a timer firing, a platform task,
// a control event. Runs on the executor thread that holds the actor.
using Task = std::move_only_function<void()>;

// An actor's multi-producer, single-consumer event queue. Push is
// thread-safe; TakeBatch only from the thread currently running the actor.
class Mailbox {
 public:
  explicit Mailbox(size_t capacity = SIZE_MAX) : capacity_(capacity) {}

  // Returns false (and drops nothing else) when the mailbox is full or closed.
  bool Push(Task task);
  // Bypasses the capacity bound: for control events (terminate) that must
  // get through a full mailbox.
  bool PushUrgent(Task task);

  // Moves up to `max` tasks, in order, into `out`. Returns how many.
  size_t TakeBatch(size_t max, std::deque<Task>* out);

  // Refuses further pushes and returns what was queued (to be destroyed by
  // the caller outside any lock).
  std::deque<Task> Close();

  size_t size() const;
  bool empty() const { return size() == 0; }
  void set_capacity(size_t capacity);

 private:
  mutable AdaptiveMutex mu_;
  std::deque<Task> tasks_ GUARDED_BY(mu_);
  size_t capacity_ GUARDED_BY(mu_);
  bool closed_ GUARDED_BY(mu_) = false;
};

}  // namespace islet::runtime
