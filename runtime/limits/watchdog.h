#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

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
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::weak_ptr<Watched>> targets_;  // guarded by mu_
  bool stopping_ = false;                        // guarded by mu_
  std::thread thread_;
};

}  // namespace islet::runtime
