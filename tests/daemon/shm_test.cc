// Named shared-memory segments through the real isletd: the control API, a
// separate process (this test) mapping a segment a worker uses, termination
// while blocked in Atomics.wait, deletion in use, quotas and bad names.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "tests/daemon/daemon_fixture.h"
#include "tests/daemon/harness.h"

namespace islet::testing {
namespace {

using client::Client;
using ::testing::HasSubstr;

int32_t Int32At(const std::string& bytes, size_t index) {
  int32_t v;
  std::memcpy(&v, bytes.data() + index * 4, 4);
  return v;
}

// A read-write MAP_SHARED view of a file, as another process would make it.
class Mapping {
 public:
  Mapping(const std::string& path, size_t size) : size_(size) {
    int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return;
    void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p != MAP_FAILED) data_ = p;
  }
  ~Mapping() {
    if (data_ != nullptr) munmap(data_, size_);
  }
  bool ok() const { return data_ != nullptr; }
  std::atomic<int32_t>& operator[](size_t i) {
    return static_cast<std::atomic<int32_t>*>(data_)[i];
  }

 private:
  void* data_ = nullptr;
  size_t size_;
};

class ShmTest : public DaemonFixture {
 protected:
  void TearDown() override {
    if (HasFailure() && daemon_) std::fprintf(stderr, "isletd's log:\n%s", daemon_->Log().c_str());
    client_.reset();
    if (daemon_) daemon_->Stop();  // gracefully, so it unlinks its segments
  }

  client::Result<v1::Response> Create(const std::string& name, uint64_t size) {
    v1::Request request;
    request.mutable_shm_create()->set_name(name);
    request.mutable_shm_create()->set_size(size);
    return client_->Call(std::move(request));
  }

  std::vector<v1::ShmSegment> List() {
    v1::Request request;
    request.mutable_shm_list();
    auto response = client_->Call(std::move(request));
    EXPECT_TRUE(response) << response.error().message;
    if (!response) return {};
    return {response->shm_list().segments().begin(), response->shm_list().segments().end()};
  }

  std::optional<v1::ShmSegment> Find(const std::string& name) {
    for (auto& s : List()) {
      if (s.name() == name) return s;
    }
    return std::nullopt;
  }

  // A job's segment `name` as the control plane names it (JOB:name); `name`
  // itself while no job has one.
  std::string Scoped(const std::string& name) {
    for (auto& s : List()) {
      if (s.name().ends_with(":" + name)) return s.name();
    }
    return name;
  }

  client::Result<v1::Response> Read(const std::string& name, uint64_t offset, uint64_t length) {
    v1::Request request;
    request.mutable_shm_read()->set_name(name);
    request.mutable_shm_read()->set_offset(offset);
    request.mutable_shm_read()->set_length(length);
    return client_->Call(std::move(request));
  }

  client::Result<v1::Response> Write(const std::string& name, uint64_t offset,
                                     const std::string& data) {
    v1::Request request;
    request.mutable_shm_write()->set_name(name);
    request.mutable_shm_write()->set_offset(offset);
    request.mutable_shm_write()->set_data(data);
    return client_->Call(std::move(request));
  }

  client::Result<v1::Response> Delete(const std::string& name) {
    v1::Request request;
    request.mutable_shm_delete()->set_name(name);
    return client_->Call(std::move(request));
  }

  // Spawns `source` without following; its worker id.
  uint64_t Spawn(const std::string& source) {
    auto response = client_->Call(SpawnRequest("worker.js", source, false));
    EXPECT_TRUE(response) << response.error().message;
    return response ? response->spawn().worker_id() : 0;
  }

  v1::WorkerState StateOf(uint64_t worker) {
    v1::Request request;
    request.mutable_inspect()->set_worker_id(worker);
    auto response = client_->Call(std::move(request));
    return response ? response->inspect().worker().state() : v1::WORKER_STATE_UNSPECIFIED;
  }
};

std::string Int32Bytes(int32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); }

