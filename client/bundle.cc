#include "client/bundle.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace islet::client {
namespace {

namespace fs = std::filesystem;

bool IsModuleFile(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".json";
}

bool SkipDirectory(const fs::path& path) {
  std::string name = path.filename().string();
  return name == "node_modules" || (!name.empty() && name.front() == '.');
}

std::expected<std::string, std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected("cannot read " + path.string());
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::unexpected("cannot read " + path.string());
  return content;
}

std::string Mib(size_t bytes) { return std::to_string(bytes / (1u << 20)) + " MiB"; }

}  // namespace

std::expected<v1::Bundle, std::string> CollectBundle(const std::string& main_file,
                                                     const BundleLimits& limits) {
  std::error_code ec;
  fs::path main = fs::canonical(main_file, ec);
  if (ec) return std::unexpected("cannot open " + main_file + ": " + ec.message());
  if (!fs::is_regular_file(main, ec)) return std::unexpected(main_file + " is not a file");
  const fs::path root = main.parent_path();

  std::vector<fs::path> paths = {main};
  size_t total = fs::file_size(main, ec);
  auto too_many = [&] {
    return std::unexpected("too many files to upload: more than " +
                           std::to_string(limits.max_files) + " .js/.mjs/.cjs/.json files under " +
                           root.string() + " (limit " + std::to_string(limits.max_files) +
                           "); move " + main.filename().string() + " to a smaller directory");
  };
  auto too_big = [&] {
    return std::unexpected("bundle too large: the .js/.mjs/.cjs/.json files under " +
                           root.string() + " exceed " + Mib(limits.max_bytes) + " (limit " +
                           std::to_string(limits.max_bytes) + " bytes)");
  };

  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return std::unexpected("cannot list " + root.string() + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return std::unexpected("cannot list " + root.string() + ": " + ec.message());
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      if (SkipDirectory(entry.path())) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(type_ec) || !IsModuleFile(entry.path())) continue;
    if (entry.path() == main) continue;
    paths.push_back(entry.path());
    if (paths.size() > limits.max_files) return too_many();
    total += entry.file_size(type_ec);
    if (total > limits.max_bytes) return too_big();
  }
  if (ec) return std::unexpected("cannot list " + root.string() + ": " + ec.message());
  if (total > limits.max_bytes) return too_big();

  std::vector<std::pair<std::string, fs::path>> named;
  named.reserve(paths.size());
  for (const fs::path& path : paths) {
    named.emplace_back(path.lexically_relative(root).generic_string(), path);
  }
  std::sort(named.begin(), named.end());

  v1::Bundle bundle;
  bundle.set_root(root.string());
  bundle.set_main(main.lexically_relative(root).generic_string());
  size_t read_total = 0;
  for (const auto& [name, path] : named) {
    auto content = ReadFile(path);
    if (!content) return std::unexpected(content.error());
    read_total += content->size();
    if (read_total > limits.max_bytes) return too_big();  // grew while we read
    v1::File* file = bundle.add_files();
    file->set_name(name);
    file->set_content(std::move(*content));
  }
  return bundle;
}

}  // namespace islet::client
