#pragma once

namespace islet::runtime {

// Whether `address` lies in libnode's code (where V8 is): the shim in
// maps_shim.cc answers only V8's fopen of /proc/self/maps with an empty file.
bool IsV8Code(const void* address);

}  // namespace islet::runtime
