// Structured clone as postMessage does it (SerializeMessage and
// DeserializeMessage): values come back equal but not identical, with their
// types, shared references and cycles; SharedArrayBuffers share memory and
// stay distinct from one another; what cannot be cloned is a DataCloneError
// that sends nothing; a transfer moves an ArrayBuffer's contents or a port
// and leaves the sender without them. Each test runs in a real worker's turn,
// where the serializer runs for port.postMessage.
#include "runtime/worker/serializer.h"

#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/bus/bus.h"
#include "runtime/engine/engine.h"
#include "runtime/scheduler/executor.h"
#include "runtime/worker/env_store.h"
#include "runtime/worker/fast_clone.h"
#include "runtime/worker/worker.h"
#include "runtime/worker/worker_host.h"
#include "tests/common/wait.h"

namespace islet::runtime {
namespace {

v8::Local<v8::String> Js(v8::Isolate* isolate, const std::string& text) {
  return v8::String::NewFromUtf8(isolate, text.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(text.size()))
      .ToLocalChecked();
}

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text != nullptr ? std::string(*text, text.length()) : std::string();
}

// Evaluates `source` as a script; empty if it threw.
v8::MaybeLocal<v8::Value> Eval(v8::Local<v8::Context> context, const std::string& source) {
  v8::Local<v8::Script> script;
  if (!v8::Script::Compile(context, Js(context->GetIsolate(), source)).ToLocal(&script)) return {};
  return script->Run(context);
}

// Calls the JS function `source` with `args`; what it returned, as a string.
std::string CallJs(v8::Local<v8::Context> context, const std::string& source,
                   std::vector<v8::Local<v8::Value>> args) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> fn;
  v8::Local<v8::Value> result;
  if (!Eval(context, source).ToLocal(&fn) || !fn->IsFunction() ||
      !fn.As<v8::Function>()
           ->Call(context, v8::Undefined(isolate), static_cast<int>(args.size()), args.data())
           .ToLocal(&result)) {
    return "threw: " + (try_catch.HasCaught() ? Utf8(isolate, try_catch.Exception())
                                              : std::string("(nothing)"));
  }
  return Utf8(isolate, result);
}

// The exception `try_catch` holds, as "name: message [code]" (a
// DOMException's name and code are getters, so JS reads them), and clears it.
std::string Caught(v8::Local<v8::Context> context, v8::TryCatch& try_catch) {
  if (!try_catch.HasCaught()) return "(nothing thrown)";
  v8::Local<v8::Value> error = try_catch.Exception();
  try_catch.Reset();
  return CallJs(context,
                "(e) => String(e && e.name) + ': ' + String(e && e.message) +"
                "       (e && e.code !== undefined ? ' [' + e.code + ']' : '')",
                {error});
}

std::string Name(Bus::Ownership ownership) {
  switch (ownership) {
    case Bus::Ownership::kOwned:
      return "owned";
    case Bus::Ownership::kUnknown:
      return "unknown";
    case Bus::Ownership::kForeign:
      return "foreign";
  }
  return "?";
}

// The supervisor's part, reduced to what a lone worker needs: no children,
// no warm pool, no shared memory. Keeps what the worker printed, for a
// failing test to show.
class FakeHost final : public WorkerHost {
 public:
  void OnOutput(WorkerId, Stream, std::string_view data) override {
    MutexLock lock(mu_);
    output_ += data;
  }
  void OnExit(WorkerId, const ExitInfo&) override { exited_.set_value(); }
  void OnControl(WorkerId, std::string) override {}
  Result<ChildInfo> SpawnChild(Worker&, ChildSpec) override {
    return MakeError(ErrorCode::kFailedPrecondition, "no child workers in this test");
  }
  bool TerminateChild(Worker&, WorkerId) override { return false; }
  PortId JoinBroadcast(Worker&, const std::string&) override { return 0; }
  WarmPool* warm_pool() override { return nullptr; }
  SegmentRegistry* segments() override { return nullptr; }
  std::shared_ptr<ExternalBudget> external_budget() override { return nullptr; }
  PrepareOptions prepare_options() const override { return {}; }

