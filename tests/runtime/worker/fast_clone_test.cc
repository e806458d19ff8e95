// fast_clone: the compact form for primitives and ordinary objects. What it
// takes must arrive exactly as V8's structured clone would deliver it; what
// it declines must be declined before any JS runs (proxy traps, getters);
// and no input, however broken, may crash the reader.

#include "runtime/worker/fast_clone.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "runtime/engine/engine.h"

namespace islet::runtime {
namespace {

class FastCloneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Engine& engine = Engine::Get();
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = engine.allocator();
    isolate_ = v8::Isolate::New(params);
  }
  void TearDown() override {
    Engine::Get().platform()->DetachIsolate(isolate_);
    isolate_->Dispose();
  }

  // Runs `body` with a context entered and a global `same(a, b)` that deep-
  // compares the way a structured clone must match: own enumerable keys in
  // order, Object.is on primitives, Object.prototype on every object.
  template <typename Fn>
  void WithContext(Fn&& body) {
    v8::Locker locker(isolate_);
    v8::Isolate::Scope isolate_scope(isolate_);
    v8::HandleScope handles(isolate_);
    v8::Local<v8::Context> context = v8::Context::New(isolate_);
    v8::Context::Scope context_scope(context);
    Eval(context, R"(
      globalThis.same = function same(a, b) {
        if (typeof a !== 'object' || a === null) return Object.is(a, b);
        if (typeof b !== 'object' || b === null) return false;
        if (Object.getPrototypeOf(b) !== Object.prototype) return false;
        const ka = Object.keys(a), kb = Object.keys(b);
        if (ka.length !== kb.length) return false;
        for (let i = 0; i < ka.length; i++) {
          if (ka[i] !== kb[i] || !same(a[ka[i]], b[kb[i]])) return false;
        }
        return true;
      };
    )");
    body(context);
  }

  v8::Local<v8::Value> Eval(v8::Local<v8::Context> context, const std::string& source) {
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::String> code = v8::String::NewFromUtf8(isolate_, source.c_str()).ToLocalChecked();
    v8::Local<v8::Value> result;
    if (!v8::Script::Compile(context, code).ToLocalChecked()->Run(context).ToLocal(&result)) {
      v8::String::Utf8Value error(isolate_, try_catch.Exception());
      ADD_FAILURE() << source << " threw " << *error;
      return v8::Undefined(isolate_);
    }
    return result;
  }

  bool Same(v8::Local<v8::Context> context, v8::Local<v8::Value> a, v8::Local<v8::Value> b) {
    v8::Local<v8::Value> same = context->Global()
                                    ->Get(context, v8::String::NewFromUtf8Literal(isolate_, "same"))
                                    .ToLocalChecked();
    v8::Local<v8::Value> args[] = {a, b};
    return same.As<v8::Function>()
        ->Call(context, v8::Undefined(isolate_), 2, args)
        .ToLocalChecked()
        ->IsTrue();
  }

  v8::Local<v8::Value> Copy(v8::Local<v8::Context> context, v8::Local<v8::Value> value,
                            fast_clone::ShapeCache* shapes) {
    MessageBytes bytes;
    EXPECT_TRUE(fast_clone::TrySerialize(context, value, &bytes));
    v8::Local<v8::Value> copy;
    EXPECT_TRUE(fast_clone::Deserialize(context, bytes, shapes).ToLocal(&copy));
    return copy.IsEmpty() ? v8::Undefined(isolate_).As<v8::Value>() : copy;
  }

  v8::Isolate* isolate_ = nullptr;
};

