// The islet binary sends only the environment asked for, and only to a
// daemon of its own user.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/client/fake_listener.h"
#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

std::string Islet() { return RunfilePath("client/islet"); }
std::string IsletdBinary() { return RunfilePath("daemon/isletd"); }

constexpr uid_t kNobody = 65534;

// Prints the names of the script's environment variables, then the values
// of ISLET_TEST_*.
constexpr const char* kPrintEnv =
    "const names = Object.keys(process.env).sort();\n"
    "console.log(names.join(',') || '(none)');\n"
    "for (const n of names) if (n.startsWith('ISLET_TEST_')) console.log(n + '=' + "
    "process.env[n]);\n";

// What the test's islet process has in its environment: a secret the
// script must not see unless asked.
const std::map<std::string, std::string> kCallerEnv = {{"ISLET_TEST_SECRET", "s3cret"},
                                                       {"ISLET_TEST_OTHER", "other"}};

class CliEnvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto daemon = Isletd::Start();
    ASSERT_TRUE(daemon) << daemon.error();
    daemon_ = std::move(*daemon);
    scripts_.Write("env.js", kPrintEnv);
  }

  ProcessResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {Islet(), "--socket", daemon_->socket_path()});
    return RunProcess(args, kCallerEnv);
  }

  std::string EnvScript() const { return scripts_.Join("env.js"); }

  TempDir scripts_;
  std::unique_ptr<Isletd> daemon_;
};