  bool WaitExited() {
    return exited_future_.wait_for(islet::testing::kWaitTimeout) == std::future_status::ready;
  }
  std::string output() {
    MutexLock lock(mu_);
    return output_;
  }

 private:
  std::promise<void> exited_;
  std::future<void> exited_future_ = exited_.get_future();
  Mutex mu_;
  std::string output_ GUARDED_BY(mu_);
};

// What one round trip did.
struct Clone {
  bool serialized = false;
  std::string error;  // what Serialize (or Deserialize) threw: "name: message [code]"
  bool fast_form = false;
  size_t ports = 0;
  size_t array_buffers = 0;        // transferred contents the message carries
  size_t shared_buffers = 0;       // SharedArrayBuffer stores it carries
  bool deliverable_twice = false;  // its attachments can go to a second receiver
  std::string check;               // what the test's check said
};

enum class Mode {
  kPlain,
  kTooManyKeys,                  // messaging.js found too many keys for the fast form (keys = null)
  kFirstTransferUntransferable,  // markAsUntransferable(transferList[0]) first
};

class SerializerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto bundle = std::make_shared<Bundle>();
    bundle->root = "/test";
    // A timer keeps the worker alive to run the tests' tasks until terminated.
    bundle->files["main.js"] =
        std::make_shared<const std::string>("setInterval(() => {}, 1 << 30);");
    WorkerConfig config;
    config.id = 1;
    config.job_id = 1;
    config.bundle = std::move(bundle);
    config.main = "main.js";
    config.env_store = std::make_shared<EnvStore>();
    worker_ =
        std::make_shared<Worker>(&Engine::Get(), &executor_, &bus_, std::move(config), &host_);
    worker_->Start();
    std::string ready = InWorker([](v8::Isolate*, v8::Local<v8::Context> context) {
      return CallJs(context, "() => typeof MessageChannel", {});
    });
    ASSERT_EQ(ready, "function") << host_.output();
  }

  void TearDown() override {
    worker_->Terminate();
    EXPECT_TRUE(host_.WaitExited()) << host_.output();
    worker_.reset();
  }

  // Runs fn(isolate, context) in the worker's turn (its executor thread, the
  // isolate locked, its context entered) and returns its result. `fn` must
  // own what it uses: after a timeout it may still run.
  template <typename Fn,
            typename R = std::invoke_result_t<Fn&, v8::Isolate*, v8::Local<v8::Context>>>
  R InWorker(Fn fn) {
    auto done = std::make_shared<std::promise<R>>();
    std::future<R> result = done->get_future();
    Worker* worker = worker_.get();
    bool posted = worker_->PostUrgent([worker, done, fn = std::move(fn)]() mutable {
      v8::Isolate* isolate = worker->isolate();
      v8::HandleScope handle_scope(isolate);
      done->set_value(fn(isolate, isolate->GetCurrentContext()));
    });
    if (!posted || result.wait_for(islet::testing::kWaitTimeout) != std::future_status::ready) {
      ADD_FAILURE() << "the worker did not run the test's task: " << host_.output();
      return R{};
    }
    return result.get();
  }

  // Evaluates `make` (JS giving [value, transferList]) in the worker, sends
  // the value through SerializeMessage and DeserializeMessage, and keeps
  // what `check`, (copy, value, transferList) => string, says afterwards
  // (also when the clone failed: copy is then undefined).
  Clone RoundTrip(std::string make, std::string check, Mode mode = Mode::kPlain) {
    Worker* worker = worker_.get();
    return InWorker([worker, make = std::move(make), check = std::move(check), mode](
                        v8::Isolate* isolate, v8::Local<v8::Context> context) {
      Clone clone;
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Value> made;
      if (!Eval(context, make).ToLocal(&made) || !made->IsArray()) {
        clone.error = "make: " + Caught(context, try_catch);
        return clone;
      }
      v8::Local<v8::Value> value = made.As<v8::Array>()->Get(context, 0).ToLocalChecked();
      v8::Local<v8::Value> transfer = made.As<v8::Array>()->Get(context, 1).ToLocalChecked();
      if (mode == Mode::kFirstTransferUntransferable) {
        worker->MarkUntransferable(
            transfer.As<v8::Array>()->Get(context, 0).ToLocalChecked().As<v8::Object>());
      }
      v8::Local<v8::Value> keys;
      if (mode == Mode::kTooManyKeys) keys = v8::Null(isolate);
      Message message;
      v8::Local<v8::Value> copy = v8::Undefined(isolate);
      if (SerializeMessage(worker, context, value, transfer, 0, &message, keys).IsNothing()) {
        clone.error = Caught(context, try_catch);
      } else {
        clone.serialized = true;
        clone.fast_form = fast_clone::IsFastForm(message.bytes);
        clone.ports = message.ports.size();
        auto* attachments = static_cast<V8Attachments*>(message.attachments.get());
        if (attachments != nullptr) {
          clone.array_buffers = attachments->array_buffers.size();
          clone.shared_buffers = attachments->shared_buffers.size();
        }
        clone.deliverable_twice = attachments == nullptr || attachments->Clone() != nullptr;
        if (!DeserializeMessage(worker, context, message).ToLocal(&copy)) {
          clone.error = "deserialize: " + Caught(context, try_catch);
          copy = v8::Undefined(isolate);
        }
      }
      clone.check = CallJs(context, check, {copy, value, transfer});
      return clone;
    });
  }

  Bus bus_;
  FakeHost host_;
  Executor executor_{ExecutorOptions{.threads = 1, .long_turn_microseconds = 0}};
  std::shared_ptr<Worker> worker_;
};

