// V8 10.2 (Debian's libnode) scans /proc/self/maps every time an isolate
// reserves its code range (CodeRangeAddressHint::GetAddressHint ->
// OS::GetFreeMemoryRangesWithin), looking for a gap near the embedded
// builtins so that calls into them can be short. The file has about 18 lines
// per live isolate, so each spawn costs O(live workers) and spawning N
// workers O(N^2): 250 spawns took 8 s with 2,000 workers alive, and 10,000
// idle workers were out of reach.
//
// islet runs V8 with --no-short-builtin-calls, so where the code range lands
// does not matter. This shim answers V8's (and only V8's) fopen of
// /proc/self/maps with an empty file: V8 then falls back to a plain address
// hint, and mmap picks a free range as usual. Every other caller gets the
// real file. It must be linked into the executable (linkstatic, alwayslink)
// so that its fopen comes before libc's in libnode's symbol lookup.

#include <dlfcn.h>

#include <cstdio>
#include <cstring>

namespace {

using FopenFn = FILE* (*)(const char*, const char*);

FopenFn RealFopen() {
  static FopenFn real = reinterpret_cast<FopenFn>(dlsym(RTLD_NEXT, "fopen"));
  return real;
}

// Whether `address` is code of libnode, the library that holds V8.
bool InV8(const void* address) {
  Dl_info info{};
  return dladdr(address, &info) != 0 && info.dli_fname != nullptr &&
         std::strstr(info.dli_fname, "libnode.so") != nullptr;
}

}  // namespace

extern "C" FILE* fopen(const char* path, const char* mode) {
  FopenFn real = RealFopen();
  if (path != nullptr && std::strcmp(path, "/proc/self/maps") == 0 &&
      InV8(__builtin_return_address(0))) {
    return real("/dev/null", mode);
  }
  return real(path, mode);
}
