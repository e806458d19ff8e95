#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "runtime/bus/message.h"

namespace islet::runtime {

// A port's queue: a ring of Message slots that grows by doubling and is
// reused in place. A std::deque allocated a 512-byte block every five
// messages on the posting thread and freed it on the receiving one, so
// sender and receiver met in malloc's arena locks and the backlog's pages
// were given back and faulted in again. Not thread-safe (the Bus locks).
class MessageRing {
 public:
  // Above this many slots an emptied ring gives its memory back.
  static constexpr size_t kKeepSlots = 256;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Message& front() { return slots_[head_]; }
  Message& back() { return slots_[(head_ + size_ - 1) & mask()]; }

  void push_back(Message message) {
    if (size_ == slots_.size()) Grow(size_ + 1);
    slots_[(head_ + size_) & mask()] = std::move(message);
    ++size_;
  }

  Message pop_front() {
    Message out = std::move(slots_[head_]);
    head_ = (head_ + 1) & mask();
    if (--size_ == 0) Emptied();
    return out;
  }

  // Moves up to `max` messages from the front to the end of `out`.
  void TakeFront(size_t max, std::vector<Message>* out) {
    size_t n = max < size_ ? max : size_;
    out->reserve(out->size() + n);
    for (size_t i = 0; i < n; ++i) out->push_back(pop_front());
  }

  // Puts `messages` back at the front, in their order.
  void PushFront(std::vector<Message> messages) {
    if (messages.empty()) return;
    if (size_ + messages.size() > slots_.size()) Grow(size_ + messages.size());
    for (size_t i = messages.size(); i-- > 0;) {
      head_ = (head_ - 1) & mask();
      slots_[head_] = std::move(messages[i]);
      ++size_;
    }
  }

 private:
  size_t mask() const { return slots_.size() - 1; }

  void Grow(size_t need) {
    size_t capacity = slots_.empty() ? 8 : slots_.size();
    while (capacity < need) capacity *= 2;
    std::vector<Message> bigger(capacity);
    for (size_t i = 0; i < size_; ++i) bigger[i] = std::move(slots_[(head_ + i) & mask()]);
    slots_.swap(bigger);
    head_ = 0;
  }

  void Emptied() {
    head_ = 0;
    if (slots_.size() > kKeepSlots) std::vector<Message>().swap(slots_);
  }

  std::vector<Message> slots_;  // size is 0 or a power of two
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace islet::runtime