TEST_F(SerializerTest, PrimitivesComeBackTheSameInTheFastFormButBigInts) {
  struct Case {
    const char* js;
    bool fast;
  };
  for (const Case& c :
       {Case{"42", true}, Case{"-0", true}, Case{"NaN", true}, Case{"1.5e300", true},
        Case{"-2147483649", true}, Case{"''", true}, Case{"'h\\u00e9llo \\u2713'", true},
        Case{"'\\ud800 lone'", true}, Case{"true", true}, Case{"false", true}, Case{"null", true},
        Case{"undefined", true}, Case{"2n ** 70n", false}, Case{"-5n", false}}) {
    Clone clone = RoundTrip(std::string("[") + c.js + ", undefined]",
                            "(copy, value) => Object.is(copy, value) ? 'same' : "
                            "'differs: ' + typeof copy + ' ' + String(copy)");
    EXPECT_TRUE(clone.serialized) << c.js << ": " << clone.error;
    EXPECT_EQ(clone.check, "same") << c.js;
    EXPECT_EQ(clone.fast_form, c.fast) << c.js;
  }
}

TEST_F(SerializerTest, APlainObjectTakesTheFastFormUnlessItHasTooManyKeys) {
  const std::string make = "[{ type: 'x', id: 1, nested: { ok: true, list: null } }, undefined]";
  const std::string check =
      "(copy, value) => JSON.stringify(copy) + ' ' + (copy !== value && copy.nested !== "
      "value.nested)";
  Clone fast = RoundTrip(make, check);
  EXPECT_TRUE(fast.serialized) << fast.error;
  EXPECT_TRUE(fast.fast_form);
  EXPECT_EQ(fast.check, R"({"type":"x","id":1,"nested":{"ok":true,"list":null}} true)");
  // messaging.js passes null keys for an object with too many for the fast
  // form; V8's path must give the same value.
  Clone slow = RoundTrip(make, check, Mode::kTooManyKeys);
  EXPECT_TRUE(slow.serialized) << slow.error;
  EXPECT_FALSE(slow.fast_form);
  EXPECT_EQ(slow.check, fast.check);
}

