#include "runtime/limits/limit_enforcer.h"

#include <cstdio>

namespace islet::runtime {

namespace {

uint64_t ClockNs(clockid_t clock) {
  timespec ts;
  if (clock_gettime(clock, &ts) != 0) return 0;
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string Ms(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g", ms);
  return buf;
}

}  // namespace

bool LimitEnforcer::Set(const WorkerLimits& limits) {
  MutexLock lock(mu_);
  limits_ = limits;
  return limits.cpu_ms_per_turn > 0 || limits.cpu_ms_total > 0 || limits.deadline_ms > 0;
}

WorkerLimits LimitEnforcer::limits() const {
  MutexLock lock(mu_);
  return limits_;
}

bool LimitEnforcer::HasWatchedLimits() const {
  WorkerLimits l = limits();
  return l.cpu_ms_per_turn > 0 || l.cpu_ms_total > 0 || l.deadline_ms > 0;
}

void LimitEnforcer::BeginTurn(clockid_t thread_clock, uint64_t cpu_start_ns,
                              int64_t wall_start_ns) {
  turn_clock_.store(thread_clock);
  turn_cpu_start_ns_.store(cpu_start_ns);
  turn_started_ns_.store(wall_start_ns);
  turn_seq_.fetch_add(1);  // odd: in a turn
}

void LimitEnforcer::EndTurn(uint64_t cpu_end_ns) {
  if (turn_seq_.load() % 2 == 0) return;
  uint64_t start = turn_cpu_start_ns_.load();
  // Between turns first, then the total: a reader may briefly miss this
  // turn's CPU, never count it twice (an overcount could end a worker).
  turn_seq_.fetch_add(1);
  if (cpu_end_ns > start) cpu_ns_.fetch_add(cpu_end_ns - start);
}

LimitEnforcer::TurnSoFar LimitEnforcer::TurnInProgress() const {
  TurnSoFar turn;
  uint64_t seq = turn_seq_.load();
  if (seq % 2 == 0) return turn;  // between turns
  int64_t started = turn_started_ns_.load();
  int64_t now = SteadyNs();
  uint64_t cpu_now = ClockNs(turn_clock_.load());  // the turn's thread's clock
  uint64_t cpu_start = turn_cpu_start_ns_.load();
  if (turn_seq_.load() != seq) return TurnSoFar{};  // it ended meanwhile
  if (now > started) turn.wall_ns = uint64_t(now - started);
  if (cpu_now > cpu_start) turn.cpu_ns = cpu_now - cpu_start;
  return turn;
}

std::optional<LimitEnforcer::Breach> LimitEnforcer::Check(
    std::chrono::steady_clock::time_point now) const {
  WorkerLimits limits = this->limits();
  if (limits.deadline_ms > 0 &&
      now - start_ > std::chrono::duration<double, std::milli>(limits.deadline_ms)) {
    return Breach{ExitReason::kDeadline,
                  "Worker terminated: deadline of " + Ms(limits.deadline_ms) + " ms reached"};
  }
  if (limits.cpu_ms_per_turn > 0 || limits.cpu_ms_total > 0) {
    double turn_ms = double(TurnInProgress().cpu_ns) / 1e6;
    if (limits.cpu_ms_per_turn > 0 && turn_ms > limits.cpu_ms_per_turn) {
      return Breach{ExitReason::kCpuLimit, "Worker terminated: a turn used more than " +
                                               Ms(limits.cpu_ms_per_turn) + " ms of CPU"};
    }
    double total_ms = double(cpu_ns_.load()) / 1e6 + turn_ms;
    if (limits.cpu_ms_total > 0 && total_ms > limits.cpu_ms_total) {
      return Breach{ExitReason::kCpuLimit, "Worker terminated: used more than " +
                                               Ms(limits.cpu_ms_total) + " ms of CPU in total"};
    }
  }
  return std::nullopt;
}

void LimitEnforcer::RecordCause(Breach breach) {
  MutexLock lock(mu_);
  if (!cause_) cause_ = std::move(breach);
}

LimitEnforcer::Breach LimitEnforcer::Cause() const {
  MutexLock lock(mu_);
  return cause_.value_or(Breach{});
}

}  // namespace islet::runtime
