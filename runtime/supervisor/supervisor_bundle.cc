// Supervisor: a spawn's files become the job's read-only Bundle.
#include "runtime/base/log.h"
#include "runtime/supervisor/supervisor.h"

namespace islet::runtime {

namespace {

// A bundle file name: relative, '/'-separated, no empty, "." or ".." parts.
std::string CheckFileName(const std::string& name) {
  if (name.empty()) return "a bundle file has an empty name";
  if (name.front() == '/') return "bundle file name '" + name + "' is absolute";
  if (name.find('\0') != std::string::npos) return "bundle file name contains a NUL byte";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    std::string_view part(name.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") {
      return "bundle file name '" + name + "' has an empty, '.' or '..' component";
    }
    start = end + 1;
  }
  return {};
}

// The directory part of a bundle name ("" for a name at the root).
std::string_view Parent(std::string_view name) {
  size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : name.substr(0, slash);
}

// Whether `dir` is `root` or below it (both absolute, without a trailing '/').
bool Within(std::string_view dir, std::string_view root) {
  if (root == "/" || root.empty()) return !dir.empty() && dir.front() == '/';
  return dir == root ||
         (dir.size() > root.size() && dir.starts_with(root) && dir[root.size()] == '/');
}

}  // namespace

Result<std::shared_ptr<const Bundle>> Supervisor::MakeBundle(SpawnSpec& spec) const {
  if (spec.files.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the bundle is empty: it has no files");
  }
  if (spec.main.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the bundle names no main file");
  }
  if (spec.files.size() > options_.max_bundle_files) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the bundle has " + std::to_string(spec.files.size()) +
                         " files; the limit is " + std::to_string(options_.max_bundle_files));
  }
  size_t total = 0;
  for (const auto& f : spec.files) {
    total +=
        (f.shared ? f.shared->size() : f.content.size()) + f.name.size() + f.link_target.size();
  }
  if (total > options_.max_bundle_bytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the bundle is " + std::to_string(total) + " bytes; the limit is " +
                         std::to_string(options_.max_bundle_bytes) + " bytes");
  }
  auto bundle = std::make_shared<Bundle>();
  bundle->root = spec.root;
  if (!bundle->root.empty() && bundle->root.front() != '/') {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the bundle root '" + spec.root + "' is not an absolute path");
  }
  while (bundle->root.size() > 1 && bundle->root.back() == '/') bundle->root.pop_back();
  if (bundle->root.empty()) bundle->root = "/";
  bundle->cwd = spec.cwd.empty() ? bundle->root : spec.cwd;
  while (bundle->cwd.size() > 1 && bundle->cwd.back() == '/') bundle->cwd.pop_back();
  if (!Within(bundle->cwd, bundle->root) ||
      (bundle->cwd != "/" && !CheckFileName(bundle->cwd.substr(1)).empty())) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the working directory '" + spec.cwd +
                         "' is not the bundle root or an absolute directory under it");
  }
  bundle->directories.insert("");
  auto add_parents = [&](std::string_view name) {
    for (std::string_view dir = Parent(name); !dir.empty(); dir = Parent(dir)) {
      if (!bundle->directories.emplace(dir).second) break;
    }
  };
  for (auto& f : spec.files) {
    if (std::string problem = CheckFileName(f.name); !problem.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, problem);
    }
    if (bundle->files.contains(f.name) || bundle->links.contains(f.name)) {
      return MakeError(ErrorCode::kInvalidArgument, "the bundle holds file '" + f.name + "' twice");
    }
    add_parents(f.name);
    if (!f.link_target.empty()) {
      if (std::string problem = CheckFileName(f.link_target); !problem.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "link '" + f.name + "': " + problem);
      }
      bundle->links.emplace(f.name, std::move(f.link_target));
      continue;
    }
    bundle->files.emplace(f.name, f.shared
                                      ? std::move(f.shared)
                                      : std::make_shared<const std::string>(std::move(f.content)));
  }
  for (const auto& [name, target] : bundle->links) {
    if (bundle->directories.contains(name)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "the bundle holds '" + name + "' both as a link and as a directory");
    }
    if (!bundle->files.contains(target) && !bundle->directories.contains(target) &&
        !bundle->links.contains(target)) {
      return MakeError(ErrorCode::kInvalidArgument, "link '" + name + "' points to '" + target +
                                                        "', which is not in the bundle");
    }
  }
  for (const auto& [name, content] : bundle->files) {
    if (bundle->directories.contains(name)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "the bundle holds '" + name + "' both as a file and as a directory");
    }
  }
  if (bundle->Read(spec.main) == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the main file '" + spec.main + "' is not in the bundle");
  }
  return bundle;
}

}  // namespace islet::runtime
