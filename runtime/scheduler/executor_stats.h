#pragma once

#include <cstddef>
#include <cstdint>

namespace islet::runtime {

// What the executor did so far, and what it is doing now.
struct ExecutorStats {
  int target_threads = 0;       // --threads
  int live_threads = 0;         // compensating and spare threads included
  int busy_threads = 0;         // in a turn now
  int compensated_threads = 0;  // in a turn that blocks or runs long now
  int long_turns = 0;           // of those, in a long turn
  int parked_threads = 0;       // waiting for work
  size_t run_queue = 0;         // actors ready and waiting for a thread
  uint64_t turns = 0;
  uint64_t runnext_handoffs = 0;       // turns started from the thread's runnext
  uint64_t steals = 0;                 // runnexts taken by another thread
  uint64_t parks = 0;                  // times a thread went to sleep for work
  uint64_t long_turns_total = 0;       // turns that ran past the threshold
  uint64_t blocks_total = 0;           // turns that blocked (Atomics.wait)
  uint64_t compensations_refused = 0;  // no thread could be added (bound)
  uint64_t threads_started = 0;
  uint64_t threads_retired = 0;  // could not restore their priority
};

}  // namespace islet::runtime