TEST_F(ShmTest, CreateListReadWriteDelete) {
  auto created = Create("alpha", 4096);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(created->shm_create().created());
  const v1::ShmSegment& s = created->shm_create().segment();
  EXPECT_EQ(s.name(), "alpha");
  EXPECT_EQ(s.size(), 4096u);
  EXPECT_EQ(s.creator_worker_id(), 0u);
  // islet-<pid>-, or islet-<pid>.<n>- if another pid namespace's daemon has the first.
  EXPECT_THAT(s.path(),
              ::testing::MatchesRegex("/dev/shm/islet-" + std::to_string(daemon_->process().pid()) +
                                      "(\\.[0-9]+)?-alpha"));

  auto again = Create("alpha", 4096);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->shm_create().created());
  auto mismatch = Create("alpha", 100);
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().code, v1::FAILED_PRECONDITION);
  EXPECT_EQ(mismatch.error().message,
            "shared segment 'alpha' exists with 4096 bytes; 100 bytes were requested");

  ASSERT_TRUE(Write("alpha", 8, Int32Bytes(-5) + Int32Bytes(6)));
  auto read = Read("alpha", 8, 8);
  ASSERT_TRUE(read);
  EXPECT_EQ(Int32At(read->shm_read().data(), 0), -5);
  EXPECT_EQ(Int32At(read->shm_read().data(), 1), 6);
  EXPECT_EQ(Read("alpha", 0, 0)->shm_read().data().size(), 4096u);
  auto past = Read("alpha", 4090, 8);
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().code, v1::INVALID_ARGUMENT);
  EXPECT_EQ(past.error().message, "range [4090, 4090+8) is outside segment 'alpha' of 4096 bytes");
  EXPECT_FALSE(Write("alpha", 4095, "ab"));

  ASSERT_TRUE(Create("beta", 16));
  auto list = List();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name(), "alpha");
  EXPECT_EQ(list[1].name(), "beta");

  ASSERT_TRUE(Delete("alpha"));
  EXPECT_EQ(access(s.path().c_str(), F_OK), -1);
  auto gone = Read("alpha", 0, 4);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, v1::NOT_FOUND);
  EXPECT_EQ(Delete("alpha").error().code, v1::NOT_FOUND);
  EXPECT_EQ(List().size(), 1u);
}

TEST_F(ShmTest, AnotherProcessMapsTheSegmentAWorkerUses) {
  // The worker writes 42 and waits (polling: a write from outside V8 cannot
  // Atomics.notify) for this process to answer 7.
  auto id = client_->Send(SpawnRequest("xproc.js", R"js(
    const a = new Int32Array(require('islet').shared('xproc', 4096));
    Atomics.store(a, 0, 42);
    console.log('ready');
    while (Atomics.load(a, 1) !== 7) Atomics.wait(a, 1, Atomics.load(a, 1), 5);
    console.log('saw', Atomics.load(a, 1));
  )js",
                                       true));
  ASSERT_TRUE(id);
  std::string out;
  while (out.find("ready\n") == std::string::npos) {
    auto response = client_->Read(*id);
    ASSERT_TRUE(response) << response.error().message;
    ASSERT_FALSE(response->end_of_stream()) << out;
    if (response->has_event() && response->event().has_output()) {
      out += response->event().output().data();
    }
  }
  auto segment = Find(Scoped("xproc"));
  ASSERT_TRUE(segment);
  EXPECT_EQ(segment->attached_workers(), 1u);
  struct stat st;
  ASSERT_EQ(stat(segment->path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_uid, getuid());

  Mapping peer(segment->path(), 4096);
  ASSERT_TRUE(peer.ok());
  EXPECT_EQ(peer[0].load(), 42);  // the worker's write, seen from here
  peer[1].store(7);               // ours, seen by the worker
  std::optional<v1::ExitInfo> exit;
  for (;;) {
    auto response = client_->Read(*id);
    ASSERT_TRUE(response) << response.error().message;
    if (response->has_event() && response->event().has_output()) {
      out += response->event().output().data();
    }
    if (response->has_event() && response->event().has_exited()) exit = response->event().exited();
    if (response->end_of_stream()) break;
  }
  EXPECT_EQ(out, "ready\nsaw 7\n");
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->exit_code(), 0);
}

