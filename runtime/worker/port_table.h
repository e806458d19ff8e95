#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/bus/message.h"

namespace islet::runtime {

// A worker's bookkeeping of the MessagePorts it owns, without V8: which are
// started (a started port's messages are delivered; an unstarted one's wait
// in the bus), and the batch a drain is delivering, from which
// receiveMessageOnPort takes inside a listener. The worker's turn only.
class PortTable {
 public:
  // True if the port was not started before (its queued messages are due).
  bool Start(PortId id) {
    bool& started = started_[id];
    if (started) return false;
    started = true;
    ++epoch_;
    return true;
  }
  // Its last 'message' listener went: messages wait until it starts again.
  void Stop(PortId id) {
    if (auto it = started_.find(id); it != started_.end()) it->second = false;
    ++epoch_;
  }
  // The port left the worker (transferred) or closed.
  void Forget(PortId id) {
    started_.erase(id);
    ++epoch_;
  }
  bool Started(PortId id) const {
    auto it = started_.find(id);
    return it != started_.end() && it->second;
  }
  // Changes at every Start, Stop and Forget: a drain looks a port up again
  // only when a listener may have changed it.
  uint64_t epoch() const { return epoch_; }
  void Clear() {
    started_.clear();
    ++epoch_;
  }

  // The batch a drain of `port` delivers, registered for its lifetime (a
  // listener's drain of another port nests inside and restores this one).
  class Delivery {
   public:
    Delivery(PortTable* table, PortId port, std::vector<Message>* messages)
        : table_(table),
          outer_(std::exchange(table->delivering_, this)),
          port_(port),
          messages_(messages) {}
    ~Delivery() { table_->delivering_ = outer_; }
    Delivery(const Delivery&) = delete;
    Delivery& operator=(const Delivery&) = delete;

    bool done() const { return next_ >= messages_->size(); }
    // The next message, handed out by the drain itself.
    Message& Next() { return (*messages_)[next_++]; }
    // What was not handed out, in order (for the bus to queue again).
    std::vector<Message> Rest() {
      messages_->erase(messages_->begin(), messages_->begin() + static_cast<ptrdiff_t>(next_));
      next_ = 0;
      return std::move(*messages_);
    }

   private:
    friend class PortTable;
    PortTable* const table_;
    Delivery* const outer_;
    const PortId port_;
    std::vector<Message>* const messages_;
    size_t next_ = 0;  // the first not yet handed out
  };

  // receiveMessageOnPort inside a listener: the next message of the batch
  // being delivered for `id`, if it is that port's.
  bool TakeDelivering(PortId id, Message* out) {
    if (delivering_ == nullptr || delivering_->port_ != id || delivering_->done()) return false;
    *out = std::move(delivering_->Next());
    return true;
  }

 private:
  std::unordered_map<PortId, bool> started_;  // port -> started
  uint64_t epoch_ = 0;
  Delivery* delivering_ = nullptr;
};

}  // namespace islet::runtime
