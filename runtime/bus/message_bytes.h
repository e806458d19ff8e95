#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <utility>

namespace islet::runtime {

// The serialized bytes of one message. Most messages are a few dozen bytes
// ({i}, 'ready', a number), so those live inline and a postMessage costs no
// allocation; larger ones live in a malloc'd block, which can also be adopted
// from the serializer without a copy. Messages cross threads: an allocation
// made by the sender and freed by the receiver contends on malloc's arena
// locks, which is what this avoids on the hot path.
class MessageBytes {
 public:
  static constexpr size_t kInline = 40;

  MessageBytes() = default;
  MessageBytes(std::initializer_list<uint8_t> bytes) { assign(bytes.begin(), bytes.size()); }
  MessageBytes(const MessageBytes& other) { assign(other.data(), other.size()); }
  MessageBytes(MessageBytes&& other) noexcept { MoveFrom(other); }
  MessageBytes& operator=(const MessageBytes& other) {
    if (this != &other) assign(other.data(), other.size());
    return *this;
  }
  MessageBytes& operator=(MessageBytes&& other) noexcept {
    if (this != &other) {
      Reset();
      MoveFrom(other);
    }
    return *this;
  }
  MessageBytes& operator=(std::initializer_list<uint8_t> bytes) {
    assign(bytes.begin(), bytes.size());
    return *this;
  }
  ~MessageBytes() { Reset(); }

  // Copies `size` bytes from `data`, which may point into these bytes.
  void assign(const uint8_t* data, size_t size) {
    if (size > kInline) {
      auto* block = static_cast<uint8_t*>(std::malloc(size));
      if (block == nullptr) throw std::bad_alloc();
      std::memcpy(block, data, size);  // before the old block goes
      std::free(heap_);
      heap_ = block;
    } else {
      if (size != 0) std::memmove(inline_, data, size);
      std::free(heap_);  // after the copy: data may have been in it
      heap_ = nullptr;
    }
    size_ = size;
  }

  // Takes ownership of a block from malloc holding `size` bytes (freed with
  // free); small ones are copied inline and the block freed at once. The
  // block must not be this object's own.
  void adopt(uint8_t* block, size_t size) {
    if (size <= kInline) {
      assign(block, size);
      std::free(block);
      return;
    }
    Reset();
    heap_ = block;
    size_ = size;
  }

  const uint8_t* data() const { return heap_ != nullptr ? heap_ : inline_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint8_t operator[](size_t i) const { return data()[i]; }

 private:
  void Reset() {
    std::free(heap_);
    heap_ = nullptr;
    size_ = 0;
  }
  void MoveFrom(MessageBytes& other) {
    size_ = other.size_;
    if (other.heap_ != nullptr) {
      heap_ = std::exchange(other.heap_, nullptr);
    } else if (size_ != 0) {
      std::memcpy(inline_, other.inline_, size_);
    }
    other.size_ = 0;
  }

  size_t size_ = 0;
  uint8_t* heap_ = nullptr;
  uint8_t inline_[kInline];
};

}  // namespace islet::runtime
