#pragma once

#include <deque>
#include <thread>

#include "runtime/base/mutex.h"
#include "runtime/runtime.h"

namespace islet::runtime {

// One subscription to a worker's events: queues them in order and calls the
// sink with no lock held, so a sink may block briefly or call back into the
// Runtime without deadlocking it.
//
// The supervisor Pushes under its own lock (that lock's order is the
// events' order) and Drains after releasing it. Whichever thread Drains
// first delivers everything queued, one event at a time; a second thread
// Draining meanwhile returns at once, its events delivered by the first.
// So the sink is never called by two threads at once and sees events in
// Push order. Thread-safe.
class Subscriber {
 public:
  explicit Subscriber(EventSink sink) : sink_(std::move(sink)) {}
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  void Push(WorkerEvent event) EXCLUDES(mu_);
  // Delivers what is queued, unless another thread is delivering already.
  void Drain() EXCLUDES(mu_);
  // Drops what is queued; no call of the sink begins after Close, and one in
  // progress on another thread has returned when Close does. (Called from
  // within the sink, Close returns at once.)
  void Close() EXCLUDES(mu_);

 private:
  const EventSink sink_;  // called only by the delivering thread
  Mutex mu_;
  CondVar idle_;
  std::deque<WorkerEvent> pending_ GUARDED_BY(mu_);
  bool delivering_ GUARDED_BY(mu_) = false;
  std::thread::id deliverer_ GUARDED_BY(mu_);
  bool closed_ GUARDED_BY(mu_) = false;
};

}  // namespace islet::runtime
