// The state file's encoding: every kind of damage is detected, never half-read.

#include "daemon/state_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/daemon/harness.h"

namespace islet::daemon {
namespace {

v1::StateFile Sample() {
  v1::StateFile state;
  v1::SupervisedWorker* w = state.add_workers();
  w->set_worker_id(7);
  w->set_restarts(2);
  w->mutable_spawn()->mutable_bundle()->set_main("a.js");
  v1::File* f = w->mutable_spawn()->mutable_bundle()->add_files();
  f->set_name("a.js");
  f->set_content("console.log(1)");
  w->mutable_spawn()->mutable_restart()->set_mode(v1::RestartPolicy::ALWAYS);
  return state;
}

TEST(StateFileTest, RoundTrips) {
  auto decoded = DecodeStateFile(EncodeStateFile(Sample()));
  ASSERT_TRUE(decoded) << decoded.error();
  ASSERT_EQ(decoded->workers_size(), 1);
  EXPECT_EQ(decoded->workers(0).worker_id(), 7u);
  EXPECT_EQ(decoded->workers(0).spawn().bundle().files(0).content(), "console.log(1)");
}

TEST(StateFileTest, EveryTruncationIsDetected) {
  std::string bytes = EncodeStateFile(Sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(DecodeStateFile(std::string_view(bytes).substr(0, n))) << n << " bytes";
  }
  EXPECT_FALSE(DecodeStateFile(bytes + "x"));
}

TEST(StateFileTest, EveryFlippedPayloadByteIsDetected) {
  std::string bytes = EncodeStateFile(Sample());
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] ^= 0x01;
    EXPECT_FALSE(DecodeStateFile(damaged)) << "byte " << i;
  }
}

TEST(StateFileTest, NamesWhatIsWrong) {
  EXPECT_EQ(DecodeStateFile("XXXXXXXX" + std::string(12, '\0')).error(),
            "not an islet state file (bad magic)");
  std::string bytes = EncodeStateFile(Sample());
  bytes.back() ^= 0x10;
  EXPECT_EQ(DecodeStateFile(bytes).error(), "checksum mismatch");
}

TEST(StateFileTest, WriteReplacesAndLoadReads) {
  testing::TempDir dir;
  std::string path = dir.Join("isletd.state");
  LoadedState missing = LoadStateFile(path);
  EXPECT_EQ(missing.problem, "");
  EXPECT_EQ(missing.state.workers_size(), 0);

  ASSERT_TRUE(WriteStateFile(path, Sample()));
  v1::StateFile empty;
  ASSERT_TRUE(WriteStateFile(path, empty));
  ASSERT_TRUE(WriteStateFile(path, Sample()));
  LoadedState loaded = LoadStateFile(path);
  EXPECT_EQ(loaded.problem, "");
  EXPECT_EQ(loaded.state.workers_size(), 1);
  // Only the state file: no temporary left behind.
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST(StateFileTest, ACorruptFileIsSetAside) {
  testing::TempDir dir;
  std::string path = dir.Join("isletd.state");
  dir.Write("isletd.state", "garbage");
  LoadedState loaded = LoadStateFile(path);
  EXPECT_NE(loaded.problem.find("is corrupt"), std::string::npos) << loaded.problem;
  ASSERT_FALSE(loaded.set_aside.empty());
  EXPECT_TRUE(std::filesystem::exists(loaded.set_aside));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_EQ(testing::ReadFileOrEmpty(loaded.set_aside), "garbage");
}

}  // namespace
}  // namespace islet::daemon