TEST_F(FastCloneTest, PrimitivesAndOrdinaryObjectsRoundTrip) {
  const std::vector<std::string> values = {
      "undefined",
      "null",
      "true",
      "false",
      "0",
      "-0",
      "NaN",
      "Infinity",
      "-1",
      "2147483647",
      "-2147483648",
      "2 ** 31",
      "0.1 + 0.2",
      "1e300",
      "''",
      "'ready'",
      "'héllo'",
      "'😀 two-byte ✓'",
      "'x'.repeat(1000)",
      "({})",
      "({ i: 7 })",
      "({ a: 1, b: 'two', c: null, d: undefined, e: -0, f: NaN })",
      "({ nested: { deeper: { deepest: 'yes' } }, after: 1 })",
      "({ 'key with spaces': 1, 'ключ': 2, '鍵': { '😀': 3 } })",
      "({ ['__proto__']: 5 })",  // an own property named __proto__, not the prototype
      "Object.create(null)",
      "(() => { const o = Object.create(null); o.z = 1; o.a = 2; return o; })()",
      "new (class Point { constructor() { this.x = 1; this.y = 2; } })()",
      "(() => { const o = { a: 1, b: 2, c: 3 }; delete o.b; return o; })()",
      "(() => { const o = {}; for (let i = 0; i < 200; i++) o['k' + i] = i; return o; })()",
      "(() => { const o = { hidden: 1, shown: 2 };"
      "  Object.defineProperty(o, 'hidden', { enumerable: false }); return o; })()",
      "({ [Symbol('skipped')]: 1, kept: 2 })",
  };
  fast_clone::ShapeCache shapes;
  WithContext([&](v8::Local<v8::Context> context) {
    for (const std::string& source : values) {
      SCOPED_TRACE(source);
      v8::Local<v8::Value> value = Eval(context, "(" + source + ")");
      MessageBytes bytes;
      ASSERT_TRUE(fast_clone::TrySerialize(context, value, &bytes));
      EXPECT_TRUE(fast_clone::IsFastForm(bytes));
      v8::TryCatch try_catch(isolate_);
      // Without a shape cache, then with one: a miss, then a hit.
      for (fast_clone::ShapeCache* cache : {(fast_clone::ShapeCache*)nullptr, &shapes, &shapes}) {
        v8::Local<v8::Value> copy;
        ASSERT_TRUE(fast_clone::Deserialize(context, bytes, cache).ToLocal(&copy));
        if (value->IsObject()) {
          EXPECT_FALSE(copy->StrictEquals(value));  // a new object
        }
        EXPECT_TRUE(Same(context, value, copy));
      }
    }
    shapes.Clear();
  });
}

TEST_F(FastCloneTest, DeclinesWhatV8MustCloneAndRunsNoJsDoingSo) {
  const std::vector<std::string> values = {
      "[1, 2, 3]",
      "new Date(0)",
      "/re/g",
      "new Map()",
      "new Set([1])",
      "new Error('e')",
      "new Uint8Array(4)",
      "new ArrayBuffer(8)",
      "new SharedArrayBuffer(8)",
      "10n",
      "Symbol('s')",
      "() => 1",
      "new Number(1)",
      "Promise.resolve()",
      "(function () { return arguments; })(1, 2)",
      "globalThis",
      "Object.setPrototypeOf(new Date(0), Object.prototype)",
      "Object.setPrototypeOf(new Map([[1, 2]]), null)",
      "({ 0: 'index keys' })",
      "({ list: [1] })",                                                     // a nested array
      "({ when: new Date(0) })",                                             // a nested Date
      "(() => { const x = {}; return { a: x, b: x }; })()",                  // one object twice
      "(() => { const o = {}; o.self = o; return o; })()",                   // a cycle
      "({ a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } })",  // too deep
      "({ big: 'x'.repeat(5000) })",  // past the form's size bound
      "(() => { const o = {}; for (let i = 0; i < 2000; i++) o['k' + i] = 1; return o; })()",
      // Anything that would run JS: these must not, so the counter stays 0.
      "new Proxy({}, { ownKeys() { ++globalThis.ran; return []; },"
      "  getPrototypeOf() { ++globalThis.ran; return null; } })",
      "({ get g() { ++globalThis.ran; return 1; } })",
      "({ plain: 1, get later() { ++globalThis.ran; return 2; } })",
      "({ inner: { get g() { ++globalThis.ran; return 1; } } })",
  };
  WithContext([&](v8::Local<v8::Context> context) {
    Eval(context, "globalThis.ran = 0;");
    for (const std::string& source : values) {
      SCOPED_TRACE(source);
      v8::Local<v8::Value> value = Eval(context, "(" + source + ")");
      MessageBytes bytes;
      EXPECT_FALSE(fast_clone::TrySerialize(context, value, &bytes));
    }
    EXPECT_EQ(Eval(context, "globalThis.ran")->Int32Value(context).FromJust(), 0);
  });
}

