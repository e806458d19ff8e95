#include "runtime/worker/fast_clone.h"

#include <cstring>
#include <string>

namespace islet::runtime::fast_clone {

namespace {

// Record tags.
constexpr uint8_t kUndefined = 'U';
constexpr uint8_t kNull = 'N';
constexpr uint8_t kTrue = 'T';
constexpr uint8_t kFalse = 'F';
constexpr uint8_t kInt32 = 'I';
constexpr uint8_t kDouble = 'D';
constexpr uint8_t kOneByteString = 'S';
constexpr uint8_t kTwoByteString = 'W';
constexpr uint8_t kObject = 'O';

// Bounds of the fast form: past them a value simply takes V8's path.
constexpr size_t kMaxBytes = 4096;
constexpr int kMaxDepth = 8;
constexpr size_t kMaxObjects = 32;
constexpr uint32_t kMaxKeysOnStack = 32;

class Writer {
 public:
  bool Byte(uint8_t b) {
    if (size_ == kMaxBytes) return false;
    buffer_[size_++] = b;
    return true;
  }
  bool Varint(uint32_t v) {
    do {
      uint8_t b = v & 0x7f;
      v >>= 7;
      if (!Byte(v != 0 ? (b | 0x80) : b)) return false;
    } while (v != 0);
    return true;
  }
  bool Raw(const void* data, size_t n) {
    if (kMaxBytes - size_ < n) return false;
    std::memcpy(buffer_ + size_, data, n);
    size_ += n;
    return true;
  }
  // Reserves n bytes at an offset aligned to `align` from the start.
  uint8_t* Reserve(size_t n, size_t align) {
    while (size_ % align != 0) {
      if (!Byte(0)) return nullptr;
    }
    if (kMaxBytes - size_ < n) return nullptr;
    uint8_t* at = buffer_ + size_;
    size_ += n;
    return at;
  }
  const uint8_t* data() const { return buffer_; }
  size_t size() const { return size_; }
  void Clear() { size_ = 0; }

 private:
  alignas(16) uint8_t buffer_[kMaxBytes];
  size_t size_ = 0;
};

class Serializer {
 public:
  Serializer(v8::Local<v8::Context> context, v8::Local<v8::Value> top_keys, Writer* out)
      : context_(context), isolate_(context->GetIsolate()), top_keys_(top_keys), out_(out) {}

  bool Value(v8::Local<v8::Value> value, int depth) {
    if (value->IsInt32()) {
      int32_t v = value.As<v8::Int32>()->Value();
      return out_->Byte(kInt32) && out_->Raw(&v, sizeof v);
    }
    if (value->IsString()) return String(value.As<v8::String>());
    if (value->IsNumber()) {
      double v = value.As<v8::Number>()->Value();
      return out_->Byte(kDouble) && out_->Raw(&v, sizeof v);
    }
    if (value->IsUndefined()) return out_->Byte(kUndefined);
    if (value->IsNull()) return out_->Byte(kNull);
    if (value->IsTrue()) return out_->Byte(kTrue);
    if (value->IsFalse()) return out_->Byte(kFalse);
    if (value->IsObject()) return Object(value.As<v8::Object>(), depth);
    return false;  // BigInt, Symbol: V8's path (a BigInt clones, a Symbol throws)
  }

  bool String(v8::Local<v8::String> s) {
    int length = s->Length();
    if (s->IsOneByte()) {
      if (!out_->Byte(kOneByteString) || !out_->Varint(length)) return false;
      uint8_t* at = out_->Reserve(length, 1);
      if (at == nullptr) return false;
      s->WriteOneByte(isolate_, at, 0, length, v8::String::NO_NULL_TERMINATION);
      return true;
    }
    if (!out_->Byte(kTwoByteString) || !out_->Varint(length)) return false;
    uint8_t* at = out_->Reserve(size_t(length) * 2, 2);
    if (at == nullptr) return false;
    s->Write(isolate_, reinterpret_cast<uint16_t*>(at), 0, length, v8::String::NO_NULL_TERMINATION);
    return true;
  }

