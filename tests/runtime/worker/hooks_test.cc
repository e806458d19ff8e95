// The bootstrap's hooks are all found when an isolate is prepared; a
// missing one is an error that names it, not a silent no-op later.
#include "runtime/worker/hooks.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/engine/engine.h"
#include "runtime/worker/warm_pool.h"

namespace islet::runtime {
namespace {

class HooksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto prepared = PrepareIsolate(&Engine::Get(), ResourceLimits{}, nullptr);
    ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
    prepared_ = *std::move(prepared);
  }
  void TearDown() override { DisposePrepared(&Engine::Get(), std::move(prepared_)); }

  // Runs `fn(context, hooks)` inside the prepared isolate.
  template <typename Fn>
  void InIsolate(Fn fn) {
    v8::Isolate* isolate = prepared_->isolate;
    v8::Locker locker(isolate);
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = prepared_->context.Get(isolate);
    v8::Context::Scope context_scope(context);
    fn(context, prepared_->hooks.Get(isolate));
  }

  // A copy of bootstrap's hooks object without `name`, with `name` put
  // back by `restore` (JS taking `copy` and `original`).
  static v8::Local<v8::Object> Without(v8::Local<v8::Context> context, v8::Local<v8::Object> hooks,
                                       const char* name, const char* restore = "") {
    v8::Isolate* isolate = context->GetIsolate();
    std::string source =
        std::string(
            "(function (original) { const copy = Object.assign({}, original); delete copy.") +
        name + "; " + restore + "; return copy; })";
    auto fn = v8::Script::Compile(context,
                                  v8::String::NewFromUtf8(isolate, source.c_str()).ToLocalChecked())
                  .ToLocalChecked()
                  ->Run(context)
                  .ToLocalChecked()
                  .As<v8::Function>();
    v8::Local<v8::Value> args[] = {hooks};
    return fn->Call(context, v8::Undefined(isolate), 1, args).ToLocalChecked().As<v8::Object>();
  }

  std::unique_ptr<PreparedIsolate> prepared_;
};

TEST_F(HooksTest, BootstrapProvidesEveryHookAndTheyBind) {
  InIsolate([](v8::Local<v8::Context> context, v8::Local<v8::Object> hooks) {
    EXPECT_TRUE(Hooks::Check(context, hooks).has_value());
    Hooks bound;
    EXPECT_TRUE(bound.Bind(context, hooks));
    v8::Local<v8::Value> args[] = {
        v8::Exception::Error(v8::String::NewFromUtf8Literal(context->GetIsolate(), "boom"))};
    v8::Local<v8::Value> described;
    ASSERT_TRUE(bound.Call(context, Hooks::Hook::kDescribeError, 1, args).ToLocal(&described));
    v8::String::Utf8Value text(context->GetIsolate(), described);
    EXPECT_NE(std::string(*text).find("Error: boom"), std::string::npos) << *text;
  });
}

TEST_F(HooksTest, AMissingHookIsNamed) {
  InIsolate([](v8::Local<v8::Context> context, v8::Local<v8::Object> hooks) {
    auto checked = Hooks::Check(context, Without(context, hooks, "onPortMessage"));
    ASSERT_FALSE(checked.has_value());
    EXPECT_EQ(checked.error().message, "bootstrap.js returned no 'onPortMessage' hook function");
    Hooks bound;
    EXPECT_FALSE(bound.Bind(context, Without(context, hooks, "runMain")));
    EXPECT_TRUE(bound.Call(context, Hooks::Hook::kRunTicks).IsEmpty());  // nothing bound
  });
}

// Only the object's own functions count: one inherited from a prototype
// (which user code could patch) or behind a getter is no hook.
TEST_F(HooksTest, InheritedOrNonFunctionHooksAreRefused) {
  InIsolate([](v8::Local<v8::Context> context, v8::Local<v8::Object> hooks) {
    EXPECT_FALSE(Hooks::Check(context, Without(context, hooks, "fireTimer",
                                               "Object.setPrototypeOf(copy, { fireTimer() {} })"))
                     .has_value());
    EXPECT_FALSE(Hooks::Check(context, Without(context, hooks, "fireTimer", "copy.fireTimer = 42"))
                     .has_value());
  });
}

}  // namespace
}  // namespace islet::runtime