TEST_F(SerializerTest, NestedObjectsAndArraysComeBackAsDeepCopiesWithTheirTypes) {
  Clone clone = RoundTrip(R"([{
      list: [1, 'two', [3, { four: 4 }]],
      when: new Date(86400000),
      re: /a+b/gi,
      boxed: new String('s'),
      err: new RangeError('r'),
    }, undefined])",
                          R"((copy, value) => [
      JSON.stringify(copy.list),
      copy.list !== value.list && copy.list[2][1] !== value.list[2][1],
      copy.when instanceof Date && copy.when.getTime(),
      copy.re instanceof RegExp && copy.re.source + '/' + copy.re.flags,
      typeof copy.boxed + ':' + String(copy.boxed),
      copy.err instanceof RangeError && copy.err.message,
    ].join(' '))");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_FALSE(clone.fast_form);
  EXPECT_EQ(clone.check, R"([1,"two",[3,{"four":4}]] true 86400000 a+b/gi object:s r)");
}

TEST_F(SerializerTest, SharedReferencesAndCyclesKeepTheirShape) {
  Clone clone = RoundTrip(R"((() => {
      const shared = { n: 1 };
      const root = { a: shared, b: shared, list: [shared] };
      root.self = root;
      return [root, undefined];
    })())",
                          R"((copy, value) => [
      copy.self === copy, copy.a === copy.b, copy.list[0] === copy.a, copy.a !== value.a,
      copy.a.n,
    ].join(' '))");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_FALSE(clone.fast_form);  // the fast form has no references
  EXPECT_EQ(clone.check, "true true true true 1");
}

TEST_F(SerializerTest, MapsAndSetsComeBackWithTheirEntriesInOrder) {
  Clone clone = RoundTrip(R"((() => {
      const key = { k: 1 };
      return [new Map([['a', 1], [key, new Set(['x', key])], [3, null]]), undefined];
    })())",
                          R"((copy, value) => {
      const entries = [...copy.entries()];
      const [key, set] = entries[1];
      return [
        copy instanceof Map, copy !== value, copy.size, entries[0].join('='),
        set instanceof Set, [...set][0], [...set][1] === key, key !== [...value.keys()][1],
        entries[2].join('='),
      ].join(' ');
    })");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_EQ(clone.check, "true true 3 a=1 true x true true 3=");
}

TEST_F(SerializerTest, TypedArraysKeepTheirTypeBytesAndSharedBuffer) {
  Clone clone = RoundTrip(R"((() => {
      const buffer = new ArrayBuffer(16);
      const bytes = new Uint8Array(buffer);
      bytes.forEach((_, i) => { bytes[i] = i; });
      return [[bytes, new Uint32Array(buffer, 4, 2), new Float64Array([1.5, -2]),
               new BigInt64Array([-1n]), new DataView(buffer, 8, 4)], undefined];
    })())",
                          R"((copy, value) => [
      copy.map((v) => v.constructor.name).join(','),
      copy[0].buffer === copy[1].buffer && copy[0].buffer === copy[4].buffer,
      copy[0].buffer !== value[0].buffer,
      copy[1].byteOffset + ':' + copy[1].length + ':' + copy[1][0].toString(16),
      Array.from(copy[2]).join('|'),
      String(copy[3][0]),
      copy[4].byteOffset + ':' + copy[4].getUint8(0),
      value[0].buffer.byteLength,
    ].join(' '))");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_EQ(clone.array_buffers, 0u);  // copied, not transferred
  EXPECT_EQ(clone.check,
            "Uint8Array,Uint32Array,Float64Array,BigInt64Array,DataView true true 4:2:7060504 "
            "1.5|-2 -1 8:8 16");
}

