#pragma once

// The one way tests wait for something to happen: poll a condition until it
// holds or a timeout passes. Never a fixed sleep: on a loaded 2-core machine
// any fixed delay is sometimes too short.

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

namespace islet::testing {

// Generous: a wait only runs this long when the awaited thing is broken.
inline constexpr std::chrono::milliseconds kWaitTimeout = std::chrono::seconds(30);

// Polls `condition` (from 100 us apart, backing off to 20 ms) until it holds;
// false if `timeout` passed first.
inline bool WaitUntil(const std::function<bool()>& condition,
                      std::chrono::milliseconds timeout = kWaitTimeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::chrono::microseconds delay(100);
  for (;;) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(delay);
    delay = std::min<std::chrono::microseconds>(delay * 2, std::chrono::milliseconds(20));
  }
}

}  // namespace islet::testing
