#pragma once

#include <cstddef>
#include <string_view>

#include "runtime/runtime_types.h"

namespace islet::runtime {

// The checks the Supervisor makes on a request's arguments before it acts,
// on their own (no runtime needed), so that the request fuzzer reaches them
// too (fuzz/request_fuzzer.cc).

// A terminate's grace period: 0 to a day, in ms. NaN is refused.
Result<void> CheckGracePeriod(double grace_ms);

// How deeply `json` nests arrays and objects (brackets inside strings not
// counted). Not a validator: text that is not JSON reaches the worker as a
// 'messageerror', as it always has.
size_t JsonNestingDepth(std::string_view json);

// A control message to a worker (Runtime::PostControl): nested at most
// Runtime::kMaxControlJsonDepth deep, refused whole otherwise, rather than
// failing inside the worker (a 4,000-level array once ended the worker
// with a RangeError in islet's own delivery code).
Result<void> CheckControlJson(std::string_view json);

}  // namespace islet::runtime
