#include "client/bundle.h"

#include <fcntl.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <unordered_set>
#include <vector>

#include "client/digest_cache.h"
#include "proto/digest.h"

namespace islet::client {
namespace {

namespace fs = std::filesystem;

}  // namespace

// The whole file, read with one read() per chunk into a string of the
// size fstat gives (istreambuf_iterator went a byte at a time: most of a
// 50 MB project's bundling time).
std::expected<std::string, std::string> ReadWholeFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected("cannot read " + path + ": " + std::strerror(errno));
  struct stat st;
  std::string content;
  if (fstat(fd, &st) == 0 && st.st_size > 0) content.resize(static_cast<size_t>(st.st_size));
  size_t have = 0;
  for (;;) {
    if (have == content.size()) content.resize(std::max<size_t>(content.size() * 2, 4096));
    ssize_t n = read(fd, content.data() + have, content.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      return std::unexpected("cannot read " + path + ": " + std::strerror(error));
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  close(fd);
  content.resize(have);
  return content;
}

namespace {

// Whether `dir` holds the root of a workspace: a package.json with a
// "workspaces" field (npm, yarn), or pnpm's pnpm-workspace.yaml.
bool IsWorkspaceRoot(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_regular_file(dir / "pnpm-workspace.yaml", ec)) return true;
  auto text = ReadWholeFile((dir / "package.json").string());
  if (!text) return false;
  google::protobuf::Struct package;
  if (!google::protobuf::util::JsonStringToMessage(*text, &package).ok()) return false;
  return package.fields().contains("workspaces");
}

// What a script can load: in a directory with no package.json, the only
// files that go up.
bool IsModuleFile(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".json";
}

bool Within(const fs::path& path, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

std::string Mib(size_t bytes) { return std::to_string(bytes / (1u << 20)) + " MiB"; }

}  // namespace

std::string ProjectRoot(const std::string& dir_name) {
  std::error_code ec;
  fs::path dir(dir_name);
  fs::path package;
  for (fs::path at = dir;; at = at.parent_path()) {
    if (fs::is_regular_file(at / "package.json", ec)) {
      package = at;
      break;
    }
    if (at == at.root_path() || at.parent_path() == at) break;
  }
  if (package.empty()) return dir.string();
  for (fs::path at = package; at != at.root_path() && at.parent_path() != at;) {
    at = at.parent_path();
    if (IsWorkspaceRoot(at)) return at.string();
  }
  return package.string();
}

std::expected<v1::Bundle, std::string> CollectBundle(const std::string& main_file,
                                                     const BundleOptions& options) {
  const BundleLimits& limits = options.limits;
  std::error_code ec;
  fs::path main = fs::canonical(main_file, ec);
  if (ec) return std::unexpected("cannot open " + main_file + ": " + ec.message());
  if (!fs::is_regular_file(main, ec)) return std::unexpected(main_file + " is not a file");
  fs::path root;
  bool loose = false;
  if (options.root.empty()) {
    root = ProjectRoot(main.parent_path().string());
    // No package.json: FILE's directory may be any directory (/tmp, $HOME),
    // so only what a script can load from it goes up.
    loose = !std::filesystem::exists(root / "package.json", ec);
  } else {
    root = fs::canonical(options.root, ec);
    if (ec) return std::unexpected("cannot open the root " + options.root + ": " + ec.message());
    if (!fs::is_directory(root, ec)) return std::unexpected(options.root + " is not a directory");
    if (!Within(main, root)) {
      return std::unexpected(main_file + " is not under the root " + root.string());
    }
  }

  struct Entry {
    std::string name;
    fs::path path;
    std::string link_target;  // for a link
  };
  std::vector<Entry> entries;
  size_t total = 0;
  auto too_many = [&] {
    return std::unexpected("too many files to upload: more than " +
                           std::to_string(limits.max_files) + " under the project root " +
                           root.string() + "; run from a smaller project or pass --root");
  };
  auto too_big = [&] {
    return std::unexpected("bundle too large: the files under the project root " + root.string() +
                           " exceed " + Mib(limits.max_bytes) + " (limit " +
                           std::to_string(limits.max_bytes) +
                           " bytes); pass --root to choose a "
                           "smaller one");
  };
  auto name_of = [&](const fs::path& path) {
    return path.lexically_relative(root).generic_string();
  };

  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return std::unexpected("cannot list " + root.string() + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return std::unexpected("cannot list " + root.string() + ": " + ec.message());
    const fs::directory_entry& entry = *it;
    const fs::path& path = entry.path();
    std::string base = path.filename().string();
    std::error_code type_ec;
    bool hidden = !base.empty() && base.front() == '.' &&
                  !(base == ".pnpm" && path.parent_path().filename() == "node_modules");
    if (entry.is_symlink(type_ec)) {
      if (hidden) continue;
      fs::path target = fs::canonical(path, type_ec);
      if (type_ec) continue;  // dangling: Node could not load it either
      if (!Within(target, root)) {
        if (loose) continue;
        return std::unexpected(name_of(path) + " is a symbolic link to " + target.string() +
                               ", outside the project root " + root.string() +
                               ": islet uploads only what is under the root (pass --root to "
                               "choose one that holds both)");
      }
      entries.push_back({name_of(path), path, target == root ? "" : name_of(target)});
      if (entries.back().link_target.empty()) entries.pop_back();  // a link to the root
      if (entries.size() > limits.max_files) return too_many();
      continue;
    }
    if (entry.is_directory(type_ec)) {
      if (hidden) it.disable_recursion_pending();
      continue;
    }
    if (hidden || !entry.is_regular_file(type_ec)) continue;
    if (loose && !IsModuleFile(path)) continue;
    entries.push_back({name_of(path), path, ""});
    if (entries.size() > limits.max_files) return too_many();
    total += entry.file_size(type_ec);
    if (total > limits.max_bytes) return too_big();
  }
  if (ec) return std::unexpected("cannot list " + root.string() + ": " + ec.message());
  // FILE itself, even where a hidden name kept it out of the walk.
  if (std::none_of(entries.begin(), entries.end(),
                   [&](const Entry& e) { return e.path == main; })) {
    entries.push_back({name_of(main), main, ""});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });

  // A link whose target was left out (a hidden directory) would be refused
  // by the daemon; it is left out as well.
  std::unordered_set<std::string> present;
  for (const Entry& e : entries) {
    present.insert(e.name);
    for (size_t slash = e.name.find('/'); slash != std::string::npos;
         slash = e.name.find('/', slash + 1)) {
      present.insert(e.name.substr(0, slash));
    }
  }

  v1::Bundle bundle;
  bundle.set_root(root.string());
  bundle.set_main(name_of(main));
  if (!options.cwd.empty()) {
    fs::path cwd = fs::canonical(options.cwd, ec);
    if (!ec && Within(cwd, root)) bundle.set_cwd(cwd.string());
  }
  size_t read_total = 0;
  std::optional<DigestCache> cache;
  if (options.use_digest_cache) {
    std::string path = DigestCache::PathFor(root.string());
    if (!path.empty()) cache.emplace(std::move(path));
  }
  for (Entry& e : entries) {
    if (!e.link_target.empty()) {
      if (!present.contains(e.link_target)) continue;
      v1::File* file = bundle.add_files();
      file->set_name(std::move(e.name));
      file->set_link_target(std::move(e.link_target));
      continue;
    }
    struct stat st;
    bool have_stat = cache && stat(e.path.c_str(), &st) == 0;
    if (have_stat) {
      if (auto digest = cache->Find(e.path, st)) {
        v1::File* file = bundle.add_files();
        file->set_name(std::move(e.name));
        file->set_digest(std::move(*digest));
        continue;
      }
    }
    auto content = ReadWholeFile(e.path.string());
    if (!content) return std::unexpected(content.error());
    read_total += content->size();
    if (read_total > limits.max_bytes) return too_big();  // grew while we read
    v1::File* file = bundle.add_files();
    file->set_name(std::move(e.name));
    file->set_digest(proto::Sha256(*content));
    // Recorded only if the file did not change while it was read.
    struct stat after;
    if (have_stat && stat(e.path.c_str(), &after) == 0 &&
        after.st_ctim.tv_sec == st.st_ctim.tv_sec && after.st_ctim.tv_nsec == st.st_ctim.tv_nsec &&
        after.st_size == st.st_size && static_cast<size_t>(st.st_size) == content->size()) {
      cache->Record(e.path, st, file->digest());
    }
    file->set_content(std::move(*content));
  }
  if (cache) cache->Save();
  return bundle;
}

}  // namespace islet::client
