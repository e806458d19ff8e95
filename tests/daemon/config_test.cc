#include "daemon/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <map>

#include "client/socket_path.h"

namespace islet::daemon {
namespace {

struct FakeEnv {
  std::map<std::string, std::string> vars;
  std::optional<std::string> operator()(std::string_view name) const {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  }
};

TEST(SocketPathTest, FlagWinsOverEverything) {
  FakeEnv env{{{"ISLET_SOCKET", "/e/s.sock"}, {"XDG_RUNTIME_DIR", "/run/user/7"}}};
  EXPECT_EQ(ResolveSocketPath("/flag.sock", env, 7), "/flag.sock");
}

TEST(SocketPathTest, EnvironmentVariableNext) {
  FakeEnv env{{{"ISLET_SOCKET", "/e/s.sock"}, {"XDG_RUNTIME_DIR", "/run/user/7"}}};
  EXPECT_EQ(ResolveSocketPath("", env, 7), "/e/s.sock");
}

TEST(SocketPathTest, XdgRuntimeDirThen) {
  FakeEnv env{{{"ISLET_SOCKET", ""}, {"XDG_RUNTIME_DIR", "/run/user/7"}}};
  EXPECT_EQ(ResolveSocketPath("", env, 7), "/run/user/7/islet/isletd.sock");
}

TEST(SocketPathTest, PerUserTmpLast) {
  EXPECT_EQ(ResolveSocketPath("", FakeEnv{}, 1234), "/tmp/islet-1234/isletd.sock");
}

TEST(SocketPathTest, ClientResolvesExactlyAsTheDaemon) {
  std::vector<FakeEnv> envs = {
      FakeEnv{},
      FakeEnv{{{"XDG_RUNTIME_DIR", "/run/user/9"}}},
      FakeEnv{{{"ISLET_SOCKET", "/x.sock"}, {"XDG_RUNTIME_DIR", "/run/user/9"}}},
      FakeEnv{{{"ISLET_SOCKET", ""}, {"XDG_RUNTIME_DIR", ""}}},
  };
  for (const FakeEnv& env : envs) {
    for (std::string flag : {"", "/f.sock"}) {
      EXPECT_EQ(ResolveSocketPath(flag, env, 42), client::ResolveSocketPath(flag, env, 42));
    }
  }
}

ParsedFlags Parse(std::vector<std::string> args, FakeEnv env = {}) {
  args.insert(args.begin(), "isletd");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return ParseFlags(static_cast<int>(argv.size()), argv.data(), env);
}

TEST(ParseFlagsTest, Defaults) {
  ParsedFlags parsed = Parse({}, FakeEnv{{{"XDG_RUNTIME_DIR", "/run/user/5"}}});
  ASSERT_TRUE(parsed.config);
  EXPECT_EQ(parsed.config->socket_path, "/run/user/5/islet/isletd.sock");
  EXPECT_FALSE(parsed.config->foreground);
  EXPECT_EQ(parsed.config->log_level, spdlog::level::info);
  EXPECT_EQ(parsed.config->threads, 0);
  EXPECT_EQ(parsed.config->max_frame_bytes, 16u << 20);
  EXPECT_EQ(parsed.config->max_bundle_bytes, 256u << 20);
  EXPECT_EQ(parsed.config->max_bundle_files, 50000u);
  EXPECT_EQ(parsed.config->bundle_store_mb, 1024u);
  EXPECT_TRUE(parsed.config->pid_file.empty());
}

// Issue 14: the bundle limits are the daemon's to set, and a bundle it
// accepts must fit in its store.
TEST(ParseFlagsTest, BundleLimits) {
  ParsedFlags parsed =
      Parse({"--max-bundle-bytes", "64M", "--max-bundle-files", "7", "--bundle-store-mb", "100"});
  ASSERT_TRUE(parsed.config);
  EXPECT_EQ(parsed.config->max_bundle_bytes, 64u << 20);
  EXPECT_EQ(parsed.config->max_bundle_files, 7u);
  EXPECT_EQ(parsed.config->bundle_store_mb, 100u);
  ParsedFlags small = Parse({"--max-bundle-bytes", "64M", "--bundle-store-mb", "10"});
  EXPECT_FALSE(small.config);
  EXPECT_NE(small.exit_code, 0);
}

TEST(ParseFlagsTest, AllFlags) {
  ParsedFlags parsed =
      Parse({"--socket", "/s.sock", "--foreground", "--log-level", "warn", "--threads", "3",
             "--max-frame-bytes", "4096", "--max-bundle-bytes", "100", "--pid-file", "/p.pid"});
  ASSERT_TRUE(parsed.config);
  EXPECT_EQ(parsed.config->socket_path, "/s.sock");
  EXPECT_TRUE(parsed.config->foreground);
  EXPECT_EQ(parsed.config->log_level, spdlog::level::warn);
  EXPECT_EQ(parsed.config->threads, 3);
  EXPECT_EQ(parsed.config->max_frame_bytes, 4096u);
  EXPECT_EQ(parsed.config->max_bundle_bytes, 100u);
  EXPECT_EQ(parsed.config->pid_file, "/p.pid");
}

// Issue 13: NaN and infinities are refused, not read as "none" (CLI::Range
// alone lets NaN through).
TEST(ParseFlagsTest, NonFiniteNumbersAreUsageErrors) {
  for (const char* flag : {"--max-heap-mb", "--max-external-mb", "--max-external-total-mb"}) {
    for (const char* value : {"nan", "NaN", "inf", "-inf", "infinity"}) {
      ParsedFlags parsed = Parse({flag, value});
      EXPECT_FALSE(parsed.config) << flag << " " << value;
      EXPECT_NE(parsed.exit_code, 0) << flag << " " << value;
    }
  }
  EXPECT_EQ(Parse({"--max-heap-mb", "512"}).config->max_heap_mb, 512);
}

// The default worker limit is left to the runtime, which derives it from
// the machine's memory.
TEST(ParseFlagsTest, MaxWorkersDefaultsToDerivedFromMemory) {
  EXPECT_EQ(Parse({}).config->max_workers, 0u);
  EXPECT_EQ(Parse({"--max-workers", "12"}).config->max_workers, 12u);
  EXPECT_FALSE(Parse({"--max-workers", "0"}).config);
}

TEST(ParseFlagsTest, TheControlBufferBoundMustHoldTwoFrames) {
  EXPECT_EQ(Parse({}).config->max_control_buffer_bytes, 256u << 20);
  EXPECT_EQ(Parse({"--max-control-buffer-bytes", "64M"}).config->max_control_buffer_bytes,
            64u << 20);
  EXPECT_FALSE(Parse({"--max-control-buffer-bytes", "20M"}).config);  // 16 MiB frames
  EXPECT_TRUE(Parse({"--max-control-buffer-bytes", "2M", "--max-frame-bytes", "1048576"}).config);
}

TEST(ParseFlagsTest, BadLogLevelIsAUsageError) {
  ParsedFlags parsed = Parse({"--log-level", "loud"});
  EXPECT_FALSE(parsed.config);
  EXPECT_NE(parsed.exit_code, 0);
}

TEST(ParseFlagsTest, UnknownFlagIsAUsageError) {
  ParsedFlags parsed = Parse({"--frobnicate"});
  EXPECT_FALSE(parsed.config);
  EXPECT_NE(parsed.exit_code, 0);
}

TEST(ParseFlagsTest, SharedMemoryQuotas) {
  ParsedFlags defaults = Parse({});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->shm_max_bytes, 1ull << 30);
  EXPECT_EQ(defaults.config->shm_max_segments, 1024u);
  ParsedFlags set = Parse({"--shm-max-bytes", "64M", "--shm-max-segments", "3"});
  ASSERT_TRUE(set.config);
  EXPECT_EQ(set.config->shm_max_bytes, 64ull << 20);
  EXPECT_EQ(set.config->shm_max_segments, 3u);
  EXPECT_EQ(Parse({"--shm-max-bytes", "4096"}).config->shm_max_bytes, 4096u);
  EXPECT_FALSE(Parse({"--shm-max-bytes", "0"}).config);
  EXPECT_FALSE(Parse({"--shm-max-bytes", "lots"}).config);
}

TEST(ParseFlagsTest, CompactIsolatesAbove) {
  ParsedFlags defaults = Parse({});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->compact_isolates_above, 1000);
  EXPECT_EQ(Parse({"--compact-isolates-above", "0"}).config->compact_isolates_above, 0);
  EXPECT_EQ(Parse({"--compact-isolates-above", "-1"}).config->compact_isolates_above, -1);
  EXPECT_FALSE(Parse({"--compact-isolates-above", "-2"}).config);
  EXPECT_FALSE(Parse({"--compact-isolates-above", "many"}).config);
}

TEST(ParseFlagsTest, NoEnvironmentSnapshot) {
  EXPECT_FALSE(Parse({}).config->no_environment_snapshot);
  EXPECT_TRUE(Parse({"--no-environment-snapshot"}).config->no_environment_snapshot);
  EXPECT_FALSE(Parse({"--no-environment-snapshot=maybe"}).config);
}

}  // namespace
}  // namespace islet::daemon
