// The /proc/self/maps shim: V8's code is recognised (its fopen of the file
// gets an empty one), nobody else's is, and everyone else reads the real
// file.

#include "runtime/engine/maps_shim.h"

#include <gtest/gtest.h>
#include <v8.h>

#include <cstdio>
#include <string>

namespace islet::runtime {
namespace {

TEST(MapsShimTest, RecognisesV8CodeAndNothingElse) {
  EXPECT_TRUE(IsV8Code(reinterpret_cast<const void*>(&v8::Isolate::New)));
  EXPECT_TRUE(IsV8Code(reinterpret_cast<const void*>(&v8::V8::GetVersion)));
  EXPECT_FALSE(IsV8Code(reinterpret_cast<const void*>(&IsV8Code)));
  EXPECT_FALSE(IsV8Code(reinterpret_cast<const void*>(&std::fopen)));
  int local = 0;
  EXPECT_FALSE(IsV8Code(&local));
  EXPECT_FALSE(IsV8Code(nullptr));
}

TEST(MapsShimTest, OtherCallersReadTheRealFile) {
  FILE* f = std::fopen("/proc/self/maps", "r");
  ASSERT_NE(f, nullptr);
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  std::fclose(f);
  EXPECT_NE(text.find("libnode.so"), std::string::npos);
  EXPECT_NE(text.find("[stack]"), std::string::npos);
}

}  // namespace
}  // namespace islet::runtime