// Four distinct buffers nested as [[a, b], [c, d]] once arrived as a, b, b, d
// (the serializer kept a Local past its scope; see serializer.cc).
TEST_F(SerializerTest, FourSharedArrayBuffersNestedInArraysComeBackDistinct) {
  Clone clone = RoundTrip(R"((() => {
      const sabs = [0, 1, 2, 3].map((i) => {
        const sab = new SharedArrayBuffer(4);
        new Uint8Array(sab)[0] = 10 + i;
        return sab;
      });
      return [[[sabs[0], sabs[1]], [sabs[2], sabs[3]]], undefined];
    })())",
                          R"((copy, value) => {
      const copies = copy.flat();
      const originals = value.flat();
      const firsts = copies.map((s) => new Uint8Array(s)[0]).join(',');
      copies.forEach((s, i) => { new Uint8Array(s)[1] = 20 + i; });
      return [
        new Set(copies).size,
        copies.every((s) => s instanceof SharedArrayBuffer),
        copies.every((s, i) => s !== originals[i]),
        firsts,
        originals.map((s) => new Uint8Array(s)[1]).join(','),
      ].join(' ');
    })");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_EQ(clone.shared_buffers, 4u);
  // Distinct, each over its own original's memory (writes show through).
  EXPECT_EQ(clone.check, "4 true true 10,11,12,13 20,21,22,23");
}

TEST_F(SerializerTest, OneSharedArrayBufferTwiceInAMessageArrivesAsOne) {
  Clone clone = RoundTrip(R"((() => {
      const sab = new SharedArrayBuffer(8);
      return [[sab, sab, new Int32Array(sab, 4)], undefined];
    })())",
                          R"((copy) => [
      copy[0] === copy[1], copy[2].buffer === copy[0], copy[2].byteOffset,
    ].join(' '))");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_EQ(clone.shared_buffers, 1u);
  EXPECT_EQ(clone.check, "true true 4");
}

TEST_F(SerializerTest, FunctionsSymbolsAndWeakMapsAreDataCloneErrors) {
  struct Case {
    const char* js;
    const char* error;
  };
  for (const Case& c : {
           Case{"[{ f() {} }, undefined]", "DataCloneError: f() {} could not be cloned. [25]"},
           Case{"[Symbol('s'), undefined]", "DataCloneError: Symbol(s) could not be cloned. [25]"},
           Case{"[{ w: new WeakMap() }, undefined]",
                "DataCloneError: #<WeakMap> could not be cloned. [25]"},
       }) {
    Clone clone = RoundTrip(c.js, "() => ''");
    EXPECT_FALSE(clone.serialized) << c.js;
    EXPECT_EQ(clone.error, c.error) << c.js;
  }
}

TEST_F(SerializerTest, ATransferredArrayBufferMovesAndLeavesTheSenderDetached) {
  Clone clone = RoundTrip(R"((() => {
      const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
      return [{ buffer, view: new Uint8Array(buffer, 1, 2) }, [buffer]];
    })())",
                          R"((copy, value) => [
      value.buffer.byteLength, value.view.length,
      copy.buffer.byteLength, Array.from(new Uint8Array(copy.buffer)).join(','),
      copy.view.buffer === copy.buffer, Array.from(copy.view).join(','),
    ].join(' '))");
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_EQ(clone.array_buffers, 1u);
  // Moved contents can reach one receiver only.
  EXPECT_FALSE(clone.deliverable_twice);
  EXPECT_EQ(clone.check, "0 0 4 1,2,3,4 true 2,3");
}

TEST_F(SerializerTest, AnUntransferableBufferIsCopiedNotMoved) {
  Clone clone = RoundTrip("(() => { const b = new Uint8Array([5, 6]).buffer; return [b, [b]]; })()",
                          "(copy, value) => [value.byteLength, copy.byteLength, "
                          "new Uint8Array(copy)[1], copy !== value].join(' ')",
                          Mode::kFirstTransferUntransferable);
  EXPECT_TRUE(clone.serialized) << clone.error;
  EXPECT_EQ(clone.array_buffers, 0u);
  EXPECT_EQ(clone.check, "2 2 6 true");
}

