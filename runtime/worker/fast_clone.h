#pragma once

#include <v8.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bus/message_bytes.h"

namespace islet::runtime::fast_clone {

// A compact form for the messages most programs post: primitives
// (undefined, null, booleans, numbers, strings) and ordinary objects whose
// values are those or further ordinary objects, { type: 'x', id: 1 }. V8's
// ValueSerializer costs a Zone, an IdentityMap registered as heap roots (a
// lock) and, to read, a global handle, per message; for these values that
// setup was most of a postMessage. Anything else (arrays, Dates, Maps,
// typed arrays, shared objects repeated in one message, accessors, proxies,
// index keys, transfer lists) takes V8's path, so the result is always the
// one V8's structured clone gives.
//
// The form starts with kTag; V8's starts with its version tag, 0xFF.
inline constexpr uint8_t kTag = 0x01;

inline bool IsFastForm(const MessageBytes& bytes) {
  return !bytes.empty() && bytes.data()[0] == kTag;
}

// Writes `value` in the fast form into `out` and returns true, or returns
// false without having run any JS or changed anything when `value` has no
// fast form.
// `keys`, if an array, must be Object.keys(value) taken with no JS run since:
// it saves enumerating them here, the costliest step for an object.
bool TrySerialize(v8::Local<v8::Context> context, v8::Local<v8::Value> value, MessageBytes* out,
                  v8::Local<v8::Value> keys = {});

// True for an ordinary object (JS_OBJECT_TYPE: not a Proxy, array, API
// object or other exotic object), which the fast form may take and on which
// Object.keys runs no JS.
bool IsOrdinaryObject(v8::Local<v8::Value> value);

// The object shapes (key lists) one isolate received lately, each with its
// keys as V8 strings and an object that has them: an object of a known
// shape is made by copying that object and storing the values, rather
// than by internalizing each key and adding it, a map transition at a time.
// Holds V8 handles: Clear() it before its isolate goes. Not thread-safe
// (one per isolate).
class ShapeCache {
 public:
  struct Shape {
    // The key records as written, and whether they started at an odd
    // offset (the padding before two-byte characters depends on it).
    std::string keys_bytes;
    bool odd = false;
    std::vector<v8::Global<v8::String>> keys;
    v8::Global<v8::Object> boilerplate;  // has every key, each undefined
  };
  static constexpr size_t kSlots = 64;  // direct-mapped: a new shape evicts one

  // The shape whose key records are `keys`, or null.
  Shape* Find(std::string_view keys, bool odd);
  // Replaces whatever held its slot.
  Shape* Insert(std::string_view keys, bool odd);
  void Clear();
  size_t size() const;

 private:
  static size_t Slot(std::string_view keys, bool odd);
  std::array<std::unique_ptr<Shape>, kSlots> slots_;
};

// Recreates a value from its fast form. Malformed input gives an Error (a
// pending exception) and an empty result. `shapes`, if given, belongs to
// the context's isolate.
v8::MaybeLocal<v8::Value> Deserialize(v8::Local<v8::Context> context, const MessageBytes& bytes,
                                      ShapeCache* shapes = nullptr);

}  // namespace islet::runtime::fast_clone
