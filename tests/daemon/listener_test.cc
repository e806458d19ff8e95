#include "daemon/listener.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "tests/daemon/harness.h"

namespace islet::daemon {
namespace {

using testing::TempDir;

// Leaves a socket file nobody listens on, as a crashed daemon would.
void MakeStaleSocket(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strcpy(addr.sun_path, path.c_str());
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  close(fd);
}

TEST(ListenerTest, CreatesPrivateDirectoryAndSocket) {
  TempDir dir;
  std::string path = dir.Join("a/b/isletd.sock");
  asio::io_context io;
  auto listener = UnixListener::Open(io, path);
  ASSERT_TRUE(listener) << listener.error();
  struct stat st;
  ASSERT_EQ(stat(dir.Join("a/b").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(lstat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_TRUE(SocketAnswers(path));
  (*listener)->Close();
  EXPECT_NE(lstat(path.c_str(), &st), 0) << "socket file should be removed";
}

TEST(ListenerTest, RefusesWhileAnotherListenerHoldsThePath) {
  TempDir dir;
  std::string path = dir.Join("s.sock");
  asio::io_context io;
  auto first = UnixListener::Open(io, path);
  ASSERT_TRUE(first) << first.error();
  auto second = UnixListener::Open(io, path);
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().find("already running"), std::string::npos) << second.error();
  EXPECT_TRUE(SocketAnswers(path));
}

TEST(ListenerTest, TakesOverAStaleSocket) {
  TempDir dir;
  std::string path = dir.Join("s.sock");
  MakeStaleSocket(path);
  ASSERT_FALSE(SocketAnswers(path));
  asio::io_context io;
  auto listener = UnixListener::Open(io, path);
  ASSERT_TRUE(listener) << listener.error();
  EXPECT_TRUE(SocketAnswers(path));
}

TEST(ListenerTest, RefusesAPathThatIsNotASocket) {
  TempDir dir;
  dir.Write("s.sock", "precious");
  asio::io_context io;
  auto listener = UnixListener::Open(io, dir.Join("s.sock"));
  ASSERT_FALSE(listener);
  EXPECT_NE(listener.error().find("not a socket"), std::string::npos) << listener.error();
  EXPECT_EQ(testing::ReadFileOrEmpty(dir.Join("s.sock")), "precious");
}

TEST(ListenerTest, RefusesATooLongPath) {
  asio::io_context io;
  auto listener = UnixListener::Open(io, "/tmp/" + std::string(200, 'x') + ".sock");
  ASSERT_FALSE(listener);
  EXPECT_NE(listener.error().find("too long"), std::string::npos) << listener.error();
}

TEST(ListenerTest, RefusesAWorldWritableDirectory) {
  TempDir dir;
  std::string shared = dir.Join("shared");
  ASSERT_EQ(mkdir(shared.c_str(), 0777), 0);
  ASSERT_EQ(chmod(shared.c_str(), 0777), 0);
  asio::io_context io;
  auto listener = UnixListener::Open(io, shared + "/s.sock");
  ASSERT_FALSE(listener);
  EXPECT_NE(listener.error().find("writable by other users"), std::string::npos)
      << listener.error();
}

TEST(ListenerTest, CloseLeavesAReplacementAlone) {
  TempDir dir;
  std::string path = dir.Join("s.sock");
  asio::io_context io;
  auto listener = UnixListener::Open(io, path);
  ASSERT_TRUE(listener) << listener.error();
  // Another daemon replaced the file (after this one stopped answering).
  ASSERT_EQ(unlink(path.c_str()), 0);
  MakeStaleSocket(path);
  (*listener)->Close();
  struct stat st;
  EXPECT_EQ(lstat(path.c_str(), &st), 0) << "a socket file that is not ours must stay";
}

}  // namespace
}  // namespace islet::daemon
