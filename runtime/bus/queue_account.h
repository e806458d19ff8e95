#pragma once

#include <atomic>
#include <cstddef>
#include <memory>

#include "runtime/base/external_budget.h"

namespace islet::runtime {

class Bus;

// What one sender (a worker) has queued, unread, on every port it posts to:
// the serialized bytes of its messages that no receiver has taken yet. The
// Bus charges a post here and releases the charge when the receiver takes
// the message, or when the message is dropped (its port went away). A
// sender past the Bus's per-sender cap, or whose charge the daemon's
// off-heap budget refuses, cannot post (ERR_ISLET_QUEUE_FULL at the
// sender), however many ports it spreads its messages over.
//
// Held by the sender and by every queue holding its bytes, so an account
// outlives its worker until what it sent has been read or dropped.
class QueueAccount {
 public:
  // `budget` (may be null: no daemon cap) is charged in steps of kReserveStep,
  // so a sender's steady traffic touches the shared counter rarely.
  explicit QueueAccount(std::shared_ptr<ExternalBudget> budget = nullptr)
      : budget_(std::move(budget)) {}
  ~QueueAccount() {
    if (budget_ && reserved_ != 0) budget_->ReleaseQueued(reserved_);
  }
  QueueAccount(const QueueAccount&) = delete;
  QueueAccount& operator=(const QueueAccount&) = delete;

  static constexpr size_t kReserveStep = 1u << 20;

  // Bytes queued unread now; the most ever at once. Any thread.
  size_t bytes() const { return bytes_.load(std::memory_order_relaxed); }
  size_t peak() const { return peak_.load(std::memory_order_relaxed); }

 private:
  friend class Bus;
  enum class ChargeResult { kCharged, kOverCap, kOverBudget };

  // Called with the Bus's lock held (the only writer).
  ChargeResult Charge(size_t n, size_t cap) {
    size_t now = bytes();
    // An account holding nothing may always queue one message, however
    // large, as a port may (the bound is the cap plus one message).
    if (now != 0 && n > cap - (now < cap ? now : cap)) return ChargeResult::kOverCap;
    size_t after = now + n;
    if (after > reserved_ && budget_) {
      size_t need = (after - reserved_ + kReserveStep - 1) / kReserveStep * kReserveStep;
      if (!budget_->Charge(need)) return ChargeResult::kOverBudget;
      reserved_ += need;
    }
    bytes_.store(after, std::memory_order_relaxed);
    if (after > peak()) peak_.store(after, std::memory_order_relaxed);
    return ChargeResult::kCharged;
  }
  void Release(size_t n) {
    size_t after = bytes() - n;
    bytes_.store(after, std::memory_order_relaxed);
    // Keeps one step in hand; gives the rest back once two are spare.
    if (budget_ && reserved_ - after >= 2 * kReserveStep) {
      size_t keep = (after + kReserveStep - 1) / kReserveStep * kReserveStep + kReserveStep;
      budget_->ReleaseQueued(reserved_ - keep);
      reserved_ = keep;
    }
  }

  const std::shared_ptr<ExternalBudget> budget_;
  std::atomic<size_t> bytes_{0};
  std::atomic<size_t> peak_{0};
  size_t reserved_ = 0;  // charged to budget_; the Bus's lock
};

}  // namespace islet::runtime