  // A plain object: what V8's serializer writes as one (an ordinary object,
  // JS_OBJECT_TYPE, whatever its prototype: a class instance arrives as a
  // plain object) with only own enumerable data properties under string
  // keys. Every check comes before anything that could run JS (an accessor),
  // so giving up is always free.
  bool Object(v8::Local<v8::Object> object, int depth) {
    if (depth >= kMaxDepth || objects_ == kMaxObjects || !IsOrdinaryObject(object)) return false;
    // The same object twice in one message is one object on arrival (and
    // a cycle is legal): V8's path keeps that identity.
    for (size_t i = 0; i < objects_; ++i) {
      if (seen_[i] == object) return false;
    }
    seen_[objects_++] = object;

    v8::Local<v8::Array> keys;
    if (depth == 0 && !top_keys_.IsEmpty() && top_keys_->IsArray()) {
      keys = top_keys_.As<v8::Array>();  // Object.keys(object): index keys are strings there
    } else if (!object
                    ->GetOwnPropertyNames(
                        context_,
                        static_cast<v8::PropertyFilter>(v8::ONLY_ENUMERABLE | v8::SKIP_SYMBOLS),
                        v8::KeyConversionMode::kKeepNumbers)
                    .ToLocal(&keys)) {
      return false;
    }
    uint32_t count = keys->Length();
    // Every entry takes 3 bytes or more: give up now on what cannot fit.
    if (count > (kMaxBytes - out_->size()) / 3) return false;
    if (!out_->Byte(kObject) || !out_->Varint(count)) return false;
    // The keys first, all of them, then the values: a reader recognises the
    // object's shape from the keys' bytes alone (see ShapeCache).
    v8::Local<v8::String> names[kMaxKeysOnStack];
    for (uint32_t i = 0; i < count; ++i) {
      v8::Local<v8::Value> key;
      // (With Object.keys from messaging.js, every key is an own enumerable
      // property: Get below reads it, never the prototype chain.)
      if (!keys->Get(context_, i).ToLocal(&key) || !key->IsString()) return false;  // an index
      if (MayBeIndex(key.As<v8::String>())) return false;
      bool accessor;
      if (!object->HasRealNamedCallbackProperty(context_, key.As<v8::Name>()).To(&accessor) ||
          accessor || !String(key.As<v8::String>())) {
        return false;
      }
      if (i < kMaxKeysOnStack) names[i] = key.As<v8::String>();
    }
    for (uint32_t i = 0; i < count; ++i) {
      v8::Local<v8::Value> key;
      if (i < kMaxKeysOnStack) {
        key = names[i];
      } else if (!keys->Get(context_, i).ToLocal(&key)) {
        return false;
      }
      v8::Local<v8::Value> value;
      if (!object->Get(context_, key).ToLocal(&value) || !Value(value, depth + 1)) return false;
    }
    return true;
  }

 private:
  // An index key ("0") from Object.keys; such objects take V8's path. Keys
  // merely starting with a digit do too, which costs nothing but speed.
  bool MayBeIndex(v8::Local<v8::String> key) {
    if (key->Length() == 0) return false;
    uint16_t first = 0;
    key->Write(isolate_, &first, 0, 1, v8::String::NO_NULL_TERMINATION);
    return first >= '0' && first <= '9';
  }

  v8::Local<v8::Context> context_;
  v8::Isolate* isolate_;
  v8::Local<v8::Value> top_keys_;
  Writer* out_;
  v8::Local<v8::Object> seen_[kMaxObjects];
  size_t objects_ = 0;
};

class Reader {
 public:
  // Reads data[offset, size); `data` is where the writer's offsets start.
  Reader(v8::Local<v8::Context> context, const uint8_t* data, size_t offset, size_t size,
         ShapeCache* shapes)
      : context_(context),
        isolate_(context->GetIsolate()),
        base_(data),
        at_(data + offset),
        end_(data + size),
        shapes_(shapes) {}

  v8::MaybeLocal<v8::Value> Value(int depth) {
    uint8_t tag;
    if (!Byte(&tag)) return Malformed();
    switch (tag) {
      case kUndefined:
        return v8::Undefined(isolate_);
      case kNull:
        return v8::Null(isolate_);
      case kTrue:
        return v8::True(isolate_);
      case kFalse:
        return v8::False(isolate_);
      case kInt32: {
        int32_t v;
        if (!Raw(&v, sizeof v)) return Malformed();
        return v8::Integer::New(isolate_, v);
      }
      case kDouble: {
        double v;
        if (!Raw(&v, sizeof v)) return Malformed();
        return v8::Number::New(isolate_, v);
      }
      case kOneByteString:
      case kTwoByteString: {
        v8::Local<v8::String> s;
        if (!String(tag, v8::NewStringType::kNormal).ToLocal(&s)) return {};
        return s;
      }
      case kObject:
        return Object(depth);
      default:
        return Malformed();
    }
  }

  bool AtEnd() const { return at_ == end_; }

