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
  for (const auto& f : spec.files) total += f.content.size() + f.name.size();
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
  for (auto& f : spec.files) {
    if (std::string problem = CheckFileName(f.name); !problem.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, problem);
    }
    if (!bundle->files.emplace(f.name, std::move(f.content)).second) {
      return MakeError(ErrorCode::kInvalidArgument, "the bundle holds file '" + f.name + "' twice");
    }
  }
  if (!bundle->files.contains(spec.main)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the main file '" + spec.main + "' is not in the bundle");
  }
  return bundle;
}

}  // namespace islet::runtime
