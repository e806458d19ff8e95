#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <utility>
#include <vector>

#include "runtime/bus/message.h"

namespace islet::runtime {

// A port's queue of messages, FIFO. Not thread-safe (the Bus locks).
//
// Small plain messages (bytes only, the common { type, id } post) are
// stored packed, back to back, in a ring of bytes reused in place: a 16-byte
// record rather than a 96-byte Message. A queue is written on one core and
// read on another, and every cache line that crosses between them costs
// more than the rest of a small message's handling; packed, four messages
// share a line. Others (transferred ports or buffers, large bytes) are
// stored as a pointer to the Message.
//
// Messages put back (PushFront) wait in a short list read before the ring.
class MessageRing {
 public:
  // Bytes a message may have to be stored packed.
  static constexpr size_t kPackedMax = 248;
  // Above this many bytes an emptied ring gives its memory back.
  static constexpr size_t kKeepBytes = 64 * 1024;

  MessageRing() = default;
  MessageRing(const MessageRing&) = delete;
  MessageRing& operator=(const MessageRing&) = delete;
  MessageRing(MessageRing&& other) noexcept { *this = std::move(other); }
  MessageRing& operator=(MessageRing&& other) noexcept {
    if (this != &other) {
      Clear();
      buffer_ = std::move(other.buffer_);
      capacity_ = std::exchange(other.capacity_, 0);
      head_ = std::exchange(other.head_, 0);
      tail_ = std::exchange(other.tail_, 0);
      used_ = std::exchange(other.used_, 0);
      packed_ = std::exchange(other.packed_, 0);
      bytes_ = std::exchange(other.bytes_, 0);
      front_ = std::move(other.front_);
      other.front_.clear();
    }
    return *this;
  }
  ~MessageRing() { Clear(); }

  size_t size() const { return front_.size() + packed_; }
  bool empty() const { return size() == 0; }
  // The serialized bytes of the messages held (what a sender is charged
  // for: Bus's per-port byte limit).
  size_t bytes() const { return bytes_; }

  void push_back(Message message) {
    bytes_ += message.bytes.size();
    bool packed = message.ports.empty() && !message.attachments && !message.close_marker &&
                  message.bytes.size() <= kPackedMax;
    size_t payload = packed ? message.bytes.size() : sizeof(Message*);
    uint8_t* at = Reserve(RecordSize(payload));
    uint32_t header = packed ? static_cast<uint32_t>(payload) : kBoxed;
    std::memcpy(at, &header, sizeof header);
    if (packed) {
      std::memcpy(at + kHeader, message.bytes.data(), payload);
    } else {
      Message* boxed = new Message(std::move(message));
      std::memcpy(at + kHeader, &boxed, sizeof boxed);
    }
    ++packed_;
  }

  Message pop_front() {
    if (!front_.empty()) {
      Message out = std::move(front_.front());
      front_.pop_front();
      bytes_ -= out.bytes.size();
      return out;
    }
    Message out;
    SkipWrap();
    size_t record = Unpack(buffer_.get() + head_, &out);
    bytes_ -= out.bytes.size();
    head_ = (head_ + record) & (capacity_ - 1);
    used_ -= record;
    if (--packed_ == 0) Emptied();
    return out;
  }

  // Moves up to `max` messages from the front to the end of `out`.
  void TakeFront(size_t max, std::vector<Message>* out) {
    std::vector<uint8_t> records;
    TakeFront(max, out, &records);
    Decode(records, out);
  }

  // As TakeFront, in two steps, so that a lock over the ring can be held
  // for a copy of bytes only: moves up to `max` messages from the front,
  // those put back to the end of `out`, the rest as records to the end of
  // `records`, for Decode to append to `out` (after them) later.
  void TakeFront(size_t max, std::vector<Message>* out, std::vector<uint8_t>* records) {
    size_t taken = 0;
    for (; taken < max && !front_.empty(); ++taken) {
      bytes_ -= front_.front().bytes.size();
      out->push_back(std::move(front_.front()));
      front_.pop_front();
    }
    while (taken < max && packed_ > 0) {
      SkipWrap();
      // The records up to the ring's end or its tail, whichever is first.
      size_t end = tail_ > head_ ? tail_ : capacity_;
      size_t at = head_;
      size_t count = 0;
      while (at < end && taken + count < max && count < packed_) {
        uint32_t header = HeaderAt(buffer_.get() + at);
        if (header == kWrap) break;
        bytes_ -= header == kBoxed ? BoxedAt(buffer_.get() + at)->bytes.size() : header;
        at += RecordSize(PayloadSize(header));
        ++count;
      }
      records->insert(records->end(), buffer_.get() + head_, buffer_.get() + at);
      used_ -= at - head_;
      head_ = at & (capacity_ - 1);
      taken += count;
      packed_ -= count;
      if (packed_ == 0) Emptied();
    }
  }

