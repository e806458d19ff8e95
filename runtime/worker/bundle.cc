// Bundle lookups: names through symbolic links, the way a file system would
// resolve them, inside the job's files only.
#include "runtime/worker/worker_host.h"

namespace islet::runtime {

std::optional<std::string> Bundle::RealPath(std::string_view name) const {
  if (links.empty()) {
    if (name.empty() || files.contains(std::string(name)) ||
        directories.contains(std::string(name))) {
      return std::string(name);
    }
    return std::nullopt;
  }
  // Resolve component by component: the resolved prefix, then the rest.
  // Each link swaps the prefix for its (already resolved) target; a bound
  // on the number of swaps stops a cycle, as ELOOP would.
  std::string resolved;
  std::string_view rest = name;
  int swaps = 0;
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      size_t up = resolved.rfind('/');
      resolved.erase(up == std::string::npos ? 0 : up);
      continue;
    }
    std::string next = resolved.empty() ? std::string(part) : resolved + "/" + std::string(part);
    for (auto link = links.find(next); link != links.end(); link = links.find(next)) {
      if (++swaps > 40) return std::nullopt;
      next = link->second;
    }
    const bool is_file = files.contains(next);
    if (!is_file && !directories.contains(next)) return std::nullopt;
    if (is_file && !rest.empty()) return std::nullopt;  // a file is no directory
    resolved = std::move(next);
  }
  return resolved;
}

Bundle::Kind Bundle::KindOf(std::string_view name) const {
  if (auto it = files.find(std::string(name)); it != files.end()) return Kind::kFile;
  auto real = RealPath(name);
  if (!real) return Kind::kMissing;
  return files.contains(*real) ? Kind::kFile : Kind::kDirectory;
}

const std::string* Bundle::Read(std::string_view name) const {
  auto it = files.find(std::string(name));
  if (it == files.end() && !links.empty()) {
    auto real = RealPath(name);
    if (real) it = files.find(*real);
  }
  return it == files.end() ? nullptr : it->second.get();
}

}  // namespace islet::runtime