TEST_F(ShmTest, AWorkerBlockedInAtomicsWaitIsTerminatedPromptly) {
  uint64_t worker = Spawn(R"js(
    const a = new Int32Array(require('islet').shared('stuck', 64));
    Atomics.wait(a, 0, 0);  // nobody will notify
  )js");
  ASSERT_GT(worker, 0u);
  ASSERT_TRUE(WaitUntil([&] { return StateOf(worker) == v1::BLOCKED; }));
  v1::Request request;
  request.mutable_terminate()->set_worker_id(worker);
  auto start = std::chrono::steady_clock::now();
  auto response = client_->Call(std::move(request));
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->terminate().exit().reason(), "terminated");
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  auto segment = Find(Scoped("stuck"));  // outlives its creator
  ASSERT_TRUE(segment);
  EXPECT_EQ(segment->creator_worker_id(), worker);
  EXPECT_EQ(segment->attached_workers(), 0u);
}

TEST_F(ShmTest, SegmentsSurviveTheWorkerThatCreatedThem) {
  Followed first = SpawnAndFollow(*client_, SpawnRequest("a.js", R"js(
    new Int32Array(require('islet').shared('keep', 16))[2] = 123;
  )js",
                                                         true));
  ASSERT_TRUE(first.exit);
  EXPECT_EQ(first.exit->exit_code(), 0) << first.err;
  std::string keep = Scoped("keep");
  EXPECT_NE(keep, "keep") << "a worker's segment is its job's, JOB:keep";
  auto segment = Find(keep);
  ASSERT_TRUE(segment);
  EXPECT_EQ(segment->creator_worker_id(), first.worker_id);
  EXPECT_EQ(segment->attached_workers(), 0u);
  EXPECT_EQ(Int32At(Read(keep, 8, 4)->shm_read().data(), 0), 123);
  // Another job's 'keep' is its own (issue 13: jobs cannot touch each
  // other's memory).
  Followed second = SpawnAndFollow(*client_, SpawnRequest("b.js", R"js(
    console.log(new Int32Array(require('islet').shared('keep', 16))[2]);
  )js",
                                                          true));
  EXPECT_EQ(second.out, "0\n");
}

TEST_F(ShmTest, DaemonWideSegmentsNeedTheOwnersFlag) {
  ASSERT_TRUE(Create("common", 16));
  ASSERT_TRUE(Write("common", 0, Int32Bytes(9)));
  const char* script = R"js(
    try {
      console.log(new Int32Array(require('islet').shared('common', 16, { scope: 'daemon' }))[0]);
    } catch (e) {
      console.log(e.code);
    }
  )js";
  Followed refused = SpawnAndFollow(*client_, SpawnRequest("a.js", script, true));
  EXPECT_EQ(refused.out, "ERR_ISLET_SHM_SCOPE\n") << refused.err;
  StartDaemon({"--shm-daemon-wide"});
  ASSERT_TRUE(Create("common", 16));
  ASSERT_TRUE(Write("common", 0, Int32Bytes(9)));
  Followed allowed = SpawnAndFollow(*client_, SpawnRequest("a.js", script, true));
  EXPECT_EQ(allowed.out, "9\n") << allowed.err;
}

