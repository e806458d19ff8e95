#pragma once

// A Unix socket that listens as another user: what a fake daemon of another
// local user looks like to the client. Root only (it drops to that user).

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace islet::testing {

class FakeListener {
 public:
  // What the listener saw by the time it was stopped.
  struct Seen {
    int connections = 0;
    size_t bytes = 0;  // received on all of them
  };

  // Forks a child that binds `path` (as the caller, root), then becomes
  // `uid` (group too) and listens, so SO_PEERCRED reports `uid` to whoever
  // connects. It accepts every connection and counts the bytes sent.
  static std::expected<std::unique_ptr<FakeListener>, std::string> Start(const std::string& path,
                                                                         uid_t uid) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof(addr.sun_path)) return std::unexpected("path too long: " + path);
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    int ready[2], stop[2], result[2];
    if (pipe2(ready, O_CLOEXEC) != 0 || pipe2(stop, O_CLOEXEC) != 0 ||
        pipe2(result, O_CLOEXEC) != 0) {
      return std::unexpected(std::string("pipe2: ") + std::strerror(errno));
    }
    pid_t pid = fork();
    if (pid < 0) return std::unexpected(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
      close(ready[0]);
      close(stop[1]);
      close(result[0]);
      int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
      if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) _exit(2);
      if (setgid(uid) != 0 || setuid(uid) != 0) _exit(3);
      if (listen(fd, 16) != 0) _exit(4);
      char byte = 1;
      if (write(ready[1], &byte, 1) != 1) _exit(5);
      Serve(fd, stop[0], result[1]);
      _exit(0);
    }
    close(ready[1]);
    close(stop[0]);
    close(result[1]);
    std::unique_ptr<FakeListener> listener(new FakeListener(pid, stop[1], result[0]));
    char byte = 0;
    ssize_t n;
    do {
      n = read(ready[0], &byte, 1);
    } while (n < 0 && errno == EINTR);
    close(ready[0]);
    if (n != 1) return std::unexpected(std::string("the fake listener did not start"));
    return listener;
  }

  ~FakeListener() {
    Stop();
    if (result_fd_ >= 0) close(result_fd_);
  }

  FakeListener(const FakeListener&) = delete;
  FakeListener& operator=(const FakeListener&) = delete;

  // Stops the child (after it has taken in whatever is pending) and reaps
  // it; what it saw, or nullopt if it failed. Once only.
  std::optional<Seen> Stop() {
    if (pid_ <= 0) return std::nullopt;
    close(stop_fd_);
    stop_fd_ = -1;
    Seen seen;
    size_t got = 0;
    while (got < sizeof(seen)) {
      ssize_t n = read(result_fd_, reinterpret_cast<char*>(&seen) + got, sizeof(seen) - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (got != sizeof(seen)) return std::nullopt;
    return seen;
  }

 private:
  FakeListener(pid_t pid, int stop_fd, int result_fd)
      : pid_(pid), stop_fd_(stop_fd), result_fd_(result_fd) {}

  // In the child: accepts and reads until `stop_fd` ends, then takes in what
  // is still pending and writes a Seen to `result_fd`.
  static void Serve(int listen_fd, int stop_fd, int result_fd) {
    Seen seen;
    std::vector<int> connections;
    auto accept_all = [&] {
      for (;;) {
        int fd = accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK);
        if (fd < 0) return;
        ++seen.connections;
        connections.push_back(fd);
      }
    };
    // Reads what `fd` has; false once it is at its end.
    auto read_some = [&](int fd) {
      char buffer[4096];
      for (;;) {
        ssize_t n = read(fd, buffer, sizeof(buffer));
        if (n > 0) {
          seen.bytes += static_cast<size_t>(n);
          continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EINTR);
      }
    };
    for (;;) {
      std::vector<pollfd> fds = {{listen_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
      for (int fd : connections) fds.push_back({fd, POLLIN, 0});
      if (poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (fds[1].revents != 0) break;
      accept_all();
      for (size_t i = 2; i < fds.size(); ++i) {
        if (fds[i].revents != 0 && !read_some(fds[i].fd)) {
          close(fds[i].fd);
          std::erase(connections, fds[i].fd);
        }
      }
    }
    accept_all();
    for (int fd : connections) read_some(fd);
    [[maybe_unused]] ssize_t n = write(result_fd, &seen, sizeof(seen));
  }

  pid_t pid_;
  int stop_fd_;
  int result_fd_;
};

}  // namespace islet::testing
