// Worker: its timers and the wake-ups that run them (timers_, timer_order_).
#include "runtime/base/log.h"
#include "runtime/engine/engine.h"
#include "runtime/worker/bindings.h"
#include "runtime/worker/errors.h"
#include "runtime/worker/serializer.h"
#include "runtime/worker/worker.h"

namespace islet::runtime {

void Worker::TimerStart(uint32_t id, int64_t delay_ms, bool ref) {
  ISLET_DCHECK(InTurnHere());
  TimerStop(id);
  std::pair<int64_t, uint64_t> key{loop_now_ms_ + delay_ms, timer_seq_++};
  timer_order_.emplace(key, id);
  timers_.emplace(id, TimerState{key, ref});
  if (ref) ++refed_timers_;
}

void Worker::TimerStop(uint32_t id) {
  ISLET_DCHECK(InTurnHere());
  auto it = timers_.find(id);
  if (it == timers_.end()) return;
  timer_order_.erase(it->second.key);
  if (it->second.ref) --refed_timers_;
  timers_.erase(it);
}

void Worker::TimerRef(uint32_t id, bool ref) {
  ISLET_DCHECK(InTurnHere());
  auto it = timers_.find(id);
  if (it == timers_.end() || it->second.ref == ref) return;
  it->second.ref = ref;
  refed_timers_ += ref ? 1 : -1;
}

void Worker::RunDueTimers(v8::Local<v8::Context> context) {
  const int64_t now = loop_now_ms_;
  while (!finishing() && !timer_order_.empty() && timer_order_.begin()->first.first <= now) {
    uint32_t id = timer_order_.begin()->second;
    TimerStop(id);  // a repeating timer re-arms itself from JS
    v8::Local<v8::Value> args[] = {v8::Integer::NewFromUnsigned(isolate_, id)};
    RunCallback(context, [&] { return CallHook(context, Hook::kFireTimer, 1, args); });
  }
}

void Worker::WakeBy(std::chrono::steady_clock::time_point when) {
  if (requested_wake_ > std::chrono::steady_clock::now() && requested_wake_ <= when) {
    return;  // a wake comes by then already
  }
  requested_wake_ = when;
  engine_->timers()->WakeAt(when, weak_from_this());
}

void Worker::ScheduleTimerWake() {
  if (timer_order_.empty()) return;
  WakeBy(start_time_ + std::chrono::milliseconds(timer_order_.begin()->first.first));
}

void Worker::RequestHeapRefresh() {
  // A turn with nothing to do but read the heap, unless one comes sooner.
  // It does not keep the worker alive (IsAlive), and costs one timer per
  // millisecond while turns keep coming.
  WakeBy(std::chrono::steady_clock::now() + std::chrono::milliseconds(1));
}

}  // namespace islet::runtime
