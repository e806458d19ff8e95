#include "client/digest_cache.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "proto/digest.h"

namespace islet::client {
namespace {

int64_t Nanos(const struct timespec& t) { return int64_t{t.tv_sec} * 1000000000 + t.tv_nsec; }

std::optional<std::string> FromHex(const std::string& hex) {
  if (hex.size() != 2 * proto::kDigestBytes) return std::nullopt;
  std::string out(proto::kDigestBytes, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned value = 0;
    if (std::sscanf(hex.c_str() + 2 * i, "%2x", &value) != 1) return std::nullopt;
    out[i] = static_cast<char>(value);
  }
  return out;
}

}  // namespace

std::string DigestCache::PathFor(const std::string& root) {
  std::string dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
    dir = std::string(xdg) + "/islet/digests";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    dir = std::string(home) + "/.cache/islet/digests";
  } else {
    return "";
  }
  return dir + "/" + proto::HexDigest(proto::Sha256(root)).substr(0, 32);
}

DigestCache::DigestCache(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  std::ifstream in(path_);
  // One entry a line: dev ino size mtime_ns ctime_ns hex-digest, a tab, the path.
  for (std::string line; std::getline(in, line);) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::istringstream fields(line.substr(0, tab));
    Entry e;
    std::string hex;
    if (!(fields >> e.dev >> e.ino >> e.size >> e.mtime_ns >> e.ctime_ns >> hex)) continue;
    auto digest = FromHex(hex);
    if (!digest) continue;
    e.digest = std::move(*digest);
    entries_.insert_or_assign(line.substr(tab + 1), std::move(e));
  }
}

DigestCache::Entry DigestCache::Key(const struct stat& st) {
  Entry e;
  e.dev = st.st_dev;
  e.ino = st.st_ino;
  e.size = static_cast<uint64_t>(st.st_size);
  e.mtime_ns = Nanos(st.st_mtim);
  e.ctime_ns = Nanos(st.st_ctim);
  return e;
}

std::optional<std::string> DigestCache::Find(const std::string& path, const struct stat& st) {
  auto it = entries_.find(path);
  if (it == entries_.end()) return std::nullopt;
  Entry key = Key(st);
  Entry& e = it->second;
  if (e.dev != key.dev || e.ino != key.ino || e.size != key.size || e.mtime_ns != key.mtime_ns ||
      e.ctime_ns != key.ctime_ns) {
    return std::nullopt;
  }
  e.used = true;
  return e.digest;
}

void DigestCache::Record(const std::string& path, const struct stat& st, std::string digest) {
  Entry e = Key(st);
  e.digest = std::move(digest);
  e.used = true;
  entries_.insert_or_assign(path, std::move(e));
  dirty_ = true;
}

void DigestCache::Save() {
  if (path_.empty()) return;
  size_t used = 0;
  for (const auto& [path, e] : entries_) used += e.used ? 1 : 0;
  if (!dirty_ && used == entries_.size()) return;  // the file already says this
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::path(path_).parent_path();
  fs::create_directories(dir, ec);
  std::string tmp = path_ + "." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return;
    for (const auto& [path, e] : entries_) {
      if (!e.used || path.find('\n') != std::string::npos) continue;
      out << e.dev << ' ' << e.ino << ' ' << e.size << ' ' << e.mtime_ns << ' ' << e.ctime_ns << ' '
          << proto::HexDigest(e.digest) << '\t' << path << '\n';
    }
    if (!out) {
      std::remove(tmp.c_str());
      return;
    }
  }
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) std::remove(tmp.c_str());
  dirty_ = false;
  // Other projects' files, once idle for 30 days.
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 30);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code time_ec;
    if (it->is_regular_file(time_ec) && it->last_write_time(time_ec) < old && !time_ec) {
      fs::remove(it->path(), time_ec);
    }
  }
}

}  // namespace islet::client
