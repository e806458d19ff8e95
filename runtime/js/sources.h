#pragma once

#include <cstddef>
#include <string_view>

namespace islet::runtime::js {

// The JS environment's sources, compiled into the binary by tools/embed.
struct Source {
  std::string_view name;  // "bootstrap", "events", "inspect", ...
  std::string_view text;
};

extern const Source kSources[];
extern const size_t kSourceCount;

// The named source, or an empty view.
inline std::string_view FindSource(std::string_view name) {
  for (size_t i = 0; i < kSourceCount; ++i) {
    if (kSources[i].name == name) return kSources[i].text;
  }
  return {};
}

}  // namespace islet::runtime::js
