// Whom the client trusts with its requests: proto::CheckSocketPath,
// proto::CheckPeerUid / CheckSocketPeer, and Client::Connect, which applies
// them before it sends anything.

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "client/client.h"
#include "proto/socket_path.h"
#include "tests/client/fake_listener.h"
#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

using proto::CheckPeerUid;
using proto::CheckPrivateDirectory;
using proto::CheckSocketPath;
using proto::CheckSocketPeer;

constexpr uid_t kNobody = 65534;

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A listening socket at `path`, owned by the caller; -1 on failure.
int Listen(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strcpy(addr.sun_path, path.c_str());
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || listen(fd, 4) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Whether a connection waits to be accepted on the listening `fd`.
bool ConnectionPending(int fd) {
  pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, 0) == 1;
}

TEST(TrustTest, APrivateDirectoryPasses) {
  TempDir dir;  // mkdtemp: 0700, ours
  EXPECT_TRUE(CheckPrivateDirectory(dir.path(), geteuid()));
  EXPECT_TRUE(CheckSocketPath(dir.Join("s.sock"), geteuid()));
  std::string readable = dir.MakeDir("readable", 0755);  // others may read, not write
  EXPECT_TRUE(CheckPrivateDirectory(readable, geteuid()));
}

TEST(TrustTest, AMissingDirectoryOrSocketPasses) {
  TempDir dir;
  EXPECT_TRUE(CheckSocketPath(dir.Join("missing/s.sock"), geteuid()));
  EXPECT_TRUE(CheckSocketPath(dir.Join("s.sock"), geteuid()));
}

TEST(TrustTest, ADirectoryOthersMayWriteIsRefused) {
  TempDir dir;
  for (mode_t mode : {0777, 0770, 0702}) {
    std::string shared = dir.MakeDir("w" + std::to_string(mode), mode);
    auto ok = CheckPrivateDirectory(shared, geteuid());
    ASSERT_FALSE(ok) << shared;
    EXPECT_TRUE(Contains(ok.error(), shared + " is writable by other users")) << ok.error();
    EXPECT_TRUE(Contains(ok.error(), "chmod go-w " + shared)) << ok.error();
    std::string socket = shared + "/s.sock";
    auto refused = CheckSocketPath(socket, geteuid());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().rfind("refusing to use " + socket + ": its directory " + shared +
                                        " is writable by other users",
                                    0),
              0u)
        << refused.error();
    EXPECT_TRUE(Contains(refused.error(), "$ISLET_SOCKET")) << refused.error();
  }
}

TEST(TrustTest, AStickySharedDirectoryIsRefused) {
  TempDir dir;
  std::string tmp = dir.MakeDir("tmp", 01777);  // like /tmp
  std::string uid = std::to_string(geteuid());
  auto ok = CheckPrivateDirectory(tmp, geteuid());
  ASSERT_FALSE(ok);
  EXPECT_TRUE(Contains(ok.error(), tmp + " is shared with other users (mode 1777")) << ok.error();
  EXPECT_TRUE(Contains(ok.error(), "private subdirectory, such as " + tmp + "/islet-" + uid))
      << ok.error();
  EXPECT_FALSE(CheckSocketPath(tmp + "/isletd.sock", geteuid()));
  // A private subdirectory of it is fine.
  std::string mine = tmp + "/islet-" + uid;
  ASSERT_EQ(mkdir(mine.c_str(), 0700), 0);
  EXPECT_TRUE(CheckSocketPath(mine + "/isletd.sock", geteuid()));
}

TEST(TrustTest, NotADirectory) {
  TempDir dir;
  dir.Write("file", "");
  auto ok = CheckSocketPath(dir.Join("file/s.sock"), geteuid());
  ASSERT_FALSE(ok);
  EXPECT_TRUE(Contains(ok.error(), "is not a directory")) << ok.error();
}

TEST(TrustTest, ADirectoryOwnedBySomeoneElseIsRefused) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir;
  std::string theirs = dir.MakeDir("islet-0", 0700);
  ASSERT_EQ(chown(theirs.c_str(), kNobody, kNobody), 0);
  std::string socket = theirs + "/isletd.sock";
  auto refused = CheckSocketPath(socket, 0);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(),
            "refusing to use " + socket + ": its directory " + theirs +
                " is owned by uid 65534, not by you (uid 0) or root; remove it (as root if need "
                "be), or use a directory you own (choose the socket with --socket, "
                "$ISLET_SOCKET or $XDG_RUNTIME_DIR)");
  // The same directory is fine for its owner.
  EXPECT_TRUE(CheckSocketPath(socket, kNobody));
}