  // Appends the messages in `records` (from TakeFront) to `out`.
  static void Decode(const std::vector<uint8_t>& records, std::vector<Message>* out) {
    size_t at = 0;
    while (at < records.size()) at += Unpack(records.data() + at, &out->emplace_back());
  }

  // Puts `messages` back at the front, in their order.
  void PushFront(std::vector<Message> messages) {
    for (const Message& message : messages) bytes_ += message.bytes.size();
    front_.insert(front_.begin(), std::make_move_iterator(messages.begin()),
                  std::make_move_iterator(messages.end()));
  }

 private:
  static constexpr size_t kHeader = 4;
  static constexpr uint32_t kBoxed = 0xffffffffu;  // header of a pointer record
  static constexpr uint32_t kWrap = 0xfffffffeu;   // header of the unused end of the ring
  static constexpr size_t kAlign = 8;

  static size_t RecordSize(size_t payload) {
    return (kHeader + payload + kAlign - 1) & ~(kAlign - 1);
  }
  static uint32_t HeaderAt(const uint8_t* record) {
    uint32_t header;
    std::memcpy(&header, record, sizeof header);
    return header;
  }
  static size_t PayloadSize(uint32_t header) {
    return header == kBoxed ? sizeof(Message*) : header;
  }
  static Message* BoxedAt(const uint8_t* record) {
    Message* boxed;
    std::memcpy(&boxed, record + kHeader, sizeof boxed);
    return boxed;
  }
  // Moves the message of the record at `record` into `out` (a boxed one's
  // Message is freed) and returns the record's size.
  static size_t Unpack(const uint8_t* record, Message* out) {
    uint32_t header = HeaderAt(record);
    if (header == kBoxed) {
      Message* boxed = BoxedAt(record);
      *out = std::move(*boxed);
      delete boxed;
    } else {
      out->bytes.assign(record + kHeader, header);
    }
    return RecordSize(PayloadSize(header));
  }

  // Room for one record of `size` bytes at the tail, contiguous: the end of
  // the ring is skipped (a wrap record) when the record does not fit there.
  uint8_t* Reserve(size_t size) {
    for (;;) {
      if (capacity_ != 0) {
        size_t room_to_end = capacity_ - tail_;
        bool wraps = room_to_end < size;
        size_t need = wraps ? room_to_end + size : size;
        // Never fill the ring completely: head == tail means empty.
        if (used_ + need < capacity_) {
          if (wraps) {
            std::memcpy(buffer_.get() + tail_, &kWrap, sizeof kWrap);
            used_ += room_to_end;
            tail_ = 0;
          }
          uint8_t* at = buffer_.get() + tail_;
          tail_ = (tail_ + size) & (capacity_ - 1);
          used_ += size;
          return at;
        }
      }
      Grow(size);
    }
  }

  void SkipWrap() {
    if (HeaderAt(buffer_.get() + head_) == kWrap) {
      used_ -= capacity_ - head_;
      head_ = 0;
    }
  }

  // A ring at least twice as large, its records copied to its start.
  void Grow(size_t record) {
    size_t capacity = capacity_ == 0 ? 4096 : capacity_ * 2;
    while (capacity < 2 * (used_ + 2 * record)) capacity *= 2;
    std::unique_ptr<uint8_t[]> bigger(new uint8_t[capacity]);
    size_t at = 0;
    for (size_t i = 0; i < packed_; ++i) {
      SkipWrap();
      size_t size = RecordSize(PayloadSize(HeaderAt(buffer_.get() + head_)));
      std::memcpy(bigger.get() + at, buffer_.get() + head_, size);
      at += size;
      head_ = (head_ + size) & (capacity_ - 1);
    }
    buffer_ = std::move(bigger);
    capacity_ = capacity;
    head_ = 0;
    tail_ = at;
    used_ = at;
  }

  void Emptied() {
    head_ = tail_ = used_ = 0;
    if (capacity_ > kKeepBytes) {
      buffer_.reset();
      capacity_ = 0;
    }
  }

  // Frees what boxed records own.
  void Clear() {
    while (packed_ > 0) {
      SkipWrap();
      uint32_t header = HeaderAt(buffer_.get() + head_);
      if (header == kBoxed) delete BoxedAt(buffer_.get() + head_);
      head_ = (head_ + RecordSize(PayloadSize(header))) & (capacity_ - 1);
      --packed_;
    }
    head_ = tail_ = used_ = 0;
    bytes_ = 0;
    front_.clear();
  }

  std::unique_ptr<uint8_t[]> buffer_;
  size_t capacity_ = 0;        // 0 or a power of two
  size_t head_ = 0;            // the oldest record
  size_t tail_ = 0;            // where the next record goes
  size_t used_ = 0;            // bytes between head and tail, skipped ends included
  size_t packed_ = 0;          // records in the ring (boxed ones included)
  size_t bytes_ = 0;           // serialized bytes of every message held
  std::deque<Message> front_;  // put back: read before the ring
};

}  // namespace islet::runtime
