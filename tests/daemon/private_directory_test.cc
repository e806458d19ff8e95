// The daemon keeps its socket and state file only in a private directory:
// EnsurePrivateDirectory, UnixListener::Open and isletd itself.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/listener.h"
#include "tests/daemon/harness.h"

namespace islet::daemon {
namespace {

using testing::ProcessResult;
using testing::RunfilePath;
using testing::RunProcess;
using testing::TempDir;

constexpr uid_t kNobody = 65534;

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(PrivateDirectoryTest, CreatesMissingDirectoriesOwnerOnly) {
  TempDir dir;
  std::string deep = dir.Join("a/b/c");
  ASSERT_TRUE(EnsurePrivateDirectory(deep));
  for (const std::string& made : {dir.Join("a"), dir.Join("a/b"), deep}) {
    struct stat st;
    ASSERT_EQ(stat(made.c_str(), &st), 0) << made;
    EXPECT_EQ(st.st_mode & 07777, 0700u) << made;
    EXPECT_EQ(st.st_uid, geteuid()) << made;
  }
  EXPECT_TRUE(EnsurePrivateDirectory(deep)) << "an existing private directory is fine";
}

TEST(PrivateDirectoryTest, RefusesADirectoryOthersMayWrite) {
  TempDir dir;
  for (mode_t mode : {0777, 0770, 0703}) {
    std::string shared = dir.MakeDir("w" + std::to_string(mode), mode);
    auto ok = EnsurePrivateDirectory(shared);
    ASSERT_FALSE(ok) << shared;
    EXPECT_TRUE(Contains(ok.error(), "refusing to keep the daemon's files in " + shared + ": " +
                                         shared + " is writable by other users"))
        << ok.error();
  }
}

TEST(PrivateDirectoryTest, RefusesAStickySharedDirectoryLikeTmp) {
  TempDir dir;
  std::string tmp = dir.MakeDir("tmp", 01777);
  auto ok = EnsurePrivateDirectory(tmp);
  ASSERT_FALSE(ok);
  EXPECT_TRUE(Contains(ok.error(), tmp + " is shared with other users (mode 1777")) << ok.error();
  EXPECT_TRUE(Contains(ok.error(), "use a private subdirectory, such as " + tmp + "/islet-" +
                                       std::to_string(geteuid())))
      << ok.error();

  // A socket directly in it is refused; one in a new private subdirectory
  // of it is fine (the existing ancestors are not judged).
  asio::io_context io;
  auto listener = UnixListener::Open(io, tmp + "/isletd.sock");
  ASSERT_FALSE(listener);
  EXPECT_TRUE(Contains(listener.error(), "is shared with other users")) << listener.error();
  struct stat st;
  EXPECT_NE(lstat((tmp + "/isletd.sock").c_str(), &st), 0) << "nothing may be created there";
  EXPECT_NE(lstat((tmp + "/isletd.sock.lock").c_str(), &st), 0);

  std::string mine = tmp + "/islet-" + std::to_string(geteuid());
  auto private_listener = UnixListener::Open(io, mine + "/isletd.sock");
  ASSERT_TRUE(private_listener) << private_listener.error();
  ASSERT_EQ(stat(mine.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
}

TEST(PrivateDirectoryTest, RefusesADirectoryOwnedBySomeoneElse) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root (chown)";
  TempDir dir;
  std::string theirs = dir.MakeDir("islet-0", 0700);
  ASSERT_EQ(chown(theirs.c_str(), kNobody, kNobody), 0);
  auto ok = EnsurePrivateDirectory(theirs);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error(), "refusing to keep the daemon's files in " + theirs + ": " + theirs +
                            " is owned by uid 65534, not by you (uid 0) or root; remove it (as "
                            "root if need be), or use a directory you own");
  asio::io_context io;
  auto listener = UnixListener::Open(io, theirs + "/isletd.sock");
  ASSERT_FALSE(listener);
  EXPECT_TRUE(Contains(listener.error(), "owned by uid 65534")) << listener.error();
  // Its owner may use it.
  EXPECT_TRUE(EnsurePrivateDirectory(theirs, kNobody));
}

TEST(PrivateDirectoryTest, TheUidIsWhoseFilesTheyAre) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root (chown)";
  TempDir dir;
  std::string owned = dir.MakeDir("owned", 0700);
  ASSERT_EQ(chown(owned.c_str(), 1000, 1000), 0);
  EXPECT_TRUE(EnsurePrivateDirectory(owned, 1000));
  auto other = EnsurePrivateDirectory(owned, 1001);
  ASSERT_FALSE(other);
  EXPECT_TRUE(Contains(other.error(), "owned by uid 1000, not by you (uid 1001)")) << other.error();
  // Root's own directories are fine for any daemon.
  EXPECT_TRUE(EnsurePrivateDirectory(dir.path(), 1000));
}

TEST(PrivateDirectoryTest, IsletdRefusesASharedStateDirectory) {
  TempDir dir;
  std::string shared = dir.MakeDir("state", 01777);
  ProcessResult r = RunProcess({RunfilePath("daemon/isletd"), "--foreground", "--socket",
                                dir.Join("run/isletd.sock"), "--state-dir", shared});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("isletd: refusing to keep the daemon's files in " + shared + ": " + shared +
                       " is shared with other users"),
            std::string::npos)
      << r.err;
}

TEST(PrivateDirectoryTest, IsletdRefusesASocketInASharedDirectory) {
  TempDir dir;
  std::string shared = dir.MakeDir("tmp", 01777);
  // Background mode checks before it forks.
  ProcessResult r = RunProcess({RunfilePath("daemon/isletd"), "--socket", shared + "/isletd.sock"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("is shared with other users"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("private subdirectory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace islet::daemon
