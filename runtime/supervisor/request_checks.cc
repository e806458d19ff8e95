#include "runtime/supervisor/request_checks.h"

#include <algorithm>
#include <string>

#include "runtime/runtime.h"

namespace islet::runtime {

Result<void> CheckGracePeriod(double grace_ms) {
  constexpr double kMaxGraceMs = 24 * 3600 * 1000.0;  // a day
  if (!(grace_ms >= 0) || !(grace_ms <= kMaxGraceMs)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the grace period must be between 0 and a day (86400000 ms)");
  }
  return {};
}

size_t JsonNestingDepth(std::string_view json) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

Result<void> CheckControlJson(std::string_view json) {
  if (size_t depth = JsonNestingDepth(json); depth > Runtime::kMaxControlJsonDepth) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the JSON nests " + std::to_string(depth) + " levels deep; a message to a " +
                         "worker may nest at most " +
                         std::to_string(Runtime::kMaxControlJsonDepth));
  }
  return {};
}

}  // namespace islet::runtime
