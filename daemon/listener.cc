#include "daemon/listener.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "proto/socket_path.h"
#include "runtime/base/log.h"

namespace islet::daemon {
namespace {

using Protocol = asio::local::stream_protocol;

std::string Errno(int err) { return std::system_category().message(err); }

std::string ParentOf(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// Sets the process umask for one scope (binding creates the socket file with
// the umask applied, so owner-only from its first instant).
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(umask(mask)) {}
  ~ScopedUmask() { umask(old_); }

 private:
  mode_t old_;
};

// Creates `dir` and its missing parents, each 0700 (so ours). What exists
// already is left as it is: CheckPrivateDirectory judges `dir` afterwards.
std::expected<void, std::string> MakeDirectories(const std::string& dir) {
  struct stat st;
  if (stat(dir.c_str(), &st) == 0) return {};
  if (errno != ENOENT) return std::unexpected("cannot use directory " + dir + ": " + Errno(errno));
  std::string parent = ParentOf(dir);
  if (parent != dir) {
    if (auto ok = MakeDirectories(parent); !ok) return ok;
  }
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return std::unexpected("cannot create directory " + dir + ": " + Errno(errno));
  }
  return {};
}

}  // namespace

std::expected<void, std::string> EnsurePrivateDirectory(const std::string& dir) {
  return EnsurePrivateDirectory(dir, geteuid());
}

std::expected<void, std::string> EnsurePrivateDirectory(const std::string& dir, uid_t uid) {
  if (auto made = MakeDirectories(dir); !made) return made;
  if (auto ok = proto::CheckPrivateDirectory(dir, uid); !ok) {
    return std::unexpected("refusing to keep the daemon's files in " + dir + ": " + ok.error());
  }
  return {};
}

bool SocketAnswers(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof(addr.sun_path)) {
    close(fd);
    return false;
  }
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  bool answers = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  close(fd);
  return answers;
}

UnixListener::UnixListener(asio::io_context& io, std::string path, int lock_fd)
    : acceptor_(io), path_(std::move(path)), lock_fd_(lock_fd) {}

UnixListener::~UnixListener() {
  Close();
  if (lock_fd_ >= 0) close(lock_fd_);
}

std::expected<std::unique_ptr<UnixListener>, std::string> UnixListener::Open(
    asio::io_context& io, const std::string& path) {
  if (path.empty()) return std::unexpected("the socket path is empty");
  if (path.size() >= sizeof(sockaddr_un::sun_path)) {
    return std::unexpected("socket path " + path + " is too long (" + std::to_string(path.size()) +
                           " bytes; Unix sockets allow " +
                           std::to_string(sizeof(sockaddr_un::sun_path) - 1) + ")");
  }
  if (auto ok = EnsurePrivateDirectory(ParentOf(path)); !ok) return std::unexpected(ok.error());

  // The lock serialises daemons that start at the same moment; the kernel
  // drops it when the holder dies, so it can never go stale.
  std::string lock_path = path + ".lock";
  int lock_fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd < 0) return std::unexpected("cannot open " + lock_path + ": " + Errno(errno));
  if (flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    close(lock_fd);
    if (err == EWOULDBLOCK) return std::unexpected("another isletd is already running on " + path);
    return std::unexpected("cannot lock " + lock_path + ": " + Errno(err));
  }
  std::unique_ptr<UnixListener> listener(new UnixListener(io, path, lock_fd));

  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) {
      return std::unexpected(path +
                             " exists and is not a socket; remove it or pass another --socket");
    }
    if (SocketAnswers(path)) {
      return std::unexpected("another daemon is already listening on " + path);
    }
    Logger("daemon")->info("removing stale socket file {}", path);
    if (unlink(path.c_str()) != 0 && errno != ENOENT) {
      return std::unexpected("cannot remove stale socket " + path + ": " + Errno(errno));
    }
  }

  auto& acceptor = listener->acceptor_;
  Protocol::endpoint endpoint(path);
  asio::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) {
    ScopedUmask mask(0177);
    acceptor.bind(endpoint, ec);
  }
  if (ec) return std::unexpected("cannot bind " + path + ": " + ec.message());
  // From here on the file is ours: Close removes it.
  if (lstat(path.c_str(), &st) == 0) {
    listener->dev_ = st.st_dev;
    listener->ino_ = st.st_ino;
  }
  if (chmod(path.c_str(), 0600) != 0) {
    return std::unexpected("cannot chmod " + path + ": " + Errno(errno));
  }
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return std::unexpected("cannot listen on " + path + ": " + ec.message());
  return listener;
}

void UnixListener::Close() {
  if (closed_) return;
  closed_ = true;
  asio::error_code ec;
  acceptor_.close(ec);
  if (ino_ == 0) return;
  struct stat st;
  if (lstat(path_.c_str(), &st) == 0 && st.st_dev == dev_ && st.st_ino == ino_) {
    unlink(path_.c_str());
  }
}

}  // namespace islet::daemon
