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

#include "runtime/engine/maps_shim.h"

#include <dlfcn.h>
#include <link.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace {

using FopenFn = FILE* (*)(const char*, const char*);

FopenFn RealFopen() {
  static FopenFn real = reinterpret_cast<FopenFn>(dlsym(RTLD_NEXT, "fopen"));
  return real;
}

// libnode's executable segments, found once. (dladdr per call searches
// libnode's whole symbol table: perf put it at 13% of the daemon's CPU while
// spawning.)
struct CodeRanges {
  static constexpr int kMax = 8;
  uintptr_t begin[kMax] = {};
  uintptr_t end[kMax] = {};
  int count = 0;
};

int CollectLibnode(dl_phdr_info* info, size_t, void* data) {
  if (info->dlpi_name == nullptr || std::strstr(info->dlpi_name, "libnode.so") == nullptr) {
    return 0;
  }
  auto* ranges = static_cast<CodeRanges*>(data);
  for (int i = 0; i < info->dlpi_phnum && ranges->count < CodeRanges::kMax; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || (ph.p_flags & PF_X) == 0) continue;
    ranges->begin[ranges->count] = info->dlpi_addr + ph.p_vaddr;
    ranges->end[ranges->count] = info->dlpi_addr + ph.p_vaddr + ph.p_memsz;
    ++ranges->count;
  }
  return 1;
}

}  // namespace

namespace islet::runtime {

bool IsV8Code(const void* address) {
  static const CodeRanges ranges = [] {
    CodeRanges r;
    dl_iterate_phdr(CollectLibnode, &r);
    return r;
  }();
  auto a = reinterpret_cast<uintptr_t>(address);
  for (int i = 0; i < ranges.count; ++i) {
    if (a >= ranges.begin[i] && a < ranges.end[i]) return true;
  }
  return false;
}

}  // namespace islet::runtime

extern "C" FILE* fopen(const char* path, const char* mode) {
  FopenFn real = RealFopen();
  if (path != nullptr && std::strcmp(path, "/proc/self/maps") == 0 &&
      islet::runtime::IsV8Code(__builtin_return_address(0))) {
    return real("/dev/null", mode);
  }
  return real(path, mode);
}