TEST(TrustTest, TheUidDecidesWhoseDirectoryItIs) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir;
  std::string owned = dir.MakeDir("owned", 0700);
  ASSERT_EQ(chown(owned.c_str(), 1000, 1000), 0);
  EXPECT_TRUE(CheckPrivateDirectory(owned, 1000));
  auto other = CheckPrivateDirectory(owned, 1001);
  ASSERT_FALSE(other);
  EXPECT_TRUE(Contains(other.error(), "owned by uid 1000, not by you (uid 1001)")) << other.error();
  // Root's directories are trusted by everyone (root could do anything anyway).
  EXPECT_TRUE(CheckPrivateDirectory(dir.path(), 1000));
}

TEST(TrustTest, ASymbolicLinkOwnedBySomeoneElseIsRefused) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir;
  std::string target = dir.MakeDir("target", 0700);
  std::string link = dir.Join("link");
  ASSERT_EQ(symlink(target.c_str(), link.c_str()), 0);
  EXPECT_TRUE(CheckPrivateDirectory(link, 0));
  ASSERT_EQ(lchown(link.c_str(), kNobody, kNobody), 0);
  auto ok = CheckPrivateDirectory(link, 0);
  ASSERT_FALSE(ok);
  EXPECT_TRUE(Contains(ok.error(), "symbolic link owned by uid 65534")) << ok.error();
}

TEST(TrustTest, ASocketFileOwnedBySomeoneElseIsRefused) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir;
  std::string socket = dir.Join("s.sock");
  int fd = Listen(socket);
  ASSERT_GE(fd, 0);
  EXPECT_TRUE(CheckSocketPath(socket, 0));
  ASSERT_EQ(chown(socket.c_str(), kNobody, kNobody), 0);
  auto refused = CheckSocketPath(socket, 0);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(Contains(refused.error(), "refusing to use " + socket +
                                            ": it is owned by uid 65534, not by you (uid 0)"))
      << refused.error();
  close(fd);
}

TEST(TrustTest, ThePeerMustBeTheCallerOrRoot) {
  EXPECT_TRUE(CheckPeerUid("/s", 1000, 1000));
  EXPECT_TRUE(CheckPeerUid("/s", 0, 1000));  // a daemon run by root
  auto other = CheckPeerUid("/s", 1001, 1000);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().rfind("refusing to use /s: the process listening on it runs as uid "
                                "1001, not as you (uid 1000) or root",
                                0),
            0u)
      << other.error();
  EXPECT_FALSE(CheckPeerUid("/s", kNobody, 0));  // root trusts only root
}

TEST(TrustTest, CheckSocketPeerReadsTheKernelsAnswer) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
  // The peer is this process.
  EXPECT_TRUE(CheckSocketPeer("/s", fds[0], getuid()));
  if (getuid() != 0) {
    EXPECT_FALSE(CheckSocketPeer("/s", fds[0], getuid() + 1));
  } else {
    EXPECT_TRUE(CheckSocketPeer("/s", fds[0], 1000));  // root is trusted by all
  }
  close(fds[0]);
  close(fds[1]);
}

TEST(TrustTest, ConnectRefusesAnUntrustedDirectoryBeforeConnecting) {
  TempDir dir;
  std::string shared = dir.MakeDir("shared", 01777);
  std::string socket = shared + "/s.sock";
  int fd = Listen(socket);
  ASSERT_GE(fd, 0);
  auto connected = client::Client::Connect(socket);
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().kind, client::ErrorKind::kUntrusted);
  EXPECT_TRUE(Contains(connected.error().message, "refusing to use " + socket))
      << connected.error().message;
  EXPECT_FALSE(ConnectionPending(fd)) << "the client should not even connect";
  close(fd);
}

TEST(TrustTest, ConnectRefusesAListenerOfAnotherUser) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  TempDir dir;
  std::string socket = dir.Join("s.sock");
  auto fake = FakeListener::Start(socket, kNobody);
  ASSERT_TRUE(fake) << fake.error();
  auto connected = client::Client::Connect(socket);
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().kind, client::ErrorKind::kUntrusted);
  EXPECT_TRUE(Contains(connected.error().message, "runs as uid 65534, not as you (uid 0)"))
      << connected.error().message;
  auto seen = (*fake)->Stop();
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->connections, 1);
  EXPECT_EQ(seen->bytes, 0u) << "nothing may be sent to a listener of another user";
}

TEST(TrustTest, ConnectAcceptsItsOwnListener) {
  TempDir dir;
  std::string socket = dir.Join("s.sock");
  int fd = Listen(socket);
  ASSERT_GE(fd, 0);
  auto connected = client::Client::Connect(socket);
  EXPECT_TRUE(connected) << connected.error().message;
  close(fd);
}

}  // namespace
}  // namespace islet::testing