TEST_F(CliEnvTest, RunSendsNoEnvironmentByDefault) {
  ProcessResult r = Run({"run", EnvScript()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "(none)\n");
}

TEST_F(CliEnvTest, EnvSetsOrPassesOneVariable) {
  ProcessResult r = Run({"run", "--env", "ISLET_TEST_FOO=bar", "--env", "ISLET_TEST_SECRET",
                         "--env", "ISLET_TEST_UNSET_ANYWHERE", EnvScript()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "ISLET_TEST_FOO,ISLET_TEST_SECRET\n"
            "ISLET_TEST_FOO=bar\n"
            "ISLET_TEST_SECRET=s3cret\n");
}

TEST_F(CliEnvTest, InheritEnvSendsEverythingAndEnvStillWins) {
  ProcessResult r = Run({"run", "--inherit-env", "--env", "ISLET_TEST_OTHER=flag", EnvScript()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ISLET_TEST_SECRET=s3cret\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ISLET_TEST_OTHER=flag\n"), std::string::npos) << r.out;
  // Whatever else the test runs with (PATH, TEST_SRCDIR, ...) came along too.
  EXPECT_NE(r.out.find("TEST_SRCDIR"), std::string::npos) << r.out;
}

TEST_F(CliEnvTest, EnvFile) {
  scripts_.Write("app.env",
                 "# settings\n"
                 "\n"
                 "ISLET_TEST_A=\"quoted value\"\n"
                 "ISLET_TEST_B=from-file\n");
  ProcessResult r = Run({"run", "--env-file", scripts_.Join("app.env"), "--env",
                         "ISLET_TEST_B=from-flag", EnvScript()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "ISLET_TEST_A,ISLET_TEST_B\n"
            "ISLET_TEST_A=quoted value\n"
            "ISLET_TEST_B=from-flag\n");
}

TEST_F(CliEnvTest, AMalformedEnvFileRunsNothing) {
  scripts_.Write("bad.env", "ISLET_TEST_A=1\nthis is not an assignment\n");
  ProcessResult r = Run({"run", "--env-file", scripts_.Join("bad.env"), EnvScript()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("islet: " + scripts_.Join("bad.env") + ":2: not a NAME=VALUE line", 0), 0u)
      << r.err;
  EXPECT_EQ(Run({"ps", "-a"}).out.find("env.js"), std::string::npos) << "nothing was spawned";

  ProcessResult missing = Run({"run", "--env-file", scripts_.Join("nope.env"), EnvScript()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read env file"), std::string::npos) << missing.err;

  ProcessResult bad_flag = Run({"run", "--env", "=x", EnvScript()});
  EXPECT_EQ(bad_flag.exit_code, 1);
  EXPECT_EQ(bad_flag.err.rfind("islet: --env ", 0), 0u) << bad_flag.err;
}

TEST_F(CliEnvTest, ArgumentsAfterTheFileStayTheScripts) {
  scripts_.Write("both.js",
                 "console.log(process.argv.slice(2).join(' '), String(process.env.ISLET_TEST_A), "
                 "String(process.env.ISLET_TEST_B))");
  ProcessResult r =
      Run({"run", "--env", "ISLET_TEST_A=1", scripts_.Join("both.js"), "--env", "ISLET_TEST_B=2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "--env ISLET_TEST_B=2 1 undefined\n");
}

TEST_F(CliEnvTest, SpawnSendsOnlyWhatItIsAsked) {
  ProcessResult bare = Run({"spawn", EnvScript()});
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  std::string bare_id = bare.out.substr(0, bare.out.find('\n'));
  EXPECT_EQ(Run({"logs", "-f", bare_id}).out, "(none)\n");

  ProcessResult asked = Run({"spawn", "--env", "ISLET_TEST_SECRET", EnvScript()});
  ASSERT_EQ(asked.exit_code, 0) << asked.err;
  std::string asked_id = asked.out.substr(0, asked.out.find('\n'));
  EXPECT_EQ(Run({"logs", "-f", asked_id}).out, "ISLET_TEST_SECRET\nISLET_TEST_SECRET=s3cret\n");
}

TEST(CliTrustTest, RunRefusesASocketDirectoryOfAnotherUserAndStartsNothing) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root (chown)";
  TempDir dir;
  std::string theirs = dir.Join("islet-0");
  ASSERT_EQ(mkdir(theirs.c_str(), 0700), 0);
  ASSERT_EQ(chown(theirs.c_str(), kNobody, kNobody), 0);
  dir.Write("hello.js", "console.log('hello')");
  std::string socket = theirs + "/isletd.sock";
  ProcessResult r = RunProcess({Islet(), "run", dir.Join("hello.js")},
                               {{"ISLETD", IsletdBinary()}, {"ISLET_SOCKET", socket}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "islet: refusing to use " + socket + ": its directory " + theirs +
                       " is owned by uid 65534, not by you (uid 0) or root; remove it (as root if "
                       "need be), or use a directory you own (choose the socket with --socket, "
                       "$ISLET_SOCKET or $XDG_RUNTIME_DIR)\n");
  // No daemon was started there.
  struct stat st;
  EXPECT_NE(lstat((theirs + "/isletd.log").c_str(), &st), 0);
  EXPECT_NE(lstat(socket.c_str(), &st), 0);
}

TEST(CliTrustTest, RunRefusesASharedStickyDirectory) {
  TempDir dir;
  std::string tmp = dir.Join("tmp");
  ASSERT_EQ(mkdir(tmp.c_str(), 0700), 0);
  ASSERT_EQ(chmod(tmp.c_str(), 01777), 0);
  dir.Write("hello.js", "console.log('hello')");
  std::string socket = tmp + "/isletd.sock";
  ProcessResult r = RunProcess({Islet(), "--socket", socket, "run", dir.Join("hello.js")},
                               {{"ISLETD", IsletdBinary()}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("islet: refusing to use " + socket + ": its directory " + tmp +
                            " is shared with other users (mode 1777",
                        0),
            0u)
      << r.err;
  struct stat st;
  EXPECT_NE(lstat(socket.c_str(), &st), 0) << "no daemon should have been started";
}

TEST(CliTrustTest, EveryCommandRefusesAFakeDaemonOfAnotherUser) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root (setuid)";
  TempDir dir;
  std::string socket = dir.Join("s.sock");
  auto fake = FakeListener::Start(socket, kNobody);
  ASSERT_TRUE(fake) << fake.error();
  dir.Write("hello.js", "console.log('hello')");
  int commands = 0;
  for (std::vector<std::string> command :
       std::vector<std::vector<std::string>>{{"run", "--inherit-env", dir.Join("hello.js")},
                                             {"spawn", "--inherit-env", dir.Join("hello.js")},
                                             {"ps"},
                                             {"daemon", "start"},
                                             {"daemon", "status"}}) {
    command.insert(command.begin(), {Islet(), "--socket", socket});
    ProcessResult r = RunProcess(command, {{"ISLETD", IsletdBinary()}});
    ++commands;
    EXPECT_EQ(r.exit_code, 1) << command[3];
    EXPECT_NE(r.err.find("islet: refusing to use " + socket +
                         ": the process listening on it runs as uid 65534, not as you (uid 0)"),
              std::string::npos)
        << r.err;
  }
  auto seen = (*fake)->Stop();
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->connections, commands);
  EXPECT_EQ(seen->bytes, 0u) << "nothing may reach a daemon of another user";
}

}  // namespace
}  // namespace islet::testing
