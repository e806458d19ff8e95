#include "client/client.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "proto/socket_path.h"

namespace islet::client {
namespace {

std::unexpected<Error> Fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message)});
}

std::string Errno(int err) { return std::system_category().message(err); }

}  // namespace

Result<Client> Client::Connect(const std::string& socket_path) {
  // Nothing goes out before the daemon is known to be ours: another user who
  // created the socket's directory first (/tmp/islet-$UID) would get the
  // scripts and environments we send.
  const uid_t uid = getuid();
  if (auto trusted = proto::CheckSocketPath(socket_path, uid); !trusted) {
    return Fail(ErrorKind::kUntrusted, trusted.error());
  }
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof(addr.sun_path)) {
    return Fail(ErrorKind::kIo, "socket path is too long: " + socket_path);
  }
  std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Fail(ErrorKind::kIo, "socket: " + Errno(errno));
  int rc;
  do {
    rc = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    int err = errno;
    close(fd);
    if (err == ENOENT || err == ECONNREFUSED) {
      return Fail(ErrorKind::kNoDaemon, "no daemon is listening on " + socket_path);
    }
    return Fail(ErrorKind::kIo, "cannot connect to " + socket_path + ": " + Errno(err));
  }
  if (auto trusted = proto::CheckSocketPeer(socket_path, fd, uid); !trusted) {
    close(fd);
    return Fail(ErrorKind::kUntrusted, trusted.error());
  }
  return Client(fd, socket_path);
}

Client::Client(int fd, std::string socket_path) : fd_(fd), socket_path_(std::move(socket_path)) {}

Client::Client(Client&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      socket_path_(std::move(other.socket_path_)),
      next_id_(other.next_id_),
      decoder_(std::move(other.decoder_)),
      stash_(std::move(other.stash_)) {}

Client& Client::operator=(Client&& other) noexcept {
  if (this != &other) {
    Close();
    fd_ = std::exchange(other.fd_, -1);
    socket_path_ = std::move(other.socket_path_);
    next_id_ = other.next_id_;
    decoder_ = std::move(other.decoder_);
    stash_ = std::move(other.stash_);
  }
  return *this;
}

Client::~Client() { Close(); }

void Client::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

Result<void> Client::SendRaw(std::string_view bytes) {
  if (fd_ < 0) return Fail(ErrorKind::kClosed, "not connected");
  while (!bytes.empty()) {
    ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE || errno == ECONNRESET) {
        return Fail(ErrorKind::kClosed, "the daemon closed the connection");
      }
      return Fail(ErrorKind::kIo, "send: " + Errno(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

Result<uint64_t> Client::Send(v1::Request request) {
  uint64_t id = next_id_++;
  request.set_id(id);
  std::string frame;
  if (!proto::AppendFrame(request, &frame)) {
    return Fail(ErrorKind::kProtocol, "cannot serialize the request");
  }
  if (auto ok = SendRaw(frame); !ok) {
    // The daemon may have rejected the frame before reading all of it.
    if (auto error = PendingConnectionError()) return std::unexpected(*error);
    return std::unexpected(ok.error());
  }
  return id;
}

std::optional<Error> Client::PendingConnectionError() {
  char buffer[64 * 1024];
  for (;;) {
    ssize_t n = recv(fd_, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    decoder_.Feed(std::string_view(buffer, static_cast<size_t>(n)));
  }
  for (;;) {
    auto decoded = DecodeOne();
    if (!decoded || !*decoded) break;
  }
  auto it = stash_.find(0);
  if (it == stash_.end() || it->second.empty()) return std::nullopt;
  const v1::Response& response = it->second.front();
  return Error{ErrorKind::kRemote, response.status().message(), response.status().code()};
}

Result<bool> Client::DecodeOne() {
  std::string payload;
  switch (decoder_.Next(&payload)) {
    case proto::FrameDecoder::Status::kNeedMore:
      return false;
    case proto::FrameDecoder::Status::kTooLarge:
      return Fail(ErrorKind::kProtocol, "the daemon sent an oversized frame");
    case proto::FrameDecoder::Status::kMalformed:
      return Fail(ErrorKind::kProtocol, "the daemon sent a malformed frame");
    case proto::FrameDecoder::Status::kFrame:
      break;
  }
  v1::Response response;
  if (!response.ParseFromString(payload)) {
    return Fail(ErrorKind::kProtocol, "the daemon sent a frame that is not a Response");
  }
  uint64_t id = response.id();
  stash_[id].push_back(std::move(response));
  return true;
}

Result<v1::Response> Client::Read(uint64_t id, int interrupt_fd) {
  for (;;) {
    auto it = stash_.find(id);
    if (it == stash_.end() || it->second.empty()) it = stash_.find(0);  // connection error
    if (it != stash_.end() && !it->second.empty()) {
      v1::Response response = std::move(it->second.front());
      it->second.pop_front();
      if (it->second.empty()) stash_.erase(it);
      if (response.has_status() && response.status().code() != v1::OK) {
        return std::unexpected(
            Error{ErrorKind::kRemote, response.status().message(), response.status().code()});
      }
      return response;
    }
    auto decoded = DecodeOne();
    if (!decoded) return std::unexpected(decoded.error());
    if (*decoded) continue;
    if (fd_ < 0) return Fail(ErrorKind::kClosed, "not connected");

    pollfd fds[2] = {{fd_, POLLIN, 0}, {interrupt_fd, POLLIN, 0}};
    int rc = poll(fds, interrupt_fd >= 0 ? 2 : 1, -1);
    if (rc < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrorKind::kIo, "poll: " + Errno(errno));
    }
    if (interrupt_fd >= 0 && (fds[1].revents & POLLIN) != 0) {
      return Fail(ErrorKind::kInterrupted, "interrupted");
    }
    char buffer[64 * 1024];
    ssize_t n = recv(fd_, buffer, sizeof(buffer), 0);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      if (errno == ECONNRESET) return Fail(ErrorKind::kClosed, "the daemon closed the connection");
      return Fail(ErrorKind::kIo, "recv: " + Errno(errno));
    }
    if (n == 0) return Fail(ErrorKind::kClosed, "the daemon closed the connection");
    decoder_.Feed(std::string_view(buffer, static_cast<size_t>(n)));
  }
}

Result<v1::Response> Client::Call(v1::Request request) {
  auto id = Send(std::move(request));
  if (!id) return std::unexpected(id.error());
  return Read(*id);
}

}  // namespace islet::client