  v8::MaybeLocal<v8::Value> Malformed() {
    isolate_->ThrowException(
        v8::Exception::Error(v8::String::NewFromUtf8Literal(isolate_, "malformed message")));
    return {};
  }

 private:
  bool Byte(uint8_t* b) {
    if (at_ == end_) return false;
    *b = *at_++;
    return true;
  }
  bool Varint(uint32_t* v) {
    *v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      uint8_t b;
      if (!Byte(&b)) return false;
      if (shift == 28 && (b & 0x70) != 0) return false;  // past 32 bits
      *v |= uint32_t(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool Raw(void* out, size_t n) {
    if (size_t(end_ - at_) < n) return false;
    std::memcpy(out, at_, n);
    at_ += n;
    return true;
  }

  v8::MaybeLocal<v8::String> String(uint8_t tag, v8::NewStringType type) {
    uint32_t length;
    if (!Varint(&length) || length > uint32_t(v8::String::kMaxLength)) {
      Malformed();
      return {};
    }
    if (tag == kOneByteString) {
      if (size_t(end_ - at_) < length) {
        Malformed();
        return {};
      }
      const uint8_t* chars = at_;
      at_ += length;
      return v8::String::NewFromOneByte(isolate_, chars, type, int(length));
    }
    // Two-byte characters were written at an even offset; copy them if the
    // buffer itself is not 2-aligned.
    if ((at_ - base_) % 2 != 0 && at_ != end_) ++at_;
    if (size_t(end_ - at_) / 2 < length) {
      Malformed();
      return {};
    }
    const uint8_t* chars = at_;
    at_ += size_t(length) * 2;
    if (reinterpret_cast<uintptr_t>(chars) % alignof(uint16_t) == 0) {
      return v8::String::NewFromTwoByte(isolate_, reinterpret_cast<const uint16_t*>(chars), type,
                                        int(length));
    }
    std::u16string copy(length, u'\0');
    std::memcpy(copy.data(), chars, size_t(length) * 2);
    return v8::String::NewFromTwoByte(isolate_, reinterpret_cast<const uint16_t*>(copy.data()),
                                      type, int(length));
  }

  // Moves past one key record (a string), checking it.
  bool SkipKey() {
    uint8_t tag;
    uint32_t length;
    if (!Byte(&tag) || (tag != kOneByteString && tag != kTwoByteString) || !Varint(&length)) {
      return false;
    }
    size_t n = length;
    if (tag == kTwoByteString) {
      if ((at_ - base_) % 2 != 0 && at_ != end_) ++at_;
      n *= 2;
    }
    if (size_t(end_ - at_) < n) return false;
    at_ += n;
    return true;
  }

  ShapeCache::Shape* NewShape(std::string_view bytes, bool odd, const uint8_t* keys,
                              uint32_t count) {
    const uint8_t* after = at_;
    at_ = keys;
    std::vector<v8::Local<v8::String>> names;
    names.reserve(count);
    v8::Local<v8::Object> boilerplate = v8::Object::New(isolate_);
    for (uint32_t i = 0; i < count; ++i) {
      uint8_t tag;
      v8::Local<v8::String> key;
      bool ok;
      if (!Byte(&tag) || !String(tag, v8::NewStringType::kInternalized).ToLocal(&key) ||
          !boilerplate->CreateDataProperty(context_, key, v8::Undefined(isolate_)).To(&ok) || !ok) {
        return nullptr;
      }
      names.push_back(key);
    }
    at_ = after;
    ShapeCache::Shape* shape = shapes_->Insert(bytes, odd);
    shape->keys.reserve(count);
    for (auto key : names) shape->keys.emplace_back(isolate_, key);
    shape->boilerplate.Reset(isolate_, boilerplate);
    return shape;
  }

  v8::MaybeLocal<v8::Value> Object(int depth) {
    if (depth >= kMaxDepth) return Malformed();
    uint32_t count;
    if (!Varint(&count) || count > size_t(end_ - at_) / 2) return Malformed();
    const uint8_t* keys = at_;
    for (uint32_t i = 0; i < count; ++i) {
      if (!SkipKey()) return Malformed();
    }
    if (shapes_ != nullptr && count > 0) {
      // The key records' bytes, and whether they started at an odd offset:
      // the padding before two-byte characters depends on it.
      std::string_view id(reinterpret_cast<const char*>(keys), size_t(at_ - keys));
      bool odd = (keys - base_) % 2 != 0;
      ShapeCache::Shape* shape = shapes_->Find(id, odd);
      if (shape == nullptr) shape = NewShape(id, odd, keys, count);
      if (shape == nullptr) return {};
      return FromShape(*shape, depth);
    }
    // No cache: key by key.
    const uint8_t* values = at_;
    at_ = keys;
    std::vector<v8::Local<v8::String>> names(count);
    for (uint32_t i = 0; i < count; ++i) {
      uint8_t tag;
      if (!Byte(&tag) || !String(tag, v8::NewStringType::kInternalized).ToLocal(&names[i])) {
        return {};
      }
    }
    at_ = values;
    return FillValues(v8::Object::New(isolate_), names.data(), count, depth);
  }

  // Reads `count` values into `object` under `names`, in order.
  v8::MaybeLocal<v8::Value> FillValues(v8::Local<v8::Object> object,
                                       const v8::Local<v8::String>* names, size_t count,
                                       int depth) {
    for (size_t i = 0; i < count; ++i) {
      v8::Local<v8::Value> value;
      bool ok;
      if (!Value(depth + 1).ToLocal(&value)) return {};
      if (!object->CreateDataProperty(context_, names[i], value).To(&ok)) return {};
      if (!ok) return Malformed();
    }
    return object;
  }

  v8::MaybeLocal<v8::Value> FromShape(const ShapeCache::Shape& shape, int depth) {
    v8::Local<v8::Object> object = shape.boilerplate.Get(isolate_)->Clone();
    // Local handles first: a nested object's shape may evict this one.
    size_t count = shape.keys.size();
    v8::Local<v8::String> on_stack[kMaxKeysOnStack];
    std::vector<v8::Local<v8::String>> on_heap;
    v8::Local<v8::String>* names = on_stack;
    if (count > kMaxKeysOnStack) {
      on_heap.resize(count);
      names = on_heap.data();
    }
    for (size_t i = 0; i < count; ++i) names[i] = shape.keys[i].Get(isolate_);
    return FillValues(object, names, count, depth);
  }

  v8::Local<v8::Context> context_;
  v8::Isolate* isolate_;
  const uint8_t* base_;
  const uint8_t* at_;
  const uint8_t* end_;
  ShapeCache* shapes_;
};

}  // namespace

bool IsOrdinaryObject(v8::Local<v8::Value> value) {
  if (!value->IsObject()) return false;
  // The instance type, read as V8's own inline API reads it: arrays,
  // Dates, errors, proxies, API objects (MessagePort), arguments objects and
  // every other exotic object have types of their own.
  using I = v8::internal::Internals;
  return I::GetInstanceType(*reinterpret_cast<v8::internal::Address*>(*value)) == I::kJSObjectType;
}

bool TrySerialize(v8::Local<v8::Context> context, v8::Local<v8::Value> value, MessageBytes* out,
                  v8::Local<v8::Value> keys) {
  thread_local Writer w;
  w.Clear();
  if (!w.Byte(kTag)) return false;
  Serializer serializer(context, keys, &w);
  if (!serializer.Value(value, 0)) return false;
  out->assign(w.data(), w.size());
  return true;
}

ShapeCache::Shape* ShapeCache::Find(std::string_view keys, bool odd) {
  Shape* shape = slots_[Slot(keys, odd)].get();
  return shape != nullptr && shape->odd == odd && shape->keys_bytes == keys ? shape : nullptr;
}

ShapeCache::Shape* ShapeCache::Insert(std::string_view keys, bool odd) {
  auto& slot = slots_[Slot(keys, odd)];
  slot = std::make_unique<Shape>();
  slot->keys_bytes.assign(keys);
  slot->odd = odd;
  return slot.get();
}

void ShapeCache::Clear() {
  for (auto& slot : slots_) slot.reset();
}

size_t ShapeCache::size() const {
  size_t n = 0;
  for (const auto& slot : slots_) n += slot != nullptr;
  return n;
}

size_t ShapeCache::Slot(std::string_view keys, bool odd) {
  return (std::hash<std::string_view>()(keys) + odd) % kSlots;
}

v8::MaybeLocal<v8::Value> Deserialize(v8::Local<v8::Context> context, const MessageBytes& bytes,
                                      ShapeCache* shapes) {
  Reader body(context, bytes.data(), bytes.empty() ? 0 : 1, bytes.size(), shapes);
  if (!IsFastForm(bytes)) return body.Malformed();
  v8::Local<v8::Value> value;
  if (!body.Value(0).ToLocal(&value)) return {};
  if (!body.AtEnd()) return body.Malformed();
  return value;
}

}  // namespace islet::runtime::fast_clone
