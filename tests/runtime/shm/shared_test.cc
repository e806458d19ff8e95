// require('islet').shared(name, byteLength) through a real Runtime: workers
// share a named segment's bytes with each other and with the control plane,
// and Atomics work across them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <future>
#include <thread>

#include "tests/common/wait.h"
#include "tests/runtime/run_script.h"
#include "tests/runtime/shared_runtime.h"

namespace islet::runtime {
namespace {

using ::testing::HasSubstr;
using testing::MakeSpec;
using testing::RunJs;
using testing::ScriptResult;

int32_t Int32At(const std::string& bytes, size_t index) {
  int32_t v;
  std::memcpy(&v, bytes.data() + index * 4, 4);
  return v;
}

std::string Int32Bytes(int32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); }

class SharedTest : public testing::SharedRuntimeTest {
 protected:
  void TearDown() override {
    auto list = runtime_->ShmList();  // (a temporary's *value would dangle in the loop)
    for (const auto& s : *list) (void)runtime_->ShmDelete(s.name);
  }

  std::optional<ShmSegmentInfo> Find(const std::string& name) {
    auto list = runtime_->ShmList();
    for (auto& s : *list) {
      if (s.name == name) return s;
    }
    return std::nullopt;
  }

  // Spawns `spec` in the background; the future is ready when it exits.
  std::pair<WorkerId, std::future<ScriptResult>> Start(SpawnSpec spec) {
    auto result = std::make_shared<ScriptResult>();
    auto done = std::make_shared<std::promise<ScriptResult>>();
    auto spawned = runtime_->Spawn(std::move(spec), [result, done](const WorkerEvent& event) {
      if (auto* out = std::get_if<Output>(&event.body)) {
        (out->stream == Stream::kStdout ? result->out : result->err) += out->data;
      } else if (auto* exit = std::get_if<ExitInfo>(&event.body)) {
        result->exit = *exit;
      } else if (std::holds_alternative<EndOfStream>(event.body)) {
        done->set_value(*result);
      }
    });
    EXPECT_TRUE(spawned) << spawned.error().message;
    return {spawned ? spawned->worker_id : 0, done->get_future()};
  }
};

TEST_F(SharedTest, ReturnsASharedArrayBufferOverTheSegment) {
  auto r = RunJs(*runtime_, R"js(
    const { shared } = require('islet');
    const sab = shared('basic', 64);
    const a = new Int32Array(sab);
    console.log(sab instanceof SharedArrayBuffer, sab.byteLength, a[0]);
    a[0] = 1234;
    a[15] = -1;
    const again = new Int32Array(shared('basic', 64));  // the same bytes
    console.log(again[0], again[15]);
  )js");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "true 64 0\n1234 -1\n");
  EXPECT_EQ(r.exit.exit_code, 0);
  auto bytes = runtime_->ShmRead("basic", 0, 0);
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(Int32At(*bytes, 0), 1234);
  EXPECT_EQ(Int32At(*bytes, 15), -1);
}

TEST_F(SharedTest, SegmentsOutliveTheWorkerThatCreatedThem) {
  auto [creator, done] = Start(MakeSpec(R"js(
    new Int32Array(require('islet').shared('keep', 8))[1] = 77;
  )js"));
  EXPECT_EQ(done.get().exit.exit_code, 0);
  auto info = Find("keep");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->size, 8u);
  EXPECT_EQ(info->creator, creator);
  EXPECT_EQ(info->attached_workers, 0u);
  EXPECT_THAT(info->path, HasSubstr("/dev/shm/islet-"));
  auto r = RunJs(*runtime_, "console.log(new Int32Array(require('islet').shared('keep', 8))[1])");
  EXPECT_EQ(r.out, "77\n");
}

TEST_F(SharedTest, SizeMismatchIsARangeErrorNamingBothSizes) {
  ASSERT_TRUE(runtime_->ShmCreate("sized", 4096));
  auto r = RunJs(*runtime_, R"js(
    try {
      require('islet').shared('sized', 8192);
    } catch (e) {
      console.log(e instanceof RangeError, e.code, e.message);
    }
  )js");
  EXPECT_EQ(r.out,
            "true ERR_ISLET_SHM_SIZE_MISMATCH shared segment 'sized' exists with 4096 bytes; "
            "8192 bytes were requested\n");
}

TEST_F(SharedTest, BadArgumentsThrowNodeStyleErrors) {
  auto r = RunJs(*runtime_, R"js(
    const { shared } = require('islet');
    for (const args of [[1, 8], ['ok', '8'], ['ok', 0], ['ok', 1.5], ['ok', -1],
                        ['a/b', 8], ['', 8], ['x'.repeat(65), 8]]) {
      try {
        shared(...args);
        console.log('no error');
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
    }
  )js");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(
      r.out,
      "TypeError ERR_INVALID_ARG_TYPE The \"name\" argument must be of type string. "
      "Received type number (1)\n"
      "TypeError ERR_INVALID_ARG_TYPE The \"byteLength\" argument must be of type number. "
      "Received type string ('8')\n"
      "RangeError ERR_OUT_OF_RANGE The value of \"byteLength\" is out of range. It must be "
      "an integer >= 1 && <= 9007199254740991. Received 0\n"
      "RangeError ERR_OUT_OF_RANGE The value of \"byteLength\" is out of range. It must be "
      "an integer >= 1 && <= 9007199254740991. Received 1.5\n"
      "RangeError ERR_OUT_OF_RANGE The value of \"byteLength\" is out of range. It must be "
      "an integer >= 1 && <= 9007199254740991. Received -1\n"
      "TypeError ERR_INVALID_ARG_VALUE segment name 'a/b' has a character other than A-Z, "
      "a-z, 0-9, '.', '_' and '-'\n"
      "TypeError ERR_INVALID_ARG_VALUE segment name is empty\n"
      "TypeError ERR_INVALID_ARG_VALUE segment name is 65 characters long; the limit is 64\n");
}

TEST_F(SharedTest, ControlPlaneAndWorkerSeeEachOthersWrites) {
  // The worker polls (a write from outside V8 cannot Atomics.notify).
  auto [id, done] = Start(MakeSpec(R"js(
    const a = new Int32Array(require('islet').shared('duplex', 16));
    Atomics.store(a, 0, 41);
    while (Atomics.load(a, 1) === 0) Atomics.wait(a, 1, 0, 5);
    console.log('got', Atomics.load(a, 1));
  )js"));
  ASSERT_TRUE(islet::testing::WaitUntil([&] {
    auto info = Find("duplex");
    if (!info || info->attached_workers != 1) return false;
    auto bytes = runtime_->ShmRead("duplex", 0, 4);
    return bytes && Int32At(*bytes, 0) == 41;
  }));
  ASSERT_TRUE(runtime_->ShmWrite("duplex", 4, Int32Bytes(99)));
  ScriptResult r = done.get();
  EXPECT_EQ(r.out, "got 99\n");
  EXPECT_EQ(Find("duplex")->attached_workers, 0u);  // released when it exited
}

TEST_F(SharedTest, DeletingASegmentInUseLeavesItsHoldersValidMemory) {
  auto [id, done] = Start(MakeSpec(R"js(
    const { shared } = require('islet');
    const a = new Int32Array(shared('doomed', 64));
    const ctl = new Int32Array(shared('doomed-ctl', 8));
    a[0] = 5;
    Atomics.store(ctl, 0, 1);                      // tell the test we hold it
    while (Atomics.load(ctl, 1) === 0) Atomics.wait(ctl, 1, 0, 5);  // deleted now
    for (let i = 1; i < 16; i++) a[i] = i * 3;     // the memory is still ours
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += a[i];
    const fresh = new Int32Array(shared('doomed', 32));  // a new segment
    console.log(sum, fresh.length, fresh[0]);
  )js"));
  ASSERT_TRUE(islet::testing::WaitUntil([&] {
    auto bytes = runtime_->ShmRead("doomed-ctl", 0, 4);
    return bytes && Int32At(*bytes, 0) == 1;
  }));
  auto old_path = Find("doomed")->path;
  ASSERT_TRUE(runtime_->ShmDelete("doomed"));
  EXPECT_FALSE(Find("doomed"));
  EXPECT_EQ(access(old_path.c_str(), F_OK), -1);
  ASSERT_TRUE(runtime_->ShmWrite("doomed-ctl", 4, Int32Bytes(1)));
  ScriptResult r = done.get();
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, std::to_string(5 + 3 * (15 * 16 / 2)) + " 8 0\n");
  ASSERT_TRUE(Find("doomed"));
  EXPECT_EQ(Find("doomed")->size, 32u);
}

}  // namespace
}  // namespace islet::runtime