// postMessage passes Object.keys(value) along for an ordinary object (see
// messaging.js cloneKeys): the result must be the same as without it, and
// index keys, which Object.keys gives as strings, must still be declined.
TEST_F(FastCloneTest, KeysFromObjectKeysGiveTheSameResult) {
  WithContext([&](v8::Local<v8::Context> context) {
    Eval(context, "globalThis.ran = 0;");
    const std::vector<std::pair<std::string, bool>> values = {
        {"({ i: 7 })", true},
        {"({ a: 1, b: { c: 'nested' }, d: null })", true},
        {"new (class P { constructor() { this.x = 1; } })()", true},
        {"({})", true},
        {"({ 0: 'index', a: 1 })", false},
        {"({ a: 1, 10: 'later index' })", false},
        {"({ get g() { ++globalThis.ran; return 1; } })", false},
    };
    for (const auto& [source, fast] : values) {
      SCOPED_TRACE(source);
      v8::Local<v8::Value> value = Eval(context, "(" + source + ")");
      ASSERT_TRUE(fast_clone::IsOrdinaryObject(value));
      v8::Local<v8::Value> keys = Eval(context, "Object.keys")
                                      .As<v8::Function>()
                                      ->Call(context, v8::Undefined(isolate_), 1, &value)
                                      .ToLocalChecked();
      MessageBytes with_keys, without;
      EXPECT_EQ(fast_clone::TrySerialize(context, value, &with_keys, keys), fast);
      EXPECT_EQ(fast_clone::TrySerialize(context, value, &without), fast);
      if (fast) {
        ASSERT_EQ(with_keys.size(), without.size());
        EXPECT_EQ(std::memcmp(with_keys.data(), without.data(), without.size()), 0);
      }
    }
    EXPECT_EQ(Eval(context, "globalThis.ran")->Int32Value(context).FromJust(), 0);
    for (const char* source : {"[1]", "new Date(0)", "new Proxy({}, {})", "1", "'s'", "null",
                               "(function () { return arguments; })()"}) {
      EXPECT_FALSE(fast_clone::IsOrdinaryObject(Eval(context, std::string("(") + source + ")")))
          << source;
    }
  });
}