TEST_F(SerializerTest, BadTransferListsAreRefused) {
  Clone duplicate = RoundTrip("(() => { const b = new ArrayBuffer(1); return [b, [b, b]]; })()",
                              "(copy, value) => String(value.byteLength)");
  EXPECT_FALSE(duplicate.serialized);
  EXPECT_EQ(duplicate.error, "DataCloneError: Transfer list contains duplicate ArrayBuffer [25]");
  EXPECT_EQ(duplicate.check, "1");  // not detached

  Clone invalid = RoundTrip("[1, [{}]]", "() => ''");
  EXPECT_FALSE(invalid.serialized);
  EXPECT_EQ(invalid.error,
            "TypeError: Found invalid object in transferList [ERR_INVALID_TRANSFER_OBJECT]");

  Clone missing = RoundTrip(
      "(() => { const { port1 } = new MessageChannel(); return [{ port: port1 }, undefined]; })()",
      "() => ''");
  EXPECT_FALSE(missing.serialized);
  EXPECT_EQ(missing.error,
            "TypeError: Object that needs transfer was found in message but not listed in "
            "transferList [ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST]");
}

// Only a message that was written whole takes anything from its sender.
TEST_F(SerializerTest, AFailedCloneLeavesTransferredThingsWithTheSender) {
  Worker* worker = worker_.get();
  Bus* bus = &bus_;
  std::string said =
      InWorker([worker, bus](v8::Isolate* isolate, v8::Local<v8::Context> context) -> std::string {
        v8::TryCatch try_catch(isolate);
        v8::Local<v8::Value> made;
        if (!Eval(context, R"((() => {
              const buffer = new ArrayBuffer(8);
              const { port1 } = new MessageChannel();
              return [{ buffer, port: port1, f() {} }, [buffer, port1]];
            })())")
                 .ToLocal(&made)) {
          return "make: " + Caught(context, try_catch);
        }
        v8::Local<v8::Value> value = made.As<v8::Array>()->Get(context, 0).ToLocalChecked();
        v8::Local<v8::Array> transfer =
            made.As<v8::Array>()->Get(context, 1).ToLocalChecked().As<v8::Array>();
        PortId port = worker->PortIdOf(transfer->Get(context, 1).ToLocalChecked().As<v8::Object>());
        Message message;
        if (SerializeMessage(worker, context, value, transfer, 0, &message).IsJust()) {
          return "serialized";
        }
        return Caught(context, try_catch) + "; port " + Name(bus->OwnershipOf(port, worker)) +
               "; buffer " + CallJs(context, "(v) => String(v.buffer.byteLength)", {value});
      });
  EXPECT_EQ(said, "DataCloneError: f() {} could not be cloned. [25]; port owned; buffer 8");
}

TEST_F(SerializerTest, ATransferredPortIsInTransitUntilAdoptedOnArrival) {
  Worker* worker = worker_.get();
  Bus* bus = &bus_;
  std::string said =
      InWorker([worker, bus](v8::Isolate* isolate, v8::Local<v8::Context> context) -> std::string {
        v8::TryCatch try_catch(isolate);
        v8::Local<v8::Value> made;
        if (!Eval(context, R"((() => {
          const { port1, port2 } = new MessageChannel();
          globalThis.keptPort = port2;
          return [{ port: port1 }, [port1]];
        })())")
                 .ToLocal(&made)) {
          return "make: " + Caught(context, try_catch);
        }
        v8::Local<v8::Value> value = made.As<v8::Array>()->Get(context, 0).ToLocalChecked();
        v8::Local<v8::Value> transfer = made.As<v8::Array>()->Get(context, 1).ToLocalChecked();
        PortId id = worker->PortIdOf(
            transfer.As<v8::Array>()->Get(context, 0).ToLocalChecked().As<v8::Object>());
        std::string out = std::string("before ") + Name(bus->OwnershipOf(id, worker));
        Message message;
        if (SerializeMessage(worker, context, value, transfer, 0, &message).IsNothing()) {
          return out + "; serialize: " + Caught(context, try_catch);
        }
        out += "; carried " +
               std::string(message.ports.size() == 1 && message.ports[0] == id ? "yes" : "no");
        out += "; in transit " + Name(bus->OwnershipOf(id, worker));
        v8::Local<v8::Array> ports;
        v8::Local<v8::Value> copy;
        if (!DeserializeMessage(worker, context, message, &ports).ToLocal(&copy)) {
          return out + "; deserialize: " + Caught(context, try_catch);
        }
        out += "; after " + Name(bus->OwnershipOf(id, worker));
        if (ports.IsEmpty()) return out + "; ports not listed";
        out +=
            "; " + CallJs(context,
                          "(copy, value, ports) => [ports.length, ports[0] === copy.port,"
                          "  copy.port instanceof MessagePort, copy.port !== value.port].join(' ')",
                          {copy, value, ports});
        // A message with no ports leaves the list alone.
        Message plain;
        v8::Local<v8::Value> map;
        if (!Eval(context, "new Map([[1, 2]])").ToLocal(&map) ||
            SerializeMessage(worker, context, map, {}, 0, &plain).IsNothing()) {
          return out + "; plain: " + Caught(context, try_catch);
        }
        v8::Local<v8::Array> none;
        if (DeserializeMessage(worker, context, plain, &none).IsEmpty()) {
          return out + "; plain: " + Caught(context, try_catch);
        }
        return out + "; plain lists " + (none.IsEmpty() ? "nothing" : "something");
      });
  EXPECT_EQ(said,
            "before owned; carried yes; in transit foreign; after owned; 1 true true true; "
            "plain lists nothing");
}