TEST_F(ShmTest, DeletingASegmentInUseCrashesNobody) {
  auto id = client_->Send(SpawnRequest("busy.js", R"js(
    const { shared } = require('islet');
    const a = new Int32Array(shared('busy', 1 << 16));
    const ctl = new Int32Array(shared('busy-ctl', 8));
    Atomics.store(ctl, 0, 1);
    let n = 0;
    while (Atomics.load(ctl, 1) === 0) {  // keep using it while it is deleted
      a[n++ & 0x3fff] = n;
      if ((n & 0xffff) === 0) Atomics.wait(ctl, 1, 0, 1);
    }
    for (let i = 0; i < a.length; i++) a[i] = 2;
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += a[i];
    console.log('sum', sum);
  )js",
                                       true));
  ASSERT_TRUE(id);
  ASSERT_TRUE(WaitUntil([&] {
    auto ctl = Read(Scoped("busy-ctl"), 0, 4);
    return ctl && Int32At(ctl->shm_read().data(), 0) == 1;
  }));
  std::string busy = Scoped("busy");
  ASSERT_TRUE(Delete(busy));
  ASSERT_TRUE(Create(busy, 16));  // the name is free again: a new segment
  ASSERT_TRUE(Write(Scoped("busy-ctl"), 4, Int32Bytes(1)));
  std::string out;
  std::optional<v1::ExitInfo> exit;
  for (;;) {
    auto response = client_->Read(*id);
    ASSERT_TRUE(response) << response.error().message;
    if (response->has_event() && response->event().has_output()) {
      out += response->event().output().data();
    }
    if (response->has_event() && response->event().has_exited()) exit = response->event().exited();
    if (response->end_of_stream()) break;
  }
  EXPECT_EQ(out, "sum 32768\n");
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->exit_code(), 0);
  EXPECT_EQ(Find(busy)->size(), 16u);
  v1::Request info;
  info.mutable_daemon_info();
  EXPECT_TRUE(client_->Call(std::move(info)));  // the daemon is fine
}

TEST_F(ShmTest, BadNamesAndSizesAreInvalidArguments) {
  for (const std::string& name :
       {std::string(""), std::string(65, 'x'), std::string("a/b"), std::string("a b"),
        std::string("../etc"), std::string("x:y"), std::string("0:y"), std::string(":y"),
        std::string("5:"), std::string("5:a:b")}) {
    auto r = Create(name, 16);
    ASSERT_FALSE(r) << name;
    EXPECT_EQ(r.error().code, v1::INVALID_ARGUMENT) << name;
    EXPECT_THAT(r.error().message, HasSubstr("segment name")) << name;
  }
  auto zero = Create("zero", 0);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().code, v1::INVALID_ARGUMENT);
  EXPECT_EQ(zero.error().message, "a shared segment needs at least 1 byte");
  EXPECT_TRUE(List().empty());
}

TEST_F(ShmTest, QuotasFromTheFlags) {
  StartDaemon({"--shm-max-bytes", "8K", "--shm-max-segments", "2"});
  ASSERT_TRUE(Create("a", 4096));
  ASSERT_TRUE(Create("b", 4096));
  auto third = Create("c", 16);
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, v1::RESOURCE_EXHAUSTED);
  EXPECT_EQ(third.error().message,
            "cannot create shared segment 'c': 2 segments exist and the limit is 2 "
            "(isletd --shm-max-segments); delete one first");
  ASSERT_TRUE(Delete("b"));
  auto big = Create("c", 8192);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, v1::RESOURCE_EXHAUSTED);
  EXPECT_EQ(big.error().message,
            "cannot create shared segment 'c' of 8192 bytes: 4096 of 8192 shared bytes are in "
            "use (isletd --shm-max-bytes)");
  Followed js = SpawnAndFollow(*client_, SpawnRequest("q.js", R"js(
    try {
      require('islet').shared('d', 8192);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  )js",
                                                      true));
  EXPECT_EQ(js.out,
            "RangeError ERR_ISLET_SHM_QUOTA cannot create shared segment 'd' of 8192 bytes: 4096 "
            "of 8192 shared bytes are in use (isletd --shm-max-bytes)\n");
}

TEST_F(ShmTest, StoppingTheDaemonUnlinksItsSegments) {
  auto created = Create("temp", 64);
  ASSERT_TRUE(created);
  std::string path = created->shm_create().segment().path();
  EXPECT_EQ(access(path.c_str(), F_OK), 0);
  client_.reset();
  auto status = daemon_->Stop();
  ASSERT_TRUE(status);
  EXPECT_EQ(access(path.c_str(), F_OK), -1);
}

}  // namespace
}  // namespace islet::testing
