// The embedded JS sources reach V8 as external strings over the binary's own
// copy (binding_util::SourceString): every worker loads ~80 KB of them and
// holds them for its life, so a copy per isolate cost 0.09 MiB per idle
// worker. A source with a non-ASCII character would silently be copied
// again: this test names it.
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
      v8::Local<v8::String> s = binding_util::SourceString(isolate, js::kSources[i].text);
      EXPECT_TRUE(s->IsExternalOneByte());
      EXPECT_EQ(size_t(s->Length()), js::kSources[i].text.size());
    }
  }
  engine.platform()->DetachIsolate(isolate);
  isolate->Dispose();
}

}  // namespace
}  // namespace islet::runtime
