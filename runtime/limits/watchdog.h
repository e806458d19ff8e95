#pragma once

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "runtime/base/mutex.h"

namespace islet::runtime {

// Something with limits only another thread can enforce (CPU per turn, CPU
// in total, a wall-clock deadline).
class Watched {
 public:
  virtual ~Watched() = default;
  // Called on the watchdog thread; enforces what is due (e.g. by
  // TerminateExecution). Returns false once it needs no more watching.
  virtual bool CheckLimits(std::chrono::steady_clock::time_point now) = 0;
};

// One thread that checks every watched thing each tick. Only workers with an
// islet limit set are watched, so idle workers cost nothing here.
// Thread-safe.
class Watchdog {
 public:
  explicit Watchdog(std::chrono::milliseconds tick = std::chrono::milliseconds(5));
  ~Watchdog();

  void Watch(std::weak_ptr<Watched> target);
  size_t watched() const;

 private:
  void Loop();

  const std::chrono::milliseconds tick_;
  mutable Mutex mu_;
  CondVar cv_;
  std::vector<std::weak_ptr<Watched>> targets_ GUARDED_BY(mu_);
  bool stopping_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace islet::runtime
