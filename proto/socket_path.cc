#include "proto/socket_path.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace islet::proto {
namespace {

// How a client chooses another socket, appended to its refusals.
constexpr std::string_view kChooseAnother =
    " (choose the socket with --socket, $ISLET_SOCKET or $XDG_RUNTIME_DIR)";

std::string Errno(int err) { return std::system_category().message(err); }

// The permission bits as chmod takes them: "1777", "0700".
std::string Mode(mode_t mode) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04o", static_cast<unsigned>(mode & 07777));
  return buffer;
}

// Root may do anything anyway: trusting it adds nothing an attacker can use.
bool TrustedOwner(uid_t owner, uid_t uid) { return owner == uid || owner == 0; }

std::string NotYou(uid_t owner, uid_t uid) {
  return "uid " + std::to_string(owner) + ", not by you (uid " + std::to_string(uid) + ") or root";
}

}  // namespace

std::optional<std::string> GetEnv(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::string ResolveSocketPath(std::string_view flag, const EnvLookup& env, uid_t uid) {
  if (!flag.empty()) return std::string(flag);
  if (auto s = env("ISLET_SOCKET"); s && !s->empty()) return *s;
  if (auto xdg = env("XDG_RUNTIME_DIR"); xdg && !xdg->empty()) {
    return *xdg + "/islet/isletd.sock";
  }
  return "/tmp/islet-" + std::to_string(uid) + "/isletd.sock";
}

std::string SocketDirectory(std::string_view socket_path) {
  auto slash = socket_path.find_last_of('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(socket_path.substr(0, slash));
}

std::expected<void, std::string> CheckPrivateDirectory(const std::string& dir, uid_t uid) {
  struct stat st;
  if (lstat(dir.c_str(), &st) != 0) {
    return std::unexpected(dir + " cannot be examined: " + Errno(errno));
  }
  if (S_ISLNK(st.st_mode)) {
    // Whoever owns the link can point it elsewhere at any time.
    if (!TrustedOwner(st.st_uid, uid)) {
      return std::unexpected(dir + " is a symbolic link owned by " + NotYou(st.st_uid, uid) +
                             "; remove it, or use a directory you own");
    }
    if (stat(dir.c_str(), &st) != 0) {
      return std::unexpected(dir + " cannot be examined: " + Errno(errno));
    }
  }
  if (!S_ISDIR(st.st_mode)) return std::unexpected(dir + " is not a directory");
  if (!TrustedOwner(st.st_uid, uid)) {
    return std::unexpected(dir + " is owned by " + NotYou(st.st_uid, uid) +
                           "; remove it (as root if need be), or use a directory you own");
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    if ((st.st_mode & S_ISVTX) != 0) {
      std::string example = (dir == "/" ? std::string() : dir) + "/islet-" + std::to_string(uid);
      return std::unexpected(dir + " is shared with other users (mode " + Mode(st.st_mode) +
                             ": anyone may create files in it); use a private subdirectory, "
                             "such as " +
                             example);
    }
    return std::unexpected(dir + " is writable by other users (mode " + Mode(st.st_mode) +
                           "); run 'chmod go-w " + dir +
                           "', or use a directory only you can write to");
  }
  return {};
}

std::expected<void, std::string> CheckSocketPath(const std::string& socket_path, uid_t uid) {
  std::string dir = SocketDirectory(socket_path);
  struct stat st;
  if (lstat(dir.c_str(), &st) != 0 && errno == ENOENT) return {};  // nothing can listen there
  if (auto ok = CheckPrivateDirectory(dir, uid); !ok) {
    return std::unexpected("refusing to use " + socket_path + ": its directory " + ok.error() +
                           std::string(kChooseAnother));
  }
  if (lstat(socket_path.c_str(), &st) != 0) return {};  // connecting says what is wrong
  if (!TrustedOwner(st.st_uid, uid)) {
    return std::unexpected("refusing to use " + socket_path + ": it is owned by " +
                           NotYou(st.st_uid, uid) + "; remove it (as root if need be)" +
                           std::string(kChooseAnother));
  }
  return {};
}

std::expected<void, std::string> CheckPeerUid(const std::string& socket_path, uid_t peer_uid,
                                              uid_t uid) {
  if (TrustedOwner(peer_uid, uid)) return {};
  return std::unexpected(
      "refusing to use " + socket_path + ": the process listening on it runs as uid " +
      std::to_string(peer_uid) + ", not as you (uid " + std::to_string(uid) +
      ") or root, so it is not your isletd; nothing was sent to it" + std::string(kChooseAnother));
}

std::expected<void, std::string> CheckSocketPeer(const std::string& socket_path, int fd,
                                                 uid_t uid) {
  ucred cred{};
  socklen_t len = sizeof(cred);
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
    return std::unexpected("refusing to use " + socket_path +
                           ": cannot tell who listens on it (SO_PEERCRED: " + Errno(errno) + ")");
  }
  return CheckPeerUid(socket_path, cred.uid, uid);
}

}  // namespace islet::proto