TEST_F(SerializerTest, ThePortAMessageIsSentFromCannotTravelInIt) {
  Worker* worker = worker_.get();
  Bus* bus = &bus_;
  std::string said =
      InWorker([worker, bus](v8::Isolate* isolate, v8::Local<v8::Context> context) -> std::string {
        v8::TryCatch try_catch(isolate);
        v8::Local<v8::Value> port;
        if (!Eval(context, "new MessageChannel().port1").ToLocal(&port)) {
          return "make: " + Caught(context, try_catch);
        }
        PortId id = worker->PortIdOf(port.As<v8::Object>());
        v8::Local<v8::Value> items[] = {port};
        v8::Local<v8::Array> transfer = v8::Array::New(isolate, items, 1);
        Message message;
        if (SerializeMessage(worker, context, port, transfer, id, &message).IsJust()) {
          return "serialized";
        }
        return Caught(context, try_catch) + "; port " + Name(bus->OwnershipOf(id, worker));
      });
  EXPECT_EQ(said, "DataCloneError: Transfer list contains source port [25]; port owned");
}

// A BroadcastChannel delivers one message to many: its attachments are
// cloned per receiver, and shared memory stays shared.
TEST_F(SerializerTest, AMessageWithSharedBuffersCanBeDeliveredTwice) {
  Worker* worker = worker_.get();
  std::string said =
      InWorker([worker](v8::Isolate* isolate, v8::Local<v8::Context> context) -> std::string {
        v8::TryCatch try_catch(isolate);
        v8::Local<v8::Value> sab;
        if (!Eval(context, "new SharedArrayBuffer(4)").ToLocal(&sab)) {
          return "make: " + Caught(context, try_catch);
        }
        Message first;
        if (SerializeMessage(worker, context, sab, {}, 0, &first).IsNothing()) {
          return "serialize: " + Caught(context, try_catch);
        }
        if (!first.attachments) return "no attachments";
        Message second;
        second.bytes = first.bytes;
        second.attachments = first.attachments->Clone();
        if (!second.attachments) return "attachments not cloned";
        v8::Local<v8::Value> a;
        v8::Local<v8::Value> b;
        if (!DeserializeMessage(worker, context, first).ToLocal(&a) ||
            !DeserializeMessage(worker, context, second).ToLocal(&b)) {
          return "deserialize: " + Caught(context, try_catch);
        }
        return CallJs(context,
                      "(a, b, original) => { new Uint8Array(a)[0] = 7;"
                      "  return [a !== b, b !== original, new Uint8Array(b)[0],"
                      "          new Uint8Array(original)[0]].join(' '); }",
                      {a, b, sab});
      });
  EXPECT_EQ(said, "true true 7 7");
}

}  // namespace
}  // namespace islet::runtime
