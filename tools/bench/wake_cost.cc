// wake_cost: what a cross-thread wake-up costs on this machine, measured on
// the spot by tools/bench/run.sh so that a ping-pong figure can be read
// against it. Two threads hand a token back and forth 20,000 times, first
// through a mutex + condition variable (a sleeping thread woken through the
// kernel, as Node's event loops and islet's parked executor threads are),
// then by spinning on an atomic (no kernel). Prints the median one-way
// hand-off of batches of 100, in microseconds, as one JSON line.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kRounds = 20000, kBatch = 100;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// One-way hand-off times (us), each the mean over a batch of round trips.
template <typename Pass>
double Measure(Pass pass) {
  std::vector<double> batches;
  std::thread peer([&] {
    for (int i = 0; i < kRounds; ++i) pass(1);
  });
  auto t0 = Clock::now();
  for (int i = 1; i <= kRounds; ++i) {
    pass(0);
    if (i % kBatch == 0) {
      auto t1 = Clock::now();
      batches.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count() / kBatch / 2);
      t0 = t1;
    }
  }
  peer.join();
  return Median(batches);
}

}  // namespace

int main() {
  std::mutex mu;
  std::condition_variable cv;
  int turn = 0;  // guarded by mu
  // pass(me): wait for my turn, then give it to the other side.
  double condvar = Measure([&](int me) {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return turn == me; });
    turn = 1 - me;
    cv.notify_one();
  });
  std::atomic<int> token{0};
  double spin = Measure([&](int me) {
    while (token.load(std::memory_order_acquire) != me) {
#if defined(__x86_64__)
      __builtin_ia32_pause();
#endif
    }
    token.store(1 - me, std::memory_order_release);
  });
  std::printf("{\"condvar_wake_us\":%.2f,\"spin_handoff_us\":%.3f}\n", condvar, spin);
  return 0;
}