TEST_F(FastCloneTest, BrokenInputIsAnErrorNeverACrash) {
  fast_clone::ShapeCache shapes;
  WithContext([&](v8::Local<v8::Context> context) {
    v8::Local<v8::Value> value =
        Eval(context, "({ a: 1, s: 'text', w: 'two-byte ✓', o: { d: 0.5, n: null, t: true } })");
    MessageBytes good;
    ASSERT_TRUE(fast_clone::TrySerialize(context, value, &good));
    // Every truncation.
    for (size_t n = 0; n < good.size(); ++n) {
      MessageBytes cut;
      cut.assign(good.data(), n);
      for (fast_clone::ShapeCache* cache : {(fast_clone::ShapeCache*)nullptr, &shapes}) {
        v8::TryCatch try_catch(isolate_);
        EXPECT_TRUE(fast_clone::Deserialize(context, cut, cache).IsEmpty()) << n;
        EXPECT_TRUE(try_catch.HasCaught()) << n;
      }
    }
    // Trailing garbage.
    std::vector<uint8_t> longer(good.data(), good.data() + good.size());
    longer.push_back('U');
    MessageBytes extra;
    extra.assign(longer.data(), longer.size());
    {
      v8::TryCatch try_catch(isolate_);
      EXPECT_TRUE(fast_clone::Deserialize(context, extra).IsEmpty());
    }
    // Every single-byte change: an error or some value, never a crash.
    for (size_t i = 1; i < good.size(); ++i) {
      for (int delta : {1, 0x7f, 0x80}) {
        std::vector<uint8_t> bad(good.data(), good.data() + good.size());
        bad[i] = uint8_t(bad[i] + delta);
        MessageBytes b;
        b.assign(bad.data(), bad.size());
        v8::TryCatch try_catch(isolate_);
        (void)fast_clone::Deserialize(context, b);
        (void)fast_clone::Deserialize(context, b, &shapes);
      }
    }
    // An overlong varint (a length past 32 bits).
    {
      MessageBytes overlong = {fast_clone::kTag, 'S', 0x81, 0x80, 0x80, 0x80, 0x10, 'a'};
      v8::TryCatch try_catch(isolate_);
      EXPECT_TRUE(fast_clone::Deserialize(context, overlong).IsEmpty());
    }
    // A huge declared length.
    MessageBytes huge = {fast_clone::kTag, 'S', 0xff, 0xff, 0xff, 0xff, 0x0f, 'a'};
    v8::TryCatch try_catch(isolate_);
    EXPECT_TRUE(fast_clone::Deserialize(context, huge).IsEmpty());
    // An object claiming more keys than it has bytes, and one key twice.
    MessageBytes many = {fast_clone::kTag, 'O', 0xff, 0xff, 0x03, 'S', 1, 'a', 'T'};
    EXPECT_TRUE(fast_clone::Deserialize(context, many, &shapes).IsEmpty());
    MessageBytes twice = {fast_clone::kTag, 'O', 2, 'S', 1, 'a', 'S', 1, 'a', 'T', 'F'};
    for (fast_clone::ShapeCache* cache : {(fast_clone::ShapeCache*)nullptr, &shapes, &shapes}) {
      v8::Local<v8::Value> copy;
      ASSERT_TRUE(fast_clone::Deserialize(context, twice, cache).ToLocal(&copy));
      EXPECT_TRUE(Same(context, Eval(context, "({ a: false })"), copy));  // the last one wins
    }
    shapes.Clear();
  });
}

// Objects of a shape seen before are copied from the cached one: each copy
// must be a fresh object, whatever was done to the copies before, and a
// shape evicted while its object is being filled (by a nested object's
// shape taking its slot) must not be touched again.
TEST_F(FastCloneTest, ShapeCacheCopiesAreIndependentAndSurviveEviction) {
  fast_clone::ShapeCache shapes;
  WithContext([&](v8::Local<v8::Context> context) {
    v8::Local<v8::Value> value = Eval(context, "({ a: 1, b: 'two' })");
    v8::Local<v8::Value> first = Copy(context, value, &shapes);
    EXPECT_EQ(shapes.size(), 1u);
    context->Global()
        ->Set(context, v8::String::NewFromUtf8Literal(isolate_, "first"), first)
        .Check();
    Eval(context, "first.a = 99; first.c = 'added'; delete first.b;");
    v8::Local<v8::Value> second = Copy(context, value, &shapes);
    EXPECT_TRUE(Same(context, value, second));
    EXPECT_FALSE(second->StrictEquals(first));

    // More shapes than slots, nested in each other: every object still
    // arrives whole, and the cache stays bounded.
    for (int round = 0; round < 2; ++round) {
      for (int i = 0; i < 300; ++i) {
        SCOPED_TRACE(i);
        std::string n = std::to_string(i);
        v8::Local<v8::Value> nested =
            Eval(context, "({ outer" + n + ": { mid" + n + ": { inner" + n + ": " + n +
                              ", two: '✓' }, ['✓" + n + "']: 1 }, after" + n + ": true })");
        EXPECT_TRUE(Same(context, nested, Copy(context, nested, &shapes)));
      }
    }
    EXPECT_LE(shapes.size(), fast_clone::ShapeCache::kSlots);
    shapes.Clear();
    EXPECT_EQ(shapes.size(), 0u);
  });
}

}  // namespace
}  // namespace islet::runtime
