// The embedded JS sources reach V8 as external strings over the binary's own
// copy (binding_util::SourceString): every worker loads ~80 KB of them and
// holds them for its life, so a copy per isolate cost 0.09 MiB per idle
// worker. A source of islet's own with a non-ASCII character would silently
// be copied again: this test names it. Embedded npm packages
// (internal/deps/) are loaded only by the workers that use them and are
// taken as published: a non-ASCII one is copied, and must decode right.
#include "runtime/js/sources.h"

#include <gtest/gtest.h>

#include "runtime/engine/engine.h"
#include "runtime/worker/binding_util.h"

namespace islet::runtime {
namespace {

TEST(SourcesTest, EveryEmbeddedSourceIsAnExternalOneByteString) {
  Engine& engine = Engine::Get();
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = engine.allocator();
  v8::Isolate* isolate = v8::Isolate::New(params);
  {
    v8::Locker locker(isolate);
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handles(isolate);
    ASSERT_GT(js::kSourceCount, 5u);
    for (size_t i = 0; i < js::kSourceCount; ++i) {
      SCOPED_TRACE(std::string(js::kSources[i].name));
      std::string_view text = js::kSources[i].text;
      v8::Local<v8::String> s = binding_util::SourceString(isolate, text);
      bool ascii = true;
      for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      if (ascii || !js::kSources[i].name.starts_with("internal/deps/")) {
        EXPECT_TRUE(s->IsExternalOneByte());
        EXPECT_EQ(size_t(s->Length()), text.size());
      } else {
        EXPECT_EQ(s->Utf8Length(isolate), static_cast<int>(text.size()));  // decoded, not mangled
      }
    }
  }
  engine.platform()->DetachIsolate(isolate);
  isolate->Dispose();
}

}  // namespace
}  // namespace islet::runtime
